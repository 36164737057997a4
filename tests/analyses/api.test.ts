import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { createApi } from '../../server/yoga.ts';
import { freshGraph, TEST_KEY_SECRET } from '../support/graph.ts';
import { signedInClient, testServerParts, type ApiClient } from '../support/server.ts';

/** The analyses through the GraphQL API: typed queries, the generic runAnalysis, and the errors a client can act on. */

const fixtures = path.resolve('tests/fixtures/analyses');
let graph: Graph;
let api: ReturnType<typeof createApi>;
let reportDir: string;

let client: ApiClient;

/** As a signed-in investigator: what the API answers depends on who asks. */
function gql(query: string, variables: Record<string, unknown> = {}) {
  return client.gql(query, variables);
}

const ENVELOPE = `analysis params ranAt about { kind key name } exhaustive limitsHit
  findings { subject { kind key name } score facts evidence exhaustive limitsHit }`;

beforeAll(async () => {
  graph = await freshGraph();
  reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-aapi-'));
  const files = ['registrations', 'shareholders', 'officers'].map((f) => path.join(fixtures, `${f}.csv`));
  await importFiles({ graph, files, reportDir, secret: TEST_KEY_SECRET });
  await graph.driver.executeQuery(fs.readFileSync(path.join(fixtures, 'history.cypher'), 'utf8'));
  const parts = testServerParts(graph);
  api = createApi(parts);
  client = await signedInClient((url, init) => api.fetch(url, init), parts.accounts, 'investigator');
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(reportDir, { recursive: true, force: true });
});

describe('GraphQL analyses', () => {
  it('beneficialOwners returns the envelope with facts and evidence as JSON, the rule set passed as an enum', async () => {
    const { data, errors } = await gql(`query($firm: String!) { beneficialOwners(firm: $firm) { ${ENVELOPE} } }`, { firm: '91320100MA1TA00113' });
    expect(errors).toBeUndefined();
    const env = data!.beneficialOwners;
    expect(env).toMatchObject({ analysis: 'beneficial-owners', about: { kind: 'COMPANY', key: '91320100MA1TA00113' }, exhaustive: true, limitsHit: [] });
    expect(env.params).toMatchObject({ firm: '91320100MA1TA00113', rules: 'cn-2024', threshold: 0.25, maxDepth: 10 });
    const qin = env.findings.find((f: any) => f.subject.name === '秦十四');
    expect(qin.facts).toMatchObject({ effectiveRatio: 0.25, rulesMet: ['threshold'], beneficialOwner: true });
    expect(qin.evidence.chains[0]).toMatchObject({ kind: 'ownership', product: 0.25, edges: [{ type: 'HOLDS_SHARES', ratio: 0.25 }] });
    const strict = await gql(`{ beneficialOwners(firm: "91320100MA1TA00113", rules: CN_2017) { params findings { subject { name } facts } } }`);
    expect(strict.data!.beneficialOwners.params.rules).toBe('cn-2017');
    expect(strict.data!.beneficialOwners.findings.find((f: any) => f.subject.name === '秦十四').facts.rulesMet).toEqual([]);
  });

  it('controlledFirms and runAnalysis give the same envelope as the typed query, limits included', async () => {
    const typed = await gql(`{ controlledFirms(person: "沈十", maxDepth: 2) { ${ENVELOPE} } }`);
    const generic = await gql(`query($p: JSON) { runAnalysis(name: "controlled-firms", params: $p) { ${ENVELOPE} } }`, { p: { person: '沈十', maxDepth: '2' } });
    expect(typed.errors).toBeUndefined();
    expect(generic.errors).toBeUndefined();
    const strip = (e: any) => ({ ...e, ranAt: null });
    expect(strip(generic.data!.runAnalysis)).toEqual(strip(typed.data!.controlledFirms));
    expect(typed.data!.controlledFirms).toMatchObject({ exhaustive: false, limitsHit: ['depth'] });
    expect(typed.data!.controlledFirms.findings.map((f: any) => f.subject.name)).toEqual(['测试丁一控股有限公司', '测试丁二控股有限公司']);
  });

  it('a name two firms bear is BAD_INPUT with both candidates in the extensions, so a client can offer the choice', async () => {
    const { errors } = await gql(`{ beneficialOwners(firm: "测试重名有限公司") { analysis } }`);
    expect(errors![0]!.extensions).toMatchObject({
      code: 'BAD_INPUT',
      reason: 'AMBIGUOUS',
      candidates: [expect.objectContaining({ key: 'U-TESTSAMENAME1', note: '存续' }), expect.objectContaining({ key: 'U-TESTSAMENAME2', note: '吊销' })],
    });
    expect(errors![0]!.message).toContain('U-TESTSAMENAME2');
  });

  it('an unknown firm is NOT_FOUND; a bad parameter and an unknown analysis are BAD_INPUT naming the fault', async () => {
    expect((await gql(`{ beneficialOwners(firm: "测试不存在有限公司") { analysis } }`)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const bad = await gql(`{ beneficialOwners(firm: "91320100MA1TA00113", asOf: "2024-13-01") { analysis } }`);
    expect(bad.errors![0]).toMatchObject({ extensions: { code: 'BAD_INPUT' }, message: expect.stringContaining('asOf') });
    const unknown = await gql(`{ runAnalysis(name: "who-knows") { analysis } }`);
    expect(unknown.errors![0]).toMatchObject({ extensions: { code: 'BAD_INPUT' }, message: expect.stringContaining('beneficial-owners') });
  });

  it('lists the analyses with their parameters', async () => {
    const { data } = await gql(`{ analyses { name titleZh titleEn parameters } }`);
    expect(data!.analyses.map((a: any) => a.name)).toEqual(expect.arrayContaining(['beneficial-owners', 'controlled-firms', 'flagged-controllers', 'out-of-province-venues']));
    expect(Object.keys(data!.analyses[0].parameters)).toContain('asOf');
  });
});
