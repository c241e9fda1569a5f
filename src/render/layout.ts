// Terminal layout: wrapping to a width with hanging indents, commands kept whole, glyphs with ASCII fallbacks.

export interface Glyphs {
  error: string;
  warning: string;
  info: string;
  ok: string;
  bullet: string;
  differs: string;
  unknown: string;
  dot: string;
}

export const UNICODE: Glyphs = { error: '✗', warning: '!', info: 'i', ok: '✓', bullet: '•', differs: '≠', unknown: '?', dot: '·' };
export const ASCII: Glyphs = { error: 'x', warning: '!', info: 'i', ok: 'ok', bullet: '-', differs: '!=', unknown: '?', dot: '-' };

const ANSI = /\u001b\[[0-9;]*m/g;

/** What a string occupies on screen: escape sequences take no room. */
export function visibleLength(s: string): number {
  return s.replace(ANSI, '').length;
}

/**
 * Word-wraps prose to width: the first line starts with `first` (already counted by the caller as its prefix), the
 * following lines with `hang` spaces. A single word longer than the room is kept whole on its own line.
 */
export function wrap(text: string, width: number, first: string, hang: number): string[] {
  const pad = ' '.repeat(hang);
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    // words with the run of spaces before each, so that "a  b" keeps its two spaces when it fits
    const tokens = paragraph.match(/ *[^ ]+/g) ?? [];
    let line = out.length === 0 ? first : pad;
    let lineLen = visibleLength(line);
    let empty = true;
    for (const token of tokens) {
      const word = token.trimStart();
      const gap = empty ? '' : token.slice(0, token.length - word.length);
      const wl = visibleLength(word);
      if (!empty && lineLen + gap.length + wl > width) {
        out.push(line);
        line = pad + word;
        lineLen = hang + wl;
        continue;
      }
      line += gap + word;
      lineLen += gap.length + wl;
      empty = false;
    }
    out.push(line.replace(/ +$/, ''));
  }
  return out;
}

/** A command line: never broken, on its own line at the indent (longer than the width if it must be). */
export function commandLines(command: string, indent: number): string[] {
  const pad = ' '.repeat(indent);
  return command.split('\n').map((l) => pad + l);
}

/**
 * An aligned two-column table: names padded to the widest (capped so the second column keeps room); a name
 * longer than the cap puts its value on the next line, still aligned. Values wrap under their column.
 */
export function table(rows: Array<[string, string]>, width: number, indent: number, header?: [string, string]): string[] {
  const all = header ? [header, ...rows] : rows;
  const cap = Math.max(8, Math.min(Math.floor((width - indent) / 2), ...[40]));
  const col = Math.min(cap, Math.max(...all.map(([n]) => visibleLength(n))));
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (const [name, value] of all) {
    const nl = visibleLength(name);
    if (nl > col) {
      out.push(pad + name);
      out.push(...wrap(value, width, `${pad}${' '.repeat(col + 2)}`, indent + col + 2));
    } else {
      out.push(...wrap(value, width, `${pad}${name}${' '.repeat(col - nl + 2)}`, indent + col + 2));
    }
  }
  return out;
}

/** COLUMNS, else the terminal's width, else 100 (not a terminal). Below 40 columns nothing reads well: 40. */
export function outputWidth(env: Record<string, string | undefined>, ttyColumns: number | undefined): number {
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  const w = Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : ttyColumns && ttyColumns > 0 ? ttyColumns : 100;
  return Math.max(40, w);
}

/** UTF-8 when the locale says so (LC_ALL, else LC_CTYPE, else LANG), as C programs decide it. */
export function localeIsUtf8(env: Record<string, string | undefined>, platform: string): boolean {
  if (platform === 'win32') return true;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale);
}
