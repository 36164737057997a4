import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { runAnalysis } from '../../analyses/index.ts';
import { envelope as envelopeSchema, type Envelope, type Finding } from '../../analyses/envelope.ts';
import { loadFixtures } from '../support/fixtures.ts';

/**
 * Paths between two entities on a hand-built graph whose routes are known
 * (tests/fixtures/analyses/paths/README.md): three routes from 测试径甲 to 测试径乙 of 2, 3 and 3
 * hops, the shortest through an address twelve firms share.
 */

const fixtures = path.resolve('tests/fixtures/analyses/paths');
const A = '91320100MA1TP0001N';
const B = '91320100MA1TP0002R';
const C = '91320100MA1TP00053';
const HUB = '南京市玄武区测试枢纽路1号';
let graph: Graph;

beforeAll(async () => {
  graph = await loadFixtures(fixtures, ['registrations', 'shareholders', 'officers', 'relations', 'lists']);
});
afterAll(async () => {
  await graph.close();
});

const paths = (params: Record<string, unknown>) => runAnalysis(graph, 'paths', params);
const routes = (env: Envelope) => env.findings.filter((f) => f.facts.hub === false);
const names = (f: Finding) => f.evidence.chains[0]!.path.map((p) => p.name);

describe('paths', () => {
  it('lists the shortest path and its alternatives, shortest first, by firm key or name', async () => {
    const env = await paths({ from: A, to: '测试径乙有限公司' });
    expect(envelopeSchema.parse(env)).toEqual(env);
    expect(env.about).toEqual({ kind: 'COMPANY', key: A, name: '测试径甲有限公司' });
    expect(routes(env).map((f) => [f.facts.rank, f.facts.hops])).toEqual([
      [1, 2],
      [2, 3],
      [3, 3],
    ]);
    expect(names(routes(env)[0]!)).toEqual(['测试径甲有限公司', HUB, '测试径乙有限公司']);
    // Equal lengths: the route through holdings and roles before the one through a shared phone.
    expect(names(routes(env)[1]!)).toEqual(['测试径甲有限公司', '径人一', '测试径丁有限公司', '测试径乙有限公司']);
    expect(names(routes(env)[2]!)).toEqual(['测试径甲有限公司', '025-86660001', '测试径丙有限公司', '测试径乙有限公司']);
    expect(routes(env).every((f) => f.subject.key === B)).toBe(true);
    // Every route of the component was seen: the answer is complete.
    expect(env.exhaustive).toBe(true);
    expect(env.limitsHit).toEqual([]);
  });

  it('keeps each relationship pointing as in the graph, marking the steps walked against it', async () => {
    const env = await paths({ from: A, to: B });
    const [viaHub, viaPerson] = routes(env);
    const hubChain = viaHub!.evidence.chains[0]!;
    expect(hubChain.kind).toBe('path');
    expect(hubChain.path.map((p) => p.kind)).toEqual(['COMPANY', 'ADDRESS', 'COMPANY']);
    expect(hubChain.edges.map((e) => [e.type, e.details?.reversed ?? false])).toEqual([
      ['REGISTERED_AT', false],
      ['REGISTERED_AT', true],
    ]);
    expect(viaHub!.evidence.subgraph!.edges.map((e) => [e.source, e.target])).toEqual([
      [A, HUB],
      [B, HUB],
    ]);
    const personChain = viaPerson!.evidence.chains[0]!;
    expect(personChain.edges.map((e) => [e.type, e.ratio ?? e.role, e.details?.reversed ?? false])).toEqual([
      ['HOLDS_SHARES', 0.3, true],
      ['OFFICER_OF', '监事', false],
      ['HOLDS_SHARES', 0.25, false],
    ]);
  });

  it('follows only the relationship types asked for', async () => {
    const env = await paths({ from: A, to: B, types: 'holdings,roles' });
    expect(routes(env).map(names)).toEqual([['测试径甲有限公司', '径人一', '测试径丁有限公司', '测试径乙有限公司']]);
    expect(routes(env)[0]!.facts.relationshipTypes).toEqual(['HOLDS_SHARES', 'OFFICER_OF', 'HOLDS_SHARES']);
    expect(env.exhaustive).toBe(true);
  });

  it('does not pass through a hub above fanOut, and names it with its size in limitsHit and facts', async () => {
    const env = await paths({ from: A, to: B, fanOut: 10 });
    expect(routes(env).map((f) => f.facts.hops)).toEqual([3, 3]);
    expect(env.exhaustive).toBe(false);
    expect(env.limitsHit).toEqual([`fanOut:${HUB}`]);
    for (const f of routes(env)) {
      expect(f.exhaustive).toBe(false);
      expect(f.facts.hubsSkipped).toEqual([`${HUB}（12 条关系 / 12 relationships）`]);
    }
    const hub = env.findings.find((f) => f.facts.hub === true)!;
    expect(hub.subject).toEqual({ kind: 'ADDRESS', key: HUB, name: HUB });
    // Both sides reached it: a 2-hop path runs through it, shown but not counted as a path.
    expect(hub.facts).toMatchObject({ degree: 12, hops: 2, rank: null });
    expect(names(hub)).toEqual(['测试径甲有限公司', HUB, '测试径乙有限公司']);
  });

  it('k sets how many alternatives follow the shortest path', async () => {
    const env = await paths({ from: A, to: B, k: 1 });
    expect(routes(env).map((f) => f.facts.hops)).toEqual([2, 3]);
    // The two shortest are certain once every 3-hop path is known.
    expect(env.exhaustive).toBe(true);
  });

  it('maxHops that stops the search is named (depth); a path found within it is still the shortest', async () => {
    const short = await paths({ from: A, to: B, maxHops: 2 });
    expect(routes(short).map((f) => f.facts.hops)).toEqual([2]);
    expect(short.limitsHit).toEqual(['depth']);
    expect(short.exhaustive).toBe(false);
    expect(routes(short)[0]!.exhaustive).toBe(true);

    const none = await paths({ from: A, to: B, maxHops: 2, types: ['holdings', 'roles'] });
    expect(none.findings).toEqual([]);
    expect(none.exhaustive).toBe(false);
    expect(none.limitsHit).toEqual(['depth']);
  });

  it('says plainly beside each path what was searched and what was not: a depth limit is no failure', async () => {
    const short = await paths({ from: A, to: B, maxHops: 2 });
    expect(routes(short)[0]!.facts.searched).toBe(
      '2 跳以内的路径已全部查找，共 1 条（要求 4 条）；更长的路径未查找（可调大 maxHops） / every path of up to 2 hops was searched: 1 found (4 asked for); longer paths were not searched (raise maxHops)',
    );
    const two = await paths({ from: A, to: B, k: 1 });
    expect(routes(two)[0]!.facts.searched).toBe('这是最短的 2 条路径 / these are the 2 shortest paths');
    const hub = await paths({ from: A, to: B, fanOut: 10 });
    expect(routes(hub)[0]!.facts.searched).toContain('未穿过 1 个关系过多的枢纽（见 hubsSkipped），经过它们的路径未查找');
  });

  it('the time budget stops the search after each side’s first hop and says so', async () => {
    const env = await paths({ from: A, to: B, timeoutMs: 0 });
    expect(routes(env).map((f) => f.facts.hops)).toEqual([2]);
    expect(env.limitsHit).toEqual(['time']);
    expect(routes(env)[0]!.limitsHit).toEqual(['time']);
    expect(env.exhaustive).toBe(false);
  });

  it('the entity cap stops the search and says so, never reporting "no path"', async () => {
    const env = await paths({ from: A, to: B, maxNodes: 3 });
    expect(env.findings).toEqual([]);
    expect(env.limitsHit).toEqual(['nodes']);
    expect(env.exhaustive).toBe(false);
  });

  it('no path at all is established when the search ran out of entities within every limit', async () => {
    const env = await paths({ from: A, to: C });
    expect(env.findings).toEqual([]);
    expect(env.exhaustive).toBe(true);
    expect(env.limitsHit).toEqual([]);
  });

  it('starts from a person named exactly', async () => {
    const env = await paths({ from: '径人一', to: B, k: 0 });
    expect(env.about!.kind).toBe('PERSON');
    expect(routes(env).map(names)).toEqual([['径人一', '测试径丁有限公司', '测试径乙有限公司']]);
  });

  it('refuses the same entity at both ends, an unknown one, and an unknown relationship type', async () => {
    await expect(paths({ from: A, to: '测试径甲有限公司' })).rejects.toMatchObject({ code: 'BAD_PARAMS' });
    await expect(paths({ from: A, to: '不存在的公司' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(paths({ from: A, to: B, types: 'holdings,friends' })).rejects.toMatchObject({ code: 'BAD_PARAMS' });
  });
});
