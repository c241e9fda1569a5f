// Label selectors: the command-line syntax of `kubectl -l` and the API's LabelSelector, as apimachinery matches them.

export interface Requirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values: string[];
}

export class SelectorError extends Error {}

const KEY = /^([a-z0-9A-Z]([\w.-]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([\w.-]*[a-z0-9A-Z])?$/;

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Parses "a=b,c!=d,e in (x,y),f notin (z),g,!h,i>3". */
export function parseSelector(text: string): Requirement[] {
  return splitTopLevel(text).map((part): Requirement => {
    let m = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
    if (m) {
      const values = (m[3] as string).split(',').map((v) => v.trim()).filter((v) => v !== '');
      return check({ key: m[1] as string, operator: m[2] === 'in' ? 'In' : 'NotIn', values });
    }
    m = /^([^=!<>\s]+)\s*(==|=|!=|>|<)\s*(\S*)$/.exec(part);
    if (m) {
      const op = m[2] as string;
      const operator = op === '!=' ? 'NotIn' : op === '>' ? 'Gt' : op === '<' ? 'Lt' : 'In';
      return check({ key: m[1] as string, operator, values: [m[3] as string] });
    }
    if (part.startsWith('!')) return check({ key: part.slice(1).trim(), operator: 'DoesNotExist', values: [] });
    return check({ key: part, operator: 'Exists', values: [] });
  });
}

function check(r: Requirement): Requirement {
  if (!KEY.test(r.key)) throw new SelectorError(`invalid label key ${JSON.stringify(r.key)}`);
  return r;
}

export function matchesRequirement(labels: Record<string, string>, r: Requirement): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = labels[r.key];
  switch (r.operator) {
    case 'In':
      return has && r.values.includes(v as string);
    case 'NotIn':
      return !has || !r.values.includes(v as string);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || r.values.length !== 1 || !/^-?\d+$/.test(v as string) || !/^-?\d+$/.test(r.values[0] as string)) return false;
      const a = BigInt(v as string);
      const b = BigInt(r.values[0] as string);
      return r.operator === 'Gt' ? a > b : a < b;
    }
  }
}

export function matchesSelector(labels: Record<string, string> | null | undefined, reqs: Requirement[]): boolean {
  return reqs.every((r) => matchesRequirement(labels ?? {}, r));
}
