import { z } from 'zod';
import type { GraphReader } from '../cypher/run.ts';
import { dateParam } from '../cypher/values.ts';
import { hasEnded } from '../model/firmStatus.ts';
import { beneficialOwners } from './beneficialOwners.ts';
import { controlledFirms } from './controlledFirms.ts';
import { AnalysisError, type EntityKind } from './envelope.ts';
import { ownershipFrom, ownershipInto, stronglyConnected } from './integratedOwnership.ts';
import { downstream, upstream, type GraphEdge, type GraphNode } from './ownershipGraph.ts';
import { OwnershipView } from './ownershipView.ts';
import { entityText, isoDate, limitParams, rules, threshold } from './params.ts';
import type { RuleSetName } from './rules.ts';

/**
 * 股权穿透图 / penetration chart of one firm: the tree of its holders (up) or of its investments
 * (down), level by level, as a chart draws it. The figures are not computed here a second way: the
 * effective % of every node is the integrated ownership solved over the whole structure walked
 * (integratedOwnership.ts, as `beneficial-owners` and `controlled-firms` solve it), and the
 * beneficial-owner and controller marks are those analyses' own findings. This file only decides what a chart shows: which
 * holders, to what depth, and what it leaves out (counted, never dropped silently).
 */

export const penetrationParams = z.object({
  firm: entityText,
  /** up: the holders of the firm and theirs; down: the firms it holds or controls and theirs. */
  direction: z.enum(['up', 'down']).default('up'),
  /** Levels of holders above the firm drawn (the firm is level 0). */
  levels: z.coerce.number().int().min(1).max(10).default(4),
  /** Holders drawn under one node, largest holdings first; the rest are counted in cutHolders. */
  maxChildren: z.coerce.number().int().min(1).max(200).default(20),
  rules,
  threshold,
  asOf: isoDate.optional(),
  /**
   * Firms whose registration has ended (吊销, 注销) are neither drawn nor expanded; each is counted
   * where it would have been drawn (cutHolders, cutByLevel, inactiveCut). The effective % stays the
   * integrated ownership over the whole structure: an ended firm's shares still count in law, and
   * the figures stay those of beneficial-owners.
   */
  activeOnly: z.boolean().default(false),
});
export type PenetrationParams = z.output<typeof penetrationParams>;

export function parsePenetrationParams(input: unknown): PenetrationParams {
  const parsed = penetrationParams.safeParse(input);
  if (!parsed.success) {
    throw new AnalysisError('BAD_PARAMS', parsed.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

export interface PenetrationNode {
  kind: EntityKind;
  key: string;
  name: string;
  /** A firm's USCC or registration number; a person's masked ID number (never the full one). */
  identifier: string | null;
  status: string | null;
  level: number;
  /** Integrated ownership of the root firm (the root itself: 1). */
  effectiveRatio: number;
  beneficialOwner: boolean;
  controller: boolean;
  /** threshold / control / senior-manager, as `beneficial-owners` found them under `ruleSet`. */
  rulesMet: string[];
  ruleSet: RuleSetName | null;
  /** Holders (down: holdings) of this node not drawn: beyond maxChildren, or beyond the last level. */
  cutHolders: number;
  /** False when the database has holders (down: holdings) of this node the walk did not fetch (a hub cap). */
  holdersComplete: boolean;
}

export interface PenetrationEdge {
  /** The firm held: nearer the root going up, farther going down. */
  child: string;
  holder: string;
  type: GraphEdge['type'];
  /** The registered direct holding (0.3 is 30%); null for control without shares, or unknown. */
  ratio: number | null;
  basis: string | null;
  /** The holder is already drawn and holds, directly or through others, what it is drawn above: not expanded again. */
  cycle: boolean;
}

export interface PenetrationTree {
  root: string;
  direction: 'up' | 'down';
  ruleSet: RuleSetName;
  threshold: number;
  levels: number;
  nodes: PenetrationNode[];
  edges: PenetrationEdge[];
  /** Holders left out, by the level they would have been drawn at. */
  cutByLevel: { level: number; holders: number }[];
  /** With activeOnly: the firms whose registration has ended that were left out (each counted once). */
  inactiveCut: number;
  /** Caps of the underlying walk that were reached (as in the analyses' limitsHit). */
  limitsHit: string[];
}

function identifierOf(n: GraphNode): string | null {
  if (n.kind === 'PERSON') return n.idMasked;
  return n.key.startsWith('U-') ? null : n.key;
}

export async function penetrationTree(graph: GraphReader, params: PenetrationParams): Promise<PenetrationTree> {
  // One more step than drawn, so that the last level's holders are known and can be counted;
  // at least the analysis's default depth, so the effective % is the one `beneficial-owners` gives.
  const limits = { ...z.object(limitParams).parse({}), maxDepth: Math.max(params.levels + 1, 10) };
  const up = params.direction === 'up';
  const analysisParams = { firm: params.firm, rules: params.rules, threshold: params.threshold, asOf: params.asOf, ...limits };
  // The analysis resolves the firm (a name, a former key) and refuses what names none.
  const marked = up ? await beneficialOwners(graph, analysisParams) : await controlledFirms(graph, analysisParams);
  const subject = marked.about!;
  const root: GraphNode = { kind: 'COMPANY', key: subject.key, name: subject.name, idMasked: null, status: null };
  const g = await (up ? upstream : downstream)(graph, root, dateParam(params.asOf), limits);
  const view = new OwnershipView(g);
  const solution = (up ? ownershipInto : ownershipFrom)(root.key, view.weighted);
  const marks = new Map(marked.findings.map((f) => [f.subject.key, f.facts]));

  // The entity a branch leads to: the holder going up, the firm held going down.
  const far = (e: GraphEdge) => (up ? e.holder : e.firm);
  const branchesOf = new Map<string, GraphEdge[]>();
  for (const e of g.edges) {
    const near = up ? e.firm : e.holder;
    branchesOf.set(near, [...(branchesOf.get(near) ?? []), e]);
  }
  const sccOf = new Map<string, number>();
  stronglyConnected(g.nodes.keys(), (k) => (branchesOf.get(k) ?? []).map(far)).forEach((c, i) => c.forEach((k) => sccOf.set(k, i)));

  const nodes = new Map<string, PenetrationNode>();
  const edges: PenetrationEdge[] = [];
  const cutByLevel = new Map<number, number>();
  const cut = (level: number, n: number) => n > 0 && cutByLevel.set(level, (cutByLevel.get(level) ?? 0) + n);
  const inactiveLeftOut = new Set<string>();
  // The charted firm is drawn whatever its status: it is what the reader asked about.
  const leftOut = (e: GraphEdge) => params.activeOnly && far(e) !== root.key && g.nodes.get(far(e))!.kind === 'COMPANY' && hasEnded(g.nodes.get(far(e))!.status);
  const draw = (n: GraphNode, level: number): PenetrationNode => {
    const facts = marks.get(n.key);
    const rulesMet = (facts?.rulesMet as string[] | undefined) ?? [];
    const node: PenetrationNode = {
      kind: n.kind,
      key: n.key,
      name: n.name,
      identifier: identifierOf(n),
      status: n.status,
      level,
      effectiveRatio: level === 0 ? 1 : (solution.values.get(n.key) ?? 0),
      // Beneficial ownership is of the charted firm: only its holders can have it.
      beneficialOwner: facts?.beneficialOwner === true,
      controller: facts?.control === true,
      rulesMet,
      ruleSet: rulesMet.length > 0 ? params.rules : null,
      cutHolders: 0,
      holdersComplete: (up && n.kind === 'PERSON') || g.complete.has(n.key),
    };
    nodes.set(n.key, node);
    return node;
  };

  let frontier = [draw(root, 0)];
  for (let level = 1; frontier.length > 0; level++) {
    const next: PenetrationNode[] = [];
    for (const child of frontier) {
      const all = branchesOf.get(child.key) ?? [];
      const ended = all.filter(leftOut);
      const holders = all.filter((e) => !leftOut(e)).sort(
        (a, b) => (b.ratio ?? -1) - (a.ratio ?? -1) || a.type.localeCompare(b.type) || far(a).localeCompare(far(b)),
      );
      if (level > params.levels) {
        child.cutHolders = all.length;
        cut(level, all.length);
        continue;
      }
      for (const e of ended) inactiveLeftOut.add(far(e));
      const shown = holders.slice(0, params.maxChildren);
      child.cutHolders = all.length - shown.length;
      cut(level, child.cutHolders);
      for (const e of shown) {
        const drawn = nodes.get(far(e));
        const cycle = drawn !== undefined && (far(e) === child.key || sccOf.get(far(e)) === sccOf.get(child.key));
        edges.push({ child: e.firm, holder: e.holder, type: e.type, ratio: e.ratio, basis: e.basis, cycle });
        // An entity met again is drawn once: a second way to it is an edge to the node already there.
        if (!drawn) next.push(draw(g.nodes.get(far(e))!, level));
      }
    }
    frontier = next;
  }

  const limitsHit = [...new Set([...g.limitsHit].map((l) => (l.startsWith('fanOut:') ? 'fanOut' : l)))].sort();
  if (!solution.converged) limitsHit.push('convergence');
  return {
    root: root.key,
    direction: params.direction,
    ruleSet: params.rules,
    threshold: params.threshold,
    levels: params.levels,
    nodes: [...nodes.values()],
    edges,
    cutByLevel: [...cutByLevel].sort(([a], [b]) => a - b).map(([level, holders]) => ({ level, holders })),
    inactiveCut: inactiveLeftOut.size,
    limitsHit,
  };
}
