import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { runAnalysis } from '../../analyses/index.ts';
import { distance, maskedIdsAgree, matchBasis } from '../../analyses/boComparison.ts';
import { envelope as envelopeSchema, type Envelope, type Finding } from '../../analyses/envelope.ts';
import { freshGraph, TEST_KEY_SECRET, TEST_SETTINGS } from '../support/graph.ts';
import { importBods, V03 } from '../importers/bods/support.ts';

/**
 * Filed versus computed beneficial owners: hand-built filings whose answers are known
 * (tests/fixtures/analyses/bomismatch/README.md), and the BODS 0.3 samples whose declared indirect
 * interests the chains do or do not bear out.
 */

const shared = path.resolve('tests/fixtures/analyses');
const own = path.join(shared, 'bomismatch');
const D = '91320100MA1TA0005E';
const M = {
  agree: '91320100MA1BM0001G',
  hidden: '91320100MA1BM0002K',
  extra: '91320100MA1BM0003N',
  masked: '91320100MA1BM0005W',
  otherId: '91320100MA1BM00073',
};

let graph: Graph;
const mismatch = (params: Record<string, unknown> = {}) => runAnalysis(graph, 'bo-mismatch', params, TEST_SETTINGS);
const about = (env: Envelope, firm: string, name: string): Finding[] => env.findings.filter((f) => f.facts.firm === firm && f.subject.name === name);
const one = (env: Envelope, firm: string, name: string): Finding => {
  const found = about(env, firm, name);
  expect(found, `${firm} ${name}`).toHaveLength(1);
  return found[0]!;
};

afterAll(async () => {
  await graph?.close();
});

describe('bo-mismatch on filings (受益所有人备案)', () => {
  let reportDir: string;
  beforeAll(async () => {
    graph = await freshGraph();
    reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-bomismatch-'));
    const files = [
      ...['registrations', 'shareholders', 'officers', 'relations', 'boFilings'].map((f) => path.join(shared, `${f}.csv`)),
      ...['registrations', 'shareholders', 'boFilings'].map((f) => path.join(own, `${f}.csv`)),
    ];
    const summary = await importFiles({ graph, files, reportDir, secret: TEST_KEY_SECRET });
    expect(summary.rejectsByCode).toEqual({});
  });
  afterAll(() => fs.rmSync(reportDir, { recursive: true, force: true }));

  it('screens the jurisdiction and lists only the disagreements, largest first', async () => {
    const env = await mismatch();
    expect(envelopeSchema.parse(env)).toEqual(env);
    expect(env.params.includeMatches).toBe(false);
    expect(env.findings.every((f) => f.facts.mismatch === true)).toBe(true);
    const rows = env.findings.map((f) => [f.facts.firmName, f.subject.name, f.facts.status, f.score]);
    expect(rows).toHaveLength(6);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['测试备案异号有限公司', '掩码丁', 'filed-not-computed', 1],
        ['测试备案异号有限公司', '掩码丁', 'computed-not-filed', 1],
        ['测试丙菱形有限公司', '褚七', 'computed-not-filed', 0.4],
        ['测试备案隐名有限公司', '隐名乙', 'computed-not-filed', 0.3],
        ['测试备案虚报有限公司', '代持人丙', 'filed-not-computed', 0.3],
        ['测试丙菱形有限公司', '陈六', 'ratio-differs', expect.closeTo(0.22, 12)],
      ]),
    );
    const scores = env.findings.map((f) => f.score!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(env.exhaustive).toBe(true);
  });

  it('sets the filed 10% of 陈六 beside the computed 32% (10% + 50%×20% + 40%×30%), with the filing and the chains', async () => {
    const c = one(await mismatch({ firm: D }), D, '陈六');
    expect(c.facts).toMatchObject({
      status: 'ratio-differs',
      mismatch: true,
      filedRatio: 0.1,
      filedInterestTypes: ['股权'],
      filingSource: 'filing',
      computedRules: ['threshold'],
      computedBeneficialOwner: true,
      matchedBy: 'key',
      matchNote: null,
      inGraph: true,
    });
    expect(c.facts.computedRatio).toBeCloseTo(0.32, 12);
    expect(c.facts.difference).toBeCloseTo(0.22, 12);
    const [filing, ...chains] = c.evidence.chains;
    expect(filing).toMatchObject({ kind: 'filing', path: [{ kind: 'COMPANY', key: D }, { kind: 'BO_FILING', name: '陈六' }] });
    expect(filing!.edges[0]).toMatchObject({ type: 'FILED_BO', details: { ratio: 0.1, interestType: '股权', source: 'filing' } });
    expect(chains.filter((x) => x.kind === 'ownership').map((x) => x.product)).toEqual([expect.closeTo(0.12, 12), expect.closeTo(0.1, 12), expect.closeTo(0.1, 12)]);
  });

  it('names a holder nobody filed (隐名乙, 30%) as a lead, and a filed owner the holdings do not show (代持人丙)', async () => {
    const hidden = one(await mismatch({ firm: M.hidden }), M.hidden, '隐名乙');
    expect(hidden.facts).toMatchObject({ status: 'computed-not-filed', filedRatio: null, computedRatio: 0.3, computedRules: ['threshold'] });
    expect(hidden.evidence.chains.map((x) => x.kind)).toEqual(['ownership']);
    const extra = one(await mismatch({ firm: M.extra }), M.extra, '代持人丙');
    expect(extra.facts).toMatchObject({ status: 'filed-not-computed', filedRatio: 0.3, computedRatio: null, inGraph: false, matchedBy: null });
    expect(extra.subject.kind).toBe('PERSON');
  });

  it('for one firm lists the owners that agree too, with both figures', async () => {
    const env = await mismatch({ firm: M.agree });
    expect(env.params.includeMatches).toBe(true);
    expect(env.about).toEqual({ kind: 'COMPANY', key: M.agree, name: '测试备案一致有限公司' });
    const rows = env.findings.map((f) => [f.subject.name, f.facts.status, f.facts.filedRatio, f.facts.computedRatio, f.score, f.facts.matchedBy]).sort();
    expect(rows).toEqual([
      ['一致乙', 'match', 0.4, 0.4, 0, 'key'],
      ['一致甲', 'match', 0.6, 0.6, 0, 'key'],
    ]);
    expect((await mismatch({ firm: M.agree, includeMatches: 'false' })).findings).toEqual([]);
  });

  it('matches a filed owner shown masked to the holder above by name and agreeing masked number, never when the numbers disagree', async () => {
    const masked = one(await mismatch({ firm: M.masked }), M.masked, '掩码丁');
    expect(masked.facts).toMatchObject({ status: 'match', matchedBy: 'name-and-id', identifier: '3201**********1234', filedRatio: 0.5, computedRatio: 0.5, matchNote: null });
    expect(masked.facts.matchedPersons).toHaveLength(1);
    expect(masked.facts.matchedPersons).not.toContain(masked.subject.key);
    const env = await mismatch({ firm: M.otherId });
    expect(about(env, M.otherId, '掩码丁').map((f) => [f.facts.status, f.facts.identifier]).sort()).toEqual([
      ['computed-not-filed', '3201**********1234'],
      ['filed-not-computed', '3301**********0000'],
    ]);
  });

  it('lets differences within the tolerance agree', async () => {
    const env = await mismatch({ firm: D, tolerance: 0.25 });
    expect(one(env, D, '陈六').facts.status).toBe('match');
  });
});

describe('bo-mismatch: limits', () => {
  it('compares at most maxFirms firms, in key order, and says more have filings', async () => {
    const env = await mismatch({ maxFirms: 2 });
    expect(new Set(env.findings.map((f) => f.facts.firm))).toEqual(new Set([M.hidden]));
    expect(env.limitsHit).toEqual(['firms']);
    expect(env.exhaustive).toBe(false);
  });

  it('with maxDepth 1 computes only the direct holding, and says the depth cap was reached', async () => {
    const c = one(await mismatch({ firm: D, maxDepth: 1 }), D, '陈六');
    expect(c.facts.computedRatio).toBeCloseTo(0.1, 12);
    expect(c.facts.status).toBe('match');
    expect(c.limitsHit).toContain('depth');
    expect(c.exhaustive).toBe(false);
  });

  it('stops when the time budget is spent and says so', async () => {
    const env = await mismatch({ timeoutMs: 0 });
    expect(env.findings).toEqual([]);
    expect(env.limitsHit).toEqual(['time']);
  });
});

describe('bo-mismatch on BODS declarations (v0.3 samples)', () => {
  beforeAll(async () => {
    graph = await freshGraph();
    const files = [
      ...['a', 'b', 'c', 'd'].map((x) => path.join(V03, `indirect-ownership/os-07-dr-04-company-${x}.json`)),
      path.join(V03, 'indirect-ownership/os-08-dr-04-company-a.json'),
    ];
    const imported = await importBods(graph, files);
    expect(imported.rejects).toEqual([]);
  });

  it('os-07: reports the declared indirect 60% of B and 30% of A next to the chain’s 50% and 25%, flagged as mismatches', async () => {
    const b = one(await mismatch({ firm: 'X-UA-EDR-UA-XE-02' }), 'X-UA-EDR-UA-XE-02', 'Person 1');
    expect(b.facts).toMatchObject({ status: 'ratio-differs', mismatch: true, filedRatio: 0.6, declaredIndirect: true, filingSource: 'bods', filedInterestTypes: ['shareholding'] });
    expect(b.facts.computedRatio).toBeCloseTo(0.5, 12);
    expect(b.facts.difference).toBeCloseTo(0.1, 12);
    const a = one(await mismatch({ firm: 'X-UA-EDR-UA-XE-01' }), 'X-UA-EDR-UA-XE-01', 'Person 1');
    expect(a.facts).toMatchObject({ status: 'ratio-differs', filedRatio: 0.3, declaredIndirect: true });
    expect(a.facts.computedRatio).toBeCloseTo(0.25, 12);
    const chain = a.evidence.chains.find((c) => c.kind === 'ownership')!;
    expect(chain.path.map((n) => n.name)).toEqual(['Person 1', 'Company C', 'Company B', 'Company A']);
    expect(chain.product).toBeCloseTo(0.25, 12);
  });

  it('os-07: says that "Person 1" of each file is matched on the name alone (BODS publishes no ID number)', async () => {
    const b = one(await mismatch({ firm: 'X-UA-EDR-UA-XE-02' }), 'X-UA-EDR-UA-XE-02', 'Person 1');
    expect(b.facts.matchNote).toContain('matched on the name alone');
    expect((b.facts.matchedPersons as string[]).length).toBeGreaterThan(1);
  });

  it('os-08: a declared indirect 50% that the holdings bear out is reported as agreeing, not as a mismatch', async () => {
    const a = one(await mismatch({ firm: 'X-GB-COH-XE-08-A' }), 'X-GB-COH-XE-08-A', 'Person 1');
    expect(a.facts).toMatchObject({ status: 'match', mismatch: false, filedRatio: 0.5, computedRatio: 0.5, declaredIndirect: true });
    expect(a.score).toBe(0);
  });

  it('a national screen (100000) covers firms registered abroad and lists the two os-07 mismatches only', async () => {
    const env = await mismatch({ jurisdiction: '100000' });
    expect(env.findings.map((f) => [f.facts.firmName, f.facts.status])).toEqual([
      ['Company B', 'ratio-differs'],
      ['Company A', 'ratio-differs'],
    ]);
    expect((await mismatch({ jurisdiction: '320000' })).findings).toEqual([]);
  });
});

describe('bo-mismatch: matching and comparing (pure)', () => {
  it('masked numbers agree where both show a character, also with different numbers of stars', () => {
    expect(maskedIdsAgree('3201**********1234', '320106********1234')).toBe(true);
    expect(maskedIdsAgree('3201**********1234', '3202**********1234')).toBe(false);
    expect(maskedIdsAgree('3201********1234', '320106**********34')).toBe(true);
    expect(maskedIdsAgree('3201********1234', '320206**********34')).toBe(false);
  });

  it('two full ID numbers that differ are two people whatever the name; no ID on one side is a name-only match', () => {
    const p = (key: string, keyBasis: string, idMasked: string | null) => ({ key, normalizedName: '张伟', idMasked, keyBasis });
    expect(matchBasis(p('a', 'id', '3201**********1234'), p('a', 'id', '3201**********1234'))).toBe('key');
    expect(matchBasis(p('a', 'id', '3201**********1234'), p('b', 'id', '3201**********1234'))).toBeNull();
    expect(matchBasis(p('a', 'scoped', '3201**********1234'), p('b', 'id', '3201**********1234'))).toBe('name-and-id');
    expect(matchBasis(p('a', 'scoped', null), p('b', 'scoped', '3201**********1234'))).toBe('name-only');
    expect(matchBasis(p('a', 'scoped', null), { ...p('b', 'scoped', null), normalizedName: '张纬' })).toBeNull();
  });

  it('a computed ratio inside a declared range (BODS 25–50%) is no difference; outside, the distance to the nearer bound', () => {
    expect(distance({ ratio: null, ratioMin: 0.25, ratioMax: 0.5 }, 0.3)).toBe(0);
    expect(distance({ ratio: null, ratioMin: 0.25, ratioMax: 0.5 }, 0.2)).toBeCloseTo(0.05, 12);
    expect(distance({ ratio: null, ratioMin: 0.75, ratioMax: null }, 1)).toBe(0);
    expect(distance({ ratio: null, ratioMin: null, ratioMax: null }, 0.3)).toBeNull();
    expect(distance({ ratio: 0.1, ratioMin: null, ratioMax: null }, 0.32)).toBeCloseTo(0.22, 12);
  });
});
