import { firmEnd } from '../model/firmStatus.ts';

/**
 * What sets a cluster of shell firms apart from firms that merely share a registration agent's
 * address or an accountant's phone (docs/analyses/shell-clusters.md): shells are set up together,
 * by the same few people, as investment-type firms, and many lose their licence. Each facet is a
 * share of the cluster's firms between 0 and 1; the score weighs them. Pure, no I/O.
 */

export interface ClusterFirm {
  key: string;
  name: string;
  status: string | null;
  establishedOn: string | null;
  industry: string | null;
  businessScope: string | null;
}

/** A person's link to a firm of the cluster: legal representative, holder or officer. */
export interface ClusterLink {
  person: string;
  firm: string;
}

export interface Window {
  firms: number;
  from: string | null;
  to: string | null;
}

export interface Facets {
  window: Window;
  /** Firms inside the densest window over the firms the cluster is drawn from. */
  windowShare: number;
  /** Persons linked to two or more of the cluster's firms, in order of how many. */
  sharedPeople: string[];
  /** Firms with at least one of the shared persons. */
  sharedPeopleShare: number;
  investmentShare: number;
  revokedShare: number;
  score: number;
}

/**
 * The weights: timing and people are what a registration agent's or an accountant's unrelated
 * clients do not share, so they carry most of the score; trade names and revocations are common
 * among ordinary small firms too, so they only break ties. They sum to 1.
 */
export const WEIGHTS = { window: 0.35, sharedPeople: 0.35, investment: 0.15, revoked: 0.15 } as const;

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** The most dates within `days` of one another (first to last at most `days` apart). */
export function densestWindow(dates: (string | null)[], days: number): Window {
  const sorted = dates.filter((d): d is string => typeof d === 'string').sort();
  let best: Window = { firms: 0, from: null, to: null };
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (dayNumber(sorted[end]!) - dayNumber(sorted[start]!) > days) start++;
    if (end - start + 1 > best.firms) best = { firms: end - start + 1, from: sorted[start]!, to: sorted[end]! };
  }
  return best;
}

/** The firms whose date falls inside the window (a window of none is empty). */
export function inWindow<T extends { establishedOn: string | null }>(items: T[], w: Window): T[] {
  if (w.from === null || w.to === null) return [];
  return items.filter((i) => i.establishedOn !== null && i.establishedOn >= w.from! && i.establishedOn <= w.to!);
}

export const isRevoked = (status: string | null) => firmEnd(status) === 'revoked';

export function isInvestmentType(firm: ClusterFirm, keywords: readonly string[]): boolean {
  const text = [firm.name, firm.industry ?? '', firm.businessScope ?? ''].join('\n');
  return keywords.some((k) => text.includes(k));
}

/**
 * The facets of a cluster. `window` is the densest window over the firms the cluster was drawn
 * from (`drawnFrom`: the firms at the contact point, or all firms of the person).
 */
export function clusterFacets(firms: ClusterFirm[], links: ClusterLink[], window: Window, drawnFrom: number, keywords: readonly string[]): Facets {
  const n = firms.length;
  const inCluster = new Set(firms.map((f) => f.key));
  const firmsOf = new Map<string, Set<string>>();
  for (const l of links) {
    if (!inCluster.has(l.firm)) continue;
    (firmsOf.get(l.person) ?? firmsOf.set(l.person, new Set()).get(l.person)!).add(l.firm);
  }
  const shared = [...firmsOf.entries()].filter(([, fs]) => fs.size > 1).sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1));
  const withShared = new Set(shared.flatMap(([, fs]) => [...fs]));
  const share = (k: number) => (n === 0 ? 0 : k / n);
  const facets = {
    window,
    windowShare: drawnFrom === 0 ? 0 : window.firms / drawnFrom,
    sharedPeople: shared.map(([p]) => p),
    sharedPeopleShare: share(withShared.size),
    investmentShare: share(firms.filter((f) => isInvestmentType(f, keywords)).length),
    revokedShare: share(firms.filter((f) => isRevoked(f.status)).length),
  };
  const score =
    WEIGHTS.window * facets.windowShare +
    WEIGHTS.sharedPeople * facets.sharedPeopleShare +
    WEIGHTS.investment * facets.investmentShare +
    WEIGHTS.revoked * facets.revokedShare;
  return { ...facets, score };
}
