// Cluster data never reaches a terminal raw: control characters, escape sequences and bidi overrides are made visible.

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function clean(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Like clean, but a multi-line value keeps its line breaks (tabs become spaces). */
export function cleanBlock(text: string): string {
  return text
    .split('\n')
    .map((l) => clean(l.replace(/\r$/, '').replace(/\t/g, '  ')))
    .join('\n');
}
