// Validated, indexed snapshot from parsed documents. Every object is validated once with the zod schemas in
// schemas/; an invalid object is reported with its origin and left out, the rest is kept.
import type * as z from 'zod';
import { ConfigObject, CSINode, Event, GenericObject, Lease, Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass, Workload } from '../../schemas/k8s';
import { parseTime } from '../k8s/time';
import { indexSnapshot } from './indexes';
import { flatten, kindFromPath } from './kinds';
import { capMessage as cap, issueMessage, keysOf, newestTimestamp, normaliseEvent } from './normalise';
import { CAPTURE_ANNOTATION, objectKey, type InputError, type LogBlock, type SnapshotInput } from './input';
import type { ConfigKeys, Snapshot, TimeSource } from './types';

const WORKLOAD_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController']);
const OTHER_KINDS = new Set(['Namespace', 'ResourceQuota', 'LimitRange', 'PriorityClass', 'Service', 'VolumeAttachment', 'ServiceAccount']);

/** a pod's status messages, cut like event messages (see capMessage) */

function capPodMessages(pod: Pod): void {
  const st = pod.status as { message?: string; conditions?: Array<{ message?: string }>; containerStatuses?: unknown[]; initContainerStatuses?: unknown[]; ephemeralContainerStatuses?: unknown[] };
  if (st.message) st.message = cap(st.message);
  for (const c of st.conditions ?? []) if (c.message) c.message = cap(c.message);
  for (const cs of [...(st.containerStatuses ?? []), ...(st.initContainerStatuses ?? []), ...(st.ephemeralContainerStatuses ?? [])] as Array<Record<string, Record<string, { message?: string }> | undefined>>) {
    for (const k of ['state', 'lastState']) {
      const states = cs[k];
      if (states) for (const v of Object.values(states)) if (v && typeof v.message === 'string') v.message = cap(v.message);
    }
  }
}

/** at most this many problems are kept per file; the rest are counted in one line */
const MAX_ERRORS_PER_FILE = 20;
/** "dir/x.json:12", "x.json: items[3].spec", "a.tar.gz:inner/x.json:5" → the file */
const fileOf = (origin: string): string => origin.replace(/: .*$/s, '').replace(/:\d+$/, '');

export function buildSnapshot(input: SnapshotInput): Snapshot {
  const b = new SnapshotBuilder(input.errors);
  for (const doc of input.documents) b.addDocument(doc.value, doc.origin, doc.layoutPath, doc.explicit);
  for (const block of input.logs) b.addLog(block);
  if (input.captureTime !== undefined) b.noteCaptureTime(input.captureTime);
  return b.finish({ inputs: input.inputs, ...(input.now !== undefined ? { now: input.now } : {}), ...(input.clock !== undefined ? { clock: input.clock } : {}) });
}

/**
 * The snapshot built incrementally: documents (or single items of a streamed list) are validated and indexed as
 * they arrive, so the caller can drop each file's bytes and parsed values right after handing them over.
 */
export class SnapshotBuilder {
  private readonly snap: Snapshot;
  private newestText = '';
  private captureTime: number | undefined;
  private localCaptureTime: number | undefined;
  private readonly seen = new Set<string>();

  constructor(errors: InputError[] = []) {
    this.snap = {
      analysisTime: 0,
      timeSource: 'clock',
      timeDetail: '',
      notCollected: [],
      pods: [],
      nodes: new Map(),
      events: [],
      leases: new Map(),
      configs: new Map(),
      captured: new Map(),
      workloads: new Map(),
      pvcs: new Map(),
      pvs: new Map(),
      storageClasses: new Map(),
      csiNodes: new Map(),
      others: new Map(),
      logs: new Map(),
      inputErrors: [...errors],
      inputs: [],
      podsByKey: new Map(),
      podsByNode: new Map(),
      eventsByUid: new Map(),
      eventsByName: new Map(),
      nodeUsage: new Map(),
      nominated: [],
    };
  }

  private readonly errorsPerFile = new Map<string, number>();

  /** a hostile file (a million bad lines) costs one summary line, not a million */
  private lastOrigin = '';
  private lastFile = '';

  addError(e: InputError): void {
    if (e.origin !== this.lastOrigin) {
      this.lastOrigin = e.origin;
      this.lastFile = fileOf(e.origin);
    }
    const file = this.lastFile;
    const n = (this.errorsPerFile.get(file) ?? 0) + 1;
    this.errorsPerFile.set(file, n);
    if (n <= MAX_ERRORS_PER_FILE) this.snap.inputErrors.push(e);
  }

  /** problems a reader counted but did not keep */
  countErrors(origin: string, n: number): void {
    const file = fileOf(origin);
    this.errorsPerFile.set(file, Math.max(this.errorsPerFile.get(file) ?? 0, MAX_ERRORS_PER_FILE) + n);
  }

  /** a capture time the input records in UTC (our snapshots, metadata.json; epoch ms); the newest wins */
  noteCaptureTime(ms: number): void {
    this.captureTime = Math.max(this.captureTime ?? 0, ms);
  }

  /** a troubleshoot folder name's time: local time of the machine that made the bundle, read as if UTC */
  noteLocalCaptureTime(ms: number): void {
    this.localCaptureTime = Math.max(this.localCaptureTime ?? 0, ms);
  }

  /** what one of the bundle's collectors could not collect */
  noteNotCollected(e: { origin: string; messages: string[] }): void {
    this.snap.notCollected.push(e);
  }

  private noteCaptured(kind: string, ns: string | null | undefined): void {
    const set = this.snap.captured.get(kind) ?? new Set<string>();
    set.add(ns ?? '');
    this.snap.captured.set(kind, set);
  }

  /** a list of this kind was read (even an empty one): its kind was captured */
  noteListKind(kind: string): void {
    this.noteCaptured(kind, '*');
  }

  private parse<T>(schema: z.ZodType<T>, value: unknown, origin: string): T | undefined {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    const { path, message } = issueMessage(r.error);
    this.addError({ origin: path ? (origin.includes(': ') ? `${origin}.${path}` : `${origin}: ${path}`) : origin, message });
    return undefined;
  }

  /**
   * Adds one parsed document (or one item of a streamed list, with `prefix` its path there and `hint` the list's
   * item kind). Returns how many Kubernetes objects it held.
   */
  addDocument(value: unknown, origin: string, layoutPath: string, explicit: boolean, opts: { prefix?: string; hint?: string; quiet?: boolean } = {}): number {
    const top = value as { metadata?: { annotations?: Record<string, string> } } | null;
    const captured = parseTime(top?.metadata?.annotations?.[CAPTURE_ANNOTATION]);
    if (captured !== undefined) this.noteCaptureTime(captured);
    const { items, unknown, listKinds } = flatten(value, opts.hint ?? kindFromPath(layoutPath));
    // a list, even an empty one, shows that its kind was captured (namespace unknown unless items say)
    for (const k of listKinds) this.noteListKind(k);
    if (explicit && !opts.quiet && items.length === 0 && unknown.length > 0) {
      this.addError({ origin, message: 'not a Kubernetes object or list (no kind, or no metadata)' });
    }
    for (const item of items) {
      const path = opts.prefix ? `${opts.prefix}${item.path.startsWith('[') || item.path === '' ? '' : '.'}${item.path}` : item.path;
      this.addItem(item.value, item.kind, `${origin}: ${path || '.'}`.replace(/: \.$/, ''));
    }
    return items.length;
  }

  private addItem(value: Record<string, unknown>, kind: string, origin: string): void {
    const snap = this.snap;
    const seen = this.seen;
    if (kind === 'Secret' || kind === 'ConfigMap') {
      // values are dropped here, before anything else sees them
      const raw = value;
      const stripped = {
        metadata: raw.metadata,
        data: Object.fromEntries(Object.keys((raw.data as object) ?? {}).map((k) => [k, ''])),
        binaryData: Object.fromEntries(Object.keys((raw.binaryData as object) ?? {}).map((k) => [k, ''])),
        stringData: Object.fromEntries(Object.keys((raw.stringData as object) ?? {}).map((k) => [k, ''])),
      };
      const obj = this.parse(ConfigObject, stripped, origin);
      if (!obj) return;
      const entry: ConfigKeys = { kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name, keys: keysOf(obj) };
      snap.configs.set(objectKey(kind, entry.namespace, entry.name), entry);
      this.noteCaptured(kind, entry.namespace);
      return;
    }
    this.newestText = newestTimestamp(value, this.newestText);
    // a deletion was requested at deletionTimestamp minus the grace period, so the capture saw at least that moment
    const meta = (value as { metadata?: { deletionTimestamp?: unknown; deletionGracePeriodSeconds?: unknown } }).metadata;
    const deadline = parseTime(meta?.deletionTimestamp);
    const requestedMs = deadline !== undefined && typeof meta?.deletionGracePeriodSeconds === 'number' ? deadline - meta.deletionGracePeriodSeconds * 1000 : NaN;
    // a hostile grace period (2^53 s) puts the moment outside what a Date can hold: then it says nothing
    if (Math.abs(requestedMs) <= 8.64e15) {
      const requested = new Date(requestedMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
      if (requested > this.newestText) this.newestText = requested;
    }
    if (kind === 'Pod') {
      const pod = this.parse(Pod, value, origin);
      if (!pod) return;
      const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
      if (seen.has(`Pod/${key}`)) return;
      seen.add(`Pod/${key}`);
      pod.metadata.namespace = pod.metadata.namespace ?? 'default';
      capPodMessages(pod);
      snap.pods.push(pod);
      this.noteCaptured('Pod', pod.metadata.namespace);
    } else if (kind === 'Node') {
      const node = this.parse(Node, value, origin);
      if (node) snap.nodes.set(node.metadata.name, node);
      this.noteCaptured('Node', '');
    } else if (kind === 'Event') {
      const ev = this.parse(Event, value, origin);
      if (!ev) return;
      const ref = objectKey('Event', ev.metadata.namespace, ev.metadata.name ?? `#${snap.events.length}`);
      if (ev.metadata.name && seen.has(ref)) return;
      seen.add(ref);
      snap.events.push(normaliseEvent(ev, ref));
    } else if (kind === 'Lease') {
      const lease = this.parse(Lease, value, origin);
      if (lease) snap.leases.set(objectKey('Lease', lease.metadata.namespace, lease.metadata.name), lease);
    } else if (kind === 'PersistentVolumeClaim') {
      const pvc = this.parse(PersistentVolumeClaim, value, origin);
      if (pvc) snap.pvcs.set(`${pvc.metadata.namespace ?? 'default'}/${pvc.metadata.name}`, pvc);
      this.noteCaptured(kind, pvc?.metadata.namespace);
    } else if (kind === 'PersistentVolume') {
      const pv = this.parse(PersistentVolume, value, origin);
      if (pv) snap.pvs.set(pv.metadata.name, pv);
      this.noteCaptured(kind, '');
    } else if (kind === 'StorageClass') {
      const sc = this.parse(StorageClass, value, origin);
      if (sc) snap.storageClasses.set(sc.metadata.name, sc);
      this.noteCaptured(kind, '');
    } else if (kind === 'CSINode') {
      const cn = this.parse(CSINode, value, origin);
      if (cn) snap.csiNodes.set(cn.metadata.name, cn);
      this.noteCaptured(kind, '');
    } else if (WORKLOAD_KINDS.has(kind)) {
      const w = this.parse(Workload, value, origin);
      if (!w) return;
      w.kind = kind;
      snap.workloads.set(objectKey(kind, w.metadata.namespace, w.metadata.name), w);
    } else if (OTHER_KINDS.has(kind)) {
      const o = this.parse(GenericObject, value, origin);
      if (!o) return;
      o.kind = kind;
      snap.others.set(objectKey(kind, o.metadata.namespace, o.metadata.name), o);
      this.noteCaptured(kind, o.metadata.namespace);
    }
  }

  addLog(block: LogBlock): void {
    const key = `${block.namespace}/${block.pod}/${block.container ?? ''}`;
    const entry = this.snap.logs.get(key) ?? {};
    if (block.previous) entry.previous = block.text;
    else entry.current = block.text;
    this.snap.logs.set(key, entry);
  }

  /** Indexes what was added and fixes the analysis time; the builder is done after this. */
  finish(opts: { inputs: string[]; now?: number; clock?: number }): Snapshot {
    const snap = this.snap;
    snap.inputs = opts.inputs;
    for (const [file, n] of this.errorsPerFile) {
      if (n > MAX_ERRORS_PER_FILE) snap.inputErrors.push({ origin: file, message: `${n - MAX_ERRORS_PER_FILE} more problems in this file not shown` });
    }
    indexSnapshot(snap);
    const newest = parseTime(this.newestText) ?? 0;
    const chosen = chooseTime(opts, this.captureTime, this.localCaptureTime, newest);
    snap.analysisTime = chosen.time;
    snap.timeSource = chosen.source;
    snap.timeDetail = chosen.detail;
    snap.notCollected.sort((a, b) => (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0));
    return snap;
  }
}

const MINUTE = 60_000;

/**
 * A troubleshoot folder name holds local time with no zone. The bundle cannot predate its newest timestamp, and node
 * heartbeats keep that timestamp within minutes of the capture, so the zone offset is the difference rounded to a
 * quarter hour when that lands on a real offset (UTC-12 to UTC+14) within 10 minutes.
 */
export function reconcileLocalTime(local: number, newest: number): { time: number; detail: string } {
  if (newest <= 0) return { time: local, detail: 'bundle folder name, read as UTC: nothing inside tells its time zone' };
  const diff = local - newest;
  const offset = Math.round(diff / (15 * MINUTE)) * 15 * MINUTE;
  if (offset >= -12 * 60 * MINUTE && offset <= 14 * 60 * MINUTE && Math.abs(diff - offset) <= 10 * MINUTE) {
    const h = Math.abs(offset) / (60 * MINUTE);
    const zone = `UTC${offset < 0 ? '-' : '+'}${String(Math.floor(h)).padStart(2, '0')}:${String(Math.round((h % 1) * 60)).padStart(2, '0')}`;
    return { time: Math.max(local - offset, newest), detail: `bundle folder name read as local time ${offset === 0 ? 'UTC' : zone}, matched to the newest timestamp inside` };
  }
  if (newest > local + 14 * 60 * MINUTE) return { time: newest, detail: 'newest timestamp in the input: the bundle folder name is older than its contents' };
  return { time: Math.max(local, newest), detail: 'bundle folder name, read as UTC: its contents do not tell the time zone' };
}

function chooseTime(opts: { now?: number; clock?: number }, captureTime: number | undefined, localCaptureTime: number | undefined, newest: number): { time: number; source: TimeSource; detail: string } {
  if (opts.now !== undefined) return { time: opts.now, source: 'flag', detail: '--now' };
  if (captureTime !== undefined) return { time: captureTime, source: 'capture', detail: 'capture time recorded in the input' };
  if (localCaptureTime !== undefined) return { ...reconcileLocalTime(localCaptureTime, newest), source: 'capture' };
  if (newest > 0) return { time: newest, source: 'newest', detail: 'newest timestamp in the input' };
  return { time: opts.clock ?? 0, source: 'clock', detail: 'the clock' };
}
