/** Where the CLI writes. Tests pass buffers; bin.ts passes the real process streams. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** stderr is a terminal (progress output is only drawn then). */
  isTTY: boolean;
}

export interface OutputStream {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
  writableNeedDrain?: boolean;
}

/** Captures output in memory; used by tests to run the CLI in-process. */
export function memoryIo(): CliIo & { out(): string; err(): string } {
  let out = '';
  let err = '';
  const stream = (append: (s: string) => void): OutputStream => ({
    write(chunk: string) {
      append(chunk);
      return true;
    },
    once() {
      return undefined;
    },
  });
  return {
    stdout: stream((s) => (out += s)),
    stderr: stream((s) => (err += s)),
    isTTY: false,
    out: () => out,
    err: () => err,
  };
}
