import type { Detector } from '../../src/detect/detector.js';

/** PII that is only PII in context (dates of birth, addresses, document numbers). */
export const contextualPii: Detector[] = [];
