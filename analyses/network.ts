import { z } from 'zod';
import type { GraphReader } from '../cypher/run.ts';
import { int } from '../cypher/values.ts';
import { endedStatusMarkers } from '../model/firmStatus.ts';
import { relationshipTypes, type RelationshipTypeSpec } from '../model/graph.ts';
import { edgeDates, toEntityRef, type EntityKind, type EntityRef, type EvidenceEdge, type NodeRow } from './envelope.ts';
import { LEGAL_REPRESENTATIVE } from './rules.ts';

/**
 * One hop of the network around a set of entities, the step every network walk is made of (the
 * neighbourhood, paths between two entities, the network joining a case's firms, the list
 * cross-reference's walk to the nearest flagged firm). Relationship types are chosen by group, as
 * an investigator names them (holdings, roles, shared addresses …); the groups map to the model's
 * types here and nowhere else.
 */

export const relationshipGroups = {
  holdings: ['HOLDS_SHARES'],
  roles: ['LEGAL_REPRESENTATIVE_OF', 'OFFICER_OF'],
  control: ['CONTROLS'],
  family: ['RELATED_TO'],
  branches: ['BRANCH_OF'],
  memberships: ['MEMBER_OF'],
  addresses: ['REGISTERED_AT', 'OPERATES_AT'],
  phones: ['HAS_PHONE'],
  emails: ['HAS_EMAIL'],
  websites: ['HAS_WEBSITE'],
  lists: ['FLAGGED'],
} as const;

export type RelationshipGroup = keyof typeof relationshipGroups;
export type NetworkType = (typeof relationshipGroups)[RelationshipGroup][number];
export const relationshipGroupNames = Object.keys(relationshipGroups) as RelationshipGroup[];

/**
 * `types` as a parameter: group names, comma-separated on the command line, a list in the API.
 * Two firms on one list share its ListEntry (one case number), so `lists` joins every firm of a
 * case: it is in a neighbourhood by default, but not in paths, where it would drown the links.
 */
export function typesParam(defaults: readonly RelationshipGroup[]) {
  return z
    .preprocess(
      (v) => (typeof v === 'string' ? v.split(/[,，;；\s]+/).map((s) => s.trim()).filter(Boolean) : v),
      z.array(z.enum(relationshipGroupNames as [RelationshipGroup, ...RelationshipGroup[]])).min(1),
    )
    .default([...defaults])
    .transform((groups) => [...new Set(groups)].sort());
}

export const allGroups: readonly RelationshipGroup[] = relationshipGroupNames;
export const linkGroups: readonly RelationshipGroup[] = relationshipGroupNames.filter((g) => g !== 'lists');

export function typesOf(groups: readonly RelationshipGroup[]): NetworkType[] {
  return groups.flatMap((g) => relationshipGroups[g]);
}

/** Node ids of a walk: keys are unique per label only, so the kind is part of the id. */
export const nodeId = (ref: { kind: EntityKind; key: string }) => `${ref.kind}:${ref.key}`;

export interface NetworkNode {
  id: string;
  ref: EntityRef;
  status: string | null;
}

/** The relationship's own figures, as the query returns them (absent ones null). */
export interface LinkProps {
  ratio: number | null;
  role: string | null;
  basis: string | null;
  basisText: string | null;
  memberType: string | null;
  memberTypeText: string | null;
  memberNo: string | null;
  status: string | null;
  caseNo: string | null;
  filedOn: string | null;
  amountWan: number | null;
  amountCurrency: string | null;
  victims: number | null;
  source: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * A relationship's id in a walk: its type and ends and, for a type of which one pair may have
 * several (one person both 执行董事 and 总经理 of a firm, two control bases), the properties
 * the model tells them apart by, so that no role folds into another.
 */
export function linkId(type: NetworkType, source: string, target: string, props: LinkProps): string {
  const by = (relationshipTypes[type] as RelationshipTypeSpec).distinguishedBy ?? [];
  const own = by.map((p) => props[p as keyof LinkProps]).filter((v) => v !== null && v !== undefined);
  return `${type}:${source}->${target}${own.length > 0 ? `#${own.join('#')}` : ''}`;
}

/** A relationship between two node ids, pointing the way it points in the graph. */
export interface Link {
  id: string;
  type: NetworkType;
  source: string;
  target: string;
  props: LinkProps;
}

export interface Expansion {
  node: NetworkNode;
  /** Relationships of the types asked for, by type, before any cap. */
  degrees: Partial<Record<NetworkType, number>>;
  degree: number;
  /**
   * At most fanOut of them, the most telling first; `degree > links.length` means the cap cut.
   * `otherFlaggedAs`: the list types of `flaggedBy` the entity at the other end (a firm) is flagged with.
   */
  links: { link: Link; other: NetworkNode; otherDegree: number | null; otherFlaggedAs: string[] }[];
}

interface Row {
  kind: EntityKind;
  key: string;
  self: NodeRow & { status?: string | null };
  degrees: { type: NetworkType; count: number }[];
  edges: { type: NetworkType; outgoing: boolean; props: LinkProps; other: NodeRow & { status?: string | null }; otherDegree: number | null; flaggedAs: string[] }[];
}

function networkNode(row: NodeRow & { status?: string | null }): NetworkNode {
  const ref = toEntityRef(row);
  return { id: nodeId(ref), ref, status: row.status ?? null };
}

export interface ExpandOptions {
  types: readonly NetworkType[];
  fanOut: number;
  /** A neo4j date (cypher/values.ts dateParam) or null for the current relationships. */
  asOf: unknown;
  /** Every relationship, ended ones included, whatever asOf says (a former holder is still a connection). */
  includeEnded?: boolean;
  /** ListEntry.listType values that count as flagged: flagged firms come first within fanOut, with their list types. */
  flaggedBy?: readonly string[];
  /** Each other end's number of relationships of these types, for walks that refuse to pass hubs; else null. */
  otherDegrees?: boolean;
  /** Firms whose registration has ended are not followed, save those keyed in `keep` (the parties of a search). */
  activeOnly?: boolean;
  keep?: readonly string[];
}

/** One hop from every entity of the frontier; entities that do not exist are left out. */
export async function expand(graph: GraphReader, frontier: readonly EntityRef[], options: ExpandOptions): Promise<Expansion[]> {
  if (frontier.length === 0) return [];
  const rows = await graph.read<Row>('analyses/networkExpand', {
    frontier: frontier.map((r) => ({ kind: r.kind, key: r.key })),
    types: [...options.types],
    fanOut: int(options.fanOut),
    asOf: options.asOf ?? null,
    includeEnded: options.includeEnded ?? false,
    flaggedBy: [...(options.flaggedBy ?? [])],
    otherDegrees: options.otherDegrees ?? false,
    activeOnly: options.activeOnly ?? false,
    endedMarkers: [...endedStatusMarkers],
    keep: [...(options.keep ?? [])],
  });
  return rows.map((row) => {
    const node = networkNode(row.self);
    const degrees: Partial<Record<NetworkType, number>> = {};
    for (const d of row.degrees) degrees[d.type] = d.count;
    const links = row.edges.map((e) => {
      const other = networkNode(e.other);
      const [source, target] = e.outgoing ? [node.id, other.id] : [other.id, node.id];
      // A firm on two entries of one list type has that type twice.
      const otherFlaggedAs = [...new Set(e.flaggedAs)].sort();
      return { link: { id: linkId(e.type, source, target, e.props), type: e.type, source, target, props: e.props }, other, otherDegree: e.otherDegree, otherFlaggedAs };
    });
    return { node, degrees, degree: row.degrees.reduce((s, d) => s + d.count, 0), links };
  });
}

/** Strongest first: which relationship a step between two entities is shown by when there are several. */
export const typePriority: readonly NetworkType[] = [
  'CONTROLS',
  'HOLDS_SHARES',
  'LEGAL_REPRESENTATIVE_OF',
  'OFFICER_OF',
  'RELATED_TO',
  'FLAGGED',
  'BRANCH_OF',
  'MEMBER_OF',
  'REGISTERED_AT',
  'OPERATES_AT',
  'HAS_PHONE',
  'HAS_EMAIL',
  'HAS_WEBSITE',
];

export function compareLinks(a: Link, b: Link): number {
  return typePriority.indexOf(a.type) - typePriority.indexOf(b.type) || (b.props.ratio ?? 0) - (a.props.ratio ?? 0) || a.id.localeCompare(b.id);
}

/**
 * A relationship in the envelope's evidence shape, its own figures in `details`. Walked in a
 * chain from `from`: a relationship pointing back (a holder reached from the firm, a firm reached
 * from its address) keeps its direction and says so with `details.reversed`, as the list
 * cross-reference's routes do.
 */
export function evidenceEdge(link: Link, from?: string): EvidenceEdge {
  const p = link.props;
  const details: Record<string, string | number | boolean> = {};
  for (const k of ['memberType', 'memberTypeText', 'memberNo', 'status', 'caseNo', 'filedOn', 'amountWan', 'amountCurrency', 'victims', 'source'] as const) {
    const v = p[k];
    if (typeof v === 'string' || typeof v === 'number') details[k] = v;
  }
  if (from !== undefined && link.source !== from) details.reversed = true;
  const role = link.type === 'LEGAL_REPRESENTATIVE_OF' ? LEGAL_REPRESENTATIVE : (p.role ?? undefined);
  return {
    type: link.type,
    ...(link.type === 'HOLDS_SHARES' || p.ratio !== null ? { ratio: p.ratio } : {}),
    ...(role ? { role } : {}),
    ...(p.basis ? { basis: p.basis } : {}),
    ...(p.basisText ? { basisText: p.basisText } : {}),
    ...edgeDates(p.validFrom, p.validTo),
    ...(Object.keys(details).length > 0 ? { details } : {}),
  };
}

/** Relationships counted by type, as a reader wants them: '持股 HOLDS_SHARES 120'. */
export function countsText(counts: Partial<Record<NetworkType, number>>): string[] {
  return typePriority.filter((t) => (counts[t] ?? 0) > 0).map((t) => `${relationshipTypes[t].caption.zh} ${t} ${counts[t]}`);
}
