// Cases from apimachinery's own quantity_test.go (TestQuantityParse): input → exact value in nano-units.
import fc from 'fast-check';
import { formatBytes, formatMilliCpu, milliValue, parseQuantity, value } from './quantity';

const n = (v: string): bigint => {
  // decimal string to nano-units, for writing expectations readably
  const [whole, frac = ''] = v.split('.');
  return BigInt(whole as string) * 1_000_000_000n + BigInt((frac + '000000000').slice(0, 9));
};

const UPSTREAM: Array<[string, string, string]> = [
  ['0', '0', 'DecimalSI'], ['0n', '0', 'DecimalSI'], ['0Ki', '0', 'BinarySI'], ['0Mi', '0', 'BinarySI'], ['0T', '0', 'DecimalSI'],
  ['1', '1', 'DecimalSI'], ['1Ki', '1024', 'BinarySI'], ['8Ki', '8192', 'BinarySI'], ['7Mi', String(7 * 1024 * 1024), 'BinarySI'],
  ['6Gi', String(6 * 1024 ** 3), 'BinarySI'], ['5Ti', String(5 * 1024 ** 4), 'BinarySI'], ['4Pi', (4n * 1024n ** 5n).toString(), 'BinarySI'],
  ['3Ei', (3n * 1024n ** 6n).toString(), 'BinarySI'],
  ['5n', '0.000000005', 'DecimalSI'], ['4u', '0.000004', 'DecimalSI'], ['3m', '0.003', 'DecimalSI'], ['8k', '8000', 'DecimalSI'],
  ['50k', '50000', 'DecimalSI'], ['7M', '7000000', 'DecimalSI'], ['6G', '6000000000', 'DecimalSI'], ['2P', '2000000000000000', 'DecimalSI'],
  ['1E', '1000000000000000000', 'DecimalSI'], ['1E-3', '0.001', 'DecimalExponent'], ['1e3', '1000', 'DecimalExponent'], ['1E6', '1000000', 'DecimalExponent'],
  ['100.035k', '100035', 'DecimalSI'], ['0.001', '0.001', 'DecimalSI'], ['0.0005k', '0.5', 'DecimalSI'], ['0.5e-2', '0.005', 'DecimalExponent'],
  ['10.035M', '10035000', 'DecimalSI'], ['1.2e3', '1200', 'DecimalExponent'], ['1.3E+6', '1300000', 'DecimalExponent'],
  ['9.01', '9.01', 'DecimalSI'], ['7.123456M', '7123456', 'DecimalSI'], ['6.987654321G', '6987654321', 'DecimalSI'],
  ['3.001n', '0.000000004', 'DecimalSI'], ['1.1E-9', '0.000000002', 'DecimalExponent'], ['0.0000000001', '0.000000001', 'DecimalSI'],
  ['0.5e-9', '0.000000001', 'DecimalExponent'], ['0.9n', '0.000000001', 'DecimalSI'], ['0.00000012345', '0.000000124', 'DecimalSI'],
  ['9Ei', '9223372036854775807', 'BinarySI'], ['9223372036854775807Ki', '9223372036854775807', 'BinarySI'],
  ['100.035Ki', '102435.84', 'BinarySI'], ['0.5Mi', '524288', 'BinarySI'], ['0.05Gi', '53687091.2', 'BinarySI'],
  ['0.000000000001Ki', '0.000000002', 'DecimalSI'], ['.001', '0.001', 'DecimalSI'], ['.0001k', '0.1', 'DecimalSI'], ['1.', '1', 'DecimalSI'], ['1.G', '1000000000', 'DecimalSI'],
];

describe('parseQuantity follows apimachinery', () => {
  test.each(UPSTREAM)('%s = %s (%s)', (input, expected, format) => {
    const q = parseQuantity(input);
    expect(q.nanos).toBe(n(expected));
    expect(q.format).toBe(format);
    expect(parseQuantity(`+${input}`).nanos).toBe(n(expected));
    expect(parseQuantity(`-${input}`).nanos).toBe(-n(expected));
  });

  test.each(['1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01i', '-3.01e-', ' 1', '1 ', '', 'abc', '1K', '1e'])('%j is rejected', (input) => {
    expect(() => parseQuantity(input)).toThrow();
  });

  test('MilliValue and Value round up as upstream does', () => {
    expect(milliValue(parseQuantity('0.1m'))).toBe(1n);
    expect(milliValue(parseQuantity('1.5'))).toBe(1500n);
    expect(value(parseQuantity('1.5'))).toBe(2n);
    expect(value(parseQuantity('100m'))).toBe(1n);
    expect(milliValue(parseQuantity('250m'))).toBe(250n);
  });

  test('hostile exponents stay cheap and are capped', () => {
    expect(parseQuantity('1e999999999').nanos > 0n).toBe(true);
    expect(parseQuantity('1e-999999999').nanos).toBe(1n);
  });

  test('any integer with a binary suffix parses to integer × 2^k', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(['Ki', 10n], ['Mi', 20n], ['Gi', 30n]), (i, [suffix, shift]) => {
        expect(value(parseQuantity(`${i}${suffix}`))).toBe(BigInt(i) << (shift as bigint));
      }),
    );
  });
});

test('human formatting', () => {
  expect(formatBytes(512n * 1024n * 1024n)).toBe('512Mi');
  expect(formatBytes(1536n * 1024n * 1024n)).toBe('1.5Gi');
  expect(formatBytes(100n)).toBe('100');
  expect(formatMilliCpu(1500n)).toBe('1.5');
  expect(formatMilliCpu(250n)).toBe('250m');
  expect(formatMilliCpu(4000n)).toBe('4');
});
