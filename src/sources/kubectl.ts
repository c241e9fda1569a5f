// The only door to a live cluster: the user's own kubectl, run with execFile (never a shell), read verbs only.
import { execFile } from 'node:child_process';

/** Verbs podwhy may ever run. Anything else is a bug and is refused before a process starts. */
export const READ_VERBS = new Set(['get', 'logs', 'version', 'auth', 'config']);

export interface KubectlOptions {
  /** kubectl binary: $KUBECTL or "kubectl" on PATH */
  binary: string;
  /** --kubeconfig, --context, --cluster, --user, --request-timeout, passed through */
  globalFlags: string[];
  env: Record<string, string | undefined>;
  /** parallel kubectl processes at most */
  concurrency: number;
}

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export type KubectlFailure = 'not-found' | 'forbidden' | 'unauthorized' | 'unreachable' | 'timeout' | 'missing-binary' | 'unknown-resource' | 'other';

export class KubectlError extends Error {
  constructor(
    readonly kind: KubectlFailure,
    message: string,
  ) {
    super(message);
  }
}

const MAX_ERROR_LINE = 300;

/** What a failed kubectl call means, from its stderr (kubectl 1.27-1.33 wording). */
export function classifyFailure(stderr: string): { kind: KubectlFailure; line: string } {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l && !/^[EWI]\d{4} /.test(l));
  const found = lines.find((l) => /^(Error|error|Unable|The connection)/.test(l)) ?? lines[lines.length - 1] ?? stderr.trim();
  // a hostile or broken server can send megabytes of error body: quote at most one short line of it
  const line = found.length > MAX_ERROR_LINE ? `${found.slice(0, MAX_ERROR_LINE)}... (${found.length} characters)` : found;
  if (/\(NotFound\)|not found/.test(line)) return { kind: 'not-found', line };
  if (/\(Forbidden\)|forbidden/i.test(line)) return { kind: 'forbidden', line };
  if (/Unauthorized|must be logged in|provide credentials|token has expired|exec plugin/i.test(stderr)) return { kind: 'unauthorized', line };
  if (/context deadline exceeded|Timeout|timed out|i\/o timeout/i.test(line)) return { kind: 'timeout', line };
  if (/connection refused|Unable to connect|no such host|did you specify the right host/i.test(stderr)) return { kind: 'unreachable', line };
  if (/doesn't have a resource type/.test(line)) return { kind: 'unknown-resource', line };
  return { kind: 'other', line };
}

const MAX_OUTPUT = 1024 * 1024 * 1024;

export class Kubectl {
  private running = 0;
  private readonly queue: Array<() => void> = [];
  /** every argument list run, for the read-only test */
  readonly calls: string[][] = [];

  constructor(private readonly opts: KubectlOptions) {}

  private async slot<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.opts.concurrency) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }

  run(args: string[]): Promise<KubectlResult> {
    const verb = args[0] ?? '';
    if (!READ_VERBS.has(verb)) return Promise.reject(new Error(`refusing to run kubectl ${verb}: podwhy only reads`));
    const full = [...args, ...this.opts.globalFlags];
    this.calls.push(full);
    return this.slot(
      () =>
        new Promise<KubectlResult>((resolve, reject) => {
          execFile(this.opts.binary, full, { env: this.opts.env as NodeJS.ProcessEnv, maxBuffer: MAX_OUTPUT, encoding: 'utf8', windowsHide: true }, (err, stdout, stderr) => {
            if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') {
              reject(new KubectlError('missing-binary', `kubectl not found (looked for ${JSON.stringify(this.opts.binary)}; install kubectl or set $KUBECTL)`));
              return;
            }
            const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
            resolve({ code, stdout, stderr });
          });
        }),
    );
  }

  /** get ... -o json; throws KubectlError on failure (a failed list still prints an empty List: never trust it) */
  async getJson(args: string[]): Promise<unknown> {
    const r = await this.run(['get', ...args, '-o', 'json']);
    if (r.code !== 0) {
      const { kind, line } = classifyFailure(r.stderr);
      throw new KubectlError(kind, line);
    }
    try {
      return JSON.parse(r.stdout) as unknown;
    } catch {
      throw new KubectlError('other', `kubectl get ${args.join(' ')} printed no JSON`);
    }
  }
}
