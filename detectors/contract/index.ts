import type { Detector } from '../../src/detect/detector.js';
import confidentiality from './confidentiality.js';
import contractDocument from './contract-document.js';
import deliveryTerms from './delivery-terms.js';
import discount from './discount.js';
import exclusivity from './exclusivity.js';
import liability from './liability.js';
import minimumPurchase from './minimum-purchase.js';
import paymentTerms from './payment-terms.js';
import penalty from './penalty.js';
import price from './price.js';
import term from './term.js';
import warranty from './warranty.js';

/** Contract terms and contract documents; each needs business context to count (`_business-context.ts`). */
export const contractDetectors: Detector[] = [
  confidentiality,
  contractDocument,
  deliveryTerms,
  discount,
  exclusivity,
  liability,
  minimumPurchase,
  paymentTerms,
  penalty,
  price,
  term,
  warranty,
];
