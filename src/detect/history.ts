/**
 * The normalized text of the preceding messages of a conversation, for context words: the last
 * `chars` characters of `\n` + each text, joined (what appending `\n${text}` to a string and
 * keeping its tail gives). Built only when a detector reads it, from the last string built and
 * the texts added since: most messages need no context, and building the string for every
 * message cost more than some detectors. Its lines can be had without building it (`lines`).
 */
export class History {
  /** The newest texts, oldest first: just enough of them to fill `chars`. */
  private readonly texts: string[] = [];
  /** Per kept text: its non-empty lines, last first, when it has more than one line. */
  private readonly split: Array<string[] | undefined> = [];
  /** Characters the kept texts stand for, each with its `\n`. */
  private length = 0;
  /** Texts added so far. */
  private added = 0;
  /** `text()` as last built, when `added` was `builtAt`. */
  private built = '';
  private builtAt = 0;

  constructor(private readonly chars: number) {}

  add(text: string): void {
    this.texts.push(text);
    this.split.push(text.includes('\n') ? linesOf(text) : undefined);
    this.length += text.length + 1;
    this.added++;
    // Older texts fall out once the newer ones fill the window without them.
    while (this.texts.length > 1 && this.length - (this.texts[0]!.length + 1) >= this.chars) {
      this.length -= this.texts.shift()!.length + 1;
      this.split.shift();
    }
  }

  text(): string {
    const fresh = this.added - this.builtAt;
    if (fresh === 0) return this.built;
    // The texts added since the last build extend it; when some of them have fallen out, the
    // kept ones fill the window alone.
    const joined =
      fresh <= this.texts.length
        ? `${this.built}\n${this.texts.slice(-fresh).join('\n')}`
        : `\n${this.texts.join('\n')}`;
    this.built = joined.slice(-this.chars);
    this.builtAt = this.added;
    return this.built;
  }

  /**
   * The non-empty lines of `text()`, newest first (the oldest may be cut), without building it:
   * a text that is one whole line is given as the very string that was added.
   */
  lines(): string[] {
    const out: string[] = [];
    let budget = this.chars;
    for (let k = this.texts.length - 1; k >= 0 && budget > 0; k--) {
      const text = this.texts[k]!;
      if (budget >= text.length + 1) {
        const lines = this.split[k];
        if (lines) out.push(...lines);
        else if (text.length > 0) out.push(text);
        budget -= text.length + 1;
      } else {
        const tail = text.slice(text.length - budget);
        if (this.split[k]) out.push(...linesOf(tail));
        else if (tail.length > 0) out.push(tail);
        budget = 0;
      }
    }
    return out;
  }
}

/** The non-empty lines of `text`, last first. */
function linesOf(text: string): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  for (let k = lines.length - 1; k >= 0; k--) if (lines[k]!.length > 0) out.push(lines[k]!);
  return out;
}
