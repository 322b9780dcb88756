import type { Detector } from '../../src/detect/detector.js';
import cnResidentId from './cn-resident-id.js';
import deTaxId from './de-tax-id.js';
import email from './email.js';
import euVatId from './eu-vat-id.js';
import iban from './iban.js';
import paymentCard from './payment-card.js';
import phone from './phone.js';

/** PII with a checksum or a numbering plan behind it. */
export const structuredPii: Detector[] = [
  iban,
  email,
  phone,
  paymentCard,
  cnResidentId,
  deTaxId,
  euVatId,
];
