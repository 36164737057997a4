import { z } from 'zod';
import type { GraphReader } from '../cypher/run.ts';
import { dateParam, int } from '../cypher/values.ts';
import { divisionFromAddress, isWithin, resolveDivision, type ResolvedDivision } from '../model/divisions.ts';
import { bySubject, edgeDates, envelopeOf, sortedLimits, type Chain, type EntityRef, type Envelope, type Finding } from './envelope.ts';
import { keywordClause, searchableTokens } from './fulltextQuery.ts';
import { isoDate, jurisdiction, limitParams, stringList } from './params.ts';
import { registrationPlace, type FirmPlaceRow } from './places.ts';
import { regionPrefix } from './regionScope.ts';

/**
 * 省外注册、省内经营的交易场所 / venues registered elsewhere and operating here (DOMAIN.md §5.3),
 * and the local members of venues that must not have any: one finding per venue and reason.
 *
 * - `registered-elsewhere`: a venue (an Exchange, or a firm named like one) registered outside the
 *   jurisdiction whose members, agents, brokers, authorised service institutions, branches or
 *   operating address are inside it — with that local footprint;
 * - `unapproved`: a venue with local members and no approval from its own province;
 * - `acceptance-failed`: a venue with local members whose province failed the inter-ministerial
 *   acceptance (部际联席会议验收);
 * - `betting-model`: a venue with local members that trades against its clients (对赌), by its
 *   recorded trading model or a listing that says so.
 * docs/analyses/out-of-province-venues.md.
 */

export const VENUE_TERMS = ['交易所', '交易中心', '交易市场', '贵金属'] as const;
/** The fields of the entity_names full-text index a venue word is looked for in. */
const NAME_FIELDS = ['name', 'formerNamesText'];
export const BETTING_TERMS = ['对赌'] as const;

export const outOfProvinceVenuesParams = z.object({
  jurisdiction,
  /** Words that make a firm's name venue-like (交易所, 交易中心, 交易市场, 贵金属). */
  venueTerms: stringList
    .refine((l) => l.length > 0, '至少一个词 / at least one word')
    .refine((l) => l.every((t) => searchableTokens(t).length > 0), '每个词至少两个汉字或一个字母数字词 / each word needs two Chinese characters or a word of letters')
    .default([...VENUE_TERMS]),
  /** Words that, in a venue's trading model or a listing of it, mean it trades against its clients. */
  bettingTerms: stringList.refine((l) => l.length > 0, '至少一个词 / at least one word').default([...BETTING_TERMS]),
  asOf: isoDate.optional(),
  /** Most members, and most branches, taken per venue (the hub cap). */
  fanOut: limitParams.fanOut,
});
export type OutOfProvinceVenuesParams = z.output<typeof outOfProvinceVenuesParams>;

export const venueReasons = ['registered-elsewhere', 'unapproved', 'acceptance-failed', 'betting-model'] as const;
export type VenueReason = (typeof venueReasons)[number];

interface AddressRow {
  key: string;
  text: string;
  code: string;
}

interface FootprintRow extends FirmPlaceRow {
  entity: { kind: 'COMPANY'; key: string; name: string };
  operating: AddressRow[];
  validFrom: string | null;
  validTo: string | null;
}

interface MemberRow extends FootprintRow {
  memberType: string;
  memberTypeText: string | null;
  memberNo: string | null;
  status: string | null;
}

interface ApprovalRow {
  key: string;
  documentNo: string | null;
  approvingAuthority: string | null;
  approvedOn: string | null;
  province: string | null;
  provinceCode: string | null;
  acceptancePassed: boolean | null;
  category: string | null;
}

interface VenueRow {
  venue: FirmPlaceRow & { kind: 'COMPANY'; key: string; name: string; exchange: boolean; regionVia: string | null; tradingModel: string | null; formerNames: string[] };
  memberCount: number;
  members: MemberRow[];
  branchCount: number;
  branches: FootprintRow[];
  operating: AddressRow[];
  approvals: ApprovalRow[];
  listings: { entry: string; listType: string; caseNo: string | null; note: string | null; source: string | null }[];
}

type Role = 'member' | 'agent' | 'broker' | 'authorised-service' | 'branch' | 'operating-address';

interface LocalEntity {
  ref: EntityRef;
  role: Role;
  place: ResolvedDivision;
  chain: Chain;
}

const ROLE_OF_MEMBER_TYPE: Record<string, Role> = { 会员: 'member', 代理商: 'agent', 居间商: 'broker', 授权服务机构: 'authorised-service' };
const ROLE_ZH: Record<Role, string> = {
  member: '会员',
  agent: '代理商',
  broker: '居间商',
  'authorised-service': '授权服务机构',
  branch: '分支机构',
  'operating-address': '经营地址',
};

/** The province an approval is from: as imported, else read from the province or authority it names. */
function approvalProvince(a: Pick<ApprovalRow, 'provinceCode' | 'province' | 'approvingAuthority'>): string | null {
  return a.provinceCode ?? (a.province ? divisionFromAddress(a.province)?.provinceCode : null) ?? (a.approvingAuthority ? divisionFromAddress(a.approvingAuthority)?.provinceCode : null) ?? null;
}

/**
 * A member's or branch's place inside the jurisdiction: where it operates when that is here, else
 * where it is registered when that is here; null when neither is (or neither is known: `unknown`).
 */
function localPlace(row: FootprintRow, j: string): { place: ResolvedDivision | null; unknown: boolean; address: AddressRow | null } {
  const operating = row.operating.map((a) => ({ a, d: resolveDivision(a.code) })).filter((x) => x.d !== null);
  const here = operating.find((x) => isWithin(x.d!.code, j));
  if (here) return { place: here.d, unknown: false, address: here.a };
  const registered = registrationPlace(row);
  if (registered && isWithin(registered.division.code, j)) return { place: registered.division, unknown: false, address: null };
  return { place: null, unknown: operating.length === 0 && registered === null, address: null };
}

export async function outOfProvinceVenues(graph: GraphReader, params: OutOfProvinceVenuesParams): Promise<Envelope> {
  const ranAt = new Date().toISOString();
  const j = params.jurisdiction;
  const [rows, failedRows] = await Promise.all([
    graph.read<VenueRow>('analyses/venueFootprints', {
      queries: params.venueTerms.map((t) => keywordClause(t, NAME_FIELDS)!),
      terms: params.venueTerms,
      // Province digits only: a member's USCC division is compared raw, and may be a retired code of a city since renamed.
      province: regionPrefix(j).slice(0, 2),
      asOf: dateParam(params.asOf),
      fanOut: int(params.fanOut),
    }),
    graph.read<ApprovalRow>('analyses/failedAcceptance', {}),
  ]);
  const failedProvinces = new Map<string, ApprovalRow>();
  for (const a of failedRows) {
    const p = approvalProvince(a);
    if (p && !failedProvinces.has(p)) failedProvinces.set(p, a);
  }
  const searchLimits = new Set<string>();
  const findings: Finding[] = [];
  const hasTerm = (text: string | null | undefined, terms: string[]) => !!text && terms.some((t) => text.includes(t));

  for (const row of rows) {
    const v = row.venue;
    const venueRef: EntityRef = { kind: 'COMPANY', key: v.key, name: v.name };
    const venueLimits = new Set<string>();
    if (row.memberCount > row.members.length || row.branchCount > row.branches.length) venueLimits.add(`fanOut:${v.key}`);

    const members: LocalEntity[] = [];
    for (const m of row.members) {
      const { place, unknown, address } = localPlace(m, j);
      if (unknown) venueLimits.add(`unknownPlace:${v.key}`);
      if (!place) continue;
      members.push({
        ref: m.entity,
        role: ROLE_OF_MEMBER_TYPE[m.memberType] ?? 'member',
        place,
        chain: {
          kind: 'membership',
          path: [m.entity, venueRef],
          edges: [
            {
              type: 'MEMBER_OF',
              ...edgeDates(m.validFrom, m.validTo),
              details: {
                memberType: m.memberType,
                memberTypeText: m.memberTypeText,
                memberNo: m.memberNo,
                status: m.status,
                place: place.fullName,
                address: address?.text ?? null,
              },
            },
          ],
          product: null,
        },
      });
    }
    const branches: LocalEntity[] = [];
    for (const b of row.branches) {
      const { place, unknown, address } = localPlace(b, j);
      if (unknown) venueLimits.add(`unknownPlace:${v.key}`);
      if (!place) continue;
      branches.push({
        ref: b.entity,
        role: 'branch',
        place,
        chain: {
          kind: 'branch',
          path: [b.entity, venueRef],
          edges: [{ type: 'BRANCH_OF', ...edgeDates(b.validFrom, b.validTo), details: { place: place.fullName, address: address?.text ?? null } }],
          product: null,
        },
      });
    }
    const operating: LocalEntity[] = row.operating.flatMap((a) => {
      const d = resolveDivision(a.code);
      if (!d || !isWithin(d.code, j)) return [];
      const addressRef: EntityRef = { kind: 'ADDRESS', key: a.key, name: a.text };
      return [
        {
          ref: addressRef,
          role: 'operating-address' as const,
          place: d,
          chain: { kind: 'contact' as const, path: [venueRef, addressRef], edges: [{ type: 'OPERATES_AT' as const, details: { place: d.fullName } }], product: null },
        },
      ];
    });

    const registered = registrationPlace(v);
    const province = registered && registered.division.via !== 'national' ? registered.division.provinceCode : null;
    const ownApprovals = row.approvals.filter((a) => province !== null && approvalProvince(a) === province);
    const failed = province !== null ? failedProvinces.get(province) : undefined;
    const bettingListings = row.listings.filter((l) => hasTerm(l.listType, params.bettingTerms) || hasTerm(l.note, params.bettingTerms));
    const betting = hasTerm(v.tradingModel, params.bettingTerms) || bettingListings.length > 0;

    const footprint = [...members, ...branches, ...operating];
    const reasons: VenueReason[] = [];
    if (registered === null && footprint.length > 0) venueLimits.add(`unknownPlace:${v.key}`);
    if (registered && !isWithin(registered.division.code, j) && footprint.length > 0) reasons.push('registered-elsewhere');
    if (members.length > 0) {
      // Without a known province, any approval is taken as the venue's own: "unapproved" is then not claimed on a guess.
      if (province !== null ? ownApprovals.length === 0 : row.approvals.length === 0) reasons.push('unapproved');
      if (failed) reasons.push('acceptance-failed');
      if (betting) reasons.push('betting-model');
    }
    for (const l of venueLimits) searchLimits.add(l);
    if (reasons.length === 0) continue;

    const approvalChains: Chain[] = row.approvals.map((a) => ({
      kind: 'approval',
      path: [venueRef, { kind: 'APPROVAL', key: a.key, name: a.documentNo ?? a.key }],
      edges: [
        {
          type: 'APPROVED_BY',
          details: {
            approvingAuthority: a.approvingAuthority,
            province: a.province,
            ownProvince: province !== null && approvalProvince(a) === province,
            acceptancePassed: a.acceptancePassed,
            approvedOn: a.approvedOn,
            category: a.category,
          },
        },
      ],
      product: null,
    }));
    const listingChains: Chain[] = bettingListings.map((l) => ({
      kind: 'listing',
      path: [venueRef, { kind: 'LIST_ENTRY', key: l.entry, name: [l.listType, l.caseNo].filter(Boolean).join(' ') }],
      edges: [{ type: 'FLAGGED', details: { listType: l.listType, caseNo: l.caseNo, note: l.note, source: l.source } }],
      product: null,
    }));
    const acceptancePassed = failed ? false : ownApprovals.some((a) => a.acceptancePassed === true) ? true : null;
    const limitsHit = sortedLimits(venueLimits);

    for (const reason of reasons) {
      const local = reason === 'registered-elsewhere' ? footprint : members;
      const count = (role: Role) => local.filter((e) => e.role === role).length;
      findings.push({
        subject: venueRef,
        score: local.length,
        facts: {
          reason,
          reasons,
          venueBasis: v.exchange ? 'exchange' : 'name',
          uscc: v.uscc,
          registeredIn: registered?.division.fullName ?? null,
          registrationCode: registered?.division.code ?? null,
          registrationVia: registered ? (registered.via === 'registration' ? (v.regionVia ?? 'registration') : 'code') : null,
          approved: ownApprovals.length > 0,
          approvals: row.approvals.map((a) => `${a.documentNo ?? a.key}（${a.province ?? '?'}${a.acceptancePassed === false ? '，未通过验收 / failed acceptance' : ''}）`),
          acceptancePassed,
          failedAcceptanceRecord: failed ? (failed.documentNo ?? failed.key) : null,
          tradingModel: v.tradingModel,
          localCount: local.length,
          localEntities: local.map((e) => `${e.ref.name}（${ROLE_ZH[e.role]} ${e.role}，${e.place.fullName}）`),
          localKeys: local.map((e) => e.ref.key),
          members: count('member'),
          agents: count('agent'),
          brokers: count('broker'),
          serviceInstitutions: count('authorised-service'),
          branches: count('branch'),
          operatingHere: count('operating-address') > 0,
        },
        evidence: { chains: [...local.map((e) => e.chain), ...approvalChains, ...listingChains], chainsComplete: !venueLimits.has(`fanOut:${v.key}`) },
        exhaustive: limitsHit.length === 0,
        limitsHit,
      });
    }
  }

  const order = (r: unknown) => venueReasons.indexOf(r as VenueReason);
  findings.sort(
    (a, b) =>
      (b.score ?? 0) - (a.score ?? 0) ||
      bySubject(a, b) ||
      order(a.facts.reason) - order(b.facts.reason),
  );
  const limitsHit = sortedLimits(searchLimits);
  return envelopeOf('out-of-province-venues', { ...params }, ranAt, resolvedAbout(j), limitsHit, findings);
}

/** The jurisdiction screened, as a region. */
function resolvedAbout(j: string): EntityRef | null {
  const d = resolveDivision(j);
  return d ? { kind: 'REGION', key: d.code, name: d.fullName } : null;
}
