// The fixed time test objects are written around.
export const T0 = '2026-11-27T10:00:00Z';
/** A timestamp `seconds` after T0 (negative: before). */
export function at(seconds: number): string {
  return new Date(Date.parse(T0) + seconds * 1000).toISOString().replace(/\.000Z$/, 'Z');
}
