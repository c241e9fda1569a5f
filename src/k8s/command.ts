// Remedy commands built from cluster data, safe to paste. Every interpolated value is shell-quoted; a value that
// would read as a flag, hide text or break a line, and a name that is not a valid Kubernetes name, refuse the whole
// command (the remedy keeps its summary and loses the command) rather than putting it on the user's command line.
import { isName } from './names';

/** Text already safe for a shell: produced by sh, name or flag, or a literal written in our code. */
export class ShellText {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type ShellArg = string | number | ShellText | null | undefined;

const PLAIN = /^[\w@%+=:,./-]+$/;
// line breaks, controls and bidi/invisible characters: the command shown would not be the command pasted
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\ufff9-\ufffb]/;

/** Quotes a word for a POSIX shell only when it needs it. */
export function shellQuote(word: string): string {
  return PLAIN.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A cluster value as one shell word, or undefined when no quoting makes it safe (empty, a flag, hidden characters). */
export function word(value: string | null | undefined): ShellText | undefined {
  if (value === undefined || value === null || value === '' || value.startsWith('-') || HIDDEN.test(value)) return undefined;
  return new ShellText(shellQuote(value));
}

/** An object, node, namespace or container name: only a valid Kubernetes name goes into a command (or our placeholder). */
export function name(value: string | ShellText | null | undefined): ShellText | undefined {
  if (value instanceof ShellText) return value;
  return typeof value === 'string' && isName(value) ? new ShellText(value) : undefined;
}

/** "kind/name" with a valid name. */
export function resource(kind: string, value: string | undefined): ShellText | undefined {
  return value !== undefined && isName(value) ? new ShellText(`${kind}/${value}`) : undefined;
}

/**
 * A command line: literal parts are ours, every value is a cluster value (quoted) or ShellText. Undefined when any
 * value cannot be used safely, so a remedy is given as `command: sh\`kubectl describe node ${name(node)}\``.
 */
export function sh(strings: TemplateStringsArray, ...values: ShellArg[]): string | undefined {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let text: string | undefined;
    if (v instanceof ShellText) text = v.text;
    else if (typeof v === 'number') text = Number.isFinite(v) ? String(v) : undefined;
    else text = word(v)?.text;
    if (text === undefined) return undefined;
    out += text + (strings[i + 1] ?? '');
  }
  return out;
}

/** Like sh, but a fragment to put inside another command. */
export function part(strings: TemplateStringsArray, ...values: ShellArg[]): ShellText | undefined {
  const text = sh(strings, ...values);
  return text === undefined ? undefined : new ShellText(text);
}

/** Our own placeholder, such as <node>, for the user to fill in. */
export const placeholder = (text: string): ShellText => new ShellText(text);

/**
 * A command to run on a node over ssh. ssh joins its arguments and the remote shell parses them again, so a remote
 * command with anything but plain words is quoted once more as a whole.
 */
export function ssh(node: string | ShellText | null | undefined, remote: string | undefined): string | undefined {
  const host = name(node);
  if (host === undefined || remote === undefined) return undefined;
  return `ssh ${host.text} ${/^[\w@%+=:,./ -]+$/.test(remote) ? remote : shellQuote(remote)}`;
}

/** Several names as separate words; undefined when any is not a valid name. */
export function names(values: readonly string[]): ShellText | undefined {
  return values.length > 0 && values.every(isName) ? new ShellText(values.join(' ')) : undefined;
}

/** Several cluster values as separate quoted words; undefined when any cannot be used. */
export function words(values: readonly string[]): ShellText | undefined {
  const out = values.map(word);
  return out.length > 0 && out.every((w) => w !== undefined) ? new ShellText(out.map((w) => w.text).join(' ')) : undefined;
}

const YAML_PLAIN = /^[\w./-]+$/;
const YAML_SPECIAL = /^(y|n|yes|no|true|false|on|off|null|~|[-+]?(\d[\d_]*)?\.?\d[\d_]*(e[-+]?\d+)?|0x[\da-f]+|0o?[0-7]+)$/i;

/**
 * A cluster value as a YAML scalar in a patch: plain when it cannot be misread, else double-quoted with every line
 * break, control and bidi character escaped, so a value can never add a line (a key) to the patch the user applies.
 */
export function yamlScalar(value: string): string {
  return YAML_PLAIN.test(value) && !YAML_SPECIAL.test(value) && !value.startsWith('-') ? value : yamlQuoted(value);
}

/** Always double-quoted, escaped as yamlScalar does. */
export function yamlQuoted(value: string): string {
  return JSON.stringify(value).replace(new RegExp(HIDDEN.source, 'g'), (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text for a YAML comment: one line, nothing hidden. */
export const yamlComment = (text: string): string => yamlQuoted(text).slice(1, -1);
