// What the snapshot builder does to one object: zod issues as one line, events normalised, config keys, timestamps.
import type * as z from 'zod';
import type { ConfigObject, Event } from '../../schemas/k8s';
import { parseTime } from '../k8s/time';
import type { PodEvent } from './types';

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

/** zod names the type it received; the value itself is never quoted (the field may hold a credential) */
function describeReceived(message: string): string | undefined {
  const got = /received (\w+)/.exec(message)?.[1];
  if (got === undefined || got === 'undefined') return undefined;
  return got === 'array' || got === 'object' ? `an ${got}` : ['string', 'number', 'boolean', 'bigint'].includes(got) ? `a ${got}` : got;
}

export function issueMessage(error: z.ZodError): { path: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { path: '', message: 'invalid object' };
  let message = issue.message;
  if (issue.code === 'invalid_type') {
    const got = describeReceived(issue.message);
    message = got === undefined ? 'required field is missing' : `expected ${issue.expected}, got ${got}`;
  }
  return { path: formatPath(issue.path), message };
}

/**
 * Messages analyzers match with regular expressions are cut to a length no real message reaches (the kubelet
 * itself cuts termination messages at 4 KiB): a hostile 20 MB message must not cost minutes of backtracking.
 */
export const MAX_MESSAGE = 8 * 1024;
export const capMessage = (m: string | undefined | null): string | undefined => (typeof m === 'string' && m.length > MAX_MESSAGE ? `${m.slice(0, MAX_MESSAGE)}... (cut)` : (m ?? undefined));

export function normaliseEvent(e: Event, ref: string): PodEvent {
  const involved = e.involvedObject ?? e.regarding ?? {};
  const count = Math.max(1, e.series?.count ?? 0, e.count ?? 0, e.deprecatedCount ?? 0);
  const first = parseTime(e.firstTimestamp) ?? parseTime(e.deprecatedFirstTimestamp) ?? parseTime(e.eventTime) ?? parseTime(e.metadata.creationTimestamp);
  const last =
    parseTime(e.series?.lastObservedTime) ?? parseTime(e.lastTimestamp) ?? parseTime(e.deprecatedLastTimestamp) ?? parseTime(e.eventTime) ?? first;
  return {
    ref,
    namespace: e.metadata.namespace ?? involved.namespace ?? '',
    reason: e.reason ?? '',
    message: capMessage(e.message ?? e.note ?? '') ?? '',
    type: e.type ?? '',
    count,
    first,
    last,
    source: e.source?.component || e.reportingController || e.reportingComponent || '',
    involved: {
      kind: involved.kind ?? '',
      namespace: involved.kind === 'Node' ? '' : (involved.namespace ?? e.metadata.namespace ?? ''),
      name: involved.name ?? '',
      uid: involved.uid ?? '',
      fieldPath: involved.fieldPath ?? '',
    },
  };
}

export function keysOf(obj: ConfigObject): string[] {
  return [...new Set([...Object.keys(obj.data ?? {}), ...Object.keys(obj.binaryData ?? {}), ...Object.keys(obj.stringData ?? {})])].sort();
}

const TIME_KEY = /(Timestamp|Time|At|timeAdded)$/;
/** deletionTimestamp is a deadline in the future (request + grace period), not a moment the capture saw */
const SKIP_KEYS = new Set(['labels', 'annotations', 'managedFields', 'spec', 'data', 'binaryData', 'deletionTimestamp']);

/** The newest RFC 3339 UTC timestamp under a value. UTC "Z" timestamps sort as strings, so no parsing is needed. */
export function newestTimestamp(value: unknown, newest: string, depth = 0): string {
  if (depth > 12 || value === null || typeof value !== 'object') return newest;
  if (Array.isArray(value)) {
    for (const v of value) newest = newestTimestamp(v, newest, depth + 1);
    return newest;
  }
  for (const k in value as Record<string, unknown>) {
    const v = (value as Record<string, unknown>)[k];
    if (typeof v === 'string') {
      if (v > newest && v.length >= 20 && v.charCodeAt(4) === 45 && v.endsWith('Z') && TIME_KEY.test(k) && !SKIP_KEYS.has(k)) newest = v;
    } else if (typeof v === 'object' && v !== null && !SKIP_KEYS.has(k)) {
      newest = newestTimestamp(v, newest, depth + 1);
    }
  }
  return newest;
}

/** Builds the snapshot; pure: the clock is passed in. */
