import { maskResidentId, parseOtherPersonalId, parseResidentId } from '../../model/identifiers/residentId.ts';
import { personKey } from '../../model/keys.ts';
import { displayName, normalizeName, pinyinForms } from '../../model/names.ts';
import { dateParam } from '../../cypher/values.ts';
import { present, type RowContext } from './rowContext.ts';
import type { PersonWrite } from './writeParties.ts';

/**
 * A natural person named on a row. A full valid ID number is an identity; anything else (masked,
 * invalid, absent, a passport) keeps the person scoped to the firm that names them, so two
 * same-name people are never merged on their name.
 */
export function personFromName(
  row: RowContext,
  name: string,
  rawId: string | null,
  idField: string,
  scopeFirmKey: string | null,
  secret: string,
): PersonWrite {
  const parsed = rawId ? parseResidentId(rawId) : null;
  let idNumber: string | null = null;
  let idMasked: string | null = null;
  let idKind: string | null = null;
  let idInvalid = false;
  if (parsed?.kind === 'full') {
    idNumber = parsed.value;
    idKind = 'resident-id';
  } else if (parsed?.kind === 'legacy15') {
    idNumber = parsed.value18;
    idKind = 'resident-id';
  } else if (parsed?.kind === 'masked') {
    idMasked = parsed.value;
    idKind = 'resident-id-masked';
  } else if (rawId) {
    const other = parseOtherPersonalId(rawId);
    if (other.kind === 'unknown') {
      idInvalid = true;
      row.report(idField, 'REFERENCED_ID_INVALID');
    } else {
      idKind = other.kind;
    }
    idMasked = maskResidentId(other.value);
  }
  const key = personKey({ idNumber, name, scopeFirmKey, secret });
  return {
    key: key.key,
    // The firm may be named without a code and turn out, once written, to be a registered firm
    // under another key: the person is then scoped to that firm (writeParties.ts inFirm).
    ...(key.basis === 'scoped' && scopeFirmKey !== null ? { rescope: (firmKey: string) => personKey({ idNumber, name, scopeFirmKey: firmKey, secret }).key } : {}),
    props: present({
      name: displayName(name),
      normalizedName: normalizeName(name),
      namePinyin: pinyinForms(name, 'person'),
      keyBasis: key.basis,
      // The full number is kept for matching and for roles allowed to see it; the API shows idMasked.
      idNumber,
      idMasked: idNumber ? maskResidentId(idNumber) : idMasked,
      idKind,
      idInvalid: idInvalid || null,
      birthDate: parsed?.kind === 'full' ? dateParam(parsed.birthDate) : null,
      sex: parsed?.kind === 'full' ? parsed.sex : null,
    }),
  };
}
