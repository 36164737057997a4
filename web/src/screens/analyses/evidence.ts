// A finding's evidence (analyses/envelope.ts: {chains: [{kind, path, edges, product}], chainsComplete,
// subgraph?}) read defensively from the API's JSON, and drawn as one network: every finding's
// chains together, the open finding's entities and relationships marked so the canvas fades the rest.

import type { Chain, EntityRef, EvidenceEdge } from '../../api/evidence.ts';
import { MAJORITY, type CanvasData, type CanvasEdge, type CanvasNode, type CanvasRelation } from '../../graph/style.ts';
import type { NodeKind, RelationType } from '../../graph/graphState.ts';
import { formatPercent } from '../../format.ts';

export interface Evidence {
  chains: Chain[];
  chainsComplete: boolean;
  subgraph?: { nodes: EntityRef[]; edges: (EvidenceEdge & { source: string; target: string })[] };
}

/** What the network needs of a finding. */
export interface FindingLike {
  subject: EntityRef;
  evidence: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => v != null && typeof v === 'object' && !Array.isArray(v);
const isRef = (v: unknown): v is EntityRef => isObject(v) && typeof v.key === 'string' && typeof v.kind === 'string';

export function readEvidence(value: unknown): Evidence {
  if (!isObject(value)) return { chains: [], chainsComplete: true };
  const chains = Array.isArray(value.chains)
    ? value.chains.filter(isObject).map(
        (c): Chain => ({
          kind: String(c.kind ?? ''),
          path: Array.isArray(c.path) ? c.path.filter(isRef).map((r) => ({ kind: r.kind, key: r.key, name: String(r.name ?? r.key) })) : [],
          edges: Array.isArray(c.edges) ? (c.edges.filter(isObject) as unknown as EvidenceEdge[]) : [],
          product: typeof c.product === 'number' ? c.product : null,
        }),
      )
    : [];
  const sub = isObject(value.subgraph) ? value.subgraph : null;
  return {
    chains,
    chainsComplete: value.chainsComplete !== false,
    ...(sub && Array.isArray(sub.nodes) && Array.isArray(sub.edges)
      ? {
          subgraph: {
            nodes: sub.nodes.filter(isRef),
            edges: (sub.edges.filter(isObject) as unknown as (EvidenceEdge & { source: string; target: string })[]).filter(
              (e) => typeof e.source === 'string' && typeof e.target === 'string',
            ),
          },
        }
      : {}),
  };
}

/** A relationship of a chain as drawn: from its holder/officer/member to the firm, the way it points in the graph. */
export interface DrawnLink {
  source: string;
  target: string;
  edge: EvidenceEdge;
}

/** The links of one chain: edges[i] joins path[i] and path[i+1], reversed when the route walks it backwards. */
export function chainLinks(chain: Chain): DrawnLink[] {
  const links: DrawnLink[] = [];
  chain.edges.forEach((edge, i) => {
    const a = chain.path[i];
    const b = chain.path[i + 1];
    if (!a || !b) return;
    const reversed = edge.details?.reversed === true;
    links.push(reversed ? { source: b.key, target: a.key, edge } : { source: a.key, target: b.key, edge });
  });
  return links;
}

function findingLinks(evidence: Evidence): { nodes: EntityRef[]; links: DrawnLink[] } {
  const nodes: EntityRef[] = [];
  const links: DrawnLink[] = [];
  for (const chain of evidence.chains) {
    nodes.push(...chain.path);
    links.push(...chainLinks(chain));
  }
  if (evidence.subgraph) {
    nodes.push(...evidence.subgraph.nodes);
    for (const edge of evidence.subgraph.edges) links.push({ source: edge.source, target: edge.target, edge });
  }
  return { nodes, links };
}

/** How a relationship is labelled on the canvas: a holding by its ratio, an office by its title, else the type's name. */
export function linkLabel(edge: EvidenceEdge, typeName: (type: string) => string): string {
  if (edge.type === 'HOLDS_SHARES') {
    const ratio = edge.adjustedRatio ?? edge.ratio;
    return ratio == null ? typeName(edge.type) : formatPercent(ratio);
  }
  if (edge.type === 'OFFICER_OF' && edge.role) return edge.role;
  return typeName(edge.type);
}

const WEIGHT: Record<string, number> = { CONTROLS: 0, HOLDS_SHARES: 1, LEGAL_REPRESENTATIVE_OF: 2, OFFICER_OF: 3 };
const weight = (type: string) => WEIGHT[type] ?? 9;

/** The evidence of these findings as one drawing; `open` (a finding's index) is marked as the path, the rest faded. */
export function evidenceNetwork(findings: readonly FindingLike[], open: number | null, typeName: (type: string) => string): CanvasData {
  const nodes = new Map<string, CanvasNode>();
  const pairs = new Map<string, CanvasEdge>();
  const flagged = new Set<string>();
  const marked = new Set<string>();
  const markedPairs = new Set<string>();

  const addNode = (ref: EntityRef) => {
    if (nodes.has(ref.key)) return;
    nodes.set(ref.key, {
      id: ref.key,
      // The canvas styles the kinds it knows; the others (approvals, change records …) are drawn plain.
      kind: ref.kind as NodeKind,
      label: ref.name || ref.key,
      name: ref.name || ref.key,
      status: '',
      inactive: false,
      flagged: false,
      center: false,
      expanded: false,
      supernode: false,
      pinned: false,
      path: false,
    });
  };

  findings.forEach((finding, index) => {
    const { nodes: refs, links } = findingLinks(readEvidence(finding.evidence));
    addNode(finding.subject);
    for (const ref of refs) addNode(ref);
    if (index === open) {
      marked.add(finding.subject.key);
      for (const ref of refs) marked.add(ref.key);
    }
    for (const link of links) {
      if (link.source === link.target || !nodes.has(link.source) || !nodes.has(link.target)) continue;
      if (link.edge.type === 'FLAGGED') flagged.add(link.source);
      const pair = `${link.source}->${link.target}`;
      if (index === open) markedPairs.add(pair);
      const relation: CanvasRelation = {
        id: `${link.source}|${link.edge.type}|${link.edge.role ?? ''}|${link.target}`,
        type: link.edge.type as RelationType,
        label: linkLabel(link.edge, typeName),
      };
      const ratio = link.edge.adjustedRatio ?? link.edge.ratio;
      const major = link.edge.type === 'HOLDS_SHARES' && ratio != null && ratio >= MAJORITY;
      const existing = pairs.get(pair);
      if (!existing) {
        pairs.set(pair, { id: pair, source: link.source, target: link.target, type: relation.type, label: relation.label, major, path: false, relations: [relation] });
      } else if (!existing.relations.some((r) => r.id === relation.id)) {
        existing.relations.push(relation);
        existing.relations.sort((a, b) => weight(a.type) - weight(b.type));
        existing.type = existing.relations[0]!.type;
        existing.label = existing.relations.map((r) => r.label).join('\n');
        existing.major = existing.major || major;
      }
    }
  });

  const openSubject = open != null ? findings[open]?.subject.key : undefined;
  return {
    nodes: [...nodes.values()].map((n) => ({ ...n, flagged: flagged.has(n.id), path: marked.has(n.id), center: n.id === openSubject })),
    edges: [...pairs.values()].map((e) => ({ ...e, path: markedPairs.has(e.id) })),
    paths: open != null && marked.size > 0,
  };
}
