// The offline source: files, directories, globs, stdin and .tar.gz archives, read into memory.
// Archives are parsed in memory and never extracted; links, absolute paths and ".." entries are skipped.
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as path from 'node:path';
import fg from 'fast-glob';
import { Parser } from 'tar/parse';
import type { InputError } from '../snapshot/types';

export interface InputFile {
  /** the name shown to users: the path given, or "archive.tar.gz:inner/path" */
  name: string;
  /** the path used to recognise bundle layouts (inside an archive: the entry's path) */
  layoutPath: string;
  content: Buffer;
  /** named by the user directly (not found inside a folder or an archive) */
  explicit: boolean;
}

export interface FileSourceResult {
  files: InputFile[];
  errors: InputError[];
  inputs: string[];
}

const MAX_FILE_BYTES = 512 * 1024 * 1024;
const MAX_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024;
const READABLE = /\.(json|ya?ml|txt|log)$|(^|\/)[^./]+$/i;
const ARCHIVE = /\.(tar\.gz|tgz|tar)$/i;

const isGlob = (p: string): boolean => /[*?[\]{}]/.test(p);
const posix = (p: string): string => p.split(path.sep).join('/');

function isSafeEntryPath(p: string): boolean {
  if (p.startsWith('/') || /^[a-zA-Z]:/.test(p)) return false;
  return !p.split('/').includes('..');
}

/** Reads a tar (optionally gzipped) archive from memory. */
export function readArchive(buffer: Buffer, archiveName: string, errors: InputError[]): InputFile[] {
  const files: InputFile[] = [];
  let data = buffer;
  if (buffer[0] === 0x1f && buffer[1] === 0x8b) {
    try {
      data = gunzipSync(buffer, { maxOutputLength: MAX_ARCHIVE_BYTES });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      errors.push({ origin: archiveName, message: /maxOutputLength|buffer/i.test(msg) ? 'archive is larger than 2 GiB once decompressed: not read' : `not a readable gzip file: ${msg}` });
      return files;
    }
  }
  let warned = false;
  const parser = new Parser({
    strict: false,
    onwarn: (_code: string, message: string | Error) => {
      if (warned) return;
      warned = true;
      errors.push({ origin: archiveName, message: `damaged tar archive: ${typeof message === 'string' ? message : message.message}` });
    },
    onReadEntry: (entry) => {
      const entryPath = entry.path.replace(/^\.\//, '');
      if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile') {
        entry.resume();
        return;
      }
      if (!isSafeEntryPath(entryPath)) {
        errors.push({ origin: `${archiveName}:${entryPath}`, message: 'unsafe path in archive (absolute or ".."): skipped' });
        entry.resume();
        return;
      }
      if (!READABLE.test(entryPath) || entry.size > MAX_FILE_BYTES) {
        entry.resume();
        return;
      }
      const chunks: Buffer[] = [];
      entry.on('data', (c: Buffer) => {
        chunks.push(c);
      });
      entry.on('end', () => {
        files.push({ name: `${archiveName}:${entryPath}`, layoutPath: entryPath, content: Buffer.concat(chunks), explicit: false });
      });
    },
  });
  parser.end(data);
  if (files.length === 0 && !warned) {
    errors.push({ origin: archiveName, message: 'archive holds no readable files (.json, .yaml, .txt, .log)' });
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
    // symbolic links and special files are never followed
  }
}

function readOne(file: string, shownAs: string, layoutBase: string, result: FileSourceResult): void {
  let st;
  try {
    st = lstatSync(file);
  } catch (e) {
    result.errors.push({ origin: shownAs, message: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : `cannot read: ${(e as Error).message}` });
    return;
  }
  if (st.isSymbolicLink()) {
    result.errors.push({ origin: shownAs, message: 'is a symbolic link: not followed' });
    return;
  }
  if (st.isDirectory()) {
    const found: string[] = [];
    walk(file, found);
    found.sort();
    if (found.length === 0) result.errors.push({ origin: shownAs, message: 'directory holds no files' });
    for (const f of found) {
      const rel = posix(path.relative(file, f));
      readFile(f, posix(path.join(shownAs, rel)), rel, result, false);
    }
    return;
  }
  readFile(file, shownAs, layoutBase, result, true);
}

function readFile(file: string, shownAs: string, layoutPath: string, result: FileSourceResult, explicit: boolean): void {
  try {
    const st = lstatSync(file);
    if (!st.isFile()) return;
    if (st.size > MAX_FILE_BYTES) {
      result.errors.push({ origin: shownAs, message: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB: not read` });
      return;
    }
    const content = readFileSync(file);
    if (ARCHIVE.test(file) || (content[0] === 0x1f && content[1] === 0x8b)) {
      result.files.push(...readArchive(content, shownAs, result.errors));
    } else if (READABLE.test(file)) {
      result.files.push({ name: shownAs, layoutPath, content, explicit });
    }
  } catch (e) {
    result.errors.push({ origin: shownAs, message: `cannot read: ${(e as Error).message}` });
  }
}

/** Reads every input path; "-" is stdin (given as `stdin`). */
export function readInputs(paths: string[], stdin?: () => Buffer): FileSourceResult {
  const result: FileSourceResult = { files: [], errors: [], inputs: [] };
  for (const p of paths) {
    result.inputs.push(p);
    if (p === '-') {
      const content = stdin ? stdin() : Buffer.alloc(0);
      if (content[0] === 0x1f && content[1] === 0x8b) result.files.push(...readArchive(content, 'stdin', result.errors));
      else result.files.push({ name: 'stdin', layoutPath: 'stdin', content, explicit: true });
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
      if (matches.length === 0) result.errors.push({ origin: p, message: 'the pattern matched no files' });
      for (const m of matches) readOne(m, m, posix(m), result);
      continue;
    }
    readOne(p, p, posix(p), result);
  }
  return result;
}
