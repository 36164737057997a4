import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { createApi } from '../../server/yoga.ts';
import { freshGraph } from '../support/graph.ts';
import { signedInClient, testServerParts, type ApiClient } from '../support/server.ts';

/**
 * The network view through the API (neighborhood, expandNode) on tests/fixtures/network/supernode.cypher:
 * 测试网络中心 (C) with holders, a revoked holder, a small holder and an officer; the firm it holds,
 * 测试网络枢纽 (H), with 81 holders; the address C shares with 60 firms.
 */

const C = 'U-NETCENTER';
const H = 'U-NETHUB';
const REVOKED = 'U-NETREVOKED';
const SMALL_HOLDER = 'P-NETC';
const ADDRESS = 'ADDRESS:南京市玄武区测试网络路1号';

const NETWORK = `query($key: ID!, $depth: Int, $limit: Int, $relationshipTypes: [RelationshipType!], $kinds: [NetworkNodeKind!], $activeOnly: Boolean, $minRatio: Float, $supernodeThreshold: Int, $budget: Int) {
  neighborhood(key: $key, depth: $depth, limit: $limit, relationshipTypes: $relationshipTypes, kinds: $kinds, activeOnly: $activeOnly, minRatio: $minRatio, supernodeThreshold: $supernodeThreshold, budget: $budget) {
    nodes { id key kind label center degree supernode hiddenNeighbours { type kind count } }
    edges { id type source target ratio role }
    exhaustive limitsHit cut { nodes edges unexpanded }
  }
}`;

const EXPAND = `query($key: ID!, $first: Int, $after: String, $relationshipTypes: [RelationshipType!], $kinds: [NetworkNodeKind!]) {
  expandNode(key: $key, first: $first, after: $after, relationshipTypes: $relationshipTypes, kinds: $kinds) {
    node { id degree supernode hiddenNeighbours { type kind count } }
    nodes { node { id kind supernode degree } edge { id type source target ratio } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

interface Node {
  id: string;
  key: string;
  kind: string;
  center: boolean;
  degree: number;
  supernode: boolean;
  hiddenNeighbours: { type: string; kind: string; count: number }[];
}
interface Edge {
  id: string;
  type: string;
  source: string;
  target: string;
  ratio: number | null;
}
interface Network {
  nodes: Node[];
  edges: Edge[];
  exhaustive: boolean;
  limitsHit: string[];
  cut: { nodes: number; edges: number; unexpanded: number };
}
interface NeighbourPage {
  node: Node;
  nodes: { node: Node; edge: Edge }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

let graph: Graph;
let investigator: ApiClient;

beforeAll(async () => {
  graph = await freshGraph();
  const fixture = fs.readFileSync(path.resolve('tests/fixtures/network/supernode.cypher'), 'utf8');
  for (const statement of fixture.split(/;\s*\n/)) await graph.driver.executeQuery(statement);
  const parts = testServerParts(graph);
  const api = createApi(parts);
  investigator = await signedInClient((url, init) => api.fetch(url, init), parts.accounts, 'investigator');
});
afterAll(async () => {
  await graph.close();
});

async function network(variables: Record<string, unknown>): Promise<Network> {
  const result = await investigator.gql(NETWORK, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.neighborhood as Network;
}
async function page(variables: Record<string, unknown>): Promise<NeighbourPage> {
  const result = await investigator.gql(EXPAND, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.expandNode as NeighbourPage;
}
const nodeOf = (n: Network, id: string) => n.nodes.find((x) => x.id === id);

describe('network view: supernodes, filters and budget', () => {
  it('draws an entity with more relationships than the threshold as a supernode with its hidden neighbours counted, not expanded', async () => {
    const n = await network({ key: C, depth: 2 });
    expect(nodeOf(n, H)).toMatchObject({ supernode: true, degree: 81, hiddenNeighbours: [{ type: 'HOLDS_SHARES', kind: 'PERSON', count: 80 }] });
    // None of H's 80 other holders is drawn: only C's own neighbours are there.
    expect(n.nodes.map((x) => x.id).sort()).toEqual([C, H, REVOKED, 'P-NETA', 'P-NETB', SMALL_HOLDER].sort());
    expect(n.edges.filter((e) => e.target === H)).toEqual([expect.objectContaining({ source: C, ratio: 0.3 })]);
    expect(n.limitsHit).toEqual([`fanOut:${H}`]);
    expect(n.exhaustive).toBe(false);
    expect(nodeOf(n, C)).toMatchObject({ center: true, supernode: false, degree: 6 });
  });

  it('opens a supernode a page at a time, largest holding first, without repeating a neighbour', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const p: NeighbourPage = await page({ key: H, first: 30, after });
      pages += 1;
      expect(p.totalCount).toBe(81);
      expect(p.node).toMatchObject({ id: H, supernode: true, degree: 81 });
      for (const { node, edge } of p.nodes) {
        seen.push(node.id);
        expect(edge.target).toBe(H);
        expect(edge.source).toBe(node.id);
      }
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(81);
    expect(new Set(seen).size).toBe(81);
    expect(seen[0]).toBe(C);
    expect(seen.filter((id) => id.startsWith('P-NETH'))).toHaveLength(80);
  });

  it('never returns more elements than the budget, says budget, and counts what it cut', async () => {
    // H is no supernode at a threshold of 100: its 81 holders would all be drawn but for the budget.
    const n = await network({ key: H, depth: 1, supernodeThreshold: 100, budget: 50 });
    expect(n.nodes.length + n.edges.length).toBeLessThanOrEqual(50);
    expect(n.limitsHit).toEqual(['budget']);
    expect(n.exhaustive).toBe(false);
    // 1 + 24 × (node + edge) = 49; the other 57 holders and their holdings are cut.
    expect(n.nodes).toHaveLength(25);
    expect(n.cut).toEqual({ nodes: 57, edges: 57, unexpanded: 0 });
    // Deeper, the budget also stops entities being opened, and says how many.
    const deeper = await network({ key: H, depth: 2, supernodeThreshold: 100, budget: 50 });
    expect(deeper.nodes.length + deeper.edges.length).toBeLessThanOrEqual(50);
    expect(deeper.limitsHit).toContain('budget');
  });

  it('filters relationship types in the database: the degrees count only the types asked for', async () => {
    const all = await network({ key: C, depth: 1 });
    expect(all.edges.map((e) => e.type).sort()).toEqual(['HOLDS_SHARES', 'HOLDS_SHARES', 'HOLDS_SHARES', 'HOLDS_SHARES', 'LEGAL_REPRESENTATIVE_OF', 'OFFICER_OF']);
    const holdings = await network({ key: C, depth: 1, relationshipTypes: ['HOLDS_SHARES'] });
    expect(holdings.edges.every((e) => e.type === 'HOLDS_SHARES')).toBe(true);
    expect(holdings.edges).toHaveLength(4);
    expect(nodeOf(holdings, 'P-NETA')).toBeUndefined();
    expect(nodeOf(holdings, C)!.degree).toBe(4);
  });

  it('draws addresses when asked, and an address shared by 61 firms as a supernode', async () => {
    const n = await network({ key: C, depth: 2, relationshipTypes: ['REGISTERED_AT'], kinds: ['COMPANY', 'ADDRESS'] });
    expect(n.nodes.map((x) => x.id).sort()).toEqual([ADDRESS, C].sort());
    expect(nodeOf(n, ADDRESS)).toMatchObject({ kind: 'ADDRESS', key: '南京市玄武区测试网络路1号', supernode: true, degree: 61, hiddenNeighbours: [{ type: 'REGISTERED_AT', kind: 'COMPANY', count: 60 }] });
    const opened = await page({ key: ADDRESS, first: 100, relationshipTypes: ['REGISTERED_AT'], kinds: ['COMPANY'] });
    expect(opened.totalCount).toBe(61);
    expect(opened.nodes).toHaveLength(61);
    expect(opened.pageInfo.hasNextPage).toBe(false);
  });

  it('activeOnly and minRatio leave out ended firms and small holdings in the database: degrees drop with them', async () => {
    const active = await network({ key: C, depth: 1, activeOnly: true });
    expect(nodeOf(active, REVOKED)).toBeUndefined();
    expect(nodeOf(active, C)!.degree).toBe(5);
    const large = await network({ key: C, depth: 1, minRatio: 0.05 });
    expect(nodeOf(large, SMALL_HOLDER)).toBeUndefined();
    expect(nodeOf(large, REVOKED)).toBeDefined();
    expect(nodeOf(large, C)!.degree).toBe(5);
    // H's 80 holdings of 0.5% are below 5%: at that minimum it is no supernode.
    const both = await network({ key: C, depth: 2, activeOnly: true, minRatio: 0.05 });
    expect(nodeOf(both, C)!.degree).toBe(4);
    expect(nodeOf(both, H)).toMatchObject({ supernode: false, degree: 1 });
    expect(both.exhaustive).toBe(true);
  });

  it('refuses a budget above 5000 and an unknown node, naming the field', async () => {
    const tooBig = await investigator.gql(NETWORK, { key: C, budget: 5001 });
    expect(tooBig.errors![0]!.extensions!.code).toBe('BAD_INPUT');
    expect(tooBig.errors![0]!.message).toContain('budget');
    const unknown = await investigator.gql(EXPAND, { key: 'ADDRESS:nowhere' });
    expect(unknown.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});
