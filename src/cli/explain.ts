import { catalog, findAnalyzer } from '../analyzers/registry';
import type { Analyzer } from '../analyzers/types';
import { UserError } from './errors';

function wrap(text: string, width = 100, pad = '  '): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && cur.length + 1 + w.length > width) {
      lines.push(pad + cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(pad + cur);
  return lines.join('\n');
}

export function explainPage(a: Omit<Analyzer<string>, 'analyze'>): string {
  return [
    `${a.id}: ${a.docs.title}`,
    `(area: ${a.area}, severity: ${a.severity})`,
    '',
    'What it means',
    wrap(a.docs.summary),
    '',
    'How podwhy detects it',
    wrap(a.docs.detection),
    '',
    'How to fix it',
    wrap(a.docs.remedy),
    '',
  ].join('\n');
}

export function explainList(): string {
  const width = Math.max(...catalog.map((a) => a.id.length));
  return `${catalog.map((a) => `${a.id.padEnd(width)}  ${a.docs.title}`).join('\n')}\n`;
}

export function explain(id: string | undefined): string {
  if (!id) throw new UserError('explain needs a finding ID; `kubectl podwhy explain --list` lists them');
  const a = findAnalyzer(id);
  if (!a) {
    const near = catalog.filter((x) => x.id.toLowerCase().includes(id.toLowerCase().slice(0, 5))).map((x) => x.id);
    throw new UserError(`unknown finding ID ${JSON.stringify(id)}${near.length ? `; did you mean ${near.join(', ')}?` : ''} (kubectl podwhy explain --list)`);
  }
  return explainPage(a);
}
