import type { GraphReader } from '../../cypher/run.ts';
import { int } from '../../cypher/values.ts';
import { hasEnded } from '../../model/firmStatus.ts';
import type { GraphNode } from '../ownershipGraph.ts';
import { holdersReach, holdingsReach, type Reach } from './ownership.ts';
import { registrationSources, sourcesOf, type Decoder, type Provenance } from './sources.ts';

/**
 * 一户一档 / the profile of one firm or person: everything the graph holds about it in one answer,
 * every fact with its sources (file, hash, sheet, row, import run, time). Each section is one cheap
 * query that starts from the entity's key (an index lookup) and goes one or two steps out; the
 * sections run side by side. Lists that can be long are cut at `profileCaps` and say how many there
 * are in all. Effective % comes from the analyses' ownership walk (./ownership.ts).
 */

/** The most entries a profile lists of each kind; every list also gives its total. */
export const profileCaps = {
  /** Holders of a firm (direct and indirect), and firms an entity holds. */
  holdings: 50,
  /** People of a firm (legal representative, officers); firms a person represents or serves. */
  people: 100,
  flags: 100,
  /** Branches of a firm; members and agents of a venue. */
  links: 50,
  /** Other firms listed under one shared address or phone. */
  shared: 20,
  /** Change records, and prior values. */
  history: 100,
  samePersons: 50,
} as const;

export type ProfileKind = 'COMPANY' | 'PERSON';

export interface EntitySummary {
  kind: ProfileKind;
  key: string;
  name: string;
  identifier: string | null;
  idNumber?: string | null;
  status?: string | null;
  address?: string | null;
}

export interface Money {
  amountWan: number;
  currency: string;
  text: string;
}

export interface Capped<T> {
  nodes: T[];
  total: number;
}

export interface Role {
  /** 法定代表人 for the legal representative, else the office as registered. */
  role: string;
  legalRepresentative: boolean;
  validFrom: string | null;
  validTo: string | null;
  provenance: Provenance[];
}

export interface Holding {
  entity: EntitySummary;
  direct: boolean;
  directRatio: number | null;
  ratioText: string | null;
  effectiveRatio: number;
  subscribedAmount: Money | null;
  validFrom: string | null;
  validTo: string | null;
  provenance: Provenance[];
}

export interface Holdings extends Capped<Holding> {
  /** Direct holding relationships in all, current and ended. */
  directTotal: number;
  exhaustive: boolean;
  limitsHit: string[];
}

export interface Profile {
  kind: ProfileKind;
  /** The key asked for (a merged person key answers with the survivor in `entity`). */
  requestedKey: string;
  entity: EntitySummary;
  provenance: Provenance[];
  registration: Record<string, unknown> | null;
  identity: Record<string, unknown> | null;
  /** The current legal representative (a firm has one), with the role's sources. */
  legalRepresentative: { person: EntitySummary; roles: Role[] } | null;
  officers: Capped<{ person: EntitySummary; roles: Role[] }>;
  positions: Capped<{ firm: EntitySummary; roles: Role[] }>;
  flags: Capped<Record<string, unknown>>;
  holders: Holdings;
  holdings: Holdings;
  headOffice: Record<string, unknown> | null;
  branches: Capped<Record<string, unknown>>;
  venueMemberships: Record<string, unknown>[];
  venueMembers: Capped<Record<string, unknown>>;
  contacts: Record<string, unknown>[];
  changes: Capped<Record<string, unknown>>;
  priorValues: Capped<Record<string, unknown>>;
  aliases: string[];
  samePersonCandidates: Capped<Record<string, unknown>>;
}

type Row = Record<string, any>;

const money = (amountWan: unknown, currency: unknown, text: unknown): Money | null =>
  typeof amountWan === 'number' ? { amountWan, currency: (currency as string | null) ?? 'CNY', text: (text as string | null) ?? '' } : null;

const LEGAL_REPRESENTATIVE = '法定代表人';

function roles(rows: Row[], decode: Decoder): Role[] {
  return rows.map((r) => ({
    role: r.legalRepresentative ? LEGAL_REPRESENTATIVE : r.role,
    legalRepresentative: r.legalRepresentative === true,
    validFrom: r.validFrom ?? null,
    validTo: r.validTo ?? null,
    provenance: decode(r.provenance),
  }));
}

function summaryOfWalked(n: GraphNode): EntitySummary {
  return { kind: n.kind as ProfileKind, key: n.key, name: n.name, identifier: n.kind === 'PERSON' ? n.idMasked : n.key.startsWith('U-') ? null : n.key, status: n.status };
}

/** A prior value is whatever type the property had: shown as text, a list joined. */
function valueText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return Array.isArray(value) ? value.join('；') : String(value);
}

/**
 * One side of the ownership (holders of a firm, or firms held): the registry's direct holdings,
 * with their sources, joined with the walk's effective % and the indirect holders it found.
 */
function holdingsOf(directRows: Row[], directTotal: number, reach: Reach | null, self: string, decode: Decoder): Holdings {
  const byKey = new Map<string, Holding>();
  for (const r of directRows) {
    const key = r.party.key as string;
    const seen = byKey.get(key);
    if (seen) {
      seen.provenance.push(...decode(r.provenance));
      continue;
    }
    byKey.set(key, {
      entity: r.party,
      direct: true,
      directRatio: r.ratio ?? null,
      ratioText: r.ratioText ?? null,
      effectiveRatio: reach?.effective.get(key) ?? 0,
      subscribedAmount: money(r.subscribedAmountWan, r.subscribedCurrency, r.subscribedText),
      validFrom: r.validFrom ?? null,
      validTo: r.validTo ?? null,
      provenance: decode(r.provenance),
    });
  }
  if (reach) {
    for (const [key, node] of reach.nodes) {
      const effective = reach.effective.get(key) ?? 0;
      if (key === self || byKey.has(key) || (effective <= 0 && !reach.direct.has(key))) continue;
      byKey.set(key, {
        entity: summaryOfWalked(node),
        direct: reach.direct.has(key),
        directRatio: null,
        ratioText: null,
        effectiveRatio: effective,
        subscribedAmount: null,
        validFrom: null,
        validTo: null,
        provenance: [],
      });
    }
  }
  const all = [...byKey.values()].sort(
    (a, b) =>
      Number(b.validTo === null) - Number(a.validTo === null) ||
      b.effectiveRatio - a.effectiveRatio ||
      (b.directRatio ?? -1) - (a.directRatio ?? -1) ||
      a.entity.name.localeCompare(b.entity.name, 'zh') ||
      a.entity.key.localeCompare(b.entity.key),
  );
  // Direct holdings beyond the query's cap are counted though not listed.
  const unlisted = Math.max(0, directTotal - directRows.length);
  const limitsHit = reach?.limitsHit ?? [];
  return {
    nodes: all.slice(0, profileCaps.holdings),
    total: all.length + unlisted,
    directTotal,
    exhaustive: limitsHit.length === 0 && unlisted === 0,
    limitsHit,
  };
}

/** The current legal representative among a firm's people, with that role alone. */
function legalRepresentativeOf(officers: { person: EntitySummary; roles: Role[] }[]): { person: EntitySummary; roles: Role[] } | null {
  const current = officers.find((o) => o.roles.some((r) => r.legalRepresentative && r.validTo === null));
  return current ? { person: current.person, roles: current.roles.filter((r) => r.legalRepresentative && r.validTo === null) } : null;
}

/** The profile of the firm or person with this key; null when no entity has it. */
export async function profile(graph: GraphReader, requestedKey: string): Promise<Profile | null> {
  const [subject] = await graph.read<Row>('profile/subject', { key: requestedKey });
  if (!subject) return null;
  const kind = subject.kind as ProfileKind;
  const key = subject.key as string;
  const facts = subject.facts as Row;
  const start: GraphNode = { kind, key, name: facts.name, idMasked: facts.idMasked ?? null, status: facts.status ?? null };
  const firm = kind === 'COMPANY';
  const none = Promise.resolve(null);

  const [people, positions, holdings, flags, links, contacts, history, samePersonRows, up, down] = await Promise.all([
    firm ? graph.read<Row>('profile/firmPeople', { key, limit: int(profileCaps.people) }).then((r) => r[0]!) : none,
    firm ? none : graph.read<Row>('profile/personPositions', { key, limit: int(profileCaps.people) }).then((r) => r[0]!),
    graph.read<Row>('profile/holdings', { key, limit: int(profileCaps.holdings) }).then((r) => r[0]!),
    graph.read<Row>('profile/flags', { key, limit: int(profileCaps.flags) }).then((r) => r[0]!),
    firm ? graph.read<Row>('profile/firmLinks', { key, limit: int(profileCaps.links) }).then((r) => r[0]!) : none,
    graph.read<Row>('profile/contacts', { key, shared: int(profileCaps.shared) }),
    graph.read<Row>('profile/history', { key, limit: int(profileCaps.history) }).then((r) => r[0]!),
    graph.read<Row>('profile/samePersons', { key, limit: int(profileCaps.samePersons) }),
    firm ? holdersReach(graph, start) : none,
    holdingsReach(graph, start),
  ]);

  const decode = await sourcesOf(graph, [subject, people, positions, holdings, flags, links, contacts, history]);
  const sources = decode(subject.provenance);

  const entity: EntitySummary = firm
    ? { kind, key, name: facts.name, identifier: facts.uscc ?? facts.registrationNumber ?? null, status: facts.status ?? null, address: facts.registeredAddress ?? null }
    : { kind, key, name: facts.name, identifier: facts.idMasked ?? null, idNumber: facts.idNumber ?? null };

  const officers = firm
    ? (people!.people as Row[]).map((p) => ({ person: p.person as EntitySummary, roles: roles(p.roles, decode) }))
    : [];
  const withFirm = (r: Row) => ({ ...r, provenance: decode(r.provenance) });

  return {
    kind,
    requestedKey,
    entity,
    provenance: sources,
    registration: firm
      ? {
          ...facts,
          keyUnverified: facts.keyUnverified === true,
          formerNames: facts.formerNames ?? [],
          inactive: hasEnded(facts.status),
          registeredCapital: money(facts.registeredCapitalWan, facts.registeredCapitalCurrency, facts.registeredCapitalText),
          provenance: registrationSources(sources),
        }
      : null,
    identity: firm
      ? null
      : { name: facts.name, idKind: facts.idKind ?? null, idInvalid: facts.idInvalid === true, sex: facts.sex ?? null, nationality: facts.nationality ?? null, keyBasis: facts.keyBasis ?? null, provenance: sources },
    legalRepresentative: legalRepresentativeOf(officers),
    officers: { nodes: officers, total: firm ? people!.total : 0 },
    positions: firm
      ? { nodes: [], total: 0 }
      : { nodes: (positions!.firms as Row[]).map((p) => ({ firm: p.firm as EntitySummary, roles: roles(p.roles, decode) })), total: positions!.total },
    flags: {
      nodes: (flags.flags as Row[]).map((f) => ({
        ...f,
        amount: money(f.amountWan, f.amountCurrency, f.amountText),
        provenance: decode(f.provenance),
        entryProvenance: decode(f.entryProvenance),
      })),
      total: flags.total,
    },
    holders: firm ? holdingsOf(holdings.holders, holdings.holderTotal, up, key, decode) : { nodes: [], total: 0, directTotal: 0, exhaustive: true, limitsHit: [] },
    holdings: holdingsOf(holdings.holdings, holdings.holdingTotal, down, key, decode),
    headOffice: links?.headOffice ? withFirm(links.headOffice) : null,
    branches: { nodes: ((links?.branches ?? []) as Row[]).map(withFirm), total: links?.branchTotal ?? 0 },
    venueMemberships: ((links?.memberships ?? []) as Row[]).map(withFirm),
    venueMembers: { nodes: ((links?.members ?? []) as Row[]).map(withFirm), total: links?.memberTotal ?? 0 },
    contacts: contacts.map((c) => ({
      ...c,
      links: (c.links as Row[]).map((l) => ({ ...l, provenance: decode(l.provenance) })),
      provenance: (c.links as Row[]).flatMap((l) => decode(l.provenance)),
    })),
    changes: { nodes: (history.changes as Row[]).map((c) => ({ ...c, provenance: decode(c.provenance) })), total: history.changeTotal },
    priorValues: {
      nodes: (history.priorValues as Row[]).map((v) => ({
        property: v.property,
        value: valueText(v.value),
        replacedAt: v.replacedAt,
        // The earlier value's sources: for a firm's registration facts, the rows that state them.
        provenance: firm ? registrationSources(decode(v.assertedBy)) : decode(v.assertedBy),
        replacedBy: decode(v.replacedBy ? [v.replacedBy] : [])[0] ?? null,
      })),
      total: history.priorValueTotal,
    },
    aliases: subject.aliases,
    samePersonCandidates: {
      nodes: samePersonRows.map(({ total: _, firms, reasons, ...link }) => ({ ...link, otherFirms: (firms as Row[]).filter((f) => f.key !== null), reasons: reasons ?? [] })),
      total: samePersonRows[0]?.total ?? 0,
    },
  };
}
