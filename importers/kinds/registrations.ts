import { parseUscc } from '../../model/identifiers/uscc.ts';
import { parseRegistrationNumber } from '../../model/identifiers/registrationNumber.ts';
import { firmKey } from '../../model/keys.ts';
import { displayName, normalizeName, pinyinForms, pinyinFormsOfAll } from '../../model/names.ts';
import { parseDate, parseMoney } from '../../model/values.ts';
import { divisionFromAddress, resolveDivision, type ResolvedDivision } from '../../model/divisions.ts';
import { normalizeEmail, normalizePhone, normalizeWebsite, splitList } from '../../model/contacts.ts';
import { dateParam } from '../../cypher/values.ts';
import { present, type RowContext } from './rowContext.ts';
import { personFromName } from './persons.ts';
import { generations, writePersons, type PersonWrite } from './writeParties.ts';
import type { KindHandler } from './kind.ts';

/**
 * A registration row (企业登记) becomes a firm with its addresses and contact points and, when
 * named, its legal representative. The firm's own USCC must pass its check: a wrong check
 * character would key the firm wrongly, so such a row is rejected rather than guessed at.
 */

export interface AddressWrite {
  key: string;
  text: string;
  regionCode: string | null;
  regionName: string | null;
}

export interface RegistrationRecord {
  firm: { key: string; props: Record<string, unknown> };
  legalRepresentative: PersonWrite | null;
  registeredAddress: AddressWrite | null;
  operatingAddress: AddressWrite | null;
  phones: { key: string; text: string }[];
  emails: { key: string; text: string }[];
  websites: { key: string; text: string }[];
}

/**
 * The row import/registeredAddresses and import/operatingAddresses take: the region apart from the
 * address, because reading r.address.regionCode after a.regionCode is written needs an Eager.
 */
export function addressRow(firmKey: string, address: AddressWrite, prov: string) {
  const { key, text, regionCode, regionName } = address;
  return { firmKey, address: { key, text, regionCode }, region: regionCode ? { code: regionCode, name: regionName } : null, prov };
}

export function addressWrite(text: string | null): AddressWrite | null {
  if (!text) return null;
  const region = divisionFromAddress(text);
  return { key: normalizeName(text), text: displayName(text), regionCode: region?.code ?? null, regionName: region?.fullName ?? null };
}

/** Registration place: the registering authority and address first, the USCC's division only as a fallback (DOMAIN.md §2). */
function registrationRegion(authority: string | null, address: string | null, codeDivision: string | null): ResolvedDivision | null {
  return (
    (authority ? divisionFromAddress(authority) : null) ??
    (address ? divisionFromAddress(address) : null) ??
    (codeDivision ? resolveDivision(codeDivision) : null)
  );
}

function contacts(row: RowContext, field: string, normalize: (raw: string) => string | null) {
  const text = row.get(field);
  if (!text) return [];
  return splitList(text).flatMap((t) => {
    const key = normalize(t);
    return key ? [{ key, text: t }] : [];
  });
}

function convert(row: RowContext, source: string, secret: string): RegistrationRecord | null {
  const rawUscc = row.get('uscc');
  const name = row.get('name');
  let uscc: string | null = null;
  let codeDivision: string | null = null;
  if (rawUscc) {
    const parsed = parseUscc(rawUscc);
    if (!parsed.ok) {
      row.report('uscc', parsed.reason === 'check' ? 'USCC_CHECK_FAILED' : 'USCC_MALFORMED');
      return null;
    }
    uscc = parsed.value;
    codeDivision = parsed.divisionCode;
  }
  const rawRegNo = row.get('registrationNumber');
  const regNo = rawRegNo ? parseRegistrationNumber(rawRegNo) : null;
  if (rawRegNo && !regNo?.ok) row.report('registrationNumber', 'REFERENCED_ID_INVALID');
  const registrationNumber = regNo?.ok ? regNo.value : null;
  if (!uscc && registrationNumber) codeDivision = regNo!.ok ? regNo!.divisionCode : null;
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
  const region = registrationRegion(authority, address, codeDivision);

  const repName = row.get('legalRepresentative');
  return {
    firm: {
      key: key.key,
      props: present({
        name: name ? displayName(name) : (uscc ?? registrationNumber),
        normalizedName: name ? normalizeName(name) : null,
        namePinyin: name ? pinyinForms(name, 'firm') : null,
        uscc,
        registrationNumber,
        keyBasis: key.basis,
        keyUnverified: key.unverified,
        formerNames: formerNames.length > 0 ? formerNames : null,
        normalizedFormerNames: formerNames.length > 0 ? formerNames.map(normalizeName) : null,
        formerNamesText: formerNames.length > 0 ? formerNames.join('；') : null,
        formerNamesPinyin: pinyinFormsOfAll(formerNames, 'firm'),
        companyType: row.get('companyType'),
        status: row.get('status'),
        registeredCapitalWan: capital?.amountWan,
        registeredCapitalCurrency: capital?.currency,
        registeredCapitalText: capital ? capitalText : null,
        establishedOn: dateParam(establishedOn),
        registrationAuthority: authority,
        registeredAddress: address,
        operatingAddress: row.get('operatingAddress'),
        industry: row.get('industry'),
        businessScope: row.get('businessScope'),
        regionCode: region?.code,
        regionName: region?.fullName,
        regionVia: region?.via,
      }),
    },
    legalRepresentative: repName ? personFromName(row, repName, row.get('legalRepresentativeId'), 'legalRepresentativeId', key.key, secret) : null,
    registeredAddress: addressWrite(address),
    operatingAddress: addressWrite(row.get('operatingAddress')),
    phones: contacts(row, 'phone', normalizePhone),
    emails: contacts(row, 'email', normalizeEmail),
    websites: contacts(row, 'website', normalizeWebsite),
  };
}

export const registrations: KindHandler<RegistrationRecord> = {
  kind: 'registrations',
  convert: (row, env) => convert(row, env.source, env.secret),
  async write(run, batch) {
    for (const generation of generations(batch, (r) => r.firm.key)) {
      const rows = generation.map((r) => ({ key: r.firm.key, props: r.firm.props, prov: r.prov }));
      // History first, in a statement of its own: it must read every firm before any row's SET.
      await run('import/registrationHistory', { rows });
      await run('import/registrations', { rows });
    }
    const reps = batch.filter((r) => r.legalRepresentative);
    await writePersons(run, reps.map((r) => ({ person: r.legalRepresentative!, prov: r.prov })));
    await run('import/legalRepresentatives', { rows: reps.map((r) => ({ firmKey: r.firm.key, personKey: r.legalRepresentative!.key, prov: r.prov })) });
    const addresses = (field: 'registeredAddress' | 'operatingAddress') =>
      batch.flatMap((r) => (r[field] ? [addressRow(r.firm.key, r[field], r.prov)] : []));
    await run('import/registeredAddresses', { rows: addresses('registeredAddress') });
    await run('import/operatingAddresses', { rows: addresses('operatingAddress') });
    const contactRows = (field: 'phones' | 'emails' | 'websites') => batch.flatMap((r) => r[field].map((c) => ({ firmKey: r.firm.key, ...c, prov: r.prov })));
    await run('import/phones', { rows: contactRows('phones') });
    await run('import/emails', { rows: contactRows('emails') });
    await run('import/websites', { rows: contactRows('websites') });
  },
};
