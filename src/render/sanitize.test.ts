import { dump, load } from 'js-yaml';
import { clean, cleanBlock, markdownInline, safeJson, safeYaml } from './sanitize';

// every character class the output must never carry raw: line breaks, C0, DEL, C1, bidi, zero-width, separators
const HOSTILE = ['\n', '\r', '\t', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b', '\u00ad', '\u061c', '\u200b', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff'];
const RAW = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/;

describe('output sanitising', () => {
  test.each(HOSTILE.map((c) => [c.charCodeAt(0).toString(16), c]))('U+%s is escaped in text', (_code, c) => {
    const out = clean(`a${c}b`);
    expect(out).not.toMatch(RAW);
    expect(out).toMatch(/^a\\.+b$/);
  });
  test('a newline in cluster data cannot forge a line of text', () => {
    expect(clean('web\nPod default/web: Healthy')).toBe('web\\nPod default/web: Healthy');
    expect(clean('\u001b[2J\u001b]0;owned\u0007')).toBe('\\x1b[2J\\x1b]0;owned\\x07');
  });
  test('a block keeps its own line breaks but no control character', () => {
    expect(cleanBlock('a\n\tb\u001b[31m\r\nc')).toBe('a\n  b\\x1b[31m\nc');
  });
  test('JSON escapes C1, bidi and invisible characters and still parses to the same value', () => {
    const value = { name: HOSTILE.join('|'), [`key\u202e`]: ['x\u0085y'] };
    const text = safeJson(value);
    expect(text.split('\n').every((l) => !RAW.test(l))).toBe(true);
    expect(JSON.parse(text)).toEqual(value);
  });
  test('YAML escapes them inside double-quoted scalars and still loads to the same value', () => {
    const value = { name: HOSTILE.filter((c) => c !== '\n').join('|'), [`key\u2066`]: ['x\u202ey', 'plain'], n: 3 };
    const text = safeYaml(value, (v) => dump(v, { noRefs: true, lineWidth: -1 }));
    expect(text.split('\n').every((l) => !RAW.test(l))).toBe(true);
    expect(load(text)).toEqual(value);
  });
  test.each([
    ['a heading', '# Pod is fine', '\\# Pod is fine'],
    ['a list item', '- fixed', '\\- fixed'],
    ['a numbered item', '1. fixed', '\\1. fixed'],
    ['a table cell break', 'a | b', 'a \\| b'],
    ['an HTML tag', '<img src=x>', '\\<img src=x\\>'],
    ['an entity that would decode to a bidi character', '&#x202E;', '\\&\\#x202E;'],
    ['a link', '[click](http://x)', '\\[click\\](http://x)'],
    ['a line break (shown as the two characters \\n)', 'a\n# b', 'a\\\\n\\# b'],
  ])('markdown cannot gain %s', (_what, input, output) => {
    expect(markdownInline(input)).toBe(output);
  });
});
