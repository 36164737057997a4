import { maskResidentId } from './identifiers/residentId.ts';
import { parseRegistrationNumber } from './identifiers/registrationNumber.ts';

/**
 * The one place ID numbers are masked on the way out. Every output a reader receives — API
 * responses (typed fields and analyses' JSON evidence alike), exports, shared reports, the CLI's
 * printout — passes through `maskIdNumbersIn` unless the reader may see full numbers
 * (accounts/roles.ts). It masks by shape rather than by field name, so a number that reaches an
 * output by a path nobody foresaw (a parameter echoed back, a name column holding an ID) is
 * masked too.
 *
 * A resident ID is 6 division digits, a birth date (8 digits, 18xx–20xx) and 3 digits plus a
 * check character; the first-generation form is 15 digits with a 6-digit date. Requiring a
 * plausible birth date keeps USCCs (which carry letters or begin with an authority code) and
 * long amounts from being taken for ID numbers. A 15-digit number is also the shape of a firm's
 * old registration number (注册号), which must stay readable: one that carries a valid
 * registration check digit is taken for a registration number. The database stores every ID
 * number in its 18-digit form (the importer widens old ones), so this only concerns a 15-digit
 * number a user typed and an output echoes.
 */
const residentId18 = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])/g;
const residentId15 = /(?<![0-9A-Za-z])[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])/g;

export function maskIdNumbersInText(text: string): string {
  if (text.length < 15) return text;
  return text
    .replace(residentId18, (id) => maskResidentId(id))
    .replace(residentId15, (id) => (parseRegistrationNumber(id).ok && (parseRegistrationNumber(id) as { checkValid: boolean }).checkValid ? id : maskResidentId(id)));
}

/** A copy of any JSON-like value with every string's ID numbers masked (keys included). */
export function maskIdNumbersIn<T>(value: T): T {
  if (typeof value === 'string') return maskIdNumbersInText(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskIdNumbersIn(v)) as T;
  // graphql-js builds response objects without a prototype; class instances (dates, errors) are left alone.
  const prototype = value && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (prototype === Object.prototype || prototype === null) {
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [maskIdNumbersInText(k), maskIdNumbersIn(v)])) as T;
  }
  return value;
}
