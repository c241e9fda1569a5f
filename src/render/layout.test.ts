import { ASCII, commandLines, localeIsUtf8, outputWidth, table, UNICODE, visibleLength, wrap } from './layout';

const PROSE = 'Container api-server exits with code 1 (a general error reported by the application itself); restarted 5 times. Its log shows a service it depends on refused the connection.';

describe('wrap', () => {
  test.each([60, 80, 120])('at %i columns every line fits and later lines hang under the first', (width) => {
    const lines = wrap(PROSE, width, '  x ', 4);
    for (const l of lines) expect(visibleLength(l)).toBeLessThanOrEqual(width);
    expect(lines[0]?.startsWith('  x Container')).toBe(true);
    for (const l of lines.slice(1)) expect(l).toMatch(/^ {4}\S/);
    expect(lines.join(' ').replace(/\s+/g, ' ').replace(/^ x /, '')).toBe(PROSE);
  });
  test('a word longer than the line stays whole on its own line', () => {
    const image = 'container-registry.oracle.com/verrazzano/example-roberts-helidon-stock-application:0.1.12-1';
    const lines = wrap(`image ${image} cannot be pulled`, 60, '', 2);
    expect(lines).toContain(`  ${image}`);
  });
  test('runs of spaces between fields are kept when they fit', () => {
    expect(wrap('default/web  Pending  age 5m', 100, '', 2)).toEqual(['default/web  Pending  age 5m']);
  });
  test('escape sequences take no room', () => {
    const red = (s: string): string => `\u001b[31m${s}\u001b[39m`;
    expect(wrap(`${red('word')} ${'a'.repeat(55)}`, 60, '', 0)).toHaveLength(1);
  });
});

describe('commands are never broken', () => {
  test('a command longer than the width is one line at its indent', () => {
    const cmd = 'kubectl delete pod sonobuoy-systemd-logs-daemon-set-7a10f4effeb44d32-jrn9s -n sonobuoy --grace-period=0 --force';
    expect(commandLines(cmd, 8)).toEqual([`        ${cmd}`]);
  });
});

describe('tables', () => {
  test.each([60, 80, 120])('at %i columns the second column starts at one place for every row', (width) => {
    const rows: Array<[string, string]> = [['k8s-master1', 'node(s) were unschedulable'], ['w2', 'Insufficient pods'], ['worker-with-a-long-name', 'fits']];
    const lines = table(rows, width, 4, ['node', 'verdict']);
    const col = lines[0]?.indexOf('verdict');
    for (const [i, l] of lines.entries()) expect({ i, at: l.indexOf(i === 0 ? 'verdict' : (rows[i - 1]?.[1] ?? '')) }).toEqual({ i, at: col });
    expect(lines).toHaveLength(4);
  });
  test('a name longer than the column cap puts its value on the next line, aligned', () => {
    const long = 'ip-10-0-3-11.eu-central-1.compute.internal.with-a-very-long-suffix';
    const lines = table([[long, 'fits'], ['n1', 'Insufficient cpu']], 60, 4);
    expect(lines[0]).toBe(`    ${long}`);
    expect(lines[1]?.indexOf('fits')).toBe(lines[2]?.indexOf('Insufficient'));
  });
});

describe('width and locale', () => {
  test.each([
    [{ COLUMNS: '72' }, 200, 72],
    [{}, 132, 132],
    [{}, undefined, 100],
    [{ COLUMNS: 'abc' }, undefined, 100],
    [{ COLUMNS: '10' }, undefined, 40],
  ] as const)('env %p, terminal %p: %i columns', (env, tty, expected) => {
    expect(outputWidth(env, tty)).toBe(expected);
  });
  test.each([
    [{ LANG: 'en_US.UTF-8' }, true],
    [{ LANG: 'C.utf8' }, true],
    [{ LC_ALL: 'C', LANG: 'en_US.UTF-8' }, false],
    [{ LC_CTYPE: 'POSIX' }, false],
    [{}, false],
  ] as const)('%p is UTF-8: %p', (env, utf8) => {
    expect(localeIsUtf8(env, 'linux')).toBe(utf8);
  });
  test('the ASCII glyphs hold no character outside ASCII, and every glyph has one', () => {
    expect(Object.keys(ASCII).sort()).toEqual(Object.keys(UNICODE).sort());
    for (const g of Object.values(ASCII)) expect(g).toMatch(/^[\x20-\x7e]+$/);
  });
});
