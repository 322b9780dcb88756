/**
 * Checks for the labelled values of the evaluation set: every value of a type with a checksum or
 * a fixed format must be valid per the libraries the project uses (`ibantools`, `stdnum`,
 * `validator`, `libphonenumber-js/max`). Used by `test/eval.test.ts` and `make-values.ts`.
 */
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { stdnum } from 'stdnum';
import validator from 'validator';

/** NFKC (full-width digits and letters), invisible marks removed, all whitespace removed. */
export function compact(value: string, drop = /[\s\-./]/g): string {
  return value
    .normalize('NFKC')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, '')
    .replace(drop, '');
}

function std(country: string, name: string): (value: string) => boolean {
  const v = stdnum[country]?.[name];
  if (!v) throw new Error(`stdnum has no ${country}.${name}`);
  return (value) => v.validate(value).isValid;
}

export const isIban = (value: string): boolean =>
  isValidIBAN(electronicFormatIBAN(compact(value)) ?? '');

export const isPaymentCard = (value: string): boolean =>
  validator.isCreditCard(compact(value)) && /^\d{13,19}$/.test(compact(value));

export const isCnResidentId = (value: string): boolean =>
  /^\d{17}[\dX]$/i.test(compact(value)) && std('CN', 'ric')(compact(value).toUpperCase());

export const isDeTaxId = (value: string): boolean =>
  /^\d{11}$/.test(compact(value)) && std('DE', 'idnr')(compact(value));

const VAT: Record<string, (value: string) => boolean> = {
  DE: std('DE', 'vat'),
  AT: std('AT', 'uid'),
  FR: std('FR', 'tva'),
  NL: std('NL', 'btw'),
  IT: std('IT', 'iva'),
  ES: std('ES', 'nif'),
  PL: std('PL', 'nip'),
  BE: std('BE', 'vat'),
};

/** EU VAT ids always carry their country prefix in the set. */
export const isEuVatId = (value: string): boolean => {
  const c = compact(value).toUpperCase();
  const check = VAT[c.slice(0, 2)];
  return check !== undefined && /^[A-Z]{2}[0-9A-Z]{8,12}$/.test(c) && check(c);
};

const DE_PASSPORT = /^[CFGHJK][0-9CFGHJKLMNPRTVWXYZ]{8}\d$/;
/** Chinese ordinary passports: E + 8 digits, E + letter (not I/O) + 7 digits, old G + 8 digits. */
const CN_PASSPORT = /^(?:E\d{8}|E[A-HJ-NP-Z]\d{7}|G\d{8})$/;

/** German passports with their check digit (stdnum), or the Chinese format (no checksum). */
export const isPassportNumber = (value: string): boolean => {
  const c = compact(value).toUpperCase();
  if (DE_PASSPORT.test(c)) return std('DE', 'passport')(c);
  return CN_PASSPORT.test(c);
};

/** New (since 2010) Personalausweis document number plus check digit, optionally "D". */
export const isDeIdCard = (value: string): boolean => {
  const c = compact(value).toUpperCase();
  return /^[LMNPRTVWXY][0-9CFGHJKLMNPRTVWXYZ]{8}\dD?$/.test(c) && std('DE', 'pwnr')(c);
};

const PHONE_REGIONS: CountryCode[] = ['DE', 'CN', 'GB', 'US', 'AT', 'CH', 'FR', 'NL', 'HK'];

/**
 * A phone number valid per libphonenumber-js (metadata `max`) in the message's region or with a
 * country code; `wa.me/4915…` links carry the number without "+". `prefix` is the tail of the
 * previous message for numbers split across messages.
 */
export const isPhone = (value: string, region: CountryCode, prefix = ''): boolean => {
  const c = compact(prefix + value, /[\s\-./()]/g).replace(/^\+?(\d+)\(0\)/, '+$1');
  const candidates = [c, c.replace(/^(\+\d{2})0/, '$1')];
  if (/^\d{10,15}$/.test(c) && !c.startsWith('0')) candidates.push(`+${c}`);
  const original = (prefix + value).normalize('NFKC');
  for (const candidate of [...candidates, original]) {
    for (const r of [region, ...PHONE_REGIONS]) {
      const parsed = parsePhoneNumberFromString(candidate, r);
      if (parsed?.isValid()) return true;
    }
  }
  return false;
};

/** Undoes the usual chat obfuscations: "at"/"(at)"/"[at]"/"＠", "dot"/"punkt"/"．", "%40". */
export function deobfuscateEmail(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/%40/gi, '@')
    .replace(/\s*[([{]\s*(?:at|ät)\s*[)\]}]\s*|\s+(?:at)\s+/gi, '@')
    .replace(/\s*[([{]\s*(?:dot|punkt|punto)\s*[)\]}]\s*|\s+(?:dot|punkt)\s+/gi, '.')
    .replace(/\s+/g, '');
}

const EXAMPLE_DOMAIN = /(?:^|\.)example\.(?:com|de|cn|org|net)$/i;

/** A syntactically valid address (after undoing obfuscation) on an example domain. */
export const isEmail = (value: string): boolean => {
  const e = deobfuscateEmail(value);
  return validator.isEmail(e) && EXAMPLE_DOMAIN.test(e.split('@')[1] ?? '');
};

/** Lightweight format checks for the credential types. */
export const isOtpauthUri = (value: string): boolean =>
  /^otpauth:\/\/(?:totp|hotp)\/[^\s?]+\?\S*secret=[A-Z2-7]+/i.test(value);

export const isPrivateKey = (value: string): boolean =>
  /^-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/.test(value);

export const isOneTimeCode = (value: string): boolean =>
  /^\d{4,8}$/.test(compact(value)) || /^[A-Z0-9]{3}-?[A-Z0-9]{3}$/.test(value);

/**
 * Validity of a labelled value, or `undefined` when the type has no checksum or format worth
 * checking (dates of birth, addresses, passwords, API keys).
 */
export function validateValue(
  type: string,
  value: string,
  options: { region: CountryCode; before?: string },
): boolean | undefined {
  switch (type) {
    case 'iban':
      return isIban(value);
    case 'payment-card':
      return isPaymentCard(value);
    case 'cn-resident-id':
      return isCnResidentId(value);
    case 'de-tax-id':
      return isDeTaxId(value);
    case 'eu-vat-id':
      return isEuVatId(value);
    case 'passport-number':
      return isPassportNumber(value);
    case 'de-id-card':
      return isDeIdCard(value);
    case 'phone': {
      if (isPhone(value, options.region)) return true;
      // Number sent in pieces: the digits at the end of the previous message lead.
      const tail = /[+\d][\d\s()/-]*$/.exec(options.before ?? '')?.[0] ?? '';
      return tail !== '' && isPhone(value, options.region, tail);
    }
    case 'email':
      return isEmail(value);
    case 'otpauth-uri':
      return isOtpauthUri(value);
    case 'private-key':
      return isPrivateKey(value);
    case 'one-time-code':
      return isOneTimeCode(value);
    default:
      return undefined;
  }
}
