import { foldCode } from './fold.js';
import type { Needles } from './needles.js';

/**
 * Aho–Corasick search for many needles in one pass (case-folded, see `fold.ts`): one table lookup
 * per character, whatever the number of needles; the same question asked of a large regex
 * alternation costs a try of every alternative at every position.
 */

// Characters by folded code unit: shared by every automaton, so tables stay small.
const symbols = new Map<number, number>();
const UNSEEN = 0xffff;
const symbolOfUnit = new Uint16Array(0x10000).fill(UNSEEN);

function symbolOf(code: number): number {
  let symbol = symbolOfUnit[code]!;
  if (symbol === UNSEEN) symbol = symbolOfUnit[code] = symbols.get(foldCode(code)) ?? 0;
  return symbol;
}

function register(needles: readonly string[]): void {
  const before = symbols.size;
  for (const needle of needles) {
    for (let i = 0; i < needle.length; i++) {
      const code = needle.charCodeAt(i);
      if (!symbols.has(code)) symbols.set(code, symbols.size + 1);
    }
  }
  // Units looked up before these symbols existed may fold to one of them.
  if (symbols.size !== before) symbolOfUnit.fill(UNSEEN);
}

export class Automaton {
  /** Local character class by global symbol (0: in no needle). */
  private readonly classOf: Uint16Array;
  /** The class of each ASCII unit directly (most text). */
  private readonly asciiClass = new Uint16Array(0x80);
  private readonly width: number;
  private readonly next: Int32Array;
  /** Needles ending in each state (its own and its suffixes'): `ids[outStart[s] .. outStart[s + 1])`. */
  readonly outStart: Int32Array;
  readonly ids: Int32Array;

  /** `needles` already folded, none empty. */
  constructor(needles: readonly string[]) {
    register(needles);
    const classBySymbol = new Map<number, number>();
    for (const needle of needles) {
      if (needle.length === 0) throw new Error('empty needle');
      for (let i = 0; i < needle.length; i++) {
        const symbol = symbols.get(needle.charCodeAt(i))!;
        if (!classBySymbol.has(symbol)) classBySymbol.set(symbol, classBySymbol.size + 1);
      }
    }
    this.width = classBySymbol.size + 1;
    this.classOf = new Uint16Array(symbols.size + 1);
    for (const [symbol, cls] of classBySymbol) this.classOf[symbol] = cls;
    for (let c = 0; c < 0x80; c++) {
      const symbol = symbolOf(c);
      this.asciiClass[c] = symbol < this.classOf.length ? this.classOf[symbol]! : 0;
    }

    const children = [new Map<number, number>()];
    const ends: number[][] = [[]];
    needles.forEach((needle, id) => {
      let state = 0;
      for (let i = 0; i < needle.length; i++) {
        const cls = this.classOf[symbols.get(needle.charCodeAt(i))!]!;
        let child = children[state]!.get(cls);
        if (child === undefined) {
          child = children.length;
          children.push(new Map<number, number>());
          ends.push([]);
          children[state]!.set(cls, child);
        }
        state = child;
      }
      ends[state]!.push(id);
    });

    // Failure links breadth first, folded into a full transition table.
    const states = children.length;
    this.next = new Int32Array(states * this.width);
    const fail = new Int32Array(states);
    const outputs: number[][] = ends.map((e) => [...e]);
    const queue: number[] = [];
    for (const [cls, child] of children[0]!) {
      this.next[cls] = child;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      outputs[state]!.push(...outputs[fail[state]!]!);
      for (let cls = 0; cls < this.width; cls++) {
        const child = children[state]!.get(cls);
        const viaFail = this.next[fail[state]! * this.width + cls]!;
        if (child === undefined) this.next[state * this.width + cls] = viaFail;
        else {
          fail[child] = viaFail;
          this.next[state * this.width + cls] = child;
          queue.push(child);
        }
      }
    }
    this.outStart = new Int32Array(states + 1);
    for (let s = 0; s < states; s++) this.outStart[s + 1] = this.outStart[s]! + outputs[s]!.length;
    this.ids = new Int32Array(outputs.flat());
  }

  /** The state after reading the code unit `code` in `state` (0 is the start). */
  step(state: number, code: number): number {
    let cls: number;
    if (code < 0x80) cls = this.asciiClass[code]!;
    else {
      const symbol = symbolOf(code);
      cls = symbol < this.classOf.length ? this.classOf[symbol]! : 0;
    }
    return this.next[state * this.width + cls]!;
  }

  /** Whether some needle ends in `state`. */
  accepts(state: number): boolean {
    return this.outStart[state + 1]! > this.outStart[state]!;
  }
}

/**
 * Which needle groups occur in a text: the automaton with, per state, the groups of the needles
 * ending there (the detector gates walk it themselves, counting statistics on the way).
 */
export class NeedleIndex {
  readonly automaton: Automaton;
  /** Per state: the groups of the needles ending there, as bits of `words` 32-bit words. */
  readonly out: Uint32Array;
  readonly hasOut: Uint8Array;
  readonly words: number;

  /** `groups[g]` are the needles of group g (already folded, none empty). */
  constructor(groups: ReadonlyArray<Needles>) {
    this.words = Math.max(1, Math.ceil(groups.length / 32));
    const needles: string[] = [];
    const groupOf: number[] = [];
    groups.forEach((group, g) => {
      for (const needle of group) {
        needles.push(needle);
        groupOf.push(g);
      }
    });
    const automaton = (this.automaton = new Automaton(needles));
    const states = automaton.outStart.length - 1;
    this.out = new Uint32Array(states * this.words);
    this.hasOut = new Uint8Array(states);
    for (let s = 0; s < states; s++) {
      for (let k = automaton.outStart[s]!; k < automaton.outStart[s + 1]!; k++) {
        const g = groupOf[automaton.ids[k]!]!;
        this.out[s * this.words + (g >>> 5)]! |= 1 << (g & 31);
        this.hasOut[s] = 1;
      }
    }
  }
}
