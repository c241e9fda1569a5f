// The command line: the only place that turns arguments into work, writes output and decides the exit code.
// Only what every command needs is imported here; the analysis (zod schemas, analyzers, renderers) loads lazily, and
// in live mode while the first kubectl calls are already running.
import yargs from 'yargs';
import pc from 'picocolors';
import { parseSelector, SelectorError } from '../k8s/selectors';
import { parseTime } from '../k8s/time';
import type { Style } from '../render/text';
import { clean, safeJson, safeYaml } from '../render/sanitize';
import { Kubectl, KubectlError } from '../sources/kubectl';
import { LiveSource } from '../sources/live';
import { UserError } from './errors';
import { HELP } from './help';
import { parseTarget } from './select-target';
import type { IO } from './io';
import { Progress } from './progress';
import { ignoreRules } from './ignore-rules';

export type { IO } from './io';

interface Args {
  _: Array<string | number>;
  namespace?: string;
  allNamespaces?: boolean;
  selector?: string;
  filename?: string[];
  output: string;
  now?: string;
  color: boolean;
  debug: boolean;
  list?: boolean;
  kubeconfig?: string;
  context?: string;
  cluster?: string;
  user?: string;
  requestTimeout?: string;
  logTail: number;
  force: boolean;
  redact: boolean;
  details: boolean;
  failOn: string;
  ignore?: string[];
  ignoreFile?: string;
}

const FORMATS = ['text', 'json', 'yaml', 'markdown'];

/** yargs reads a lone "-" as no value: "-f -" (stdin) is passed in the = form it understands. */
function normaliseStdin(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if ((argv[i] === '-f' || argv[i] === '--filename') && argv[i + 1] === '-') {
      out.push('--filename=-');
      i++;
    } else out.push(argv[i] as string);
  }
  return out;
}

function parseArgs(argv: string[]): Args {
  return yargs(normaliseStdin(argv))
    .exitProcess(false)
    .help(false)
    .version(false)
    .strictOptions()
    .parserConfiguration({ 'camel-case-expansion': true, 'boolean-negation': true, 'unknown-options-as-args': false })
    .option('namespace', { alias: 'n', type: 'string', requiresArg: true })
    .option('all-namespaces', { alias: 'A', type: 'boolean' })
    .option('selector', { alias: 'l', type: 'string', requiresArg: true })
    .option('filename', { alias: 'f', type: 'string', array: true, requiresArg: true })
    .option('output', { alias: 'o', type: 'string', default: 'text' })
    .option('force', { type: 'boolean', default: false })
    .option('redact', { type: 'boolean', default: true })
    .option('now', { type: 'string', requiresArg: true })
    .option('color', { type: 'boolean', default: true })
    .option('debug', { type: 'boolean', default: false })
    .option('list', { type: 'boolean' })
    .option('kubeconfig', { type: 'string', requiresArg: true })
    .option('context', { type: 'string', requiresArg: true })
    .option('cluster', { type: 'string', requiresArg: true })
    .option('user', { type: 'string', requiresArg: true })
    .option('request-timeout', { type: 'string', requiresArg: true })
    .option('log-tail', { type: 'number', default: 50 })
    .option('details', { type: 'boolean', default: false })
    .option('fail-on', { type: 'string', default: 'error', requiresArg: true })
    .option('ignore', { type: 'string', array: true, requiresArg: true })
    .option('ignore-file', { type: 'string', requiresArg: true })
    .fail((msg, err) => {
      throw new UserError(msg ?? err?.message ?? 'invalid arguments');
    })
    .parseSync() as unknown as Args;
}

function styleFor(args: Args, io: IO, plainStyle: Style): Style {
  const enabled = args.color && io.isTTY && !('NO_COLOR' in io.env && io.env.NO_COLOR !== undefined) && io.env.TERM !== 'dumb';
  if (!enabled) return plainStyle;
  const c = pc.createColors(true);
  return { bold: c.bold, red: c.red, yellow: c.yellow, green: c.green, dim: c.dim, cyan: c.cyan };
}

function kubectlFor(args: Args, io: IO): Kubectl {
  const globalFlags: string[] = [];
  for (const [flag, v] of [['kubeconfig', args.kubeconfig], ['context', args.context], ['cluster', args.cluster], ['user', args.user], ['request-timeout', args.requestTimeout]] as const) {
    if (v !== undefined) globalFlags.push(`--${flag}=${v}`);
  }
  return new Kubectl({ binary: io.env.KUBECTL || 'kubectl', globalFlags, env: io.env, concurrency: 4 });
}

const KUBECTL_HINTS: Record<string, string> = {
  unreachable: ' (is the cluster up, and is this the right context?)',
  unauthorized: ' (credentials expired or missing: log in again)',
  timeout: ' (the API server did not answer in time; try --request-timeout)',
};

async function snapshotCommand(args: Args, io: IO): Promise<number> {
  const output = args.output;
  if (!output || FORMATS.includes(output)) throw new UserError('snapshot needs -o FILE (.yaml, .json or .tar.gz)');
  try {
    const { capture } = await import('../sources/capture');
    const r = await capture(kubectlFor(args, io), {
      ...(args.namespace ? { namespace: args.namespace } : {}),
      allNamespaces: !!args.allNamespaces,
      output,
      force: args.force,
      redact: args.redact,
      logTail: Math.max(1, Math.min(10_000, args.logTail || 50)),
      now: io.clock(),
    });
    for (const s of r.skipped) io.stderr(`podwhy: skipped ${clean(s)}\n`);
    io.stderr(`podwhy: wrote ${output}: ${r.objects} objects${r.logs ? `, ${r.logs} logs` : ''}, ${r.bytes} bytes${args.redact ? ' (redacted: no Secret values, env values or last-applied configurations)' : ''}\n`);
    return 0;
  } catch (e) {
    if (e instanceof KubectlError) throw new UserError(`${e.message}${KUBECTL_HINTS[e.kind] ?? ''}`);
    throw e;
  }
}

async function liveInput(args: Args, io: IO, targets: Array<{ kind: string; name: string }>) {
  const kubectl = kubectlFor(args, io);
  try {
    return await new LiveSource(kubectl).collect({
      targets,
      ...(args.namespace ? { namespace: args.namespace } : {}),
      allNamespaces: !!args.allNamespaces,
      ...(args.selector ? { selector: args.selector } : {}),
      logTail: Math.max(1, Math.min(10_000, args.logTail || 50)),
    });
  } catch (e) {
    if (e instanceof KubectlError) throw new UserError(`${e.message}${KUBECTL_HINTS[e.kind] ?? ''}`);
    throw e;
  }
}

async function analyze(args: Args, io: IO): Promise<number> {
  if (!FORMATS.includes(args.output)) throw new UserError(`-o ${JSON.stringify(args.output)}: use text, json, yaml or markdown`);
  if (args.failOn !== 'error' && args.failOn !== 'warning') throw new UserError(`--fail-on ${JSON.stringify(args.failOn)}: use error or warning`);
  const ignore = await ignoreRules(args, io);
  const files = args.filename ?? [];
  const targets = args._.slice(0).map(String).map(parseTarget);
  let now: number | undefined;
  if (args.now !== undefined) {
    now = parseTime(args.now);
    if (now === undefined) throw new UserError(`--now ${JSON.stringify(args.now)} is not an RFC 3339 time (e.g. 2026-11-27T10:00:00Z)`);
  }
  let selector;
  try {
    selector = args.selector ? parseSelector(args.selector) : [];
  } catch (e) {
    if (e instanceof SelectorError) throw new UserError(`-l ${JSON.stringify(args.selector)}: ${e.message}`);
    throw e;
  }
  // start kubectl first, then load the analysis while it runs
  const liveP = files.length === 0 ? liveInput(args, io, targets) : undefined;
  liveP?.catch(() => undefined);
  const [{ buildSnapshot }, { buildReport, exitCodeOf }, { select }, { loadOffline }] = await Promise.all([
    import('../snapshot/build'),
    import('../report/build'),
    import('./select'),
    import('../sources/offline'),
  ]);
  const live = liveP ? await liveP : undefined;
  const progress = io.stderrIsTTY ? new Progress(io) : undefined;
  const snapshot = live
    ? buildSnapshot({ ...live.input, captureTime: io.clock(), ...(now !== undefined ? { now } : {}), clock: io.clock() })
    : await loadOffline(files, {
        stdin: io.stdinStream ? () => (io.stdinStream as () => AsyncIterable<Buffer | string>)() : io.stdin,
        ...(now !== undefined ? { now } : {}),
        clock: io.clock(),
        ...(progress ? { progress: (bytes: number, objects: number) => progress.reading(bytes, objects) } : {}),
      });
  progress?.clear();
  for (const e of snapshot.inputErrors) io.stderr(`podwhy: ${clean(e.origin)}: ${clean(e.message)}\n`);
  if (snapshot.pods.length === 0 && snapshot.workloads.size === 0) {
    if (live) throw new UserError(`no pods in ${args.allNamespaces ? 'any namespace' : `namespace ${live.namespace}`}${args.selector ? ` matching ${args.selector}` : ''}`);
    throw new UserError(`no pods found in ${files.join(', ')}${snapshot.nodes.size ? ` (only ${snapshot.nodes.size} nodes)` : ''}: nothing to analyze`);
  }
  const namespace = args.allNamespaces ? undefined : (args.namespace ?? live?.namespace);
  const { pods, workloads } = select(snapshot, targets, { namespace, selector });
  if (pods.length === 0 && workloads.length === 0) {
    io.stderr(`podwhy: no pods match${namespace ? ` in namespace ${namespace}` : ''}${args.selector ? ` with selector ${args.selector}` : ''}\n`);
  }
  const report = buildReport(
    snapshot,
    pods,
    {
      ...(live ? { mode: 'live' as const, ...(live.context ? { context: live.context } : {}), skipped: live.skipped } : { mode: 'offline' as const }),
      ...(progress ? { progress: (done: number, total: number) => progress.analyzing(done, total) } : {}),
      ignore,
    },
    workloads,
  );
  progress?.clear();
  for (const s of report.skipped) io.stderr(`podwhy: skipped ${clean(s.analysis)}: ${clean(s.reason)}\n`);
  switch (args.output) {
    case 'json':
      io.stdout(`${safeJson(report)}\n`);
      break;
    case 'yaml': {
      const { dump } = await import('js-yaml');
      io.stdout(safeYaml(report, (v) => dump(v, { noRefs: true, lineWidth: -1 })));
      break;
    }
    case 'markdown': {
      const [{ renderMarkdown }, { ASCII, UNICODE, localeIsUtf8 }] = await Promise.all([import('../render/markdown'), import('../render/layout')]);
      io.stdout(renderMarkdown(report, { glyphs: localeIsUtf8(io.env, io.platform ?? 'linux') ? UNICODE : ASCII, view: targets.length > 0 ? 'pods' : 'triage' }));
      break;
    }
    default: {
      const [{ plainStyle, renderText }, { ASCII, UNICODE, localeIsUtf8, outputWidth }] = await Promise.all([import('../render/text'), import('../render/layout')]);
      io.stdout(
        renderText(report, {
          style: styleFor(args, io, plainStyle),
          glyphs: localeIsUtf8(io.env, io.platform ?? 'linux') ? UNICODE : ASCII,
          width: outputWidth(io.env, io.isTTY ? io.columns : undefined),
          view: targets.length > 0 ? 'pods' : 'triage',
          details: args.details,
        }),
      );
    }
  }
  return exitCodeOf(report, args.failOn as 'error' | 'warning');
}

export interface RunIO extends IO {
  /** where the executable lives, for `completion install` */
  executable: string;
  writeFile(path: string, text: string, force: boolean): void;
}

export async function run(argv: string[], io: RunIO): Promise<number> {
  let debug = argv.includes('--debug');
  if (argv[0] === '__complete') {
    const { complete } = await import('./complete');
    io.stdout(await complete(argv.slice(1), io.env));
    return 0;
  }
  try {
    if (argv[0] === 'completion') {
      if (argv[1] !== 'install') throw new UserError('usage: kubectl podwhy completion install [--force]');
      const target = `${io.executable.replace(/[^/]*$/, '')}kubectl_complete-podwhy`;
      const { COMPLETION_SHIM } = await import('./complete');
      try {
        io.writeFile(target, COMPLETION_SHIM, argv.includes('--force'));
      } catch (e) {
        throw new UserError(e instanceof Error ? e.message : String(e));
      }
      io.stdout(`wrote ${target}: kubectl now completes \`kubectl podwhy <TAB>\` (kubectl 1.26+)\n`);
      return 0;
    }
    const args = parseArgs(argv);
    debug = args.debug;
    const [first, ...rest] = args._.map(String);
    if (first === 'help') {
      io.stdout(HELP);
      return 0;
    }
    if (first === 'snapshot') return await snapshotCommand(args, io);
    if (first === 'explain') {
      const { explain, explainList } = await import('./explain');
      io.stdout(args.list ? explainList() : explain(rest[0]));
      return 0;
    }
    if (args.list) throw new UserError('--list goes with explain');
    return await analyze(args, io);
  } catch (e) {
    if (e instanceof UserError) {
      io.stderr(`podwhy: ${clean(e.message)}\n`);
      return 2;
    }
    io.stderr(`podwhy: internal error: ${clean(e instanceof Error ? e.message : String(e))}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return 2;
  }
}
