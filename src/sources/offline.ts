// The offline pipeline's I/O half: input paths to the documents and logs the snapshot is built from.
import { parseTime } from '../k8s/time';
import { parseText, type LogBlock } from './documents';
import { readInputs } from './files';
import type { SnapshotInput } from '../snapshot/build';

/** troubleshoot pod logs: cluster-resources/pods/logs/<ns>/<pod>/<container>[-previous].log */
const TROUBLESHOOT_LOG = /(?:^|\/)pods\/logs\/([^/]+)\/([^/]+)\/([^/]+?)(-previous)?\.log$/;
/** cluster-info dump folders: <ns>/<pod>/logs.txt */
const DUMP_LOG = /(?:^|\/)([^/]+)\/([^/]+)\/logs\.txt$/;
/** troubleshoot names its bundles support-bundle-2025-09-11T15_54_39 */
const BUNDLE_TIME = /support-bundle-(\d{4}-\d{2}-\d{2})T(\d{2})[_:](\d{2})[_:](\d{2})/;

/** parts of support bundles that hold no cluster objects podwhy reads (host collectors, custom resources, symlinked log copies) */
const NOT_CLUSTER_DATA = /(^|\/)(custom-resources|host-collectors|all-logs|execution-data|auth-cani-list)\/|(^|\/)[^/]*-errors\.json$|(^|\/)(analysis|resources|custom-resource-definitions)\.json$/;
const LOOKS_LIKE_OBJECTS = /^\s*(\{|\[|---|apiVersion:|kind:|items:|==== START logs)/;

export function captureTimeFromPath(p: string): number | undefined {
  const m = BUNDLE_TIME.exec(p);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

export function readOffline(paths: string[], stdin?: () => Buffer): Omit<SnapshotInput, 'now' | 'clock'> {
  const { files, errors, inputs } = readInputs(paths, stdin);
  const documents: SnapshotInput['documents'] = [];
  const logs: LogBlock[] = [];
  let captureTime: number | undefined;
  for (const file of files) {
    const ct = captureTimeFromPath(file.name);
    if (ct !== undefined) captureTime = Math.max(captureTime ?? 0, ct);
    const tl = TROUBLESHOOT_LOG.exec(file.layoutPath);
    if (tl) {
      logs.push({ namespace: tl[1] as string, pod: tl[2] as string, container: tl[3] as string, previous: !!tl[4], text: file.content.toString('utf8') });
      continue;
    }
    if (!file.explicit && NOT_CLUSTER_DATA.test(file.layoutPath)) continue;
    const text = file.content.toString('utf8');
    const isData = /\.(json|ya?ml)$/i.test(file.layoutPath) || file.explicit;
    if (!isData && !LOOKS_LIKE_OBJECTS.test(text.slice(0, 200))) continue;
    if (text.includes('\u0000')) {
      if (isData) errors.push({ origin: file.name, message: 'binary content (NUL bytes): not a JSON or YAML file' });
      continue;
    }
    const parsed = parseText(text, file.name);
    errors.push(...parsed.errors);
    // vz bug-report and similar tools record the capture time as {"time": "..."} in metadata.json
    const meta = /(^|\/)metadata\.json$/.test(file.layoutPath) ? (parsed.documents[0]?.value as { time?: unknown } | undefined) : undefined;
    const metaTime = parseTime(meta?.time);
    if (metaTime !== undefined) captureTime = Math.max(captureTime ?? 0, metaTime);
    for (const d of parsed.documents) documents.push({ ...d, layoutPath: file.layoutPath, explicit: file.explicit });
    const dump = DUMP_LOG.exec(file.layoutPath);
    for (const block of parsed.logs) logs.push(block);
    if (dump && parsed.logs.length === 0 && parsed.documents.length === 0) {
      logs.push({ namespace: dump[1] as string, pod: dump[2] as string, previous: false, text });
    }
  }
  return { documents, logs, errors, inputs, ...(captureTime !== undefined ? { captureTime } : {}) };
}
