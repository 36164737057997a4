/**
 * Domain keys: how the API, exports and re-imports address firms and persons.
 * Deterministic (same input, same key) so re-importing the same rows yields the same nodes.
 */
import { createHash, createHmac } from 'node:crypto';
import { parseUscc } from './identifiers/uscc.ts';
import { parseRegistrationNumber } from './identifiers/registrationNumber.ts';
import { fullResidentId } from './identifiers/residentId.ts';
import { normalizeName } from './names.ts';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding: upper-case only, so keys survive case-folding tools. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32.charAt((buffer >>> (bits - 5)) & 31);
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32.charAt((buffer << (5 - bits)) & 31);
  return out;
}

export type FirmKeyBasis = 'uscc' | 'registration-number' | 'foreign-id' | 'unverified';

export interface FirmKey {
  key: string;
  basis: FirmKeyBasis;
  /** True when the key rests on a name and a source only: two sources may name one firm. */
  unverified: boolean;
}

/**
 * A foreign register's identifier as a key part: whitespace removed and upper-cased, since
 * registers do not tell ids apart by case or spacing ('HRB 7517' and 'hrb7517' are one firm).
 */
function foreignIdPart(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/**
 * A firm's key: its USCC, else its 15-digit registration number, else a foreign register's
 * identifier (`foreignId`: an org-id.guide scheme such as GB-COH or XI-LEI and the id in it),
 * else its name and source, marked unverified.
 */
export function firmKey(input: {
  uscc?: string | null;
  registrationNumber?: string | null;
  foreignId?: { scheme: string; id: string } | null;
  name: string;
  source: string;
}): FirmKey {
  if (input.uscc) {
    const u = parseUscc(input.uscc);
    if (u.ok) return { key: u.value, basis: 'uscc', unverified: false };
  }
  if (input.registrationNumber) {
    // A missing check digit is normal for old numbers; the format alone identifies the firm.
    const r = parseRegistrationNumber(input.registrationNumber);
    if (r.ok) return { key: r.value, basis: 'registration-number', unverified: false };
  }
  if (input.foreignId) {
    const scheme = foreignIdPart(input.foreignId.scheme);
    const id = foreignIdPart(input.foreignId.id);
    // A register's own number identifies the firm as surely as a USCC does, within that register.
    if (scheme && id) return { key: `X-${scheme}-${id}`, basis: 'foreign-id', unverified: false };
  }
  const digest = createHash('sha256')
    .update('firm\0' + normalizeName(input.name) + '\0' + input.source, 'utf8')
    .digest();
  return { key: 'U-' + base32(digest).slice(0, 20), basis: 'unverified', unverified: true };
}

export type PersonKeyBasis = 'id' | 'scoped';

export interface PersonKey {
  key: string;
  basis: PersonKeyBasis;
}

/**
 * A person's key. With a full valid ID number (or a 15-digit one, converted) the key is
 * the same wherever the person appears; otherwise the person is only known as "this
 * name at this firm". Keyed HMAC rather than a bare hash: ID numbers are a small,
 * structured space, and a plain hash could be reversed by trying them all.
 *
 * Throws when there is neither a full ID nor a firm to scope to: merging every person of
 * one name would attribute firms to the wrong people.
 */
export function personKey(input: {
  idNumber?: string | null;
  name: string;
  scopeFirmKey?: string | null;
  secret: string;
}): PersonKey {
  if (!input.secret) throw new Error('personKey: the key secret is empty; configure the person-key secret');
  const hmac = (message: string): string =>
    'P-' + base32(createHmac('sha256', input.secret).update(message, 'utf8').digest()).slice(0, 24);
  const id18 = input.idNumber ? fullResidentId(input.idNumber) : null;
  if (id18) return { key: hmac('id\0' + id18), basis: 'id' };
  if (!input.scopeFirmKey) {
    throw new Error(
      `personKey: "${input.name}" has no full ID number and no firm to scope to; pass scopeFirmKey (the firm that names this person)`,
    );
  }
  return { key: hmac('scoped\0' + input.scopeFirmKey + '\0' + normalizeName(input.name)), basis: 'scoped' };
}
