import { reconcileLocalTime } from './build';

const t = (s: string): number => Date.parse(s);

describe('a troubleshoot folder name is local time, matched to the newest timestamp inside', () => {
  test.each([
    ['folder 15:54:39 (UTC-5) with contents up to 20:55:09Z: the capture was at 20:55:09Z', '2025-09-11T15:54:39Z', '2025-09-11T20:55:09Z', '2025-09-11T20:55:09Z', /UTC-05:00/],
    ['folder in UTC matching its contents', '2025-04-11T14:05:31Z', '2025-04-11T14:03:00Z', '2025-04-11T14:05:31Z', /local time UTC,/],
    ['folder in UTC+05:30 (India)', '2025-01-01T17:30:00Z', '2025-01-01T12:01:00Z', '2025-01-01T12:01:00Z', /UTC\+05:30/],
    ['contents far newer than any zone allows: the contents win', '2025-01-01T00:00:00Z', '2025-01-03T00:00:00Z', '2025-01-03T00:00:00Z', /older than its contents/],
    ['an idle cluster whose newest timestamp is days old: the folder is read as UTC', '2025-01-10T00:00:00Z', '2025-01-01T00:00:00Z', '2025-01-10T00:00:00Z', /do not tell the time zone/],
  ])('%s', (_name, folder, newest, expected, detail) => {
    const r = reconcileLocalTime(t(folder), t(newest));
    expect(new Date(r.time).toISOString().replace('.000', '')).toBe(expected);
    expect(r.detail).toMatch(detail);
  });
  test('with nothing inside to compare, the folder time is read as UTC and says so', () => {
    expect(reconcileLocalTime(t('2025-01-01T00:00:00Z'), 0)).toEqual({ time: t('2025-01-01T00:00:00Z'), detail: expect.stringMatching(/read as UTC/) });
  });
});
