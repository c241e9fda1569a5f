// The offline source's byte layer: files, directories, globs, stdin and .tar/.tar.gz archives, streamed to the
// caller one file at a time (never all in memory). Archives are read as a stream and never extracted; links,
// absolute paths and ".." entries are skipped. What a file's bytes become is the caller's business (see offline.ts):
// open() returns a sink for the bytes of each file, or undefined to skip it.
import { closeSync, createReadStream, lstatSync, openSync, readSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import fg from 'fast-glob';
import { Parser } from 'tar/parse';
import type { InputError } from '../snapshot/input';
import { errnoText, firstBytes, walk } from './walk';

export interface EntryInfo {
  /** the name shown to users: the path given, or "archive.tar.gz:inner/path" */
  name: string;
  /** the path used to recognise bundle layouts (inside an archive: the entry's path) */
  layoutPath: string;
  /** named by the user directly (not found inside a folder or an archive) */
  explicit: boolean;
  /** size in bytes when known in advance (files, archive entries; not stdin) */
  size?: number;
}

/** Receives one file's bytes in order; end() once, after the last chunk. */
export interface EntrySink {
  write(chunk: Buffer): void;
  end(): void;
}

export interface InputVisitor {
  /** a file was found: a sink for its bytes, or undefined to skip it */
  open(entry: EntryInfo): EntrySink | undefined;
  error(e: InputError): void;
}

/** stdin as the CLI has it: a stream (read as it comes) or, in tests, a buffer */
export type StdinSource = (() => Buffer) | (() => AsyncIterable<Buffer | string>);

const READABLE = /\.(json|ya?ml|txt|log)$|(^|\/)[^./]+$/i;
const ARCHIVE = /\.(tar\.gz|tgz|tar)$/i;
const CHUNK = 1 << 20;
/** past `floor` bytes decompressed, more than `ratio` bytes out per byte in is a decompression bomb, not a bundle (real ones: ~40) */
export const BOMB = { ratio: 200, floor: 1024 * 1024 * 1024 };

class BombError extends Error {
  constructor(readonly inflated: number) {
    super('decompression bomb');
  }
}

const isGlob = (p: string): boolean => /[*?[\]{}]/.test(p);
const posix = (p: string): string => p.split(path.sep).join('/');
const isGzip = (b: Buffer): boolean => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

function isSafeEntryPath(p: string): boolean {
  if (p.startsWith('/') || /^[a-zA-Z]:/.test(p)) return false;
  return !p.split('/').includes('..');
}

/** whether a file inside a folder or an archive is worth opening by its name */
export function isReadableName(p: string): boolean {
  return READABLE.test(p);
}

/**
 * Reads a tar archive (gzipped or not) from a stream of chunks, entry by entry. Only the entry being read is in
 * flight; a gzip stream that inflates beyond any real bundle's ratio is stopped.
 */
export async function readArchiveStream(source: AsyncIterable<Buffer>, archiveName: string, visitor: InputVisitor): Promise<void> {
  let warned = false;
  let found = 0;
  const parser = new Parser({
    strict: false,
    onwarn: (_code: string, message: string | Error) => {
      if (warned) return;
      warned = true;
      visitor.error({ origin: archiveName, message: `damaged tar archive: ${typeof message === 'string' ? message : message.message}` });
    },
    onReadEntry: (entry) => {
      const entryPath = entry.path.replace(/^\.\//, '');
      if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile') {
        entry.resume();
        return;
      }
      if (!isSafeEntryPath(entryPath)) {
        visitor.error({ origin: `${archiveName}:${entryPath}`, message: 'unsafe path in archive (absolute or ".."): skipped' });
        entry.resume();
        return;
      }
      if (!READABLE.test(entryPath)) {
        entry.resume();
        return;
      }
      found++;
      const sink = visitor.open({ name: `${archiveName}:${entryPath}`, layoutPath: entryPath, explicit: false, size: entry.size });
      if (!sink) {
        entry.resume();
        return;
      }
      entry.on('data', (c: Buffer) => sink.write(c));
      entry.on('end', () => sink.end());
    },
  });
  let compressed = 0;
  let inflated = 0;
  const counted = async function* (): AsyncGenerator<Buffer> {
    for await (const c of source) {
      compressed += c.length;
      yield c;
    }
  };
  const it = counted()[Symbol.asyncIterator]();
  const first = await it.next().catch((e: unknown) => {
    visitor.error({ origin: archiveName, message: `cannot read: ${e instanceof Error ? e.message : String(e)}` });
    return { done: true as const, value: undefined };
  });
  if (first.done) {
    visitor.error({ origin: archiveName, message: 'empty archive' });
    return;
  }
  const all = async function* (): AsyncGenerator<Buffer> {
    yield first.value;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  };
  const gzipped = isGzip(first.value);
  let bombAt = 0;
  try {
    const consume = async (chunks: AsyncIterable<Buffer>): Promise<void> => {
      for await (const chunk of chunks) {
        inflated += chunk.length;
        if (gzipped && inflated > BOMB.floor && inflated > compressed * BOMB.ratio) {
          bombAt = inflated;
          throw new BombError(inflated);
        }
        parser.write(chunk);
      }
    };
    if (gzipped) await pipeline(Readable.from(all()), createGunzip(), consume);
    else await consume(all());
  } catch (e) {
    // the archive ends here: the tar reader's own "truncated" warning would only repeat it
    warned = true;
    if (bombAt > 0) {
      visitor.error({ origin: archiveName, message: `decompresses to more than ${BOMB.ratio} times its size (${Math.round(bombAt / 1024 / 1024)} MiB so far): a decompression bomb, not a bundle; read no further` });
    } else {
      const msg = e instanceof Error ? e.message : String(e);
      visitor.error({ origin: archiveName, message: gzipped ? `not a readable gzip file: ${msg}` : `cannot read: ${msg}` });
    }
  }
  parser.end();
  if (found === 0 && !warned) {
    visitor.error({ origin: archiveName, message: 'archive holds no readable files (.json, .yaml, .txt, .log)' });
  }
}

async function* fileChunks(file: string): AsyncGenerator<Buffer> {
  for await (const c of createReadStream(file, { highWaterMark: CHUNK })) yield c as Buffer;
}

async function* bufferChunks(b: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < b.length; i += CHUNK) yield b.subarray(i, i + CHUNK);
}

/** Streams a plain file into a sink with synchronous reads (no event-loop round trip per chunk). */
function streamFile(file: string, sink: EntrySink): void {
  const fd = openSync(file, 'r');
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      sink.write(n === CHUNK ? buf : buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  sink.end();
}



async function readOne(file: string, shownAs: string, layoutBase: string, visitor: InputVisitor): Promise<void> {
  let st;
  try {
    st = lstatSync(file);
  } catch (e) {
    visitor.error({ origin: shownAs, message: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : `cannot read: ${(e as Error).message}` });
    return;
  }
  if (st.isSymbolicLink()) {
    // a link the user named (or `-f <(cmd)`, a /dev/fd link to a pipe) is followed; links inside folders never are
    try {
      st = statSync(file);
    } catch (e) {
      visitor.error({ origin: shownAs, message: `cannot read: ${errnoText(e)}` });
      return;
    }
  }
  if (st.isDirectory()) {
    const found: string[] = [];
    walk(file, found, (dir, e) => visitor.error({ origin: posix(path.join(shownAs, path.relative(file, dir))), message: `cannot read this folder: ${errnoText(e)}; the rest was read` }));
    found.sort();
    if (found.length === 0) visitor.error({ origin: shownAs, message: 'directory holds no files' });
    for (const f of found) {
      const rel = posix(path.relative(file, f));
      await readFile(f, posix(path.join(shownAs, rel)), rel, visitor, false);
    }
    return;
  }
  await readFile(file, shownAs, layoutBase, visitor, true);
}

async function readFile(file: string, shownAs: string, layoutPath: string, visitor: InputVisitor, explicit: boolean): Promise<void> {
  try {
    const st = explicit ? statSync(file) : lstatSync(file);
    if (explicit && (st.isCharacterDevice() || st.isBlockDevice() || st.isSocket())) {
      visitor.error({ origin: shownAs, message: `is a ${st.isSocket() ? 'socket' : 'device'}, not a file: not read` });
      return;
    }
    if (explicit && st.isFIFO()) {
      // a named pipe or process substitution: read as it comes, sniffed like stdin
      await readStream(createReadStream(file, { highWaterMark: CHUNK }), shownAs, layoutPath, visitor);
      return;
    }
    if (!st.isFile()) return;
    if (ARCHIVE.test(file) || isGzip(firstBytes(file))) {
      await readArchiveStream(fileChunks(file), shownAs, visitor);
      return;
    }
    // a file named explicitly is read whatever its extension (its content is sniffed); a folder's by name only
    if (!explicit && !READABLE.test(file)) return;
    const sink = visitor.open({ name: shownAs, layoutPath, explicit, size: st.size });
    if (sink) streamFile(file, sink);
  } catch (e) {
    visitor.error({ origin: shownAs, message: `cannot read: ${(e as Error).message}` });
  }
}


async function readStdin(stdin: StdinSource | undefined, visitor: InputVisitor): Promise<void> {
  const got = stdin ? stdin() : Buffer.alloc(0);
  await readStream(Buffer.isBuffer(got) ? bufferChunks(got) : (got as AsyncIterable<Buffer | string>), 'stdin', 'stdin', visitor);
}

/** stdin, a FIFO: a stream of unknown length, an archive when it starts as gzip */
async function readStream(source: AsyncIterable<Buffer | string>, name: string, layoutPath: string, visitor: InputVisitor): Promise<void> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  const head = first.done ? Buffer.alloc(0) : Buffer.from(first.value);
  const rest = async function* (): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield Buffer.from(r.value);
    }
  };
  if (isGzip(head)) {
    await readArchiveStream(rest(), name, visitor);
    return;
  }
  const sink = visitor.open({ name, layoutPath, explicit: true });
  if (!sink) return;
  for await (const c of rest()) sink.write(c);
  sink.end();
}

/** Reads every input path, file by file; "-" is stdin. Returns the inputs as given. */
export async function readInputs(paths: string[], visitor: InputVisitor, stdin?: StdinSource): Promise<string[]> {
  const inputs: string[] = [];
  for (const p of paths) {
    inputs.push(p);
    if (p === '-') {
      await readStdin(stdin, visitor);
      continue;
    }
    let exists = true;
    try {
      lstatSync(p);
    } catch {
      exists = false;
    }
    if (!exists && isGlob(p)) {
      const matches = fg.sync(posix(p), { dot: false, onlyFiles: true, followSymbolicLinks: false, unique: true }).sort();
      if (matches.length === 0) visitor.error({ origin: p, message: 'the pattern matched no files' });
      for (const m of matches) await readOne(m, m, posix(m), visitor);
      continue;
    }
    await readOne(p, p, posix(p), visitor);
  }
  return inputs;
}
