// Folders walked for offline input: regular files only (links and special files are never followed), and an
// unreadable folder reported through a callback instead of ending the walk.
import { closeSync, openSync, readSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

/** an errno as a user reads it */
export const errnoText = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'no such file or directory' : e instanceof Error ? e.message : String(e);
};

export function walk(dir: string, out: string[], unreadable: (dir: string, e: unknown) => void): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    // one unreadable folder costs itself, not the run
    unreadable(dir, e);
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out, unreadable);
    else if (entry.isFile()) out.push(full);
    // symbolic links and special files are never followed
  }
}

/** the first two bytes of a file (to tell gzip by its magic number) */
export function firstBytes(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(2);
    const n = readSync(fd, b, 0, 2, 0);
    return b.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
