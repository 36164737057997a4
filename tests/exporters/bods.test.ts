import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { toPlain } from '../../cypher/values.ts';
import { runAnalysis } from '../../analyses/index.ts';
import { evidenceNetwork } from '../../analyses/networkEvidence.ts';
import { reportDocument, type ReportDocument } from '../../exporters/document.ts';
import { reportBods, validateBods } from '../../exporters/bods.ts';
import { importBodsFile } from '../../importers/bods/importBods.ts';
import type { Reject } from '../../importers/rejects.ts';
import { freshGraph, TEST_KEY_SECRET, TEST_SETTINGS } from '../support/graph.ts';
import { loadFixtures } from '../support/fixtures.ts';

/**
 * BODS out: a report's ownership and control network as BODS 0.4 statements that the published
 * schema accepts, and that our own BODS importer reads back into the same ownership graph.
 */

type Statement = { statementId: string; recordId: string; recordType: string; declarationSubject: string; recordDetails: Record<string, any> };

const fixture = (name: string): ReportDocument =>
  reportDocument.parse(JSON.parse(fs.readFileSync(path.resolve(`tests/fixtures/exporters/${name}.report.json`), 'utf8')));
const relationshipsOf = (statements: unknown[]) => (statements as Statement[]).filter((s) => s.recordType === 'relationship');

describe('BODS statements', () => {
  it('writes statements the BODS 0.4 schema accepts, and names the statement and field of one that breaks it', () => {
    for (const name of ['beneficialOwners', 'flaggedControllers']) {
      const statements = reportBods(fixture(name));
      expect(statements.length).toBeGreaterThan(0);
      expect(validateBods(statements), name).toEqual({ valid: true, errors: [] });
    }

    const statements = structuredClone(reportBods(fixture('beneficialOwners'))) as Statement[];
    const i = statements.findIndex((s) => s.recordType === 'relationship');
    statements[i]!.recordDetails.interests[0].share.exact = 120;
    statements[i]!.recordDetails.interests[0].directOrIndirect = 'partly';
    delete (statements[0] as Partial<Statement>).declarationSubject;
    const result = validateBods(statements);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        `/${i}/recordDetails/interests/0/share/exact: must be <= 100`,
        `/${i}/recordDetails/interests/0/directOrIndirect: must be equal to one of the allowed values ("direct", "indirect", "unknown")`,
        `/0: must have required property 'declarationSubject'`,
      ]),
    );
  });

  it('checks with the schema as published: the standard’s own corpus and examples are judged as the standard judges them', () => {
    const corpus = path.resolve('tests/fixtures/external/bods/v0.4-tests/tests/data');
    const judged = { 'valid-statements': [] as boolean[], 'invalid-statements': [] as boolean[] };
    for (const kind of ['valid-statements', 'invalid-statements'] as const) {
      for (const file of fs.readdirSync(path.join(corpus, kind))) {
        // validateBods takes the array the standard's root is; a file that is no array is refused by the type.
        judged[kind].push(validateBods(JSON.parse(fs.readFileSync(path.join(corpus, kind, file), 'utf8'))).valid);
      }
    }
    expect(judged['valid-statements'].filter((v) => !v)).toEqual([]);
    expect(judged['invalid-statements'].filter((v) => v)).toEqual([]);
    expect([judged['valid-statements'].length, judged['invalid-statements'].length]).toEqual([111, 192]);
    const examples = path.resolve('tests/fixtures/external/bods/v0.4/examples');
    for (const file of fs.readdirSync(examples)) expect(validateBods(JSON.parse(fs.readFileSync(path.join(examples, file), 'utf8'))).errors, file).toEqual([]);
  });

  it('gives firms their USCC under org-id.guide CN-USCI, control without shares a control interest with its basis, and keeps record ids across runs', () => {
    const document = fixture('flaggedControllers');
    const statements = reportBods(document) as Statement[];
    const firm = statements.find((s) => s.recordType === 'entity' && s.recordDetails.name === '测试涉案四有限公司')!;
    expect(firm.recordDetails).toMatchObject({
      entityType: { type: 'registeredEntity' },
      jurisdiction: { name: 'China', code: 'CN' },
      identifiers: [{ id: '91320100MA1FC0007P', scheme: 'CN-USCI' }],
    });
    const nominee = relationshipsOf(statements).find((s) => s.recordDetails.subject === firm.recordId)!;
    expect(nominee.recordDetails.interests).toEqual([
      { type: 'otherInfluenceOrControl', directOrIndirect: 'direct', details: '代持 / nominee', startDate: '2017-01-01' },
    ]);
    // Officers, list entries and same-person hints are not ownership or control.
    expect(relationshipsOf(statements)).toHaveLength(document.network.edges.filter((e) => e.type === 'HOLDS_SHARES' || e.type === 'CONTROLS').length);
    expect(statements.some((s) => JSON.stringify(s).includes('LIST_ENTRY') || JSON.stringify(s).includes('执行董事'))).toBe(false);

    // A record is the graph's firm, person or relationship; a statement is one run's claim about it.
    const again = reportBods({ ...document, run: { ...document.run, id: 'r-later' } }) as Statement[];
    expect(again.map((s) => s.recordId)).toEqual(statements.map((s) => s.recordId));
    expect(again.map((s) => s.statementId).filter((id) => statements.some((s) => s.statementId === id))).toEqual([]);
    expect(reportBods(document)).toEqual(statements);
  });
});

describe('BODS round trip through the importer', () => {
  const firm2 = '91320100MA1FC0004E'; // 涉案二: 甲控 80% → 控股甲 70% → 投资甲 55% → 涉案二
  let graph: Graph;
  let document: ReportDocument;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-bods-'));

  beforeAll(async () => {
    graph = await loadFixtures(path.resolve('tests/fixtures/analyses/flagged'), ['registrations', 'shareholders']);
    const envelope = await runAnalysis(graph, 'beneficial-owners', { firm: firm2 }, TEST_SETTINGS);
    const base = fixture('beneficialOwners');
    document = reportDocument.parse({
      ...base,
      run: { ...base.run, id: 'r-bods-round-trip', ranAt: envelope.ranAt },
      params: envelope.params,
      envelope,
      network: evidenceNetwork(envelope.findings),
    });
  });
  afterAll(async () => {
    await graph.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports the exported statements into a fresh graph as the same holdings, and the indirect owner as a filing with its chain', async () => {
    const statements = reportBods(document);
    expect(validateBods(statements)).toEqual({ valid: true, errors: [] });
    const owner = relationshipsOf(statements).find((s) => s.recordDetails.componentRecords?.length)!;
    const jia = document.envelope.findings.find((f) => f.subject.name === '甲控')!;
    expect(owner.recordDetails.interests[0]).toEqual({
      type: 'shareholding',
      directOrIndirect: 'indirect',
      beneficialOwnershipOrControl: true,
      share: { exact: 30.8 },
    });
    // The chain 甲控 → 控股甲 → 投资甲 → 涉案二: two intermediate firms and three holdings, stated before it.
    expect(owner.recordDetails.componentRecords).toHaveLength(5);
    const order = (statements as Statement[]).map((s) => s.recordId);
    for (const c of owner.recordDetails.componentRecords as string[]) expect(order.indexOf(c)).toBeLessThan(order.indexOf(owner.recordId));

    const nodes = new Map(document.network.nodes.map((n) => [n.key, n]));
    const holder = (kind: string, key: string, name: string) => (kind === 'PERSON' ? `person ${name}` : `firm ${key}`);
    const exported = document.network.edges
      .filter((e) => e.type === 'HOLDS_SHARES')
      .map((e) => ({ holder: holder(nodes.get(e.source)!.kind, e.source, nodes.get(e.source)!.name), firm: e.target, ratio: e.ratio! }));
    expect(exported.length).toBeGreaterThanOrEqual(5);

    const file = path.join(dir, 'report.bods.json');
    fs.writeFileSync(file, JSON.stringify(statements));
    await graph.close();
    graph = await freshGraph();
    const rejects: Reject[] = [];
    const summary = await importBodsFile(graph, file, {
      runId: 'run-bods-round-trip',
      fileNo: 1,
      fileLabel: 'report.bods.json',
      secret: TEST_KEY_SECRET,
      rejects: { add: (r) => rejects.push(r) },
    });
    expect(rejects).toEqual([]);
    expect(summary).toMatchObject({ read: statements.length, written: statements.length, rejected: 0 });

    const read = async (cypher: string) => (await graph.driver.executeQuery(cypher, {}, { routing: 'READ' })).records.map((r) => toPlain(r.toObject()) as any);
    const imported = (
      await read('MATCH (h)-[s:HOLDS_SHARES]->(c:Company) RETURN h:Person AS person, h.key AS key, h.name AS name, c.key AS firm, s.ratio AS ratio')
    ).map((r) => ({ holder: holder(r.person ? 'PERSON' : 'COMPANY', r.key, r.name), firm: r.firm, ratio: r.ratio }));
    const sorted = <T extends { holder: string; firm: string }>(list: T[]) => [...list].sort((a, b) => `${a.holder} ${a.firm}`.localeCompare(`${b.holder} ${b.firm}`));
    expect(sorted(imported).map(({ holder, firm }) => [holder, firm])).toEqual(sorted(exported).map(({ holder, firm }) => [holder, firm]));
    sorted(imported).forEach((r, i) => expect(Math.abs(r.ratio - sorted(exported)[i]!.ratio)).toBeLessThan(1e-9));

    const firms = await read('MATCH (c:Company) RETURN c.key AS key, c.name AS name ORDER BY key');
    for (const f of firms) expect(f.name).toBe(nodes.get(f.key)?.name);
    // The indirect part is the publisher's answer, kept as a filing beside the holdings, not a fourth edge.
    const filings = await read("MATCH (c:Company)-[:FILED_BO]->(b:BOFiling {interestType: 'shareholding'}) RETURN c.key AS firm, b.ownerName AS owner, b.ratio AS ratio");
    expect(filings).toHaveLength(1);
    expect(filings[0]).toMatchObject({ firm: firm2, owner: '甲控' });
    expect(Math.abs(filings[0].ratio - (jia.facts.effectiveRatio as number))).toBeLessThan(1e-9);
  });
});
