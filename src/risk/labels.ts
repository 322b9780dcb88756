import type { Category } from '../model/finding.js';

/** Plain-language names for finding types: [singular, plural]. Unknown types fall back to their id. */
const TYPE_NAMES: Record<string, readonly [string, string]> = {
  email: ['email address', 'email addresses'],
  phone: ['phone number', 'phone numbers'],
  iban: ['IBAN', 'IBANs'],
  'payment-card': ['payment card number', 'payment card numbers'],
  'cn-resident-id': ['Chinese resident ID number', 'Chinese resident ID numbers'],
  'de-tax-id': ['German tax ID', 'German tax IDs'],
  'de-id-card': ['German ID card number', 'German ID card numbers'],
  'eu-vat-id': ['VAT ID', 'VAT IDs'],
  'passport-number': ['passport number', 'passport numbers'],
  'date-of-birth': ['date of birth', 'dates of birth'],
  'postal-address': ['postal address', 'postal addresses'],
  'ip-address': ['IP address', 'IP addresses'],
  'person-name': ['person name', 'person names'],
  price: ['price', 'prices'],
  discount: ['discount', 'discounts'],
  'payment-terms': ['payment terms', 'payment terms'],
  'delivery-terms': ['delivery terms', 'delivery terms'],
  penalty: ['penalty clause', 'penalty clauses'],
  liability: ['liability clause', 'liability clauses'],
  confidentiality: ['confidentiality clause', 'confidentiality clauses'],
  exclusivity: ['exclusivity clause', 'exclusivity clauses'],
  warranty: ['warranty terms', 'warranty terms'],
  term: ['duration clause', 'duration clauses'],
  'minimum-purchase': ['minimum purchase commitment', 'minimum purchase commitments'],
  'contract-document': ['contract document', 'contract documents'],
  password: ['password', 'passwords'],
  'api-key': ['API key', 'API keys'],
  'private-key': ['private key', 'private keys'],
  'one-time-code': ['one-time code', 'one-time codes'],
  'otpauth-uri': ['two-factor secret', 'two-factor secrets'],
  'work-discussion': ['work message', 'work messages'],
};

/** "IBAN" / "IBANs"; unknown types read as their id with dashes as spaces. */
export function typeName(type: string, count = 1): string {
  const names = TYPE_NAMES[type];
  if (names) return count === 1 ? names[0] : names[1];
  const plain = type.replace(/-/g, ' ');
  return count === 1 ? plain : `${plain}s`;
}

/** "3 IBANs" */
export function countedType(type: string, count: number): string {
  return `${count} ${typeName(type, count)}`;
}

export const CATEGORY_NAMES: Record<Category, string> = {
  pii: 'Customer and personal data',
  contract: 'Contract terms',
  credential: 'Credentials',
  work: 'Work talk in a group',
};

/** "a, b and c" */
export function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
