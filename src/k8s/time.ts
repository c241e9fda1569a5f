// Time as Kubernetes writes it (RFC 3339) and as people read it ("2h13m", "41m ago").

/** Epoch milliseconds of an RFC 3339 timestamp, or undefined for anything else (including Go's zero time). */
export function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || ms <= Date.UTC(1971, 0, 1)) return undefined;
  return ms;
}

/** A duration the way kubectl prints ages: two units at most ("3d4h", "2h13m", "41m", "33s"). */
export function humanDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d >= 7) return `${d}d`;
  if (d > 0) return h > 0 ? `${d}d${h}h` : `${d}d`;
  if (h > 0) return m > 0 ? `${h}h${m}m` : `${h}h`;
  if (m > 0) return m < 10 && sec > 0 ? `${m}m${sec}s` : `${m}m`;
  return `${sec}s`;
}

export function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
