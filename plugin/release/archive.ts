// Reproducible krew archives: a flat .tar.gz (ustar) or .zip holding only regular files, written byte by byte here
// so that nothing of the build machine (owner names, umask, clock, file order, zlib's OS byte) leaks in. Same
// inputs and mtime give the same bytes.
import { createHash } from 'node:crypto';
import { deflateRawSync, gzipSync } from 'node:zlib';

export interface ArchiveEntry {
  name: string;
  data: Buffer;
  mode: number;
}

/** seconds since 1970; SOURCE_DATE_EPOCH by convention */
export type Epoch = number;

function checkEntries(entries: ArchiveEntry[]): void {
  const seen = new Set<string>();
  for (const e of entries) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(e.name) || e.name.length > 99) throw new Error(`archive entry ${JSON.stringify(e.name)}: only flat, plain file names`);
    if (seen.has(e.name)) throw new Error(`archive entry ${e.name} twice`);
    seen.add(e.name);
  }
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function tarHeader(e: ArchiveEntry, mtime: Epoch): Buffer {
  const h = Buffer.alloc(512);
  h.write(e.name, 0, 'utf8');
  h.write(octal(e.mode & 0o7777, 8), 100, 'latin1');
  h.write(octal(0, 8), 108, 'latin1'); // uid
  h.write(octal(0, 8), 116, 'latin1'); // gid
  h.write(octal(e.data.length, 12), 124, 'latin1');
  h.write(octal(mtime, 12), 136, 'latin1');
  h.write('        ', 148, 'latin1'); // checksum placeholder
  h.write('0', 156, 'latin1'); // regular file
  h.write('ustar\0', 257, 'latin1');
  h.write('00', 263, 'latin1');
  h.write('root', 265, 'latin1'); // uname, gname: what `tar --owner=0` would show
  h.write('root', 297, 'latin1');
  h.write(octal(0, 8), 329, 'latin1');
  h.write(octal(0, 8), 337, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

/** ustar archive, entries in the given order, gzip level 9 with a zero gzip mtime and the Unix OS byte */
export function tarGz(entries: ArchiveEntry[], mtime: Epoch): Buffer {
  checkEntries(entries);
  const parts: Buffer[] = [];
  for (const e of entries) {
    parts.push(tarHeader(e, mtime), e.data);
    const pad = (512 - (e.data.length % 512)) % 512;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(1024));
  const gz = gzipSync(Buffer.concat(parts), { level: 9 });
  gz.writeUInt32LE(0, 4); // MTIME
  gz[9] = 3; // OS: Unix, whatever zlib was built for
  return gz;
}

let crcTable: Uint32Array | undefined;
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  const t = crcTable;
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = (t[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function dosDateTime(epoch: Epoch): { date: number; time: number } {
  const d = new Date(Math.max(epoch, 315532800) * 1000); // DOS time starts in 1980
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

/** zip, deflated, "made by Unix" with the entries' modes in the external attributes (unzip and krew honour them) */
export function zip(entries: ArchiveEntry[], mtime: Epoch): Buffer {
  checkEntries(entries);
  const { date, time } = dosDateTime(mtime);
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const deflated = deflateRawSync(e.data, { level: 9 });
    const crc = crc32(e.data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4); // version needed: 2.0
    lh.writeUInt16LE(0x0800, 6); // UTF-8 names
    lh.writeUInt16LE(8, 8); // deflate
    lh.writeUInt16LE(time, 10);
    lh.writeUInt16LE(date, 12);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(deflated.length, 18);
    lh.writeUInt32LE(e.data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    local.push(lh, name, deflated);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, 2.0
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt16LE(time, 12);
    ch.writeUInt16LE(date, 14);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(deflated.length, 20);
    ch.writeUInt32LE(e.data.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(((0o100000 | (e.mode & 0o7777)) << 16) >>> 0, 38); // regular file + mode
    ch.writeUInt32LE(offset, 42);
    central.push(ch, name);
    offset += lh.length + name.length + deflated.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, cd, end]);
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** the line `sha256sum -c` reads */
export function sha256File(archiveName: string, data: Uint8Array): string {
  return `${sha256Hex(data)}  ${archiveName}\n`;
}
