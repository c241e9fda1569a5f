// What the CLI needs of the process: output streams, stdin, the environment and the clock (tests pass fakes).
export interface IO {
  stdout(text: string): void;
  stderr(text: string): void;
  stdin(): Buffer;
  /** stdin as a stream, read as it comes (inputs beyond what one buffer or string can hold) */
  stdinStream?(): AsyncIterable<Buffer | string>;
  /** whether stderr is a terminal (progress is shown only there) */
  stderrIsTTY?: boolean;
  isTTY: boolean;
  env: Record<string, string | undefined>;
  clock(): number;
  /** the terminal's width when stdout is one */
  columns?: number;
  /** process.platform */
  platform?: string;
  /** a file's text, or undefined when it does not exist (.podwhyignore, --ignore-file) */
  readFile?(path: string): string | undefined;
}
