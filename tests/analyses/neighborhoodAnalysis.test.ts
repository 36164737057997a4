import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { runAnalysis } from '../../analyses/index.ts';
import { envelope as envelopeSchema, type Envelope, type Finding } from '../../analyses/envelope.ts';
import { loadFixtures } from '../support/fixtures.ts';

/**
 * The `neighborhood` analysis on the network fixture (tests/fixtures/analyses/paths/README.md):
 * one finding per entity within `depth` hops, every relationship type an investigator follows,
 * and a supernode summarised by type instead of drawn in full.
 */

const fixtures = path.resolve('tests/fixtures/analyses/paths');
const A = '91320100MA1TP0001N';
const HUB = '南京市玄武区测试枢纽路1号';
let graph: Graph;

beforeAll(async () => {
  graph = await loadFixtures(fixtures, ['registrations', 'shareholders', 'officers', 'relations', 'lists']);
});
afterAll(async () => {
  await graph.close();
});

const around = (params: Record<string, unknown>) => runAnalysis(graph, 'neighborhood', params);
const named = (env: Envelope, name: string): Finding => {
  const found = env.findings.filter((f) => f.subject.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};

describe('neighborhood (analysis)', () => {
  it('one finding per entity with its distance; the centre carries the whole network', async () => {
    const env = await around({ key: A, depth: 1 });
    expect(envelopeSchema.parse(env)).toEqual(env);
    expect(env.findings.map((f) => [f.subject.kind, f.subject.name, f.facts.distance])).toEqual([
      ['COMPANY', '测试径甲有限公司', 0],
      ['PERSON', '径人三', 1],
      ['PERSON', '径人一', 1],
      ['ADDRESS', HUB, 1],
      ['PHONE', '025-86660001', 1],
    ]);
    const centre = env.findings[0]!;
    expect(centre.evidence.subgraph!.edges.map((e) => e.type).sort()).toEqual(
      ['HAS_PHONE', 'HOLDS_SHARES', 'HOLDS_SHARES', 'LEGAL_REPRESENTATIVE_OF', 'OFFICER_OF', 'REGISTERED_AT'].sort(),
    );
    expect(named(env, '径人三').facts.relationshipTypes).toEqual(['HOLDS_SHARES', 'LEGAL_REPRESENTATIVE_OF', 'OFFICER_OF']);
    // Entities at the last hop were not expanded: what they have beyond is unknown, not zero.
    expect(named(env, HUB).facts.omitted).toBeNull();
    expect(env.exhaustive).toBe(true);
  });

  it('summarises an entity with more relationships than fanOut by type, and names it in limitsHit', async () => {
    const env = await around({ key: '测试径甲有限公司', depth: 2, fanOut: 5, types: 'addresses,phones' });
    const hub = named(env, HUB);
    expect(hub.facts).toMatchObject({ degree: 12, shown: 5, omitted: 7, omittedByType: ['住所 REGISTERED_AT 7'] });
    expect(hub.facts.summary).toBe('另有 7 条关系未展开：住所 REGISTERED_AT 7 / 7 more relationships not drawn: 住所 REGISTERED_AT 7');
    expect(env.limitsHit).toEqual([`fanOut:${HUB}`]);
    expect(env.exhaustive).toBe(false);
    expect(env.findings.every((f) => f.limitsHit.includes(`fanOut:${HUB}`))).toBe(true);
    expect(env.findings.filter((f) => f.subject.kind === 'COMPANY' && f.facts.distance === 2)).toHaveLength(5);
  });

  it('routes each entity from the centre, the steps walked against a relationship marked', async () => {
    const env = await around({ key: A, depth: 2, types: ['addresses'] });
    const chain = named(env, '测试径乙有限公司').evidence.chains[0]!;
    expect(chain.path.map((p) => p.name)).toEqual(['测试径甲有限公司', HUB, '测试径乙有限公司']);
    expect(chain.edges.map((e) => e.details?.reversed ?? false)).toEqual([false, true]);
  });

  it('includes flags by default: the case a firm is on is one hop away', async () => {
    const env = await around({ key: '测试案一有限公司', depth: 1 });
    const flag = env.findings.find((f) => f.subject.kind === 'LIST_ENTRY')!;
    expect(flag.subject.name).toBe('非法集资案件 测试立〔2024〕1号');
    expect(flag.evidence.chains[0]!.edges[0]).toMatchObject({ type: 'FLAGGED', details: { caseNo: '测试立〔2024〕1号' } });
  });

  it('the entity cap and the time budget stop the walk and are named', async () => {
    const capped = await around({ key: A, depth: 2, maxNodes: 3 });
    expect(capped.findings).toHaveLength(3);
    expect(capped.limitsHit).toEqual(['nodes']);
    const late = await around({ key: A, depth: 3, timeoutMs: 0 });
    expect(Math.max(...late.findings.map((f) => f.facts.distance as number))).toBe(1);
    expect(late.limitsHit).toEqual(['time']);
    expect(late.exhaustive).toBe(false);
  });

  it('refuses an unknown entity', async () => {
    await expect(around({ key: '不存在的公司' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
