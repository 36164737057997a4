import { parseUscc } from '../../model/identifiers/uscc.ts';
import { parseRegistrationNumber } from '../../model/identifiers/registrationNumber.ts';
import { firmKey } from '../../model/keys.ts';
import { displayName, normalizeName } from '../../model/names.ts';
import { parseDate, parseMoney } from '../../model/values.ts';
import { divisionFromAddress, resolveDivision } from '../../model/divisions.ts';
import { present, type RowContext } from './rowContext.ts';
import { personFromName } from './persons.ts';

/**
 * A registration row (企业登记) becomes a firm and, when named, its legal representative.
 * The firm's own USCC must pass its check: a wrong check character would key the firm wrongly,
 * so such a row is rejected rather than guessed at.
 */

export interface FirmWrite {
  key: string;
  props: Record<string, unknown>;
  establishedOn: string | null;
}

export interface RegistrationRecord {
  firm: FirmWrite;
  legalRepresentative: { key: string; props: Record<string, unknown> } | null;
}

/** Registration place: the registering authority and address first, the USCC's division only as a fallback (DOMAIN.md §2). */
function registrationRegion(authority: string | null, address: string | null, usccDivision: string | null) {
  return (
    (authority ? divisionFromAddress(authority) : null) ??
    (address ? divisionFromAddress(address) : null) ??
    (usccDivision ? resolveDivision(usccDivision) : null)
  );
}

export function registrationFromRow(row: RowContext, source: string, secret: string): RegistrationRecord | null {
  const rawUscc = row.get('uscc');
  const name = row.get('name');
  let uscc: string | null = null;
  let usccDivision: string | null = null;
  if (rawUscc) {
    const parsed = parseUscc(rawUscc);
    if (!parsed.ok) {
      row.report('uscc', parsed.reason === 'check' ? 'USCC_CHECK_FAILED' : 'USCC_MALFORMED');
      return null;
    }
    uscc = parsed.value;
    usccDivision = parsed.divisionCode;
  }
  const rawRegNo = row.get('registrationNumber');
  const regNo = rawRegNo ? parseRegistrationNumber(rawRegNo) : null;
  const registrationNumber = regNo?.ok ? regNo.value : null;
  if (!name && !uscc && !registrationNumber) {
    row.report('name', 'FIRM_NAME_MISSING');
    return null;
  }
  const key = firmKey({ uscc, registrationNumber, name: name ?? '', source });

  const capitalText = row.get('registeredCapital');
  const capital = capitalText ? parseMoney(capitalText) : null;
  if (capitalText && !capital) row.report('registeredCapital', 'MONEY_INVALID');
  const dateText = row.get('establishedOn');
  const establishedOn = dateText ? parseDate(dateText) : null;
  if (dateText && !establishedOn) row.report('establishedOn', 'DATE_INVALID');

  const formerNames = (row.get('formerNames') ?? '')
    .split(/[;；,，、\n]/)
    .map((n) => displayName(n))
    .filter((n) => n !== '');
  const authority = row.get('registrationAuthority');
  const address = row.get('registeredAddress');
  const region = registrationRegion(authority, address, usccDivision);

  const firm: FirmWrite = {
    key: key.key,
    establishedOn,
    props: present({
      name: name ? displayName(name) : null,
      normalizedName: name ? normalizeName(name) : null,
      uscc,
      registrationNumber,
      keyBasis: key.basis,
      keyUnverified: key.unverified,
      formerNames: formerNames.length > 0 ? formerNames : null,
      formerNamesText: formerNames.length > 0 ? formerNames.join('；') : null,
      companyType: row.get('companyType'),
      status: row.get('status'),
      registeredCapitalWan: capital?.amountWan,
      registeredCapitalCurrency: capital?.currency,
      registeredCapitalText: capital ? capitalText : null,
      registrationAuthority: authority,
      registeredAddress: address,
      operatingAddress: row.get('operatingAddress'),
      industry: row.get('industry'),
      businessScope: row.get('businessScope'),
      regionCode: region?.code,
      regionName: region?.fullName,
    }),
  };

  const repName = row.get('legalRepresentative');
  const legalRepresentative = repName
    ? personFromName(row, repName, row.get('legalRepresentativeId'), 'legalRepresentativeId', key.key, secret)
    : null;
  return { firm, legalRepresentative };
}
