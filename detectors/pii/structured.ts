import type { Detector } from '../../src/detect/detector.js';
import iban from './iban.js';

/** PII with a checksum or a numbering plan behind it. */
export const structuredPii: Detector[] = [iban];
