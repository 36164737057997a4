import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { parseParams, runAnalysis } from '../../analyses/index.ts';
import { clusterFacets, densestWindow } from '../../analyses/clusterFacets.ts';
import { envelope as envelopeSchema, type Envelope, type Finding } from '../../analyses/envelope.ts';
import { TEST_SETTINGS } from '../support/graph.ts';
import { loadFixtures } from '../support/fixtures.ts';

/**
 * Shell clusters on hand-built groups whose answers are known (tests/fixtures/analyses/clusters/README.md):
 * shells rank above a registration agent's address and an accountant's phone.
 */

const fixtures = path.resolve('tests/fixtures/analyses/clusters');
const S = ['91320100MA1HC0001A', '91320100MA1HC0002D', '91320100MA1HC0003G', '91320100MA1HC0004K', '91320100MA1HC0005N'];
const P = ['91320100MA1HC0012E', '91320100MA1HC0013H', '91320100MA1HC0014L', '91320100MA1HC0015P', '91320100MA1HC0016T'];
const Q = ['91320100MA1HC0023J', '91320100MA1HC0024M', '91320100MA1HC0025Q', '91320100MA1HC0026U', '91320100MA1HC0027Y'];
const Z = ['91330100MA2HC0028C', '91330100MA2HC0029F', '91330100MA2HC0030L', '91330100MA2HC0031P', '91330100MA2HC0032T'];
const SHELL_ADDRESS = '南京市建邺区测试大道1号1幢1001室';
const AGENT_ADDRESS = '南京市秦淮区代理大厦8楼801室';
const ACCOUNTANT_PHONE = '02588880000';
const SHELL_PHONE = '16600001111';

let graph: Graph;

beforeAll(async () => {
  graph = await loadFixtures(fixtures, ['registrations', 'shareholders', 'officers']);
});
afterAll(async () => {
  await graph.close();
});

const clusters = (params: Record<string, unknown> = {}) => runAnalysis(graph, 'shell-clusters', params, TEST_SETTINGS);
const bySubject = (env: Envelope, name: string): Finding => {
  const found = env.findings.filter((f) => f.subject.name === name || f.subject.key === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};
const rank = (env: Envelope, f: Finding) => env.findings.indexOf(f);

describe('shell-clusters: what is found and how it ranks', () => {
  it('ranks the address shell first: five investment firms set up within 80 days by two people who rotate, three revoked', async () => {
    const env = await clusters();
    expect(envelopeSchema.parse(env)).toEqual(env);
    const s = bySubject(env, SHELL_ADDRESS);
    expect(rank(env, s)).toBe(0);
    expect(s.subject.kind).toBe('ADDRESS');
    expect(s.facts).toMatchObject({
      clusterKind: 'address',
      hub: false,
      firmCount: 5,
      windowFirms: 5,
      windowFrom: '2018-01-05',
      windowTo: '2018-03-26',
      windowShare: 1,
      sharedPeopleShare: 1,
      investmentShare: 1,
      revokedShare: 0.6,
    });
    expect([...(s.facts.firmKeys as string[])].sort()).toEqual(S);
    expect([...(s.facts.sharedPeople as string[])].sort()).toEqual(['壳乙', '壳甲']);
    expect(s.score).toBeCloseTo(0.35 + 0.35 + 0.15 + 0.15 * 0.6, 12);
    const contact = s.evidence.chains.filter((c) => c.kind === 'contact');
    expect(contact).toHaveLength(5);
    expect(contact[0]!.edges).toEqual([{ type: 'REGISTERED_AT' }]);
    expect(contact[0]!.path[1]).toEqual(s.subject);
    const reps = s.evidence.chains.filter((c) => c.kind === 'role' && c.edges[0]!.type === 'LEGAL_REPRESENTATIVE_OF');
    expect(reps.map((c) => c.path[0]!.name).sort()).toEqual(['壳乙', '壳乙', '壳甲', '壳甲', '壳甲']);
    const holdings = s.evidence.chains.filter((c) => c.kind === 'ownership');
    expect(holdings).toHaveLength(10);
    expect(s.exhaustive).toBe(true);
  });

  it('puts a registration agent’s address (unrelated firms over eighteen years) and an accountant’s phone below every shell-like cluster', async () => {
    const env = await clusters();
    const agent = bySubject(env, AGENT_ADDRESS);
    const accountant = bySubject(env, ACCOUNTANT_PHONE);
    expect(agent.facts).toMatchObject({ firmCount: 6, sharedPeopleShare: 0, sharedPeople: [] });
    expect(agent.facts.windowShare).toBeCloseTo(1 / 6, 12);
    expect(accountant.facts).toMatchObject({ firmCount: 5, sharedPeopleShare: 0 });
    const shells = [bySubject(env, SHELL_ADDRESS), bySubject(env, SHELL_PHONE), bySubject(env, 'dianshell@example.com')];
    const quick = env.findings.find((f) => f.facts.clusterKind === 'people')!;
    for (const shell of [...shells, quick]) {
      expect(shell.score!).toBeGreaterThan(0.6);
      expect(shell.score!).toBeGreaterThan(agent.score! + 0.4);
      expect(shell.score!).toBeGreaterThan(accountant.score! + 0.4);
    }
  });

  it('finds firms at different addresses that share one mobile (written with spaces) and one email, and the two people behind them', async () => {
    const env = await clusters({ kinds: 'phone,email' });
    const phone = bySubject(env, SHELL_PHONE);
    expect(phone.subject).toEqual({ kind: 'PHONE', key: SHELL_PHONE, name: '166 0000 1111' });
    expect([...(phone.facts.firmKeys as string[])].sort()).toEqual(P);
    expect([...(phone.facts.sharedPeople as string[])].sort()).toEqual(['电乙', '电甲']);
    expect(phone.facts.windowShare).toBe(1);
    expect(phone.evidence.chains.filter((c) => c.kind === 'contact').every((c) => c.edges[0]!.type === 'HAS_PHONE')).toBe(true);
    const email = bySubject(env, 'dianshell@example.com');
    expect(email.subject.kind).toBe('EMAIL');
    expect([...(email.facts.firmKeys as string[])].sort()).toEqual(P);
    expect(env.findings.every((f) => f.facts.clusterKind === 'phone' || f.facts.clusterKind === 'email')).toBe(true);
  });

  it('finds one person’s five investment firms at five addresses set up within fifty days, beside an old firm of theirs (window share 5/6)', async () => {
    const env = await clusters({ kinds: 'people' });
    const quick = env.findings.filter((f) => f.facts.clusterKind === 'people' && f.subject.name === '快设');
    expect(quick).toHaveLength(1);
    const q = quick[0]!;
    expect(q.subject.kind).toBe('PERSON');
    expect([...(q.facts.firmKeys as string[])].sort()).toEqual(Q);
    expect(q.facts).toMatchObject({ contact: null, firmCount: 5, drawnFrom: 6, windowFrom: '2020-07-01', windowTo: '2020-08-20', sharedPeople: ['快设'] });
    expect(q.facts.windowShare).toBeCloseTo(5 / 6, 12);
    expect(q.evidence.chains.filter((c) => c.kind === 'role' && c.edges[0]!.type === 'LEGAL_REPRESENTATIVE_OF' && c.path[0]!.name === '快设')).toHaveLength(5);
  });

  it('does not call firms set up by one person a cluster when they are further apart than windowDays', async () => {
    const env = await clusters({ kinds: 'people', windowDays: 10 });
    expect(env.findings.filter((f) => f.subject.name === '快设')).toEqual([]);
  });

  it('reports a group of people whose firms all share one address once, as that address', async () => {
    const env = await clusters();
    expect(env.findings.filter((f) => f.facts.clusterKind === 'people' && ['壳甲', '壳乙'].includes(f.subject.name))).toEqual([]);
    const people = await clusters({ kinds: 'people' });
    expect(people.findings.filter((f) => ['壳甲', '壳乙'].includes(f.subject.name))).toHaveLength(1);
  });

  it('keeps to the jurisdiction: the Hangzhou shell cluster only under 330000, the Nanjing ones only under 320000', async () => {
    const js = await clusters({ jurisdiction: '320000' });
    expect(js.findings.flatMap((f) => f.facts.firmKeys as string[]).filter((k) => Z.includes(k))).toEqual([]);
    const zj = await clusters({ jurisdiction: '330000' });
    expect(zj.findings).toHaveLength(1);
    expect([...(zj.findings[0]!.facts.firmKeys as string[])].sort()).toEqual(Z);
    expect(zj.findings[0]!.subject.name).toBe('杭州市西湖区测试路9号901室');
    const city = await clusters({ jurisdiction: '320100' });
    expect(bySubject(city, SHELL_ADDRESS).facts.firmCount).toBe(5);
  });
});

describe('shell-clusters: limits', () => {
  it('reports a contact point above maxClusterSize as a hub, unscored, named in limitsHit, never silently dropped', async () => {
    const env = await clusters({ maxClusterSize: 5 });
    const hub = bySubject(env, AGENT_ADDRESS);
    expect(hub.score).toBe(0);
    expect(hub.facts).toMatchObject({ hub: true, firmCount: 6, firmKeys: [] });
    expect(hub.facts.note).toContain('above the cap of 5');
    expect(hub.limitsHit).toEqual([`fanOut:${hub.subject.key}`]);
    expect(hub.exhaustive).toBe(false);
    // 快设's six firms are above the cap too: a person can be a hub as well.
    const person = bySubject(env, '快设');
    expect(person.facts).toMatchObject({ clusterKind: 'people', hub: true, firmCount: 6 });
    expect(env.limitsHit).toEqual([`fanOut:${hub.subject.key}`, `fanOut:${person.subject.key}`].sort());
    expect(env.exhaustive).toBe(false);
    expect(env.findings.slice(-2).map((f) => f.facts.hub)).toEqual([true, true]);
    expect(bySubject(env, SHELL_ADDRESS).facts.hub).toBe(false);
  });

  it('lists at most maxResults findings, highest first, and says more were found', async () => {
    const all = await clusters();
    expect(all.limitsHit).toEqual([]);
    const env = await clusters({ maxResults: 2 });
    expect(env.findings.map((f) => f.subject.key)).toEqual(all.findings.slice(0, 2).map((f) => f.subject.key));
    expect(env.limitsHit).toEqual(['results']);
    expect(env.exhaustive).toBe(false);
  });
});

describe('shell-clusters: parameters and the score', () => {
  it('reads kinds from command-line text and refuses an unknown kind', () => {
    expect(parseParams('shell-clusters', { kinds: 'address，phone' }, TEST_SETTINGS)).toMatchObject({ kinds: ['address', 'phone'], minFirms: 5, windowDays: 92, jurisdiction: '320000' });
    expect(() => parseParams('shell-clusters', { kinds: 'address,fax' }, TEST_SETTINGS)).toThrow(/kinds/);
  });

  it('finds the densest window of dates (first to last at most windowDays apart) and weighs the facets 0.35/0.35/0.15/0.15', () => {
    expect(densestWindow(['2020-01-01', '2020-06-01', '2020-06-20', null, '2020-08-31', '2021-01-01'], 92)).toEqual({ firms: 3, from: '2020-06-01', to: '2020-08-31' });
    expect(densestWindow([], 92)).toEqual({ firms: 0, from: null, to: null });
    const firm = (key: string, name: string, status: string) => ({ key, name, status, establishedOn: '2020-01-01', industry: null, businessScope: null });
    const f = clusterFacets(
      [firm('a', '甲投资管理有限公司', '吊销'), firm('b', '乙贸易有限公司', '存续'), firm('c', '丙贸易有限公司', '存续'), firm('d', '丁贸易有限公司', '存续')],
      [{ person: 'p', firm: 'a' }, { person: 'p', firm: 'b' }, { person: 'q', firm: 'c' }],
      { firms: 2, from: '2020-01-01', to: '2020-01-01' },
      4,
      ['投资管理'],
    );
    expect(f).toMatchObject({ windowShare: 0.5, sharedPeople: ['p'], sharedPeopleShare: 0.5, investmentShare: 0.25, revokedShare: 0.25 });
    expect(f.score).toBeCloseTo(0.35 * 0.5 + 0.35 * 0.5 + 0.15 * 0.25 + 0.15 * 0.25, 12);
  });
});
