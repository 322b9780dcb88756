import { InputError } from '../../errors.js';
import { LineSplitter } from '../lines.js';
import type { TextInput } from '../types.js';
import { DateOrderEvidence } from './date-order.js';
import { matchAnyShape, signatureOf, type DateOrder, type HeaderShape } from './header.js';

/**
 * First pass over a file: which header layout it uses (shape, date separator, year position) and
 * its day/month order. Reading stops as soon as both are settled.
 */
export interface Layout {
  shape: HeaderShape;
  /** Date separator and year position every header of the file must share. */
  sep: string;
  yearFirst: boolean;
  order: DateOrder;
  orderReason: string;
  /** The order is the documented fallback for all-ambiguous dates. */
  orderFallback: boolean;
}

/** Headers looked at before the dominant layout is taken as settled. */
const LAYOUT_SAMPLE = 200;

interface Candidate {
  shape: HeaderShape;
  sep: string;
  yearFirst: boolean;
  count: number;
  firstSeen: number;
  order: DateOrderEvidence;
}

class LayoutScan {
  readonly candidates = new Map<string, Candidate>();
  headers = 0;
  nonEmpty = 0;

  line(text: string): void {
    if (this.nonEmpty === 0 && text.trim().length === 0) return;
    this.nonEmpty++;
    const hit = matchAnyShape(text);
    if (hit === null) return;
    this.headers++;
    const key = signatureOf(hit);
    let c = this.candidates.get(key);
    if (c === undefined) {
      c = {
        shape: hit.shape,
        sep: hit.fields.sep,
        yearFirst: hit.fields.yearFirst,
        count: 0,
        firstSeen: this.headers,
        order: new DateOrderEvidence(),
      };
      this.candidates.set(key, c);
    }
    c.count++;
    c.order.add(hit.fields);
  }

  /** The layout with most headers; ties go to the one seen first. */
  leader(): Candidate | undefined {
    let best: Candidate | undefined;
    for (const c of this.candidates.values()) {
      if (best === undefined || c.count > best.count) best = c;
    }
    return best;
  }

  get settled(): boolean {
    if (this.headers < LAYOUT_SAMPLE) return false;
    return this.leader()?.order.settled ?? false;
  }
}

/**
 * Reads `input` once (up to the point where the layout is settled). Throws `InputError` for an
 * empty file and for a file without any WhatsApp header.
 */
export async function detectLayout(input: TextInput): Promise<Layout> {
  const scan = new LayoutScan();
  const splitter = new LineSplitter((text) => scan.line(text));
  const decoded = await input.open();
  for await (const chunk of decoded.chunks) {
    splitter.push(chunk);
    if (scan.settled) break;
  }
  if (!scan.settled) splitter.end();
  const leader = scan.leader();
  if (leader === undefined) {
    if (scan.nonEmpty === 0) throw new InputError('empty file', input.source.path);
    throw new InputError(
      'no WhatsApp message header found; not a WhatsApp export',
      input.source.path,
    );
  }
  const resolved = leader.order.resolve();
  return {
    shape: leader.shape,
    sep: leader.sep,
    yearFirst: leader.yearFirst,
    order: resolved.order,
    orderReason: resolved.reason,
    orderFallback: resolved.fallback,
  };
}
