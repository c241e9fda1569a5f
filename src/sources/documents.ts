// Turns the text of one input file into documents (parsed values with their line) and log blocks.
// Never throws: a bad document becomes an InputError and the rest of the file is still read.
import { load } from 'js-yaml';
import type { InputError, LogBlock, RawDocument } from '../snapshot/input';

export interface ParsedText {
  documents: RawDocument[];
  logs: LogBlock[];
  /** the first problems found (at most MAX_KEPT_ERRORS) */
  errors: InputError[];
  /** problems found beyond those kept */
  moreErrors?: number;
}

/** a hostile file with a million bad lines keeps this many problems and counts the rest */
export const MAX_KEPT_ERRORS = 50;

function addError(out: ParsedText, e: InputError): void {
  if (out.errors.length < MAX_KEPT_ERRORS) out.errors.push(e);
  else out.moreErrors = (out.moreErrors ?? 0) + 1;
}

/** aliases per document: kubectl never writes any; each chained alias can double what a walk of the document visits ("billion laughs") */
const MAX_YAML_ALIASES = 16;

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** At most a few characters of a bad line: enough to recognise it, too few to leak a credential it may hold. */
export function snippet(line: string): string {
  const chars = [...line.trim()];
  return `${JSON.stringify(chars.slice(0, 6).join(''))}${chars.length > 6 ? '...' : ''}`;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').trim();
}

/** Node's JSON.parse errors name a position; turn it into a line relative to the document. */
function jsonErrorLine(text: string, err: unknown): { line?: number; message: string } {
  const message = err instanceof Error ? err.message : String(err);
  const m = /at position (\d+)/.exec(message);
  const pos = m ? Number(m[1]) : undefined;
  if (/Unexpected end of JSON input/.test(message) || (pos !== undefined && text.slice(pos).trim() === '')) {
    return { line: lineOf(text, text.trimEnd().length), message: 'truncated: the file ends in the middle of a JSON value' };
  }
  // never quote the input back: Node's message carries a snippet of it, which may be secret material
  const cleaned = firstLine(
    message
      .replace(/, ".*is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/^Unexpected token '?(.)'?(?: in JSON)?$/, 'unexpected "$1"'),
  );
  return pos === undefined ? { message: cleaned } : { line: lineOf(text, pos), message: cleaned };
}

/**
 * Splits a stream of top-level JSON values (kubectl cluster-info dump writes one after another, with log blocks
 * in between). Values are cut at lines that open with "{" / "[" and close with "}" / "]" at column 0, which is how
 * kubectl indents them; a damaged value only loses itself.
 */
function splitJsonStream(text: string, file: string, out: ParsedText): void {
  const lines = text.split('\n');
  let start = -1;
  let buffer: string[] = [];
  let logHeader: { namespace: string; pod: string; container: string } | undefined;
  let logLines: string[] = [];
  const flushDoc = (endLine: number): void => {
    const chunk = buffer.join('\n');
    buffer = [];
    try {
      out.documents.push({ origin: `${file}:${start + 1}`, value: JSON.parse(chunk) });
    } catch (e) {
      const { line, message } = jsonErrorLine(chunk, e);
      addError(out, { origin: `${file}:${line === undefined ? start + 1 : start + line}`, message: `invalid JSON (lines ${start + 1}-${endLine + 1}): ${message}` });
    }
    start = -1;
  };
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const logStart = /^==== START logs for container (\S+) of pod ([^/\s]+)\/(\S+) ====$/.exec(line);
    if (start < 0 && logStart) {
      logHeader = { container: logStart[1] as string, namespace: logStart[2] as string, pod: logStart[3] as string };
      logLines = [];
      return;
    }
    if (logHeader) {
      if (/^==== END logs for container /.test(line)) {
        out.logs.push({ ...logHeader, previous: false, text: logLines.join('\n') });
        logHeader = undefined;
      } else {
        logLines.push(line);
      }
      return;
    }
    if (start < 0) {
      if (line.trim() === '') return;
      if (line.startsWith('{') || line.startsWith('[')) {
        start = i;
        buffer = [line];
        if (isCompleteJson(line)) flushDoc(i);
        return;
      }
      addError(out, { origin: `${file}:${i + 1}`, message: `unexpected text outside a JSON document: ${snippet(line)}` });
      return;
    }
    buffer.push(line);
    if (/^[}\]]/.test(line)) flushDoc(i);
  });
  if (start >= 0) {
    out.errors.push({ origin: `${file}:${start + 1}`, message: `truncated JSON document (no closing bracket before the end of the file)` });
  }
  if (logHeader) out.logs.push({ ...logHeader, previous: false, text: logLines.join('\n') });
}

function isCompleteJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function parseYaml(text: string, file: string, out: ParsedText): void {
  // split on document markers ourselves, so one bad document does not lose the others
  const lines = text.split('\n');
  const docs: Array<{ start: number; body: string[] }> = [{ start: 1, body: [] }];
  lines.forEach((line, i) => {
    if (/^---(\s|$)/.test(line)) {
      docs.push({ start: i + 1, body: [line.replace(/^---\s*/, '')] });
    } else if (/^\.\.\.\s*$/.test(line)) {
      docs.push({ start: i + 1, body: [] });
    } else {
      (docs[docs.length - 1] as { body: string[] }).body.push(line);
    }
  });
  const multi = docs.filter((d) => d.body.some((l) => l.trim() !== '' && !l.trim().startsWith('#'))).length > 1;
  for (const doc of docs) {
    const body = doc.body.join('\n');
    if (body.trim() === '' || doc.body.every((l) => l.trim() === '' || l.trim().startsWith('#'))) continue;
    try {
      const value = load(body, { filename: file, json: true, maxAliases: MAX_YAML_ALIASES });
      if (value === null || value === undefined) continue;
      out.documents.push({ origin: multi ? `${file}:${doc.start}` : file, value });
    } catch (e) {
      const mark = (e as { mark?: { line?: number } }).mark;
      let lastLine = doc.start + doc.body.length - 1;
      while (lastLine > doc.start && (doc.body[lastLine - doc.start] ?? '').trim() === '') lastLine--;
      const line = mark?.line !== undefined ? Math.min(doc.start + mark.line, lastLine) : doc.start;
      const reason = (e as { reason?: string }).reason ?? firstLine(e instanceof Error ? e.message : String(e));
      addError(out, { origin: `${file}:${line}`, message: `invalid YAML: ${reason}` });
    }
  }
}

/** Parses the text of one file; the format is sniffed from the content, the name only breaks ties. */
export function parseText(text: string, file: string): ParsedText {
  const out: ParsedText = { documents: [], logs: [], errors: [] };
  const body = text.replace(/^\uFEFF/, '');
  const head = body.trimStart();
  if (head === '') return out;
  if (head.startsWith('==== START logs for container')) {
    splitJsonStream(body, file, out);
    return out;
  }
  if (head.startsWith('{') || head.startsWith('[')) {
    try {
      out.documents.push({ origin: file, value: JSON.parse(body) });
      return out;
    } catch (e) {
      // several pretty-printed documents one after another (cluster-info dump) or a damaged one: split and recover
      if (/\n[}\]]/.test(body)) {
        splitJsonStream(body, file, out);
        return out;
      }
      const { line, message } = jsonErrorLine(body, e);
      out.errors.push({ origin: line === undefined ? file : `${file}:${line}`, message: `invalid JSON: ${message}` });
      return out;
    }
  }
  parseYaml(body, file, out);
  return out;
}
