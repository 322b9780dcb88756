/**
 * A finding as the JSON report will write it, serialized once when it is found, with what
 * ordering and filtering need beside it. Reports of big group chats hold millions of findings;
 * keeping them as text (in memory or spilled to disk) means no finding is stringified twice or
 * parsed back just to be written.
 */
import type { Finding } from '../model/finding.js';
import { CATEGORIES } from '../model/finding.js';

export interface FindingRecord {
  messageIndex: number;
  line: number;
  column: number;
  /** Index of the category in `CATEGORIES` (report order puts categories in that order). */
  category: number;
  type: string;
  /** `JSON.stringify(finding, null, 2)` indented for the report's `findings` list. */
  json: string;
}

const q = JSON.stringify;

/**
 * One finding as `JSON.stringify(finding, null, 2)` writes it at the depth of the report's
 * findings list. By hand because the generic stringifier with indentation is several times
 * slower; a test compares the two byte for byte.
 */
export function findingJson(f: Finding): string {
  const { location: l, message: m } = f;
  return (
    `{\n      "id": ${q(f.id)},\n      "detector": ${q(f.detector)},\n      "category": ${q(f.category)},` +
    `\n      "type": ${q(f.type)},\n      "severity": ${q(f.severity)},\n      "confidence": ${q(f.confidence)},` +
    `\n      "location": {\n        "line": ${q(l.line)},\n        "column": ${q(l.column)},` +
    `\n        "messageIndex": ${q(l.messageIndex)}\n      },` +
    `\n      "message": {\n        "timestamp": ${q(m.timestamp)},\n        "sender": ${q(m.sender)}\n      },` +
    `\n      "value": ${q(f.value)},\n      "excerpt": ${q(f.excerpt)},\n      "explanation": ${q(f.explanation)}\n    }`
  );
}

export function toRecord(f: Finding): FindingRecord {
  return {
    messageIndex: f.location.messageIndex,
    line: f.location.line,
    column: f.location.column,
    category: CATEGORIES.indexOf(f.category),
    type: f.type,
    json: findingJson(f),
  };
}

export function fromRecord(record: FindingRecord): Finding {
  return JSON.parse(record.json) as Finding;
}

/** Report order of records: as `compareFindings` orders the findings they hold. */
export function compareRecords(a: FindingRecord, b: FindingRecord): number {
  return (
    a.messageIndex - b.messageIndex ||
    a.line - b.line ||
    a.column - b.column ||
    a.category - b.category
  );
}

/**
 * One record on a line of the spill file: the order fields and the type, tab-separated, then the
 * JSON, then NUL. The JSON's own line breaks are structural (strings escape theirs) and it never
 * holds a raw tab or NUL, so neither separator can occur inside it.
 */
export function spillLine(r: FindingRecord): string {
  return `${r.messageIndex}\t${r.line}\t${r.column}\t${r.category}\t${r.type}\t${r.json}\0`;
}

export function parseSpillLine(text: string): FindingRecord {
  const t1 = text.indexOf('\t');
  const t2 = text.indexOf('\t', t1 + 1);
  const t3 = text.indexOf('\t', t2 + 1);
  const t4 = text.indexOf('\t', t3 + 1);
  const t5 = text.indexOf('\t', t4 + 1);
  return {
    messageIndex: Number(text.slice(0, t1)),
    line: Number(text.slice(t1 + 1, t2)),
    column: Number(text.slice(t2 + 1, t3)),
    category: Number(text.slice(t3 + 1, t4)),
    type: text.slice(t4 + 1, t5),
    json: text.slice(t5 + 1),
  };
}
