/** Findings as the report contract defines them (`docs/report-format.md`). */

export type Category = 'pii' | 'contract' | 'credential' | 'work';
export type Severity = 'low' | 'medium' | 'high' | 'critical';

export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];
export const CATEGORIES: readonly Category[] = ['pii', 'contract', 'credential', 'work'];

/** The contract's `type` names for category `contract`. */
export const CONTRACT_TYPES = [
  'price',
  'discount',
  'payment-terms',
  'delivery-terms',
  'penalty',
  'liability',
  'confidentiality',
  'exclusivity',
  'warranty',
  'term',
  'minimum-purchase',
  'contract-document',
] as const;

export interface FindingLocation {
  /** Physical line of the input holding the start of the match. */
  line: number;
  /** 1-based column of the match within the message text on that line. */
  column: number;
  messageIndex: number;
}

export interface Finding {
  /** Stable fingerprint: conversation + detector + normalized value. */
  id: string;
  detector: string;
  category: Category;
  type: string;
  severity: Severity;
  confidence: number;
  location: FindingLocation;
  message: { timestamp: string; sender: string | null };
  /** Masked unless the user passed `--reveal`. */
  value: string;
  /** Masked unless the user passed `--reveal`. */
  excerpt: string;
  explanation: string;
}
