import { z } from 'zod';
import type { GraphReader } from '../cypher/run.ts';
import { int } from '../cypher/values.ts';
import { clusterFacets, densestWindow, inWindow, type ClusterFirm, type ClusterLink } from './clusterFacets.ts';
import { edgeDates, envelopeOf, sortedLimits, toEntityRef, type Chain, type EntityRef, type Envelope, type EvidenceEdge, type Finding, type NodeRow } from './envelope.ts';
import { jurisdiction, stringList } from './params.ts';
import { regionPrefix } from './regionScope.ts';
import { officeTitle } from './rules.ts';

/**
 * 空壳公司集群 / shell clusters: groups of firms that share an address, a phone or an email, or
 * that the same people set up within a short window — scored so that shells (set up together by
 * the same few people, investment-type, often revoked) rank above the unrelated clients of a
 * registration agent or an accountant. docs/analyses/shell-clusters.md.
 */

export const clusterKinds = ['address', 'phone', 'email', 'people'] as const;
export type ClusterKind = (typeof clusterKinds)[number];

/**
 * DOMAIN.md §5.4, investment-type firms: the name words (投资管理, 投资咨询, 资产管理, 资本管理,
 * 金融服务) and scope words (项目投资, 股权投资, 投资顾问, 非融资性担保 …), with 财富管理, 理财 and
 * 基金 from the names regulators screen. A parameter, so users extend it.
 */
export const DEFAULT_INVESTMENT_KEYWORDS = [
  '投资管理', '投资咨询', '资产管理', '资本管理', '金融服务', '财富管理', '理财', '基金',
  '项目投资', '股权投资', '投资顾问', '非融资性担保',
];

export const shellClustersParams = z.object({
  /** Which groupings to look for: address, phone, email, people (comma-separated on the CLI). */
  kinds: stringList.pipe(z.array(z.enum(clusterKinds)).min(1)).default([...clusterKinds]),
  /** Fewest firms in a cluster. */
  minFirms: z.coerce.number().int().min(2).max(1000).default(5),
  /** Firms set up within this many days of one another count as set up together. */
  windowDays: z.coerce.number().int().min(1).max(3660).default(92),
  /** The hub cap: a contact point or person with more firms is reported as a hub, unscored. */
  maxClusterSize: z.coerce.number().int().min(2).max(10_000).default(100),
  investmentKeywords: stringList.default(DEFAULT_INVESTMENT_KEYWORDS),
  jurisdiction,
  /** Most findings listed, highest score first. */
  maxResults: z.coerce.number().int().min(1).max(10_000).default(500),
});
export type ShellClustersParams = z.output<typeof shellClustersParams>;

interface ContactRow {
  kind: Exclude<ClusterKind, 'people'>;
  contact: NodeRow;
  firms: number;
  local: number;
  links: { firm: string; type: string; validFrom: string | null; validTo: string | null }[];
}

interface PeopleRow {
  person: NodeRow & { key: string };
  firms: number;
  local: number;
  members: { firm: string; establishedOn: string | null }[];
}

interface PersonLink {
  person: NodeRow & { key: string; name: string };
  type: 'LEGAL_REPRESENTATIVE_OF' | 'HOLDS_SHARES' | 'OFFICER_OF';
  role: string | null;
  ratio: number | null;
  validFrom: string | null;
  validTo: string | null;
}

interface FirmRow {
  firm: NodeRow & ClusterFirm;
  people: PersonLink[];
}

/** A cluster before scoring: its subject, the firms it lists, and the firms it was drawn from. */
interface Draft {
  kind: ClusterKind;
  subject: EntityRef;
  contact: string | null;
  firms: string[];
  /** The firms the window share is taken over: all at the contact point, or all of the people. */
  drawnFrom: number;
  contactLinks: ContactRow['links'];
}

const DETAIL_BATCH = 5000;

async function firmDetails(graph: GraphReader, keys: string[]): Promise<Map<string, FirmRow>> {
  const out = new Map<string, FirmRow>();
  for (let i = 0; i < keys.length; i += DETAIL_BATCH) {
    for (const row of await graph.read<FirmRow>('analyses/shellClusterFirms', { keys: keys.slice(i, i + DETAIL_BATCH) })) out.set(row.firm.key, row);
  }
  return out;
}

/**
 * Persons whose windows mostly overlap are one group: in a shell cluster two or three people
 * each set up most of the firms, and one finding names them all. Anchors are taken largest
 * window first, so the group's subject is the person behind the most firms.
 */
function groupAnchors(anchors: { person: EntityRef; window: string[]; all: string[] }[]): { people: EntityRef[]; firms: Set<string>; all: Set<string> }[] {
  const groups: { people: EntityRef[]; firms: Set<string>; all: Set<string> }[] = [];
  const ordered = [...anchors].sort((a, b) => b.window.length - a.window.length || (a.person.key < b.person.key ? -1 : 1));
  for (const a of ordered) {
    const home = groups.find((g) => a.window.filter((f) => g.firms.has(f)).length * 2 >= a.window.length);
    if (home) {
      home.people.push(a.person);
      for (const f of a.window) home.firms.add(f);
      for (const f of a.all) home.all.add(f);
    } else {
      groups.push({ people: [a.person], firms: new Set(a.window), all: new Set(a.all) });
    }
  }
  return groups;
}

/** A shared person's holding (an ownership chain) or office (a role chain) at one firm of the cluster. */
function personChains(links: (PersonLink & { firmKey: string })[], firmRef: (k: string) => EntityRef): Chain[] {
  return links.map((l): Chain => {
    const path = [toEntityRef(l.person), firmRef(l.firmKey)];
    const dates = edgeDates(l.validFrom, l.validTo);
    if (l.type === 'HOLDS_SHARES') {
      return { kind: 'ownership', path, edges: [{ type: 'HOLDS_SHARES', ratio: l.ratio, ...dates }], product: l.ratio };
    }
    return { kind: 'role', path, edges: [{ type: l.type, role: officeTitle({ type: l.type, role: l.role ?? null }), ...dates }], product: null };
  });
}

export async function shellClusters(graph: GraphReader, params: ShellClustersParams): Promise<Envelope> {
  const ranAt = new Date().toISOString();
  const prefix = regionPrefix(params.jurisdiction);
  const caps = { minFirms: int(params.minFirms), maxClusterSize: int(params.maxClusterSize), prefix };
  const contactKinds = params.kinds.filter((k) => k !== 'people');
  const [contactRows, peopleRows] = await Promise.all([
    contactKinds.length > 0 ? graph.read<ContactRow>('analyses/shellContactClusters', { ...caps, kinds: contactKinds }) : Promise.resolve([]),
    params.kinds.includes('people') ? graph.read<PeopleRow>('analyses/shellPeopleClusters', caps) : Promise.resolve([]),
  ]);

  const hubs: { subject: EntityRef; kind: ClusterKind; contact: string | null; firms: number }[] = [];
  const drafts: Draft[] = [];
  for (const row of contactRows) {
    const subject = toEntityRef(row.contact);
    if (row.firms > params.maxClusterSize) {
      hubs.push({ subject, kind: row.kind, contact: subject.name, firms: row.firms });
      continue;
    }
    const firms = [...new Set(row.links.map((l) => l.firm))];
    drafts.push({ kind: row.kind, subject, contact: subject.name, firms, drawnFrom: firms.length, contactLinks: row.links });
  }

  const anchors: { person: EntityRef; window: string[]; all: string[] }[] = [];
  for (const row of peopleRows) {
    const person = toEntityRef(row.person);
    if (row.firms > params.maxClusterSize) {
      hubs.push({ subject: person, kind: 'people', contact: null, firms: row.firms });
      continue;
    }
    const dated = row.members.map((m) => ({ key: m.firm, establishedOn: m.establishedOn }));
    const window = densestWindow(dated.map((m) => m.establishedOn), params.windowDays);
    if (window.firms < params.minFirms) continue;
    anchors.push({ person, window: inWindow(dated, window).map((m) => m.key), all: dated.map((m) => m.key) });
  }

  const details = await firmDetails(graph, [...new Set([...drafts.flatMap((d) => d.firms), ...anchors.flatMap((a) => a.window)])].sort());
  const contactSets = drafts.map((d) => new Set(d.firms));
  for (const g of groupAnchors(anchors)) {
    // A group whose firms all share one contact point is already that contact's finding, which
    // names the same people; listing it twice would only push other clusters down.
    if (contactSets.some((s) => [...g.firms].every((f) => s.has(f)))) continue;
    const firms = [...g.firms].sort();
    drafts.push({ kind: 'people', subject: g.people[0]!, contact: null, firms, drawnFrom: g.all.size, contactLinks: [] });
  }

  const firmRef = (k: string): EntityRef => {
    const d = details.get(k);
    return d ? toEntityRef(d.firm) : { kind: 'COMPANY', key: k, name: k };
  };

  const findings: Finding[] = drafts.map((d) => {
    const firms = d.firms.map((k) => details.get(k)).filter((r): r is FirmRow => r !== undefined);
    const clusterFirms: ClusterFirm[] = firms.map((r) => ({
      key: r.firm.key,
      name: r.firm.name,
      status: r.firm.status ?? null,
      establishedOn: r.firm.establishedOn ?? null,
      industry: r.firm.industry ?? null,
      businessScope: r.firm.businessScope ?? null,
    }));
    const linksOf = firms.flatMap((r) => r.people.map((p) => ({ ...p, firmKey: r.firm.key })));
    const links: ClusterLink[] = linksOf.map((l) => ({ person: l.person.key, firm: l.firmKey }));
    const window = densestWindow(clusterFirms.map((f) => f.establishedOn), params.windowDays);
    const facets = clusterFacets(clusterFirms, links, window, d.drawnFrom, params.investmentKeywords);
    const sharedSet = new Set(facets.sharedPeople);
    const nameOf = new Map(linksOf.map((l) => [l.person.key, l.person.name]));
    const dates = clusterFirms.map((f) => f.establishedOn).filter((x): x is string => x !== null).sort();

    const contactChains: Chain[] = d.contactLinks.map((l) => {
      const edge: EvidenceEdge = { type: l.type as EvidenceEdge['type'], ...edgeDates(l.validFrom, l.validTo) };
      return { kind: 'contact', path: [firmRef(l.firm), d.subject], edges: [edge], product: null };
    });
    return {
      subject: d.subject,
      score: facets.score,
      facts: {
        clusterKind: d.kind,
        contact: d.contact,
        hub: false,
        firmCount: clusterFirms.length,
        drawnFrom: d.drawnFrom,
        windowFirms: window.firms,
        windowFrom: window.from,
        windowTo: window.to,
        windowShare: facets.windowShare,
        sharedPeople: facets.sharedPeople.map((k) => nameOf.get(k) ?? k),
        sharedPeopleKeys: facets.sharedPeople,
        sharedPeopleShare: facets.sharedPeopleShare,
        investmentShare: facets.investmentShare,
        revokedShare: facets.revokedShare,
        establishedFrom: dates[0] ?? null,
        establishedTo: dates[dates.length - 1] ?? null,
        firms: clusterFirms.map((f) => f.name),
        firmKeys: clusterFirms.map((f) => f.key),
        note: null,
      },
      evidence: { chains: [...contactChains, ...personChains(linksOf.filter((l) => sharedSet.has(l.person.key)), firmRef)], chainsComplete: true },
      exhaustive: true,
      limitsHit: [],
    };
  });

  for (const h of hubs) {
    const limit = `fanOut:${h.subject.key}`;
    findings.push({
      subject: h.subject,
      score: 0,
      facts: {
        clusterKind: h.kind,
        contact: h.contact,
        hub: true,
        firmCount: h.firms,
        drawnFrom: h.firms,
        windowFirms: null,
        windowFrom: null,
        windowTo: null,
        windowShare: null,
        sharedPeople: [],
        sharedPeopleKeys: [],
        sharedPeopleShare: null,
        investmentShare: null,
        revokedShare: null,
        establishedFrom: null,
        establishedTo: null,
        firms: [],
        firmKeys: [],
        note: `共 ${h.firms} 家企业，超过上限 ${params.maxClusterSize}，未评分（常见于注册代理地址）；可提高 maxClusterSize 或展开查看 / ${h.firms} firms, above the cap of ${params.maxClusterSize}: not scored (typical of a registration agent's address); raise maxClusterSize or expand it to look inside`,
      },
      evidence: { chains: [], chainsComplete: false },
      exhaustive: false,
      limitsHit: [limit],
    });
  }

  findings.sort(
    (a, b) =>
      (b.score ?? 0) - (a.score ?? 0) ||
      (b.facts.firmCount as number) - (a.facts.firmCount as number) ||
      String(a.facts.clusterKind).localeCompare(String(b.facts.clusterKind)) ||
      a.subject.key.localeCompare(b.subject.key),
  );
  const listed = findings.slice(0, params.maxResults);
  const limitsHit = sortedLimits([...hubs.map((h) => `fanOut:${h.subject.key}`), ...(findings.length > listed.length ? ['results'] : [])]);
  return envelopeOf('shell-clusters', { ...params }, ranAt, null, limitsHit, listed);
}
