// Follows k8s.io/apimachinery pkg/api/resource/quantity.go (ParseQuantity, parseQuantityString) and suffix.go.
// A quantity is held exactly as a BigInt count of nano-units, rounded up (away from zero) to 1n as upstream does.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** exact value × 10^9, rounded away from zero */
  readonly nanos: bigint;
  readonly format: QuantityFormat;
}

export class QuantityError extends Error {}

const NANO = 1_000_000_000n;
const MAX_INT64 = (1n << 63n) - 1n;
const MAX_NANOS = MAX_INT64 * NANO;
/** decimal exponents beyond this exceed int64 (≈ 9.2e18) whatever the digits; checked before BigInt math so hostile input stays cheap */
const EXPONENT_BOUND = 64;
const MAX_INPUT_LENGTH = 256;

const SUFFIX_CHARS = 'eEinumkKMGTP';
const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

interface Parts {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
}

const FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

function splitQuantity(str: string): Parts {
  let pos = 0;
  const end = str.length;
  let positive = true;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') {
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  const num = str.slice(pos, i) || '0';
  pos = i;
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(str[i])) i++;
    denom = str.slice(pos, i);
    pos = i;
  }
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos] as string)) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos < end) throw new QuantityError(FORMAT_ERROR);
  return { positive, num, denom, suffix: str.slice(suffixStart) };
}

function interpretSuffix(suffix: string): { base: 10 | 2; exponent: number; format: QuantityFormat } {
  const dec = DECIMAL_SUFFIXES[suffix];
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = BINARY_SUFFIXES[suffix];
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    const exponent = Number(suffix.slice(1));
    if (Number.isSafeInteger(exponent)) return { base: 10, exponent, format: 'DecimalExponent' };
  }
  throw new QuantityError("unable to parse quantity's suffix");
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b === a ? q : q + 1n;
}

/** Parses a Kubernetes quantity exactly as apimachinery's ParseQuantity does; throws QuantityError. */
export function parseQuantity(input: string | number): Quantity {
  const str = typeof input === 'number' ? String(input) : input;
  if (str.length === 0 || str.length > MAX_INPUT_LENGTH) throw new QuantityError(FORMAT_ERROR);
  const { positive, num, denom, suffix } = splitQuantity(str);
  const { base, exponent, format } = interpretSuffix(suffix);
  const digits = BigInt(num + denom);
  let nanos: bigint;
  if (digits === 0n) {
    nanos = 0n;
  } else {
    // value = digits × 10^(decExp) × 2^(binExp); nanos = value × 10^9, rounded up
    const decExp = (base === 10 ? exponent : 0) - denom.length + 9;
    const binExp = base === 2 ? exponent : 0;
    if (decExp > EXPONENT_BOUND) {
      nanos = MAX_NANOS + 1n;
    } else if (decExp < -EXPONENT_BOUND - num.length - denom.length) {
      nanos = 1n;
    } else {
      const scaled = digits << BigInt(binExp);
      nanos = decExp >= 0 ? scaled * 10n ** BigInt(decExp) : ceilDiv(scaled, 10n ** BigInt(-decExp));
    }
  }
  if (nanos > MAX_NANOS && format !== 'DecimalExponent') nanos = MAX_NANOS;
  if (nanos === 0n && digits !== 0n) nanos = 1n;
  // upstream writes a binary value between 0 and 1 as DecimalSI ("rounds up, changes format")
  const finalFormat = format === 'BinarySI' && nanos > 0n && nanos < NANO ? 'DecimalSI' : format;
  return { nanos: positive ? nanos : -nanos, format: finalFormat };
}

/** Clusters repeat a handful of quantity strings thousands of times: parse each once. */
const MEMO_LIMIT = 10_000;
const memo = new Map<string, Quantity | null>();

export function tryParseQuantity(input: unknown): Quantity | undefined {
  if (typeof input !== 'string' && typeof input !== 'number') return undefined;
  const key = typeof input === 'number' ? `#${input}` : input;
  const hit = memo.get(key);
  if (hit !== undefined) return hit ?? undefined;
  let q: Quantity | null;
  try {
    q = parseQuantity(input);
  } catch {
    q = null;
  }
  if (memo.size < MEMO_LIMIT) memo.set(key, q);
  return q ?? undefined;
}

function ceilScaled(nanos: bigint, divisor: bigint): bigint {
  if (nanos >= 0n) return ceilDiv(nanos, divisor);
  return -ceilDiv(-nanos, divisor);
}

/** Quantity.MilliValue(): thousandths, rounded up away from zero. */
export const milliValue = (q: Quantity): bigint => ceilScaled(q.nanos, 1_000_000n);
/** Quantity.Value(): whole units, rounded up away from zero. */
export const value = (q: Quantity): bigint => ceilScaled(q.nanos, NANO);

const BINARY_UNITS: Array<[string, bigint]> = [
  ['Ei', 1n << 60n],
  ['Pi', 1n << 50n],
  ['Ti', 1n << 40n],
  ['Gi', 1n << 30n],
  ['Mi', 1n << 20n],
  ['Ki', 1n << 10n],
];

function trimDecimal(whole: bigint, frac: bigint, fracDigits: number): string {
  if (frac === 0n) return whole.toString();
  const f = frac.toString().padStart(fracDigits, '0').replace(/0+$/, '');
  return `${whole}.${f}`;
}

/** Human form of a byte count: the largest binary unit, up to one decimal (rounded down, so "free" never overstates). */
export function formatBytes(bytes: bigint): string {
  const sign = bytes < 0n ? '-' : '';
  const abs = bytes < 0n ? -bytes : bytes;
  for (const [unit, size] of BINARY_UNITS) {
    if (abs >= size) {
      const tenths = (abs * 10n) / size;
      return `${sign}${trimDecimal(tenths / 10n, tenths % 10n, 1)}${unit}`;
    }
  }
  return `${sign}${abs}`;
}

/** Human form of millicores: "2", "1.5", "250m". */
export function formatMilliCpu(milli: bigint): string {
  if (milli % 1000n === 0n) return (milli / 1000n).toString();
  if (milli >= 1000n || milli <= -1000n) {
    const sign = milli < 0n ? '-' : '';
    const abs = milli < 0n ? -milli : milli;
    return sign + trimDecimal(abs / 1000n, abs % 1000n, 3);
  }
  return `${milli}m`;
}

/** Formats an amount of the named resource in the unit people read it in. */
export function formatResource(resource: string, amount: bigint): string {
  if (resource === 'cpu') return formatMilliCpu(amount);
  if (resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-')) return formatBytes(amount);
  return amount.toString();
}

/** The unit a resource is compared in by the scheduler: millicores for cpu, whole units otherwise. */
export function resourceAmount(resource: string, q: Quantity): bigint {
  return resource === 'cpu' ? milliValue(q) : value(q);
}
