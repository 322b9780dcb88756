import type { Finding } from '../model/finding.js';
import { CATEGORIES } from '../model/finding.js';

/**
 * The order of findings in a report: by message, then position, then category. Findings of one
 * category at the same position keep the order the scanner gave them (sorts using this are
 * stable), so findings scanned in separate parts merge into exactly the order of one scan.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.location.messageIndex - b.location.messageIndex ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category)
  );
}
