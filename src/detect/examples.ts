import type { DetectorExample } from './detector.js';

export interface ParsedExample {
  text: string;
  before: string;
  group: boolean;
  /** Spans marked with `[[…]]`, in the text without the markers. */
  spans: Array<{ start: number; end: number }>;
}

/** Strips `[[…]]` markers and records where they were. */
export function parseExample(example: DetectorExample): ParsedExample {
  const raw = typeof example === 'string' ? example : example.text;
  const spans: ParsedExample['spans'] = [];
  let text = '';
  let i = 0;
  while (i < raw.length) {
    const open = raw.indexOf('[[', i);
    if (open === -1) {
      text += raw.slice(i);
      break;
    }
    const close = raw.indexOf(']]', open + 2);
    if (close === -1) throw new Error(`unbalanced [[ in example: ${raw}`);
    text += raw.slice(i, open);
    const start = text.length;
    text += raw.slice(open + 2, close);
    spans.push({ start, end: text.length });
    i = close + 2;
  }
  return {
    text,
    before: typeof example === 'string' ? '' : (example.before ?? ''),
    group: typeof example === 'string' ? false : (example.group ?? false),
    spans,
  };
}
