import type { Detector } from '../../src/detect/detector.js';
import dateOfBirth from './date-of-birth.js';
import deIdCard from './de-id-card.js';
import passportNumber from './passport-number.js';
import postalAddress from './postal-address.js';

/** PII that is only PII in context (dates of birth, addresses, document numbers). */
export const contextualPii: Detector[] = [passportNumber, deIdCard, dateOfBirth, postalAddress];
