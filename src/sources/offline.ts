// The offline pipeline's I/O half: input paths to a validated, indexed snapshot, file by file. Each file is read,
// parsed, validated, indexed and dropped before the next one, so memory holds the snapshot and one file in flight,
// never the whole bundle. JSON of any size streams through JsonItemStream one list item at a time (managedFields
// cut out before parsing); YAML and other text is collected (within a budget) and parsed whole.
import { parseTime } from '../k8s/time';
import { SnapshotBuilder } from '../snapshot/build';
import { kindFromPath } from '../snapshot/kinds';
import type { InputError, LogBlock } from '../snapshot/input';
import type { Snapshot } from '../snapshot/types';
import { MAX_KEPT_ERRORS, parseText, type ParsedText } from './documents';
import { readInputs, type EntryInfo, type EntrySink, type StdinSource } from './files';
import { JsonItemStream, type StreamedItem } from './json-stream';

/** troubleshoot pod logs: cluster-resources/pods/logs/<ns>/<pod>/<container>[-previous].log */
const TROUBLESHOOT_LOG = /(?:^|\/)pods\/logs\/([^/]+)\/([^/]+)\/([^/]+?)(-previous)?\.log$/;
/** cluster-info dump folders: <ns>/<pod>/logs.txt */
const DUMP_LOG = /(?:^|\/)([^/]+)\/([^/]+)\/logs\.txt$/;
/** troubleshoot names its bundles support-bundle-2025-09-11T15_54_39 */
const BUNDLE_TIME = /support-bundle-(\d{4}-\d{2}-\d{2})T(\d{2})[_:](\d{2})[_:](\d{2})/;
const LIST_KIND = /^(.+)List$/;

/** parts of support bundles that hold no cluster objects podwhy reads (host collectors, custom resources, symlinked log copies) */
const NOT_CLUSTER_DATA = /(^|\/)(custom-resources|host-collectors|all-logs|execution-data|auth-cani-list)\/|(^|\/)[^/]*-errors\.json$|(^|\/)(analysis|resources|custom-resource-definitions)\.json$/;
const LOOKS_LIKE_OBJECTS = /^\s*(\{|\[|---|apiVersion:|kind:|items:|==== START logs)/;
const MIB = 1024 * 1024;

/** What is kept in memory, by budget: these bound a hostile or bomb-like input, not the size of a bundle. */
export const BUDGETS = {
  /** JSON up to this size is parsed with full recovery of damaged documents (its bytes are kept until it ends) */
  recoverableJson: 64 * MIB,
  /** YAML and other text is parsed whole: at most this much per file */
  textPerFile: 256 * MIB,
  /** a log file keeps its last bytes up to this */
  logPerFile: 8 * MIB,
  /** all logs together */
  logTotal: 1024 * MIB,
  /** one object (list item) */
  item: 256 * MIB,
};

/** `kubectl podwhy snapshot` names its archives' folder podwhy-snapshot-2026-11-27T10_00_00 in UTC */
const SNAPSHOT_TIME = /podwhy-snapshot-(\d{4}-\d{2}-\d{2})T(\d{2})[_:](\d{2})[_:](\d{2})/;
/** what a troubleshoot collector could not collect: <name>-errors.json, <kind>-errors/<ns>/<name>.json, collector-errors/, errors.json */
const COLLECTION_ERRORS = /(^|\/)([^/]*-errors\.json|errors\.json|[^/]*-errors\/.+\.json|collector-errors\/.+\.json)$/;
const MAX_ERRORS_FILE = 1024 * 1024;

function timeIn(re: RegExp, p: string): number | undefined {
  const m = re.exec(p);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The troubleshoot folder name's time read as if it were UTC (it is local time: the snapshot reconciles it). */
export function captureTimeFromPath(p: string): number | undefined {
  return timeIn(BUNDLE_TIME, p);
}

/** One line per collector failure: the errors file holds a list of messages or a map of namespace to message. */
export function collectionErrors(layoutPath: string, text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [text.trim().split('\n')[0] ?? ''].filter(Boolean);
  }
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // troubleshoot's collector-errors: {"collector": "etcd", "error": "...", "timestamp": "..."}
    if (typeof o.error === 'string') return [`${typeof o.collector === 'string' ? `${o.collector}: ` : ''}${o.error}`];
    return Object.entries(o).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  }
  return typeof value === 'string' ? [value] : [`${layoutPath}: unreadable errors file`];
}

export interface LoadProgress {
  /** bytes of input read so far and objects kept */
  (bytes: number, objects: number): void;
}

export interface LoadOptions {
  stdin?: StdinSource;
  now?: number;
  clock?: number;
  progress?: LoadProgress;
}

/** Keeps the last `max` bytes written. */
class TailBuffer {
  private chunks: Buffer[] = [];
  private held = 0;
  truncated = false;
  constructor(private readonly max: number) {}
  write(c: Buffer): void {
    this.chunks.push(c);
    this.held += c.length;
    while (this.held - (this.chunks[0]?.length ?? 0) >= this.max && this.chunks.length > 1) {
      this.held -= (this.chunks.shift() as Buffer).length;
      this.truncated = true;
    }
  }
  text(): string {
    let b = Buffer.concat(this.chunks);
    if (b.length > this.max) {
      b = b.subarray(b.length - this.max);
      this.truncated = true;
      // start at a line boundary, not in the middle of a character
      const nl = b.indexOf(10);
      if (nl >= 0) b = b.subarray(nl + 1);
    }
    return b.toString('utf8');
  }
}

/** Reads every input into a snapshot. Never throws for bad input: problems become inputErrors. */
export async function loadOffline(paths: string[], opts: LoadOptions = {}): Promise<Snapshot> {
  const builder = new SnapshotBuilder();
  let bytes = 0;
  let objects = 0;
  let logBytes = 0;
  let logBudgetHit = false;
  const tick = (n: number): void => {
    bytes += n;
    opts.progress?.(bytes, objects);
  };

  const routeParsed = (entry: EntryInfo, parsed: ParsedText, text: string | undefined): void => {
    for (const e of parsed.errors) builder.addError(e);
    if (parsed.moreErrors) builder.countErrors(entry.name, parsed.moreErrors);
    if (entry.explicit && parsed.documents.length === 0 && parsed.logs.length === 0 && parsed.errors.length === 0) {
      builder.addError({ origin: entry.name, message: 'holds no Kubernetes objects' });
    }
    // vz bug-report and similar tools record the capture time as {"time": "..."} in metadata.json
    const meta = /(^|\/)metadata\.json$/.test(entry.layoutPath) ? (parsed.documents[0]?.value as { time?: unknown } | undefined) : undefined;
    const metaTime = parseTime(meta?.time);
    if (metaTime !== undefined) builder.noteCaptureTime(metaTime);
    for (const d of parsed.documents) objects += builder.addDocument(d.value, d.origin, entry.layoutPath, entry.explicit);
    for (const block of parsed.logs) addLog(entry, block);
    const dump = DUMP_LOG.exec(entry.layoutPath);
    if (dump && text !== undefined && parsed.logs.length === 0 && parsed.documents.length === 0) {
      addLog(entry, { namespace: dump[1] as string, pod: dump[2] as string, previous: false, text });
    }
  };

  const addLog = (entry: EntryInfo, block: LogBlock): void => {
    if (logBytes + block.text.length > BUDGETS.logTotal) {
      if (!logBudgetHit) builder.addError({ origin: entry.name, message: `logs beyond ${BUDGETS.logTotal / MIB} MiB in total: this and further logs not kept` });
      logBudgetHit = true;
      return;
    }
    logBytes += block.text.length;
    builder.addLog(block);
  };

  /** a collector's errors file: what the bundle could not collect */
  const errorsSink = (entry: EntryInfo): EntrySink => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    return {
      write: (c) => {
        tick(c.length);
        if (bytes < MAX_ERRORS_FILE) chunks.push(c);
        bytes += c.length;
      },
      end: () => {
        const messages = collectionErrors(entry.layoutPath, Buffer.concat(chunks).toString('utf8')).filter(Boolean);
        if (messages.length > 0) builder.noteNotCollected({ origin: entry.name, messages });
      },
    };
  };

  const logSink = (entry: EntryInfo, m: RegExpExecArray): EntrySink => {
    const tail = new TailBuffer(BUDGETS.logPerFile);
    return {
      write: (c) => {
        tick(c.length);
        tail.write(c);
      },
      end: () => addLog(entry, { namespace: m[1] as string, pod: m[2] as string, container: m[3] as string, previous: !!m[4], text: tail.text() }),
    };
  };

  /** JSON streamed item by item; small files keep their bytes so a damaged one can be re-read with recovery */
  const jsonSink = (entry: EntryInfo, head: Buffer[]): EntrySink => {
    let raw: Buffer[] | undefined = [];
    let rawBytes = 0;
    let collected: Array<{ item: StreamedItem; hint: string | undefined }> | undefined = [];
    let failed = false;
    let docs = 0;
    let docItems = 0;
    let docOthers = 0;
    let pendingKindless: StreamedItem[] = [];
    const errors: InputError[] = [];
    let moreErrors = 0;
    let dead = false;
    /** the item kind a list's kind names ("PodList" → "Pod"); else the builder takes it from the file's place */
    const hintOf = (shell: Record<string, unknown>): string | undefined => {
      const kind = typeof shell.kind === 'string' ? shell.kind : undefined;
      return kind ? LIST_KIND.exec(kind)?.[1] : undefined;
    };
    const deliver = (item: StreamedItem, hint: string | undefined): void => {
      if (item.path === '') {
        const metaTime = /(^|\/)metadata\.json$/.test(entry.layoutPath) ? parseTime((item.value as { time?: unknown } | null)?.time) : undefined;
        if (metaTime !== undefined) builder.noteCaptureTime(metaTime);
        objects += builder.addDocument(item.value, entry.name, entry.layoutPath, entry.explicit);
        return;
      }
      const n = builder.addDocument(item.value, entry.name, entry.layoutPath, entry.explicit, { prefix: item.path, ...(hint ? { hint } : {}), quiet: true });
      objects += n;
      if (n > 0) docItems++;
      else docOthers++;
    };
    const stream = new JsonItemStream({
      maxItemBytes: BUDGETS.item,
      onItem: (item) => {
        const hasKind = typeof (item.value as { kind?: unknown } | null)?.kind === 'string';
        if (item.path !== '' && !hasKind && stream.shellKind() === undefined) {
          // the list's kind may come after its items (kubectl sorts keys): wait for it
          pendingKindless.push(item);
          return;
        }
        const hint = hintOf({ kind: stream.shellKind() });
        if (collected) collected.push({ item, hint });
        else deliver(item, hint);
      },
      onDocument: (doc) => {
        docs++;
        const hint = hintOf(doc.shell);
        for (const item of pendingKindless) {
          if (collected) collected.push({ item, hint });
          else deliver(item, hint);
        }
        pendingKindless = [];
        if (doc.list) {
          const kind = typeof doc.shell.kind === 'string' ? doc.shell.kind : undefined;
          const m = kind ? LIST_KIND.exec(kind) : null;
          const itemKind = m?.[1] ?? kindFromPath(entry.layoutPath);
          if (itemKind) builder.noteListKind(itemKind);
          const captured = parseTime((doc.shell.metadata as { annotations?: Record<string, unknown> } | undefined)?.annotations?.['podwhy.dev/captured-at']);
          if (captured !== undefined) builder.noteCaptureTime(captured);
        }
        if (!collected) {
          if (entry.explicit && doc.list && docItems === 0 && docOthers > 0) builder.addError({ origin: entry.name, message: 'not a Kubernetes object or list (no kind, or no metadata)' });
          docItems = 0;
          docOthers = 0;
        }
      },
      onError: (e) => {
        // a broken structure (not a truncation: the stream keeps what came before) is better read with recovery
        if (e.fatal && !e.truncated) failed = true;
        const err = { origin: `${entry.name}:${e.line}`, message: `invalid JSON: ${e.message}` };
        if (!collected) builder.addError(err);
        else if (errors.length < MAX_KEPT_ERRORS) errors.push(err);
        else moreErrors++;
      },
    });
    const goDirect = (): void => {
      // too big to keep: what was collected is delivered now, the rest as it comes
      const items = collected ?? [];
      collected = undefined;
      raw = undefined;
      for (const e of errors) builder.addError(e);
      if (moreErrors) builder.countErrors(entry.name, moreErrors);
      for (const { item, hint } of items) deliver(item, hint);
    };
    const write = (c: Buffer): void => {
      if (raw) {
        raw.push(c);
        rawBytes += c.length;
        if (rawBytes > BUDGETS.recoverableJson) goDirect();
      }
      stream.write(c);
    };
    for (const c of head) write(c);
    return {
      write: (c) => {
        tick(c.length);
        if (dead) return;
        if (c.indexOf(0) >= 0) {
          // what was read before stays; the rest of a binary file is not JSON
          nulError(entry);
          dead = true;
          if (collected) goDirect();
          return;
        }
        write(c);
      },
      end: () => {
        if (!dead) stream.end();
        if (!collected) return;
        if (raw && !dead && (failed || docs > 1)) {
          // damaged, or several documents in one file (cluster-info dump): the text parser recovers what it can
          const text = Buffer.concat(raw).toString('utf8');
          raw = undefined;
          routeParsed(entry, parseText(text, entry.name), text);
          return;
        }
        for (const e of errors) builder.addError(e);
        if (moreErrors) builder.countErrors(entry.name, moreErrors);
        for (const { item, hint } of collected) deliver(item, hint);
        if (entry.explicit && docItems === 0 && docOthers > 0) builder.addError({ origin: entry.name, message: 'not a Kubernetes object or list (no kind, or no metadata)' });
      },
    };
  };

  const nulError = (entry: EntryInfo): void => {
    builder.addError({ origin: entry.name, message: 'binary content (NUL bytes): not a JSON or YAML file' });
  };

  /** YAML, dumps with log blocks and other text: collected within a budget, parsed whole */
  const textSink = (entry: EntryInfo, head: Buffer[], isData: boolean): EntrySink => {
    let chunks: Buffer[] | undefined = [...head];
    let held = head.reduce((n, c) => n + c.length, 0);
    let stopped = false;
    return {
      write: (c) => {
        tick(c.length);
        if (stopped || !chunks) return;
        if (c.indexOf(0) >= 0) {
          if (isData) nulError(entry);
          stopped = true;
          chunks = undefined;
          return;
        }
        held += c.length;
        if (held > BUDGETS.textPerFile) {
          builder.addError({ origin: entry.name, message: `larger than ${BUDGETS.textPerFile / MIB} MiB of YAML or text: not read (JSON of any size is read)` });
          stopped = true;
          chunks = undefined;
          return;
        }
        chunks.push(c);
      },
      end: () => {
        if (!chunks) return;
        const text = Buffer.concat(chunks).toString('utf8');
        chunks = undefined;
        if (!isData && !LOOKS_LIKE_OBJECTS.test(text.slice(0, 200))) return;
        routeParsed(entry, parseText(text, entry.name), text);
      },
    };
  };

  /** sniffs the first bytes, then hands the file to the JSON or the text reader */
  const dataSink = (entry: EntryInfo): EntrySink => {
    const isData = /\.(json|ya?ml)$/i.test(entry.layoutPath) || entry.explicit;
    const head: Buffer[] = [];
    let headBytes = 0;
    let inner: EntrySink | undefined;
    let binary = false;
    const decide = (final: boolean): void => {
      const text = Buffer.concat(head).toString('utf8', 0, Math.min(headBytes, 256)).replace(/^\uFEFF/, '');
      const start = text.trimStart();
      if (!final && start.length < 32 && headBytes < 256) return;
      if ((start.startsWith('{') || start.startsWith('[')) && !start.startsWith('==== START logs')) {
        inner = jsonSink(entry, head);
      } else {
        inner = textSink(entry, head, isData);
      }
    };
    let utf16: { chunks: Buffer[]; held: number; encoding: 'utf-16le' | 'utf-16be' } | undefined;
    return {
      write: (c) => {
        if (binary) return;
        if (utf16) {
          tick(c.length);
          utf16.held += c.length;
          if (utf16.held > BUDGETS.textPerFile) {
            builder.addError({ origin: entry.name, message: `larger than ${BUDGETS.textPerFile / MIB} MiB of UTF-16 text: not read` });
            binary = true;
            return;
          }
          utf16.chunks.push(c);
          return;
        }
        if (inner) {
          inner.write(c);
          return;
        }
        if (headBytes === 0 && c.length >= 2 && ((c[0] === 0xff && c[1] === 0xfe) || (c[0] === 0xfe && c[1] === 0xff))) {
          // UTF-16 with a byte order mark: what PowerShell's > writes. Decoded whole, then read as UTF-8.
          tick(c.length);
          utf16 = { chunks: [c], held: c.length, encoding: c[0] === 0xff ? 'utf-16le' : 'utf-16be' };
          return;
        }
        tick(c.length);
        if (c.indexOf(0) >= 0) {
          if (isData) nulError(entry);
          binary = true;
          return;
        }
        head.push(c);
        headBytes += c.length;
        decide(false);
      },
      end: () => {
        if (binary) return;
        if (utf16) {
          const text = new TextDecoder(utf16.encoding).decode(Buffer.concat(utf16.chunks));
          utf16 = undefined;
          const decoded = dataSink(entry);
          decoded.write(Buffer.from(text, 'utf8'));
          decoded.end();
          return;
        }
        if (!inner && entry.explicit && Buffer.concat(head).toString('utf8').trim() === '') {
          builder.addError({ origin: entry.name, message: 'empty: nothing to read' });
          return;
        }
        if (!inner) decide(true);
        inner?.end();
      },
    };
  };

  const inputs = await readInputs(
    paths,
    {
      error: (e) => builder.addError(e),
      open: (entry) => {
        const local = captureTimeFromPath(entry.name);
        if (local !== undefined) builder.noteLocalCaptureTime(local);
        const ct = timeIn(SNAPSHOT_TIME, entry.name);
        if (ct !== undefined) builder.noteCaptureTime(ct);
        if (!entry.explicit && COLLECTION_ERRORS.test(entry.layoutPath)) return errorsSink(entry);
        const tl = TROUBLESHOOT_LOG.exec(entry.layoutPath);
        if (tl) return logSink(entry, tl);
        if (!entry.explicit && NOT_CLUSTER_DATA.test(entry.layoutPath)) return undefined;
        return guard(entry, dataSink(entry));
      },
    },
    opts.stdin,
  );
  return builder.finish({ inputs, ...(opts.now !== undefined ? { now: opts.now } : {}), ...(opts.clock !== undefined ? { clock: opts.clock } : {}) });

  /** a reader bug must cost one file, never the run */
  function guard(entry: EntryInfo, sink: EntrySink): EntrySink {
    let broken = false;
    const fail = (e: unknown): void => {
      broken = true;
      builder.addError({ origin: entry.name, message: `could not be read: ${e instanceof Error ? e.message : String(e)}` });
    };
    return {
      write: (c) => {
        if (broken) return;
        try {
          sink.write(c);
        } catch (e) {
          fail(e);
        }
      },
      end: () => {
        if (broken) return;
        try {
          sink.end();
        } catch (e) {
          fail(e);
        }
      },
    };
  }
}

