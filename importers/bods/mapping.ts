/**
 * From BODS statements (internal form, statements.ts) to what the graph holds: which key a
 * party gets, which properties its node carries, and which edge or filing each interest becomes.
 * Pure: no I/O, so the rules can be read and tested apart from the database.
 *
 * Grounds: DOMAIN.md §2–3 (keys, HOLDS_SHARES, CONTROLS, FILED_BO/BOFiling); BODS 0.4
 * interestType and directOrIndirect codelists.
 */
import crypto from 'node:crypto';
import { isFullDate } from './statements.ts';
import { dateParam } from '../../cypher/values.ts';
import { parseUscc } from '../../model/identifiers/uscc.ts';
import { fullResidentId, maskResidentId } from '../../model/identifiers/residentId.ts';
import { firmKey, personKey, type FirmKey, type PersonKey } from '../../model/keys.ts';
import { displayName, normalizeName, pinyinForms } from '../../model/names.ts';
import { percentText } from '../../model/values.ts';
import type { BodsEntity, BodsIdentifier, BodsInterest, BodsPerson, BodsShare } from './statements.ts';

const nonEmpty = <T>(list: T[]): T[] | null => (list.length ? list : null);
const present = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null && v !== undefined));

// ---------------------------------------------------------------------------------------------
// Keys

/** The org-id.guide scheme of the Chinese market-regulation register (USCC). */
const USCC_SCHEME = 'CN-SAMR';
const LEI_SCHEME = 'XI-LEI';

/**
 * The USCC among an entity's identifiers. Under any scheme, because publishers file it under
 * whatever they call the register (GLEIF: schemeName 'RA000092'); but only for a firm of China or
 * of no stated jurisdiction, because a foreign register's 18-character number passes the GB 32100
 * check one time in 31, and a false USCC would merge a foreign firm with a Chinese one.
 */
function usccOf(e: BodsEntity): string | null {
  const code = e.jurisdiction?.code?.toUpperCase() ?? null;
  const chinese = code === null ? e.jurisdiction?.name == null || /china|中国/i.test(e.jurisdiction.name) : code === 'CN' || code.startsWith('CN-');
  for (const i of e.identifiers) {
    if (!i.id) continue;
    const parsed = parseUscc(i.id);
    if (parsed.ok && (i.scheme === USCC_SCHEME || chinese)) return parsed.value;
  }
  return null;
}

/**
 * The foreign identifier a firm is keyed by: a national register's (org-id scheme such as GB-COH)
 * first, since that is what other sources about the firm will also carry; the LEI next; a number
 * under a scheme name only (GLEIF's 'RA000388') last.
 */
function foreignIdOf(ids: BodsIdentifier[]): { scheme: string; id: string } | null {
  const usable = ids.filter((i): i is BodsIdentifier & { id: string } => Boolean(i.id?.trim()));
  const national = usable.find((i) => i.scheme && i.scheme !== LEI_SCHEME && i.scheme !== USCC_SCHEME);
  if (national) return { scheme: national.scheme!, id: national.id };
  const lei = usable.find((i) => i.scheme === LEI_SCHEME);
  if (lei) return { scheme: LEI_SCHEME, id: lei.id };
  const named = usable.find((i) => i.schemeName?.trim());
  return named ? { scheme: named.schemeName!, id: named.id } : null;
}

// Arrangements (a joint holding, a trust, a nomination) and anonymous or unknown entities are not
// identified by their name: 'Joint shareholding' in two filings is two different arrangements.
const NAME_IS_NOT_IDENTITY = new Set(['arrangement', 'anonymousEntity', 'unknownEntity']);

export function entityName(e: BodsEntity, recordId: string): string {
  return e.name?.trim() ? displayName(e.name) : `(${e.entityType ?? 'entity'} ${recordId})`;
}

export function entityKey(e: BodsEntity, recordId: string): FirmKey {
  const scoped = !e.name?.trim() || NAME_IS_NOT_IDENTITY.has(e.entityType ?? '');
  return firmKey({
    uscc: usccOf(e),
    foreignId: foreignIdOf(e.identifiers),
    name: entityName(e, recordId),
    source: scoped ? `bods:${recordId}` : 'bods',
  });
}

/** A better-founded key wins when the statements of one record disagree (a later one adds the USCC). */
export const keyRank: Record<FirmKey['basis'], number> = { uscc: 3, 'registration-number': 2, 'foreign-id': 1, unverified: 0 };

/**
 * A Chinese resident ID number among a person's identifiers, under a Chinese scheme
 * ('CHN-IDCARD'); a foreign document number is never read as one.
 */
function residentIdOf(p: BodsPerson): string | null {
  for (const i of p.identifiers) {
    const scheme = `${i.scheme ?? ''} ${i.schemeName ?? ''}`;
    if (i.id && /\bCHN?\b|CHN-|CN-|身份证|居民身份/i.test(scheme)) {
      const id = fullResidentId(i.id);
      if (id) return id;
    }
  }
  return null;
}

export function personName(p: BodsPerson, recordId: string): string {
  const legal = p.names.find((n) => n.type === 'legal' || n.type === 'individual') ?? p.names[0];
  return legal?.fullName.trim() ? displayName(legal.fullName) : `(${p.personType ?? 'person'} ${recordId})`;
}

/**
 * A BODS person carries no Chinese ID number (foreign passports and tax ids are not identities
 * across sources), so the person is keyed as "this person of this BODS record": the same record
 * in a later statement or file is the same node, a same-name person elsewhere is not. The name is
 * left out of the key: the record is the identity, and a corrected spelling in a later statement
 * is the same person.
 */
export function bodsPersonKey(p: BodsPerson, recordId: string, secret: string): PersonKey {
  return personKey({ idNumber: residentIdOf(p), name: '', scopeFirmKey: `bods:${recordId}`, secret });
}

// ---------------------------------------------------------------------------------------------
// Node properties

export function entityProps(e: BodsEntity, recordId: string, key: FirmKey): Record<string, unknown> {
  const name = entityName(e, recordId);
  const address = (type: string) => e.addresses.find((a) => a.type === type)?.address ?? null;
  return present({
    name,
    normalizedName: normalizeName(name),
    namePinyin: pinyinForms(name, 'firm'),
    keyBasis: key.basis,
    keyUnverified: key.unverified,
    uscc: key.basis === 'uscc' ? key.key : null,
    companyType: e.entityType ? (e.entitySubtype ? `${e.entityType}/${e.entitySubtype}` : e.entityType) : null,
    jurisdiction: e.jurisdiction ? (e.jurisdiction.code ?? e.jurisdiction.name) : null,
    establishedOn: e.foundingDate ? dateParam(e.foundingDate) : null,
    dissolvedOn: e.dissolutionDate ? dateParam(e.dissolutionDate) : null,
    registeredAddress: address('registered'),
    operatingAddress: address('business'),
    alternateNames: nonEmpty(e.alternateNames.map(displayName)),
    identifiers: nonEmpty(e.identifiers.filter((i) => i.id).map((i) => `${i.scheme ?? i.schemeName ?? '?'}:${i.id}`)),
  });
}

export function personProps(p: BodsPerson, recordId: string, key: PersonKey): Record<string, unknown> {
  const name = personName(p, recordId);
  const id = residentIdOf(p);
  const others = [...new Set(p.names.map((n) => displayName(n.fullName)).filter((n) => n && n !== name))];
  return present({
    name,
    normalizedName: normalizeName(name),
    namePinyin: pinyinForms(name, 'person'),
    keyBasis: key.basis,
    personType: p.personType,
    nationality: p.nationalities.map((n) => n.code ?? n.name).filter(Boolean).join(',') || null,
    // BODS gives YYYY-MM for most people and a made-up day would be a false fact: only a full
    // date is a date; the text is kept as published.
    birthDate: p.birthDate && isFullDate(p.birthDate) ? dateParam(p.birthDate) : null,
    birthDateText: p.birthDate,
    alternateNames: nonEmpty(others),
    idNumber: id,
    idMasked: id ? maskResidentId(id) : null,
    idKind: id ? 'resident-id' : null,
  });
}

// ---------------------------------------------------------------------------------------------
// Interests

export type InterestTarget =
  | { kind: 'holding' }
  | { kind: 'control'; basis: string }
  | { kind: 'filing'; interestType: string };

/**
 * What an interest becomes. A declared indirect interest is the publisher's answer, not a path:
 * it is kept as filed (BOFiling) so the analyses can compare it with what the chain computes,
 * and never becomes an edge that would be counted again on top of the chain. A direct (or
 * unqualified) shareholding is a holding; every other direct interest is control on its basis.
 */
export function interestTarget(i: BodsInterest | null): InterestTarget {
  const type = i?.type ?? 'unknownInterest';
  if (i?.directness === 'indirect') return { kind: 'filing', interestType: type };
  if (type === 'shareholding') return { kind: 'holding' };
  return { kind: 'control', basis: kebab(type) };
}

/** BODS codes as CONTROLS bases in the graph's spelling ('votingRights' → 'voting-rights', as 'voting-entrustment'). */
function kebab(code: string): string {
  return code.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

/** Of several interests of one kind in one statement, the one in force: open before ended, latest start first. */
export function currentInterest(interests: BodsInterest[]): BodsInterest {
  return [...interests].sort((a, b) => Number(a.endDate !== null) - Number(b.endDate !== null) || (b.startDate ?? '').localeCompare(a.startDate ?? ''))[0]!;
}

/** BODS dates may be 'YYYY' or 'YYYY-MM' (0.3); the standard rounds those to the first day. */
export function dateOf(text: string | null): ReturnType<typeof dateParam> {
  if (!text) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(text);
  if (!m) return null;
  return dateParam(`${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`);
}

/** BODS gives shares in percent (0–100); the text is written as every ratio is (model/values.ts). */
const pct = (percent: number) => percentText(percent / 100);

/**
 * A share as ratios (fractions of 1). An exact share is the ratio; a range is kept as its bounds
 * with ratio null, never a midpoint: 75–100% is "at least 75%", and a made-up 87.5% would be
 * multiplied down chains as if it were known.
 */
export function shareProps(share: BodsShare | null): Record<string, unknown> {
  if (!share) return {};
  if (share.exact !== null) return { ratio: share.exact / 100, ratioText: pct(share.exact) };
  if (share.min === null && share.max === null) return {};
  const text = [
    share.min !== null ? (share.minExclusive ? '>' : '≥') + pct(share.min) : null,
    share.max !== null ? (share.maxExclusive ? '<' : '≤') + pct(share.max) : null,
  ]
    .filter(Boolean)
    .join(' ');
  return present({
    ratio: null,
    ratioMin: share.min !== null ? share.min / 100 : null,
    ratioMinExclusive: share.min !== null ? share.minExclusive : null,
    ratioMax: share.max !== null ? share.max / 100 : null,
    ratioMaxExclusive: share.max !== null ? share.maxExclusive : null,
    ratioText: text,
  });
}

/** Every property an interest edge or filing may carry, null where absent, so an update clears stale values. */
export const INTEREST_PROPERTIES = ['ratio', 'ratioMin', 'ratioMinExclusive', 'ratioMax', 'ratioMaxExclusive', 'ratioText', 'validFrom', 'validTo'] as const;

export function interestProps(i: BodsInterest | null, closedOn: string | null): Record<string, unknown> {
  const props: Record<string, unknown> = Object.fromEntries(INTEREST_PROPERTIES.map((p) => [p, null]));
  Object.assign(props, shareProps(i?.share ?? null));
  props.validFrom = dateOf(i?.startDate ?? null);
  props.validTo = dateOf(i?.endDate ?? closedOn);
  return props;
}

export function filingKey(firmKey: string, ownerKey: string, interestType: string): string {
  return `B-${crypto.createHash('sha256').update([firmKey, ownerKey, interestType, 'bods'].join('\0')).digest('hex').slice(0, 24)}`;
}
