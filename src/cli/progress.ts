// A progress line on stderr while large inputs are read and analyzed: only on a terminal, at most a few updates a
// second, erased before anything else is printed. Nothing of it reaches stdout or a redirected stderr.
import type { IO } from './io';

const EVERY_MS = 250;

function size(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  return `${Math.round(bytes / 1024 ** 2)} MiB`;
}

export class Progress {
  private last = 0;
  private shown = false;
  private readonly start: number;

  constructor(private readonly io: Pick<IO, 'stderr' | 'clock'>) {
    this.start = io.clock();
  }

  private show(text: string): void {
    const now = this.io.clock();
    // nothing for quick runs: the first line appears after a second
    if (now - this.last < EVERY_MS || now - this.start < 1000) return;
    this.last = now;
    this.shown = true;
    this.io.stderr(`\r\x1b[2Kpodwhy: ${text}`);
  }

  reading(bytes: number, objects: number): void {
    this.show(`reading: ${size(bytes)}, ${objects.toLocaleString('en-US')} objects`);
  }

  analyzing(done: number, total: number): void {
    this.show(`analyzing: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} pods`);
  }

  clear(): void {
    if (this.shown) this.io.stderr('\r\x1b[2K');
    this.shown = false;
  }
}
