// Fatal patterns in a container's last log lines, recognised so the log can serve as evidence.

export interface LogSignal {
  id: string;
  what: string;
  line: string;
}

const PATTERNS: Array<[string, RegExp, string]> = [
  ['java-oom', /java\.lang\.OutOfMemoryError/, 'the JVM ran out of heap (java.lang.OutOfMemoryError)'],
  ['go-panic', /^panic: |^fatal error: /, 'the Go program panicked'],
  ['python-traceback', /^Traceback \(most recent call last\):/, 'the Python program raised an uncaught exception'],
  ['node-error', /^\s*(Uncaught )?(TypeError|ReferenceError|SyntaxError|RangeError): |UnhandledPromiseRejection/, 'the Node.js program threw an uncaught error'],
  ['bad-arguments', /unknown (command|flag|shorthand flag)|flag provided but not defined|unrecognized arguments|invalid option|illegal option/i, 'it was started with a command or flag it does not understand'],
  ['address-in-use', /address already in use|EADDRINUSE|bind: address/i, 'the port it listens on is already taken'],
  ['permission-denied', /permission denied|EACCES|operation not permitted/i, 'it was denied access to a file, port or device'],
  ['connection-refused', /connection refused|ECONNREFUSED/i, 'a service it depends on refused the connection'],
  ['no-such-file', /no such file or directory|ENOENT|FileNotFoundException/i, 'a file or directory it needs does not exist'],
  ['dns', /no such host|Name or service not known|getaddrinfo ENOTFOUND|Temporary failure in name resolution/i, 'a host name it needs does not resolve'],
  ['error-line', /^\s*(\S+\s+)?(\[?(ERROR|FATAL|CRITICAL)\]?|Error|error|fatal|Fatal|F\d{4})[:\s]/, 'an error'],
];

/** Text a log collector wrote in place of the log (the log itself could not be read). */
const NOT_A_LOG = /^(Request log error:|Error from server|unable to retrieve container logs|failed to try resolving symlinks)/;

export function isCollectorError(text: string): boolean {
  return NOT_A_LOG.test(text.trim());
}

const MAX_LINES = 200;

/** The most telling fatal line among the last lines of a log; the latest match wins, Python/Java/Go first. */
export function recognizeLog(text: string | undefined): LogSignal | undefined {
  if (!text || isCollectorError(text)) return undefined;
  // lines are cut so that no pattern can backtrack over megabytes
  const lines = text.split('\n').slice(-MAX_LINES).map((l) => (l.length > 4096 ? l.slice(0, 4096) : l));
  for (const [id, re, what] of PATTERNS) {
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i] as string;
      if (re.test(line)) {
        // for a traceback, the exception line at the end says more than the header
        const shown = id === 'python-traceback' ? lastNonEmpty(lines) ?? line : line;
        return { id, what, line: shown.trim().slice(0, 300) };
      }
    }
  }
  return undefined;
}

function lastNonEmpty(lines: string[]): string | undefined {
  for (let i = lines.length - 1; i >= 0; i--) if ((lines[i] as string).trim() !== '') return lines[i];
  return undefined;
}

export function tail(text: string | undefined, n: number): string[] {
  if (!text || isCollectorError(text)) return [];
  const lines = text.replace(/\n+$/, '').split('\n');
  return lines.slice(-n);
}

/** " Its log shows ...: <line>" for a message, or "" when nothing was recognised. */
export function logSentence(signal: LogSignal | undefined): string {
  if (!signal) return '';
  if (signal.id === 'error-line') return ` Last error in its log: ${signal.line}`;
  return ` Its log shows ${signal.what}: ${signal.line}`;
}
