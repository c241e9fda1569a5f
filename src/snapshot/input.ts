// The input contract between the sources and the snapshot: what a source hands over (raw documents, log
// blocks, input errors, the capture time) and the names both sides agree on (capture annotation, object keys).
// Sources import this module; the snapshot never imports a source.

export interface InputError {
  /** file (and line or object path) the problem is in */
  origin: string;
  message: string;
}

export interface RawDocument {
  /** file name, plus "#N" when the file held several documents */
  origin: string;
  value: unknown;
}

export interface LogBlock {
  namespace: string;
  pod: string;
  container?: string;
  previous: boolean;
  text: string;
}

export interface SnapshotInput {
  documents: Array<RawDocument & { layoutPath: string; explicit: boolean }>;
  logs: LogBlock[];
  errors: InputError[];
  inputs: string[];
  /** capture time found in the bundle's layout (troubleshoot folder names), epoch ms */
  captureTime?: number;
  now?: number;
  clock?: number;
}

/** capture-time annotation written by `kubectl podwhy snapshot` */
export const CAPTURE_ANNOTATION = 'podwhy.dev/captured-at';

/** The key of an object in the snapshot's maps: "Kind/ns/name", or "Kind/name" for cluster-scoped objects. */
export function objectKey(kind: string, namespace: string | null | undefined, name: string): string {
  return namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
}
