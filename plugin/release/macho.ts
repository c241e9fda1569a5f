// Ad-hoc code signing of thin 64-bit Mach-O executables, from any OS, and a verifier for what it writes.
//
// arm64 macOS kills unsigned code, and injecting the SEA blob invalidates Node's own signature, so the darwin
// binaries are re-signed here the way Go's linker signs darwin binaries (cmd/internal/codesign) and the way
// `codesign --sign -` does: one SuperBlob at the end of __LINKEDIT holding a SHA-256 CodeDirectory (4 KiB pages,
// ad-hoc flag, the __TEXT segment as the executable segment), an empty requirements set and an empty signature
// wrapper, pointed to by LC_CODE_SIGNATURE. Layouts: xnu osfmk/kern/cs_blobs.h, mach-o/loader.h. All multi-byte
// fields of the signature are big-endian; the Mach-O headers are little-endian (both targets are).
import { createHash } from 'node:crypto';

export const MH_MAGIC_64 = 0xfeedfacf;
export const MH_EXECUTE = 0x2;
export const CPU_TYPE_X86_64 = 0x01000007;
export const CPU_TYPE_ARM64 = 0x0100000c;
export const LC_SEGMENT_64 = 0x19;
export const LC_SYMTAB = 0x2;
export const LC_DYSYMTAB = 0xb;
export const LC_CODE_SIGNATURE = 0x1d;
export const LC_SEGMENT_SPLIT_INFO = 0x1e;
export const LC_DYLD_INFO = 0x22;
export const LC_DYLD_INFO_ONLY = 0x80000022;
export const LC_FUNCTION_STARTS = 0x26;
export const LC_DATA_IN_CODE = 0x29;
export const LC_DYLIB_CODE_SIGN_DRS = 0x2b;
export const LC_LINKER_OPTIMIZATION_HINT = 0x2e;
export const LC_DYLD_EXPORTS_TRIE = 0x80000033;
export const LC_DYLD_CHAINED_FIXUPS = 0x80000034;

export const CSMAGIC_REQUIREMENTS = 0xfade0c01;
export const CSMAGIC_CODEDIRECTORY = 0xfade0c02;
export const CSMAGIC_EMBEDDED_SIGNATURE = 0xfade0cc0;
export const CSMAGIC_BLOBWRAPPER = 0xfade0b01;
export const CSSLOT_CODEDIRECTORY = 0;
export const CSSLOT_REQUIREMENTS = 2;
export const CSSLOT_ALTERNATE_CODEDIRECTORIES = 0x1000;
export const CSSLOT_SIGNATURESLOT = 0x10000;
export const CS_ADHOC = 0x2;
export const CS_HASHTYPE_SHA1 = 1;
export const CS_HASHTYPE_SHA256 = 2;
export const CS_EXECSEG_MAIN_BINARY = 0x1;

const HEADER_SIZE = 32;
const PAGE_BITS = 12;
const PAGE_SIZE = 1 << PAGE_BITS;
const CD_HEADER_SIZE = 88; // CodeDirectory version 0x20400 without identifier and hashes
const SHA256_SIZE = 32;
const SPECIAL_SLOTS = CSSLOT_REQUIREMENTS; // slots -1 (Info.plist, none) and -2 (requirements)

export interface Section {
  name: string;
  segment: string;
  offset: number;
  size: number;
  flags: number;
}

export interface Segment {
  name: string;
  /** file offset of its LC_SEGMENT_64 command */
  cmdOffset: number;
  vmaddr: number;
  vmsize: number;
  fileoff: number;
  filesize: number;
  sections: Section[];
}

export interface LoadCommand {
  cmd: number;
  cmdsize: number;
  offset: number;
}

/** a range of __LINKEDIT that a load command points to */
export interface LinkeditRange {
  what: string;
  offset: number;
  size: number;
}

export interface MachO {
  cputype: number;
  filetype: number;
  ncmds: number;
  sizeofcmds: number;
  commands: LoadCommand[];
  segments: Segment[];
  codeSignature?: { cmdOffset: number; dataoff: number; datasize: number };
  linkeditRanges: LinkeditRange[];
  /** the lowest file offset holding section or segment content after the header: load commands must end before it */
  firstContentOffset: number;
}

export class MachOError extends Error {}

function cstring(buf: Buffer, offset: number, max: number): string {
  const end = buf.indexOf(0, offset);
  return buf.toString('latin1', offset, end < 0 || end > offset + max ? offset + max : end);
}

function u64(buf: Buffer, offset: number): number {
  const v = buf.readBigUInt64LE(offset);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new MachOError(`64-bit field at ${offset} is too large`);
  return Number(v);
}

/** Parses the header and load commands of a thin little-endian 64-bit Mach-O file. */
export function parseMachO(buf: Buffer): MachO {
  if (buf.length < HEADER_SIZE) throw new MachOError('not a Mach-O file: too short');
  const magic = buf.readUInt32LE(0);
  if (magic === 0xbebafeca || magic === 0xcafebabe) throw new MachOError('universal (fat) Mach-O files are not supported: sign each slice');
  if (magic !== MH_MAGIC_64) throw new MachOError(`not a 64-bit little-endian Mach-O file (magic 0x${magic.toString(16)})`);
  const cputype = buf.readUInt32LE(4);
  const filetype = buf.readUInt32LE(12);
  const ncmds = buf.readUInt32LE(16);
  const sizeofcmds = buf.readUInt32LE(20);
  if (HEADER_SIZE + sizeofcmds > buf.length) throw new MachOError('load commands run past the end of the file');
  const commands: LoadCommand[] = [];
  const segments: Segment[] = [];
  const linkeditRanges: LinkeditRange[] = [];
  let codeSignature: MachO['codeSignature'];
  let offset = HEADER_SIZE;
  for (let i = 0; i < ncmds; i++) {
    if (offset + 8 > HEADER_SIZE + sizeofcmds) throw new MachOError(`load command ${i} starts past sizeofcmds`);
    const cmd = buf.readUInt32LE(offset);
    const cmdsize = buf.readUInt32LE(offset + 4);
    if (cmdsize < 8 || cmdsize % 8 !== 0 || offset + cmdsize > HEADER_SIZE + sizeofcmds) throw new MachOError(`load command ${i} (0x${cmd.toString(16)}) has a bad size ${cmdsize}`);
    commands.push({ cmd, cmdsize, offset });
    const linkedit = (what: string, off: number, size: number) => {
      if (size > 0) linkeditRanges.push({ what, offset: off, size });
    };
    switch (cmd) {
      case LC_SEGMENT_64: {
        const nsects = buf.readUInt32LE(offset + 64);
        if (72 + nsects * 80 > cmdsize) throw new MachOError(`segment command ${i} is too small for its ${nsects} sections`);
        const sections: Section[] = [];
        for (let s = 0; s < nsects; s++) {
          const so = offset + 72 + s * 80;
          sections.push({ name: cstring(buf, so, 16), segment: cstring(buf, so + 16, 16), size: u64(buf, so + 40), offset: buf.readUInt32LE(so + 48), flags: buf.readUInt32LE(so + 64) });
        }
        segments.push({ name: cstring(buf, offset + 8, 16), cmdOffset: offset, vmaddr: u64(buf, offset + 24), vmsize: u64(buf, offset + 32), fileoff: u64(buf, offset + 40), filesize: u64(buf, offset + 48), sections });
        break;
      }
      case LC_CODE_SIGNATURE:
        if (codeSignature) throw new MachOError('more than one LC_CODE_SIGNATURE');
        codeSignature = { cmdOffset: offset, dataoff: buf.readUInt32LE(offset + 8), datasize: buf.readUInt32LE(offset + 12) };
        break;
      case LC_SYMTAB:
        linkedit('symbol table', buf.readUInt32LE(offset + 8), buf.readUInt32LE(offset + 12) * 16);
        linkedit('string table', buf.readUInt32LE(offset + 16), buf.readUInt32LE(offset + 20));
        break;
      case LC_DYSYMTAB:
        linkedit('table of contents', buf.readUInt32LE(offset + 32), buf.readUInt32LE(offset + 36) * 8);
        linkedit('module table', buf.readUInt32LE(offset + 40), buf.readUInt32LE(offset + 44) * 56);
        linkedit('external references', buf.readUInt32LE(offset + 48), buf.readUInt32LE(offset + 52) * 4);
        linkedit('indirect symbols', buf.readUInt32LE(offset + 56), buf.readUInt32LE(offset + 60) * 4);
        linkedit('external relocations', buf.readUInt32LE(offset + 64), buf.readUInt32LE(offset + 68) * 8);
        linkedit('local relocations', buf.readUInt32LE(offset + 72), buf.readUInt32LE(offset + 76) * 8);
        break;
      case LC_DYLD_INFO:
      case LC_DYLD_INFO_ONLY:
        for (const [k, what] of ['rebase', 'bind', 'weak bind', 'lazy bind', 'export'].entries()) linkedit(`dyld ${what} info`, buf.readUInt32LE(offset + 8 + k * 8), buf.readUInt32LE(offset + 12 + k * 8));
        break;
      case LC_SEGMENT_SPLIT_INFO:
      case LC_FUNCTION_STARTS:
      case LC_DATA_IN_CODE:
      case LC_DYLIB_CODE_SIGN_DRS:
      case LC_LINKER_OPTIMIZATION_HINT:
      case LC_DYLD_EXPORTS_TRIE:
      case LC_DYLD_CHAINED_FIXUPS:
        linkedit(`linkedit data 0x${cmd.toString(16)}`, buf.readUInt32LE(offset + 8), buf.readUInt32LE(offset + 12));
        break;
    }
    offset += cmdsize;
  }
  if (offset !== HEADER_SIZE + sizeofcmds) throw new MachOError(`sizeofcmds ${sizeofcmds} does not match the load commands (${offset - HEADER_SIZE})`);
  let firstContentOffset = buf.length;
  for (const seg of segments) {
    if (seg.filesize > 0 && seg.fileoff > 0) firstContentOffset = Math.min(firstContentOffset, seg.fileoff);
    for (const s of seg.sections) if (s.offset > 0 && s.size > 0) firstContentOffset = Math.min(firstContentOffset, s.offset);
  }
  return { cputype, filetype, ncmds, sizeofcmds, commands, segments, codeSignature, linkeditRanges, firstContentOffset };
}

function segmentNamed(m: MachO, name: string): Segment {
  const seg = m.segments.find((s) => s.name === name);
  if (!seg) throw new MachOError(`no ${name} segment`);
  return seg;
}

function pageSizeOf(m: MachO): number {
  return m.cputype === CPU_TYPE_ARM64 ? 0x4000 : 0x1000;
}

const align = (n: number, a: number) => Math.ceil(n / a) * a;

function sha256(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

function signatureSize(codeLimit: number, identifier: string): { size: number; cdSize: number } {
  const nslots = Math.ceil(codeLimit / PAGE_SIZE);
  const cdSize = CD_HEADER_SIZE + Buffer.byteLength(identifier) + 1 + (SPECIAL_SLOTS + nslots) * SHA256_SIZE;
  // SuperBlob header and three index entries, CodeDirectory, empty requirements (12), empty wrapper (8)
  return { size: 12 + 3 * 8 + cdSize + 12 + 8, cdSize };
}

/**
 * Returns a copy of `input` carrying a fresh ad-hoc signature. An existing signature (Node's own, or a previous
 * ad-hoc one) is dropped first; otherwise a new LC_CODE_SIGNATURE goes into the free space after the load commands.
 */
export function adHocSign(input: Buffer, identifier: string): Buffer {
  if (identifier === '' || identifier.includes('\0')) throw new MachOError('the identifier must be a non-empty string without NUL');
  const m = parseMachO(input);
  if (m.filetype !== MH_EXECUTE) throw new MachOError(`only executables are signed here (filetype ${m.filetype})`);
  const linkedit = segmentNamed(m, '__LINKEDIT');
  const text = segmentNamed(m, '__TEXT');
  if (m.segments.some((s) => s !== linkedit && s.filesize > 0 && s.fileoff >= linkedit.fileoff)) throw new MachOError('__LINKEDIT is not the last segment in the file');
  const linkeditEnd = linkedit.fileoff + linkedit.filesize;
  let body: Buffer;
  let cmdOffset: number;
  let ncmds = m.ncmds;
  let sizeofcmds = m.sizeofcmds;
  if (m.codeSignature) {
    const { dataoff, datasize } = m.codeSignature;
    if (dataoff < linkedit.fileoff || dataoff + datasize > input.length) throw new MachOError('the existing code signature lies outside __LINKEDIT');
    if (linkeditEnd !== input.length || dataoff + datasize !== input.length) throw new MachOError('data follows the existing code signature');
    body = input.subarray(0, dataoff);
    cmdOffset = m.codeSignature.cmdOffset;
  } else {
    if (linkeditEnd !== input.length) throw new MachOError(`__LINKEDIT ends at ${linkeditEnd} but the file is ${input.length} bytes: data after it would not be covered`);
    cmdOffset = HEADER_SIZE + m.sizeofcmds;
    if (cmdOffset + 16 > m.firstContentOffset) throw new MachOError(`no room for LC_CODE_SIGNATURE: load commands end at ${cmdOffset}, content starts at ${m.firstContentOffset}`);
    if (!input.subarray(cmdOffset, cmdOffset + 16).every((b) => b === 0)) throw new MachOError('the space after the load commands is not free');
    body = input;
    ncmds += 1;
    sizeofcmds += 16;
  }
  for (const r of m.linkeditRanges) {
    if (r.offset < linkedit.fileoff || r.offset + r.size > body.length) throw new MachOError(`${r.what} (${r.offset}+${r.size}) is not inside __LINKEDIT before the signature`);
  }
  // the signature starts 16-byte aligned right after the linkedit content (as ld64 and codesign_allocate place it)
  const codeLimit = align(body.length, 16);
  const { size, cdSize } = signatureSize(codeLimit, identifier);
  const out = Buffer.alloc(codeLimit + size);
  body.copy(out, 0);

  out.writeUInt32LE(ncmds, 16);
  out.writeUInt32LE(sizeofcmds, 20);
  out.writeUInt32LE(LC_CODE_SIGNATURE, cmdOffset);
  out.writeUInt32LE(16, cmdOffset + 4);
  out.writeUInt32LE(codeLimit, cmdOffset + 8);
  out.writeUInt32LE(size, cmdOffset + 12);
  const filesize = out.length - linkedit.fileoff;
  out.writeBigUInt64LE(BigInt(Math.max(linkedit.vmsize, align(filesize, pageSizeOf(m)))), linkedit.cmdOffset + 32);
  out.writeBigUInt64LE(BigInt(filesize), linkedit.cmdOffset + 48);

  // SuperBlob: CodeDirectory, requirements, signature wrapper (index sorted by slot type)
  const sb = out.subarray(codeLimit);
  const cdOff = 12 + 3 * 8;
  const reqOff = cdOff + cdSize;
  const wrapOff = reqOff + 12;
  sb.writeUInt32BE(CSMAGIC_EMBEDDED_SIGNATURE, 0);
  sb.writeUInt32BE(size, 4);
  sb.writeUInt32BE(3, 8);
  for (const [k, [type, off]] of [[CSSLOT_CODEDIRECTORY, cdOff], [CSSLOT_REQUIREMENTS, reqOff], [CSSLOT_SIGNATURESLOT, wrapOff]].entries()) {
    sb.writeUInt32BE(type as number, 12 + k * 8);
    sb.writeUInt32BE(off as number, 16 + k * 8);
  }
  sb.writeUInt32BE(CSMAGIC_REQUIREMENTS, reqOff);
  sb.writeUInt32BE(12, reqOff + 4);
  sb.writeUInt32BE(0, reqOff + 8); // no requirements
  sb.writeUInt32BE(CSMAGIC_BLOBWRAPPER, wrapOff);
  sb.writeUInt32BE(8, wrapOff + 4); // no CMS signature: ad-hoc

  const nslots = Math.ceil(codeLimit / PAGE_SIZE);
  const idOff = CD_HEADER_SIZE;
  const hashOff = idOff + Buffer.byteLength(identifier) + 1 + SPECIAL_SLOTS * SHA256_SIZE;
  const cd = sb.subarray(cdOff, cdOff + cdSize);
  cd.writeUInt32BE(CSMAGIC_CODEDIRECTORY, 0);
  cd.writeUInt32BE(cdSize, 4);
  cd.writeUInt32BE(0x20400, 8); // version with execSeg fields
  cd.writeUInt32BE(CS_ADHOC, 12);
  cd.writeUInt32BE(hashOff, 16);
  cd.writeUInt32BE(idOff, 20);
  cd.writeUInt32BE(SPECIAL_SLOTS, 24);
  cd.writeUInt32BE(nslots, 28);
  cd.writeUInt32BE(codeLimit, 32);
  cd.writeUInt8(SHA256_SIZE, 36);
  cd.writeUInt8(CS_HASHTYPE_SHA256, 37);
  cd.writeUInt8(0, 38); // platform
  cd.writeUInt8(PAGE_BITS, 39);
  // spare2, scatterOffset, teamOffset, spare3 stay 0; codeLimit64 stays 0 (codeLimit fits in 32 bits)
  cd.writeBigUInt64BE(BigInt(text.fileoff), 64);
  cd.writeBigUInt64BE(BigInt(text.filesize), 72);
  cd.writeBigUInt64BE(BigInt(CS_EXECSEG_MAIN_BINARY), 80);
  cd.write(`${identifier}\0`, idOff, 'utf8');
  // special slot -2: the requirements blob; slot -1 (Info.plist) stays zero
  sha256(sb.subarray(reqOff, reqOff + 12)).copy(cd, hashOff - CSSLOT_REQUIREMENTS * SHA256_SIZE);
  for (let p = 0; p < nslots; p++) {
    sha256(out.subarray(p * PAGE_SIZE, Math.min((p + 1) * PAGE_SIZE, codeLimit))).copy(cd, hashOff + p * SHA256_SIZE);
  }
  return out;
}

export interface CodeDirectoryInfo {
  slot: number;
  version: number;
  flags: number;
  hashType: number;
  identifier: string;
  codeLimit: number;
  pages: number;
  execSegBase: number;
  execSegLimit: number;
  execSegFlags: number;
}

export interface SignatureInfo {
  adHoc: boolean;
  /** size of the CMS signature blob (0: none) */
  cmsSize: number;
  blobs: Array<{ slot: number; magic: number; length: number }>;
  codeDirectories: CodeDirectoryInfo[];
}

const HASHES: Record<number, { name: string; size: number }> = { [CS_HASHTYPE_SHA1]: { name: 'sha1', size: 20 }, [CS_HASHTYPE_SHA256]: { name: 'sha256', size: 32 } };

/**
 * Checks a signed Mach-O the way the kernel and dyld look at it: the load commands and segments are consistent,
 * __LINKEDIT is last and ends at the end of the file with the signature inside it, and every CodeDirectory's page
 * hashes and special-slot hashes match the file. Throws MachOError naming the first problem.
 */
export function verifySignature(buf: Buffer): SignatureInfo {
  const m = parseMachO(buf);
  const cs = m.codeSignature;
  if (!cs) throw new MachOError('no LC_CODE_SIGNATURE');
  const linkedit = segmentNamed(m, '__LINKEDIT');
  const text = segmentNamed(m, '__TEXT');
  if (HEADER_SIZE + m.sizeofcmds > m.firstContentOffset) throw new MachOError('load commands overlap section content');
  if (text.fileoff !== 0) throw new MachOError('__TEXT does not start at file offset 0');
  const inFile = m.segments.filter((s) => s.filesize > 0).sort((a, b) => a.fileoff - b.fileoff);
  for (let i = 1; i < inFile.length; i++) {
    const prev = inFile[i - 1] as Segment;
    const cur = inFile[i] as Segment;
    if (prev.fileoff + prev.filesize > cur.fileoff) throw new MachOError(`segments ${prev.name} and ${cur.name} overlap in the file`);
  }
  for (const s of m.segments) {
    if (s.filesize > s.vmsize) throw new MachOError(`segment ${s.name} has filesize > vmsize`);
    for (const sec of s.sections) {
      if (sec.offset > 0 && sec.size > 0 && (sec.flags & 0xff) !== 1 && (sec.offset < s.fileoff || sec.offset + sec.size > s.fileoff + s.filesize)) throw new MachOError(`section ${s.name},${sec.name} lies outside its segment`);
    }
  }
  if (inFile[inFile.length - 1] !== linkedit) throw new MachOError('__LINKEDIT is not the last segment in the file');
  if (linkedit.fileoff + linkedit.filesize !== buf.length) throw new MachOError(`__LINKEDIT ends at ${linkedit.fileoff + linkedit.filesize}, the file at ${buf.length}`);
  if (cs.dataoff % 16 !== 0) throw new MachOError('the code signature is not 16-byte aligned');
  if (cs.dataoff < linkedit.fileoff || cs.dataoff + cs.datasize !== buf.length) throw new MachOError('the code signature is not at the end of __LINKEDIT');
  for (const r of m.linkeditRanges) {
    if (r.offset < linkedit.fileoff || r.offset + r.size > cs.dataoff) throw new MachOError(`${r.what} is not inside __LINKEDIT before the signature`);
  }
  const sig = buf.subarray(cs.dataoff, cs.dataoff + cs.datasize);
  if (sig.readUInt32BE(0) !== CSMAGIC_EMBEDDED_SIGNATURE) throw new MachOError('the signature is not an embedded-signature SuperBlob');
  const length = sig.readUInt32BE(4);
  const count = sig.readUInt32BE(8);
  if (length > sig.length || 12 + count * 8 > length) throw new MachOError('the SuperBlob is larger than LC_CODE_SIGNATURE says');
  const blobs: SignatureInfo['blobs'] = [];
  const blobAt = new Map<number, Buffer>();
  for (let i = 0; i < count; i++) {
    const slot = sig.readUInt32BE(12 + i * 8);
    const off = sig.readUInt32BE(16 + i * 8);
    if (off + 8 > length) throw new MachOError(`blob ${i} starts outside the SuperBlob`);
    const blen = sig.readUInt32BE(off + 4);
    if (off + blen > length) throw new MachOError(`blob ${i} runs outside the SuperBlob`);
    blobs.push({ slot, magic: sig.readUInt32BE(off), length: blen });
    blobAt.set(slot, sig.subarray(off, off + blen));
  }
  const cds: CodeDirectoryInfo[] = [];
  for (const [slot, blob] of blobAt) {
    if (slot !== CSSLOT_CODEDIRECTORY && !(slot >= CSSLOT_ALTERNATE_CODEDIRECTORIES && slot < CSSLOT_ALTERNATE_CODEDIRECTORIES + 5)) continue;
    if (blob.readUInt32BE(0) !== CSMAGIC_CODEDIRECTORY) throw new MachOError(`slot 0x${slot.toString(16)} is not a CodeDirectory`);
    const version = blob.readUInt32BE(8);
    const flags = blob.readUInt32BE(12);
    const hashOffset = blob.readUInt32BE(16);
    const identOffset = blob.readUInt32BE(20);
    const nSpecial = blob.readUInt32BE(24);
    const nCode = blob.readUInt32BE(28);
    let codeLimit = blob.readUInt32BE(32);
    const hashSize = blob.readUInt8(36);
    const hashType = blob.readUInt8(37);
    const pageBits = blob.readUInt8(39);
    if (version >= 0x20300 && codeLimit === 0) codeLimit = Number(blob.readBigUInt64BE(56));
    const hash = HASHES[hashType];
    if (!hash || hash.size !== hashSize) throw new MachOError(`CodeDirectory 0x${slot.toString(16)}: unsupported hash type ${hashType}/${hashSize}`);
    if (pageBits !== PAGE_BITS) throw new MachOError(`CodeDirectory 0x${slot.toString(16)}: page size 2^${pageBits}, expected 4 KiB`);
    if (codeLimit !== cs.dataoff) throw new MachOError(`CodeDirectory 0x${slot.toString(16)}: codeLimit ${codeLimit} is not the signature offset ${cs.dataoff}`);
    if (nCode !== Math.ceil(codeLimit / PAGE_SIZE)) throw new MachOError(`CodeDirectory 0x${slot.toString(16)}: ${nCode} page hashes for ${codeLimit} bytes`);
    if (hashOffset + nCode * hashSize > blob.length || hashOffset < nSpecial * hashSize + identOffset) throw new MachOError(`CodeDirectory 0x${slot.toString(16)}: hashes outside the blob`);
    const digest = (data: Uint8Array) => createHash(hash.name).update(data).digest();
    for (let p = 0; p < nCode; p++) {
      const want = blob.subarray(hashOffset + p * hashSize, hashOffset + (p + 1) * hashSize);
      if (!digest(buf.subarray(p * PAGE_SIZE, Math.min((p + 1) * PAGE_SIZE, codeLimit))).equals(want)) throw new MachOError(`CodeDirectory 0x${slot.toString(16)}: page ${p} (offset ${p * PAGE_SIZE}) does not match its hash`);
    }
    for (let k = 1; k <= nSpecial; k++) {
      const want = blob.subarray(hashOffset - k * hashSize, hashOffset - (k - 1) * hashSize);
      const special = blobAt.get(k);
      const got = special ? digest(special) : Buffer.alloc(hashSize);
      if (!got.equals(want)) throw new MachOError(`CodeDirectory 0x${slot.toString(16)}: special slot -${k} does not match ${special ? 'its blob' : 'zero'}`);
    }
    let execSegBase = 0;
    let execSegLimit = 0;
    let execSegFlags = 0;
    if (version >= 0x20400) {
      execSegBase = Number(blob.readBigUInt64BE(64));
      execSegLimit = Number(blob.readBigUInt64BE(72));
      execSegFlags = Number(blob.readBigUInt64BE(80));
      if (execSegBase !== text.fileoff || execSegLimit !== text.filesize) throw new MachOError(`CodeDirectory 0x${slot.toString(16)}: the executable segment is not __TEXT`);
    }
    cds.push({ slot, version, flags, hashType, identifier: cstring(blob, identOffset, blob.length - identOffset), codeLimit, pages: nCode, execSegBase, execSegLimit, execSegFlags });
  }
  if (!cds.some((c) => c.slot === CSSLOT_CODEDIRECTORY)) throw new MachOError('no CodeDirectory in slot 0');
  const wrapper = blobAt.get(CSSLOT_SIGNATURESLOT);
  const cmsSize = wrapper ? wrapper.length - 8 : 0;
  return { adHoc: cds.every((c) => (c.flags & CS_ADHOC) !== 0) && cmsSize === 0, cmsSize, blobs, codeDirectories: cds.sort((a, b) => a.slot - b.slot) };
}

/** the page hashes of the CodeDirectory in `slot` (0: the primary one), as stored */
export function storedPageHashes(buf: Buffer, slot = CSSLOT_CODEDIRECTORY): Buffer[] {
  const cs = parseMachO(buf).codeSignature;
  if (!cs) throw new MachOError('no LC_CODE_SIGNATURE');
  const sig = buf.subarray(cs.dataoff, cs.dataoff + cs.datasize);
  for (let i = 0; i < sig.readUInt32BE(8); i++) {
    if (sig.readUInt32BE(12 + i * 8) !== slot) continue;
    const cd = sig.subarray(sig.readUInt32BE(16 + i * 8));
    const hashOffset = cd.readUInt32BE(16);
    const hashSize = cd.readUInt8(36);
    return Array.from({ length: cd.readUInt32BE(28) }, (_, p) => cd.subarray(hashOffset + p * hashSize, hashOffset + (p + 1) * hashSize));
  }
  throw new MachOError(`no CodeDirectory in slot ${slot}`);
}
