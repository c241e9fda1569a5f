// The ad-hoc signer on a small synthetic arm64 executable: the load commands and segments come out as dyld and the
// kernel expect, and every page hash is recomputed here independently of the module's own verifier. The release
// test (plugin/release/release.test.ts) runs the same checks on the real Node darwin binaries and shows that the
// verifier accepts the official Node.js signatures made by Apple's codesign.
import { createHash } from 'node:crypto';
import { adHocSign, CPU_TYPE_ARM64, CPU_TYPE_X86_64, LC_CODE_SIGNATURE, LC_SEGMENT_64, LC_SYMTAB, MachOError, parseMachO, verifySignature } from './macho';

const LC_MAIN = 0x80000028;

function segment(name: string, vmaddr: number, vmsize: number, fileoff: number, filesize: number, sections: Array<{ name: string; offset: number; size: number }> = []): Buffer {
  const b = Buffer.alloc(72 + 80 * sections.length);
  b.writeUInt32LE(LC_SEGMENT_64, 0);
  b.writeUInt32LE(b.length, 4);
  b.write(name, 8, 'latin1');
  b.writeBigUInt64LE(BigInt(vmaddr), 24);
  b.writeBigUInt64LE(BigInt(vmsize), 32);
  b.writeBigUInt64LE(BigInt(fileoff), 40);
  b.writeBigUInt64LE(BigInt(filesize), 48);
  b.writeUInt32LE(name === '__TEXT' ? 5 : 1, 56);
  b.writeUInt32LE(name === '__TEXT' ? 5 : 1, 60);
  b.writeUInt32LE(sections.length, 64);
  sections.forEach((s, i) => {
    const o = 72 + i * 80;
    b.write(s.name, o, 'latin1');
    b.write(name, o + 16, 'latin1');
    b.writeBigUInt64LE(BigInt(vmaddr + s.offset - fileoff), o + 32);
    b.writeBigUInt64LE(BigInt(s.size), o + 40);
    b.writeUInt32LE(s.offset, o + 48);
    b.writeUInt32LE(0x80000400, o + 64);
  });
  return b;
}

/** a minimal MH_EXECUTE: __PAGEZERO, __TEXT (one section), __LINKEDIT (symbols and strings), LC_SYMTAB, LC_MAIN */
function syntheticExecutable(opts: { linkeditSize?: number; textOffset?: number; cputype?: number; trailing?: number } = {}): Buffer {
  const linkeditSize = opts.linkeditSize ?? 0x2345;
  const textOffset = opts.textOffset ?? 0x3000;
  const symtab = Buffer.alloc(24);
  symtab.writeUInt32LE(LC_SYMTAB, 0);
  symtab.writeUInt32LE(24, 4);
  symtab.writeUInt32LE(0x4000, 8);
  symtab.writeUInt32LE(2, 12);
  symtab.writeUInt32LE(0x4020, 16);
  symtab.writeUInt32LE(0x100, 20);
  const main = Buffer.alloc(24);
  main.writeUInt32LE(LC_MAIN, 0);
  main.writeUInt32LE(24, 4);
  main.writeBigUInt64LE(BigInt(textOffset), 8);
  const cmds = [segment('__PAGEZERO', 0, 0x100000000, 0, 0), segment('__TEXT', 0x100000000, 0x4000, 0, 0x4000, [{ name: '__text', offset: textOffset, size: 0x4000 - textOffset }]), segment('__LINKEDIT', 0x100004000, 0x4000, 0x4000, linkeditSize), symtab, main];
  const file = Buffer.alloc(0x4000 + linkeditSize + (opts.trailing ?? 0));
  let seed = 12345;
  for (let i = textOffset; i < file.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    file[i] = seed >>> 24;
  }
  file.writeUInt32LE(0xfeedfacf, 0);
  file.writeUInt32LE(opts.cputype ?? CPU_TYPE_ARM64, 4);
  file.writeUInt32LE(2, 12);
  file.writeUInt32LE(cmds.length, 16);
  file.writeUInt32LE(cmds.reduce((n, c) => n + c.length, 0), 20);
  file.writeUInt32LE(0x200085, 24);
  Buffer.concat(cmds).copy(file, 32);
  return file;
}

/** independent of macho.ts: the CodeDirectory of slot 0 and its page hashes, read straight from the bytes */
function pageHashesMatch(signed: Buffer): { pages: number; identifier: string; flags: number } {
  const ncmds = signed.readUInt32LE(16);
  let off = 32;
  let dataoff = -1;
  for (let i = 0; i < ncmds; i++) {
    if (signed.readUInt32LE(off) === LC_CODE_SIGNATURE) dataoff = signed.readUInt32LE(off + 8);
    off += signed.readUInt32LE(off + 4);
  }
  expect(dataoff).toBeGreaterThan(0);
  const sb = signed.subarray(dataoff);
  expect(sb.readUInt32BE(0)).toBe(0xfade0cc0);
  expect(sb.readUInt32BE(12)).toBe(0); // slot 0 first
  const cd = sb.subarray(sb.readUInt32BE(16));
  expect(cd.readUInt32BE(0)).toBe(0xfade0c02);
  const hashOffset = cd.readUInt32BE(16);
  const nCode = cd.readUInt32BE(28);
  const codeLimit = cd.readUInt32BE(32);
  expect(codeLimit).toBe(dataoff);
  expect(cd[36]).toBe(32);
  expect(cd[37]).toBe(2); // SHA-256
  expect(cd[39]).toBe(12); // 4 KiB pages
  expect(nCode).toBe(Math.ceil(codeLimit / 4096));
  for (let p = 0; p < nCode; p++) {
    const page = signed.subarray(p * 4096, Math.min((p + 1) * 4096, codeLimit));
    expect(createHash('sha256').update(page).digest('hex')).toBe(cd.subarray(hashOffset + p * 32, hashOffset + p * 32 + 32).toString('hex'));
  }
  const idOff = cd.readUInt32BE(20);
  return { pages: nCode, identifier: cd.toString('utf8', idOff, cd.indexOf(0, idOff)), flags: cd.readUInt32BE(12) };
}

describe('ad-hoc Mach-O signing', () => {
  test('adds LC_CODE_SIGNATURE, extends __LINKEDIT over the signature and hashes every 4 KiB page', () => {
    const input = syntheticExecutable();
    const before = parseMachO(input);
    const signed = adHocSign(input, 'kubectl-podwhy');
    const m = parseMachO(signed);
    expect(m.ncmds).toBe(before.ncmds + 1);
    expect(m.sizeofcmds).toBe(before.sizeofcmds + 16);
    expect(m.commands[m.commands.length - 1]).toEqual({ cmd: LC_CODE_SIGNATURE, cmdsize: 16, offset: 32 + before.sizeofcmds });
    const cs = m.codeSignature;
    if (!cs) throw new Error('no signature');
    expect(cs.dataoff % 16).toBe(0);
    expect(cs.dataoff).toBe(Math.ceil(input.length / 16) * 16);
    expect(cs.dataoff + cs.datasize).toBe(signed.length);
    const linkedit = m.segments.find((s) => s.name === '__LINKEDIT');
    expect(linkedit?.fileoff).toBe(0x4000);
    expect(linkedit?.filesize).toBe(signed.length - 0x4000);
    expect(linkedit?.vmsize).toBe(Math.ceil((signed.length - 0x4000) / 0x4000) * 0x4000);
    // everything before the signature except the header is untouched; the padding up to it is zero
    expect(signed.subarray(32 + before.sizeofcmds + 16, input.length).equals(input.subarray(32 + before.sizeofcmds + 16))).toBe(true);
    expect(signed.subarray(input.length, cs.dataoff).every((b) => b === 0)).toBe(true);
    expect(pageHashesMatch(signed)).toEqual({ pages: Math.ceil(cs.dataoff / 4096), identifier: 'kubectl-podwhy', flags: 0x2 });
    const info = verifySignature(signed);
    expect(info.adHoc).toBe(true);
    expect(info.blobs.map((b) => [b.slot, b.magic])).toEqual([[0, 0xfade0c02], [2, 0xfade0c01], [0x10000, 0xfade0b01]]);
    expect(info.codeDirectories).toEqual([{ slot: 0, version: 0x20400, flags: 0x2, hashType: 2, identifier: 'kubectl-podwhy', codeLimit: cs.dataoff, pages: Math.ceil(cs.dataoff / 4096), execSegBase: 0, execSegLimit: 0x4000, execSegFlags: 1 }]);
  });

  test('page-aligned and x86_64 inputs: last page handling and the 4 KiB segment page', () => {
    for (const [linkeditSize, cputype] of [[0x2000, CPU_TYPE_ARM64], [0x121, CPU_TYPE_X86_64], [0x1ff0, CPU_TYPE_X86_64]] as const) {
      const signed = adHocSign(syntheticExecutable({ linkeditSize, cputype }), 'id');
      pageHashesMatch(signed);
      const linkedit = parseMachO(signed).segments.find((s) => s.name === '__LINKEDIT');
      expect((linkedit?.vmsize ?? 0) % (cputype === CPU_TYPE_ARM64 ? 0x4000 : 0x1000)).toBe(0);
      expect(verifySignature(signed).adHoc).toBe(true);
    }
  });

  test('re-signing replaces the signature in place and is deterministic', () => {
    const once = adHocSign(syntheticExecutable(), 'kubectl-podwhy');
    const twice = adHocSign(once, 'kubectl-podwhy');
    expect(twice.equals(once)).toBe(true);
    const renamed = adHocSign(once, 'other-name');
    expect(parseMachO(renamed).ncmds).toBe(parseMachO(once).ncmds);
    expect(verifySignature(renamed).codeDirectories[0]?.identifier).toBe('other-name');
  });

  test('the verifier catches a changed page, a changed special blob and a moved signature', () => {
    const signed = adHocSign(syntheticExecutable(), 'kubectl-podwhy');
    const page = Buffer.from(signed);
    page[0x4100] = (page[0x4100] ?? 0) ^ 1;
    expect(() => verifySignature(page)).toThrow('page 4 (offset 16384) does not match its hash');
    const header = Buffer.from(signed);
    header.writeUInt32LE(0x200084, 24); // header flags are covered by page 0
    expect(() => verifySignature(header)).toThrow('page 0 ');
    const cs = parseMachO(signed).codeSignature;
    if (!cs) throw new Error('no signature');
    const req = Buffer.from(signed);
    const reqOff = cs.dataoff + req.subarray(cs.dataoff).readUInt32BE(12 + 8 + 4);
    req.writeUInt32BE(1, reqOff + 8);
    expect(() => verifySignature(req)).toThrow('special slot -2 does not match its blob');
    const longer = Buffer.concat([signed, Buffer.alloc(16)]);
    expect(() => verifySignature(longer)).toThrow('__LINKEDIT ends at');
    expect(() => verifySignature(syntheticExecutable())).toThrow('no LC_CODE_SIGNATURE');
  });

  test('refuses inputs it cannot sign correctly', () => {
    expect(() => adHocSign(syntheticExecutable({ textOffset: 32 + 344 + 8 }), 'x')).toThrow(MachOError);
    expect(() => adHocSign(syntheticExecutable({ textOffset: 32 + 344 + 8 }), 'x')).toThrow('no room for LC_CODE_SIGNATURE');
    expect(() => adHocSign(syntheticExecutable({ trailing: 5 }), 'x')).toThrow('data after it would not be covered');
    const fat = Buffer.alloc(64);
    fat.writeUInt32BE(0xcafebabe, 0);
    expect(() => adHocSign(fat, 'x')).toThrow('universal (fat)');
    expect(() => adHocSign(Buffer.from('#!/bin/sh\n'.padEnd(64, ' ')), 'x')).toThrow('not a 64-bit little-endian Mach-O');
    const corrupt = syntheticExecutable();
    corrupt.writeUInt32LE(1000, 32 + 4); // first command claims a size past sizeofcmds
    expect(() => adHocSign(corrupt, 'x')).toThrow('bad size');
  });
});
