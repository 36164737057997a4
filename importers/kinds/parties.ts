import { parseUscc } from '../../model/identifiers/uscc.ts';
import { parseRegistrationNumber } from '../../model/identifiers/registrationNumber.ts';
import { parseResidentId } from '../../model/identifiers/residentId.ts';
import { firmKey } from '../../model/keys.ts';
import { displayName, normalizeName, pinyinForms } from '../../model/names.ts';
import { present, type RowContext } from './rowContext.ts';

/**
 * Parties named on a row by code and/or name. A firm with a valid USCC or registration number is
 * keyed by it; a code that fails its check is flagged and the firm is matched by name instead
 * (DOMAIN.md §2: match on the code, on names only after normalising).
 */

export interface FirmRef {
  key: string;
  /** True when the key is a name-plus-source key: the writer first looks for the registered firm of that name. */
  matchByName: boolean;
  props: Record<string, unknown>;
}

export function firmRef(row: RowContext, codeField: string, nameField: string, source: string): FirmRef | null {
  const rawCode = row.get(codeField);
  const name = row.get(nameField);
  let uscc: string | null = null;
  let registrationNumber: string | null = null;
  if (rawCode) {
    const parsedUscc = parseUscc(rawCode);
    const parsedReg = parsedUscc.ok ? null : parseRegistrationNumber(rawCode);
    if (parsedUscc.ok) uscc = parsedUscc.value;
    else if (parsedReg?.ok) registrationNumber = parsedReg.value;
    else row.report(codeField, 'REFERENCED_ID_INVALID');
  }
  if (!uscc && !registrationNumber && !name) return null;
  const key = firmKey({ uscc, registrationNumber, name: name ?? '', source });
  return {
    key: key.key,
    matchByName: key.unverified,
    props: present({
      name: name ? displayName(name) : (uscc ?? registrationNumber),
      normalizedName: name ? normalizeName(name) : null,
      namePinyin: name ? pinyinForms(name, 'firm') : null,
      uscc,
      registrationNumber,
      keyBasis: key.basis,
      keyUnverified: key.unverified,
      invalidCode: rawCode && !uscc && !registrationNumber ? rawCode : null,
    }),
  };
}

/** A firm the row must name: when it names none, the row is reported and null returned. */
export function requiredFirm(row: RowContext, codeField: string, nameField: string, source: string): FirmRef | null {
  const firm = firmRef(row, codeField, nameField, source);
  if (!firm) row.report(nameField, 'FIRM_NAME_MISSING');
  return firm;
}

const PERSON_TYPE = /自然人|个人|natural|person|individual/i;
export const ORGANISATION_WORD = /企业|法人|公司|合伙|机构|单位|政府|国资|事业|社会团体|基金|中心|集团|委员会|银行|交易所|company|corporate|entity|ltd|limited|inc/i;

/** Whether a party is a natural person: by its declared type, else its identifier, else its name. */
export function isPerson(type: string | null, id: string | null, name: string): boolean {
  // '有限责任公司(自然人投资或控股)' is a firm type that mentions natural persons: organisation words win.
  if (type && ORGANISATION_WORD.test(type)) return false;
  if (type && PERSON_TYPE.test(type)) return true;
  const organisationName = ORGANISATION_WORD.test(name);
  if (id) {
    // An 18-digit ID number passes the USCC check about one time in 31: the name decides between them.
    const kind = parseResidentId(id).kind;
    if ((kind === 'full' || kind === 'legacy15' || kind === 'masked') && !organisationName) return true;
    if (parseUscc(id).ok || parseRegistrationNumber(id).ok) return false;
  }
  // No type and no telling identifier: a short name without an organisation word is a person's.
  return normalizeName(name).length <= 4 && !organisationName;
}
