import type { OutputStream } from './io.js';

/**
 * Batches lines into large writes and lets the producer wait while the consumer (a pipe, a file)
 * catches up, so printing a 1 GB export never buffers it all in memory.
 */
export class BufferedWriter {
  private buffer: string[] = [];
  private size = 0;

  constructor(
    private readonly out: OutputStream,
    private readonly flushAt = 256 * 1024,
  ) {}

  line(text: string): void {
    this.buffer.push(text, '\n');
    this.size += text.length + 1;
    if (this.size >= this.flushAt) this.flush();
  }

  flush(): void {
    if (this.size === 0) return;
    this.out.write(this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }

  /** Resolves once the output stream has room again. */
  ready(): Promise<void> {
    if (!this.out.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve) => this.out.once('drain', resolve));
  }
}
