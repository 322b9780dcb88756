/**
 * The normalized text of the preceding messages of a conversation, for context words: the last
 * `chars` characters of `\n` + each text, joined (what appending `\n${text}` to a string and
 * keeping its tail gives). Built only when a detector reads it, from the last string built and
 * the texts added since: most messages need no context, and building the string for every
 * message cost more than some detectors.
 */
export class History {
  /** The last `chars` characters of the history before `pending`. */
  private base = '';
  /** Texts added since `base` was built, oldest first: only as many as can reach the window. */
  private readonly pending: string[] = [];
  /** Characters of `pending`, each with its `\n`. */
  private pendingLength = 0;

  constructor(private readonly chars: number) {}

  add(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length + 1;
    // Once newer texts fill the window, older ones (and `base`) cannot show in it.
    while (
      this.pending.length > 1 &&
      this.pendingLength - (this.pending[0]!.length + 1) >= this.chars
    ) {
      this.pendingLength -= this.pending.shift()!.length + 1;
    }
    if (this.pendingLength >= this.chars) this.base = '';
  }

  text(): string {
    if (this.pending.length > 0) {
      this.base = `${this.base}\n${this.pending.join('\n')}`.slice(-this.chars);
      this.pending.length = 0;
      this.pendingLength = 0;
    }
    return this.base;
  }
}
