// Cluster data never reaches a terminal, a document or a pasted command raw: line breaks, control characters,
// escape sequences and bidi/invisible characters are made visible, so output can neither forge lines nor hide text.

/**
 * C0 and C1 controls, DEL, and the characters that reorder or hide text: soft hyphen, Arabic letter mark (U+061C),
 * Hangul fillers, Mongolian vowel separator, zero-width and directional marks (U+200B-F), line and paragraph
 * separators (U+2028/9), bidi embeddings and overrides (U+202A-E), invisible operators and isolates (U+2060-F),
 * the byte order mark and interlinear annotations.
 */
export const UNSAFE_SOURCE = '\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u061c\\u115f\\u1160\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164\\ufeff\\ufff9-\\ufffb';
const UNSAFE = new RegExp(`[${UNSAFE_SOURCE}]`, 'g');
/** what JSON.stringify leaves raw but a terminal or editor would act on: every unsafe character above U+001F */
const UNSAFE_IN_JSON = new RegExp(`[${UNSAFE_SOURCE.replace('\\u0000-\\u001f', '')}]`, 'g');

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex = (code: number, width: number): string => code.toString(16).padStart(width, '0');

export const hasUnsafe = (text: string): boolean => new RegExp(`[${UNSAFE_SOURCE}]`).test(text);

/** One line of text: every unsafe character (newlines and tabs too) becomes a visible escape. */
export function clean(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return NAMED[ch] ?? (code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`);
  });
}

/** Like clean, but a multi-line value keeps its line breaks (tabs become spaces). */
export function cleanBlock(text: string): string {
  return text
    .split('\n')
    .map((l) => clean(l.replace(/\r$/, '').replace(/\t/g, '  ')))
    .join('\n');
}

/** JSON text in which C1 controls, bidi and invisible characters are \u escapes too (JSON.stringify only escapes C0). */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (ch) => `\\u${hex(ch.charCodeAt(0), 4)}`);
}

// js-yaml double-quotes (and escapes) strings with non-printable characters but writes bidi and zero-width ones raw.
// Each such character is swapped for a marker of control characters, which forces the double-quoted style and
// comes out as "\x01" escapes, and the markers are then turned into the \u escape of the character they stand for.
const MARK = '\u0001';
const MARKED = /\\x01([0-9a-f]{4})\\x01/g;

function markDeep(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(UNSAFE_IN_JSON, (ch) => `${MARK}${hex(ch.charCodeAt(0), 4)}${MARK}`);
  if (Array.isArray(value)) return value.map(markDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [markDeep(k) as string, markDeep(v)]));
  }
  return value;
}

/** YAML text in which every control, bidi and invisible character is an escape inside a double-quoted scalar. */
export function safeYaml(value: unknown, dump: (v: unknown) => string): string {
  return dump(markDeep(value)).replace(MARKED, (_m, code: string) => `\\u${code.toUpperCase()}`);
}

/** Inline markdown: no markup, HTML, entity or line break from the data can take effect. */
export function markdownInline(text: string): string {
  return clean(text)
    .replace(/([\\`*_[\]|<>#~&!])/g, '\\$1')
    .replace(/^(\s*)([-+=]|\d+[.)])/, '$1\\$2');
}
