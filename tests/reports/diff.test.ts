import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chain, EntityRef, Envelope, Finding } from '../../analyses/envelope.ts';
import { runAnalysis } from '../../analyses/index.ts';
import { evidenceNetwork } from '../../analyses/networkEvidence.ts';
import type { Graph } from '../../cypher/run.ts';
import { REPORT_DOCUMENT_FORMAT, reportDocument, type ReportDocument } from '../../exporters/document.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { diffReportRuns, diffRuns, hasChanges } from '../../reports/diff.ts';
import { loadFixtures } from '../support/fixtures.ts';
import { TEST_KEY_SECRET } from '../support/graph.ts';

/**
 * The difference between two runs of one saved query (tests/fixtures/reports/diff/README.md): an
 * import between the runs that moves a controller's share across 25%, flags a new firm and merges a
 * person gives a diff naming exactly the first two; and, on hand-made documents, a share falling
 * below 50%, a beneficial owner replaced, a new path, and two runs of 10,000 findings diffed fast.
 */

const fixtures = path.resolve('tests/fixtures/reports/diff');
const BIANBI_1 = '91320100MA1DF00017';
const XINZENG_5 = '91320100MA1DF0005K';
const QUERY = { minFirms: 1, threshold: 0.1 };

/** A run of a saved query as a report document, the way reports/ stores it. */
function documentOf(envelope: Envelope, run: { id: string; number: number }): ReportDocument {
  return reportDocument.parse({
    format: REPORT_DOCUMENT_FORMAT,
    query: { id: 'q-diff', title: '涉案控制人监测', description: null, analysis: envelope.analysis, analysisTitle: { zh: '分析', en: 'analysis' } },
    run: { id: run.id, number: run.number, ranAt: envelope.ranAt, ranBy: 'system', trigger: 'schedule', office: null },
    params: envelope.params,
    vocabularies: { listTypes: null, keywordLists: null },
    data: { modelVersion: 1, importRuns: [], counts: {} },
    envelope,
    network: evidenceNetwork(envelope.findings),
  });
}

describe('a watch re-run after an import (real Neo4j)', () => {
  let graph: Graph;
  let reportDir: string;
  beforeAll(async () => {
    graph = await loadFixtures(fixtures, ['registrations', 'officers', 'shareholders', 'lists']);
    reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-diff-'));
  });
  afterAll(async () => {
    await graph?.close();
    fs.rmSync(reportDir, { recursive: true, force: true });
  });

  it('names the share that crossed 25% and the newly flagged firm, and not the person the import merged', async () => {
    const first = await runAnalysis(graph, 'flagged-controllers', QUERY);
    const merged = first.findings.find((f) => f.subject.name === '丙并')!;
    expect(merged.facts.identifier).toBe('3201**********031X');

    const summary = await importFiles({ graph, files: ['shareholders.csv', 'lists.csv'].map((f) => path.join(fixtures, 'after', f)), reportDir, secret: TEST_KEY_SECRET, user: 'test' });
    expect(summary.rejectsByCode).toEqual({});
    expect(summary.inferredByCode).toMatchObject({ PERSON_RESOLVED: 1 });

    const second = await runAnalysis(graph, 'flagged-controllers', QUERY);
    const survivor = second.findings.find((f) => f.subject.name === '丙并')!;
    expect(survivor.subject.key).not.toBe(merged.subject.key);

    const diff = await diffReportRuns(graph, { id: 'run-1', document: documentOf(first, { id: 'run-1', number: 1 }) }, { id: 'run-2', document: documentOf(second, { id: 'run-2', number: 2 }) });
    expect(diff.newFindings).toEqual([]);
    expect(diff.goneFindings).toEqual([]);
    expect(diff.resolvedAliases).toEqual([{ from: merged.subject.key, to: survivor.subject.key }]);
    // 丙并 (merged) and 戊稳 (untouched) are the same findings as before.
    expect(diff.unchangedCount).toBe(2);
    const bySubject = Object.fromEntries(diff.changedFindings.map((c) => [c.subject.name, c.changes.map(({ code, field, before, after }) => ({ code, field, before, after }))]));
    expect(bySubject).toEqual({
      甲变: [{ code: 'CONTROL_CROSSED_25', field: BIANBI_1, before: 0.2, after: 0.3 }],
      乙新: [{ code: 'NEWLY_FLAGGED', field: XINZENG_5, before: null, after: '非法集资案件 苏公经立字〔2024〕0105号' }],
    });
    const texts = diff.changedFindings.flatMap((c) => c.changes.map((ch) => ch.text)).sort();
    expect(texts).toEqual([
      '测试新增五有限公司 新列入名单：非法集资案件 苏公经立字〔2024〕0105号 / 测试新增五有限公司 is newly on a list: 非法集资案件 苏公经立字〔2024〕0105号',
      '甲变 在 测试变比一有限公司 的有效持股由 20% 升至 30%，达到 25% / 甲变\'s effective share of 测试变比一有限公司 rose from 20% to 30%, reaching 25%',
    ]);
    expect(hasChanges(diff)).toBe(true);

    // Run against itself the survivor's report has nothing to tell.
    const again = await diffReportRuns(graph, { id: 'run-2', document: documentOf(second, { id: 'run-2', number: 2 }) }, { id: 'run-3', document: documentOf(second, { id: 'run-3', number: 3 }) });
    expect(hasChanges(again)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-made documents: no database

const firm = (key: string, name: string): EntityRef => ({ kind: 'COMPANY', key, name });
const person = (key: string, name: string): EntityRef => ({ kind: 'PERSON', key, name });
const FIRM = firm('91320100MA1DF0007R', '测试受益七有限公司');

function finding(subject: EntityRef, score: number | null, facts: Finding['facts'], chains: Chain[] = []): Finding {
  return { subject, score, facts, evidence: { chains, chainsComplete: true }, exhaustive: true, limitsHit: [] };
}

function envelopeOf(analysis: string, about: EntityRef | null, findings: Finding[]): Envelope {
  return { analysis, params: {}, ranAt: '2026-12-07T00:00:00.000Z', about, exhaustive: true, limitsHit: [], findings };
}

function diffOf(before: Envelope, after: Envelope, aliases: Record<string, string> = {}) {
  return diffRuns({ id: 'a', document: documentOf(before, { id: 'a', number: 1 }) }, { id: 'b', document: documentOf(after, { id: 'b', number: 2 }) }, new Map(Object.entries(aliases)));
}

function owner(who: EntityRef, ratio: number, beneficialOwner: boolean): Finding {
  const holding: Chain = { kind: 'ownership', path: [who, FIRM], edges: [{ type: 'HOLDS_SHARES', ratio }], product: ratio };
  const control = ratio > 0.5;
  return finding(who, ratio, { effectiveRatio: ratio, directRatio: ratio, rulesMet: beneficialOwner ? ['threshold', ...(control ? ['control'] : [])] : [], beneficialOwner, control, controlBases: control ? ['majority'] : [] }, [holding]);
}

describe('what changed, on hand-made documents', () => {
  it('a share falling from 55% to 45% is one CONTROL_CROSSED_50, its figures in the sentence, the lost control not listed again', () => {
    const zhou = person('P-ZHOU', '周控');
    const diff = diffOf(envelopeOf('beneficial-owners', FIRM, [owner(zhou, 0.55, true)]), envelopeOf('beneficial-owners', FIRM, [owner(zhou, 0.45, true)]));
    expect(diff.changedFindings).toEqual([
      {
        subject: zhou,
        changes: [
          {
            code: 'CONTROL_CROSSED_50',
            field: 'effectiveRatio',
            before: 0.55,
            after: 0.45,
            text: '周控 在 测试受益七有限公司 的有效持股由 55% 降至 45%，跌破 50% / 周控\'s effective share of 测试受益七有限公司 fell from 55% to 45%, falling below 50%',
          },
        ],
      },
    ]);
  });

  it('one beneficial owner gone and another arrived is one OWNER_REPLACED on the firm, not a gone and a new finding', () => {
    const [wu, zheng, qian] = [person('P-WU', '吴旧'), person('P-ZHENG', '郑新'), person('P-QIAN', '钱小')];
    const diff = diffOf(
      envelopeOf('beneficial-owners', FIRM, [owner(wu, 0.6, true), owner(qian, 0.1, false)]),
      envelopeOf('beneficial-owners', FIRM, [owner(zheng, 0.6, true), owner(qian, 0.1, false)]),
    );
    expect(diff.newFindings).toEqual([]);
    expect(diff.goneFindings).toEqual([]);
    expect(diff.unchangedCount).toBe(1);
    expect(diff.changedFindings).toEqual([
      {
        subject: FIRM,
        changes: [
          {
            code: 'OWNER_REPLACED',
            field: FIRM.key,
            before: '吴旧',
            after: '郑新',
            text: '测试受益七有限公司 的受益所有人由 吴旧 60% 换为 郑新 60% / the beneficial owners of 测试受益七有限公司 were replaced: 吴旧 60% gone, 郑新 60% arrived',
          },
        ],
      },
    ]);
  });

  it('a second route between the two parties is a NEW_PATH on the path finding, the ranks and via not listed again', () => {
    const [from, to] = [person('P-FROM', '起点'), firm('91320100MA1DF0008W', '测试终点八有限公司')];
    const [x, y] = [firm('91320100MA1DF00090', '测试中间甲有限公司'), { kind: 'ADDRESS', key: 'A-1', name: '南京市比对路9号' } as EntityRef];
    const route = (via: EntityRef, types: ['HOLDS_SHARES' | 'REGISTERED_AT', 'HOLDS_SHARES' | 'REGISTERED_AT']): Chain => ({
      kind: 'path',
      path: [from, via, to],
      edges: [{ type: types[0] }, { type: types[1], details: { reversed: true } }],
      product: null,
    });
    const pathFinding = (chain: Chain, rank: number) => finding(to, 0.5, { rank, hops: 2, via: [chain.path[1]!.name], hub: false }, [chain]);
    const one = pathFinding(route(x, ['HOLDS_SHARES', 'HOLDS_SHARES']), 1);
    const two = pathFinding(route(y, ['REGISTERED_AT', 'REGISTERED_AT']), 2);
    const diff = diffOf(envelopeOf('paths', from, [one]), envelopeOf('paths', from, [one, two]));
    expect(diff.newFindings).toEqual([]);
    expect(diff.changedFindings).toEqual([
      {
        subject: to,
        changes: [
          {
            code: 'NEW_PATH',
            field: 'P-FROM → A-1 → 91320100MA1DF0008W',
            before: null,
            after: '起点 → 南京市比对路9号 → 测试终点八有限公司',
            text: '起点 与 测试终点八有限公司 之间出现新路径（2 跳）：起点 → 南京市比对路9号 → 测试终点八有限公司 / a new path (2 hops) between 起点 and 测试终点八有限公司: 起点 → 南京市比对路9号 → 测试终点八有限公司',
          },
        ],
      },
    ]);
  });

  it('two runs of 10,000 findings diff in well under a second, every change found', () => {
    const N = 10_000;
    const make = (i: number, share: number, flaggedCase: string) => {
      const who = person(`P-${String(i).padStart(6, '0')}`, `人员${i}`);
      const held = firm(`F-${i}`, `测试企业${i}`);
      const entry: EntityRef = { kind: 'LIST_ENTRY', key: `L-${flaggedCase}`, name: `非法集资案件 ${flaggedCase}` };
      return finding(who, 1, { flaggedFirms: 1, firmKeys: [held.key], how: [`${held.name}：持股 holds ${share * 100}%`] }, [
        { kind: 'ownership', path: [who, held], edges: [{ type: 'HOLDS_SHARES', ratio: share }], product: share },
        { kind: 'role', path: [who, held], edges: [{ type: 'LEGAL_REPRESENTATIVE_OF', role: '法定代表人' }], product: null },
        { kind: 'listing', path: [held, entry], edges: [{ type: 'FLAGGED', details: { listType: '非法集资案件', caseNo: flaggedCase } }], product: null },
      ]);
    };
    const before = envelopeOf('flagged-controllers', null, Array.from({ length: N }, (_, i) => make(i, 0.2, `c${i}`)));
    // Every tenth share crosses 25%, every hundredth firm is on a new case, the last 500 are new.
    const after = envelopeOf(
      'flagged-controllers',
      null,
      Array.from({ length: N }, (_, i) => make(i < N - 500 ? i : i + N, i % 10 === 0 ? 0.3 : 0.2, i % 100 === 1 ? `new${i}` : `c${i}`)),
    );
    // Built without reportDocument.parse: checking 20,000 findings' shapes would be the slow part of this test.
    const unchecked = (envelope: Envelope): ReportDocument => ({ ...documentOf(envelopeOf(envelope.analysis, null, []), { id: 'x', number: 1 }), envelope, network: { nodes: [], edges: [] } });
    const [a, b] = [unchecked(before), unchecked(after)];
    // As in a server that has diffed before: the first call of a fresh process also compiles the code.
    diffRuns({ id: 'a', document: documentOf(envelopeOf('flagged-controllers', null, before.findings.slice(0, 200)), { id: 'a', number: 1 }) }, { id: 'b', document: documentOf(envelopeOf('flagged-controllers', null, after.findings.slice(0, 200)), { id: 'b', number: 2 }) }, new Map());
    // Timed in CPU time, which other processes on a shared test machine do not inflate.
    const started = process.cpuUsage();
    const diff = diffRuns({ id: 'a', document: a }, { id: 'b', document: b }, new Map());
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(1000);
    expect(diff.newFindings).toHaveLength(500);
    expect(diff.goneFindings).toHaveLength(500);
    const codes = diff.changedFindings.flatMap((c) => c.changes.map((ch) => ch.code));
    expect(codes.filter((c) => c === 'CONTROL_CROSSED_25')).toHaveLength(950);
    expect(codes.filter((c) => c === 'NEWLY_FLAGGED')).toHaveLength(95);
    expect(diff.unchangedCount).toBe(N - 500 - 950 - 95);
  });

  it('a finding about a person merged away is the survivor’s finding: neither gone nor new, the alias listed', () => {
    const old = person('P-OLD', '丙并');
    const survivor = person('P-SURVIVOR', '丙并');
    const role = (who: EntityRef): Chain => ({ kind: 'role', path: [who, FIRM], edges: [{ type: 'OFFICER_OF', role: '总经理' }], product: null });
    const diff = diffOf(
      envelopeOf('flagged-controllers', null, [finding(old, 1, { identifier: null, flaggedFirms: 1 }, [role(old)])]),
      envelopeOf('flagged-controllers', null, [finding(survivor, 1, { identifier: '3201**********031X', flaggedFirms: 1 }, [role(survivor)])]),
      { 'P-OLD': 'P-SURVIVOR' },
    );
    expect(diff).toEqual({ fromRunId: 'a', toRunId: 'b', newFindings: [], goneFindings: [], changedFindings: [], unchangedCount: 1, resolvedAliases: [{ from: 'P-OLD', to: 'P-SURVIVOR' }] });
    expect(hasChanges(diff)).toBe(false);
  });
});
