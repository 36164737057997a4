import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../../cypher/run.ts';
import { importFiles, retractImport, type ImportSummary } from '../../../importers/importFiles.ts';
import { resolvePersonsInFirms } from '../../../importers/passes/persons.ts';
import { currentKeys } from '../../../analyses/resolve.ts';
import { neighborhood } from '../../../analyses/neighborhood.ts';
import { search } from '../../../analyses/search.ts';
import { envelope as envelopeSchema } from '../../../analyses/envelope.ts';
import { personKey } from '../../../model/keys.ts';
import { freshGraph, TEST_KEY_SECRET, testNeo4jEnv } from '../../support/graph.ts';
import { runCli } from '../../support/cli.ts';

/**
 * One person per firm (tests/fixtures/importers/persons/README.md): a legal representative named by
 * name only and the officer of the same name with an ID number in the same firm are one node,
 * whichever file comes first; the name-only key keeps answering with that person; two persons of
 * one name with different numbers stay apart, as does a name in another firm; retracting either
 * run splits the person back (and a merge that still holds without the run is made again).
 */

const fixtures = path.resolve('tests/fixtures/importers/persons');
const HEYI = '91320106MA1P00010H';
const SHUANGMING = '91320106MA1P00020J';
const BIEJIA = '91320106MA1P00030K';
const CUOHAO = '91320106MA1P00040L';
const key = (name: string, idNumber: string | null, scopeFirmKey: string | null = null) => personKey({ name, idNumber, scopeFirmKey, secret: TEST_KEY_SECRET }).key;
const WANG = key('王宏', '32010619780312231X');
/** The legal representative of 合一 as its registration names him: the key that must stay valid. */
const WANG_HEYI = key('王宏', null, HEYI);
const WANG_BIEJIA = key('王宏', null, BIEJIA);
/** A second 王宏 of 合一 (officers-second.csv) whose number fits the holder's mask as well. */
const WANG_2 = key('王宏', '32010219820514231X');
const LI_1 = key('李娜', '320102198507061224');
const LI_2 = key('李娜', '320113199009152426');
const LI_NAME_ONLY = key('李娜', null, SHUANGMING);
const ZHANG = key('张伟', '320104197001015317');
const ZHANG_MASKED = key('张伟', null, CUOHAO);

let graph: Graph;
let workDir: string;

const file = (name: string) => path.join(fixtures, `${name}.csv`);
const REGISTRATIONS = [file('registrations')];
const OFFICERS = [file('officers')];
const HOLDERS = [file('shareholders'), file('boFilings')];

function load(files: string[]): Promise<ImportSummary> {
  return importFiles({ graph, files, reportDir: workDir, secret: TEST_KEY_SECRET, user: 'test' });
}

function chuantou(args: string[]) {
  return runCli(args, { ...testNeo4jEnv(), CHUANTOU_DATA_DIR: workDir, CHUANTOU_KEY_SECRET: TEST_KEY_SECRET });
}

async function query<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await graph.driver.executeQuery(cypher, params, { routing: 'READ' });
  return result.records.map((r) => r.toObject() as T);
}

/** Each person linked to a firm: 'key: TYPE[ role]' for every relationship to it, sorted. */
async function peopleOf(firm: string): Promise<Record<string, string[]>> {
  const rows = await query<{ key: string; links: string[] }>(
    `MATCH (p:Person)-[r]->(:Company {key: $firm})
     WITH p, type(r) + coalesce(' ' + r.role, '') AS link ORDER BY link
     RETURN p.key AS key, collect(link) AS links`,
    { firm },
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.links]));
}

/**
 * The graph as a user sees it, whatever the order of the runs: every node but the runs and merge
 * records, every relationship, provenance entries named by file and row instead of run.
 */
async function domainGraph(): Promise<{ nodes: string[]; relationships: string[] }> {
  const runs = await query<{ id: string; files: string[] }>('MATCH (r:ImportRun) RETURN r.id AS id, r.files AS files');
  const fileOf = new Map(runs.map((r) => [r.id, r.files.map((f) => path.basename(f))]));
  const entry = (e: string) => e.replace(/^(.+?)\/(\d+):/, (_, run: string, n: string) => `${fileOf.get(run)![Number(n) - 1]}:`);
  const show = (props: Record<string, unknown>) =>
    JSON.stringify(
      Object.entries(props)
        .filter(([k]) => !['proposedAt', 'proposedBy'].includes(k))
        .map(([k, v]) => [k, k === 'provenance' ? (v as string[]).map(entry).sort() : String(v)])
        .sort(),
    );
  const nodes = await query<{ labels: string[]; key: string; props: Record<string, unknown> }>(
    `MATCH (n) WHERE NOT n:ImportRun AND NOT n:PersonMerge AND NOT n:Vocabulary AND NOT n:ListType AND NOT n:ModelVersion
     RETURN labels(n) AS labels, coalesce(n.key, n.code) AS key, properties(n) AS props`,
  );
  const rels = await query<{ a: string; type: string; b: string; props: Record<string, unknown> }>(
    `MATCH (a)-[r]->(b) WHERE NOT a:PersonMerge
     RETURN coalesce(a.key, a.code) AS a, type(r) AS type, coalesce(b.key, b.code) AS b, properties(r) AS props`,
  );
  return {
    nodes: nodes.map((n) => `${[...n.labels].sort().join(':')} ${n.key} ${show(n.props)}`).sort(),
    relationships: rels.map((r) => `${r.a} -${r.type}-> ${r.b} ${show(r.props)}`).sort(),
  };
}

let officersFirst: Awaited<ReturnType<typeof domainGraph>>;
let registrationsFirst: Awaited<ReturnType<typeof domainGraph>>;
let runs: Record<'registrations' | 'officers' | 'holders', ImportSummary>;

beforeAll(async () => {
  graph = await freshGraph();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-persons-'));
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('one person per firm', () => {
  it('registration (legal representative by name only) then officers (same name with an ID number): one person, reported', async () => {
    const registrations = await load(REGISTRATIONS);
    expect(await peopleOf(HEYI)).toEqual({ [WANG_HEYI]: ['LEGAL_REPRESENTATIVE_OF'] });
    const officers = await load(OFFICERS);
    const holders = await load(HOLDERS);
    runs = { registrations, officers, holders };
    registrationsFirst = await domainGraph();

    expect(await peopleOf(HEYI)).toEqual({ [WANG]: ['HOLDS_SHARES', 'LEGAL_REPRESENTATIVE_OF', 'OFFICER_OF 总经理', 'OFFICER_OF 执行董事'] });
    expect(await query('MATCH (p:Person {key: $key}) RETURN p', { key: WANG_HEYI })).toEqual([]);
    // The filing named the name-only person: it names the survivor now.
    expect(await query<{ owner: string }>('MATCH (:Company {key: $firm})-[:FILED_BO]->(b) RETURN b.ownerKey AS owner', { firm: HEYI })).toEqual([{ owner: WANG }]);

    // Each run that merged says so, located at its own row, naming both keys and the firm.
    expect(officers.inferredByCode).toMatchObject({ PERSON_RESOLVED: 1 });
    expect(holders.inferredByCode).toMatchObject({ PERSON_RESOLVED: 1 });
    expect(registrations.inferredByCode.PERSON_RESOLVED).toBeUndefined();
    const line = fs.readFileSync(officers.rejectsFile!, 'utf8').split('\n').find((l) => l.includes('PERSON_RESOLVED'))!;
    expect(line).toMatch(/^officers\.csv,,2,name,王宏,PERSON_RESOLVED,推断\/inferred,/);
    for (const part of [WANG_HEYI, WANG, HEYI, '南京合一科技有限公司', '3201**********231X']) expect(line).toContain(part);
    const report = JSON.parse(fs.readFileSync(officers.reportFile, 'utf8'));
    expect(report.inferredByCode.PERSON_RESOLVED).toBe(1);
  }, 300_000);

  it('two persons of one name with different full ID numbers in one firm stay apart; the name-only one stays apart, proposed as possibly either', async () => {
    expect(await peopleOf(SHUANGMING)).toEqual({
      [LI_1]: ['OFFICER_OF 董事'],
      [LI_2]: ['OFFICER_OF 监事'],
      [LI_NAME_ONLY]: ['LEGAL_REPRESENTATIVE_OF'],
    });
    const proposals = await query<{ pair: string[]; status: string }>(
      `MATCH (a:Person)-[s:POSSIBLY_SAME_AS]->(b:Person) WHERE a.name = '李娜' RETURN [a.key, b.key] AS pair, s.status AS status`,
    );
    expect(proposals.map((p) => [...p.pair].sort().join(' ')).sort()).toEqual([[LI_1, LI_NAME_ONLY].sort().join(' '), [LI_2, LI_NAME_ONLY].sort().join(' ')].sort());
    expect(proposals.every((p) => p.status === 'proposed')).toBe(true);
  });

  it('never merges across firms on a name, nor a masked number that contradicts the full one', async () => {
    expect(await peopleOf(BIEJIA)).toEqual({ [WANG_BIEJIA]: ['LEGAL_REPRESENTATIVE_OF'] });
    expect(await peopleOf(CUOHAO)).toEqual({ [ZHANG]: ['OFFICER_OF 执行董事'], [ZHANG_MASKED]: ['LEGAL_REPRESENTATIVE_OF'] });
    expect(await query<{ firm: string }>('MATCH (m:PersonMerge) RETURN DISTINCT m.firmKey AS firm')).toEqual([{ firm: HEYI }]);
  });

  it('the firm’s network shows the person once; the old key answers with the survivor in the CLI, the API and the resolver', async () => {
    const [network, fromOldKey, paths, owners] = await Promise.all([
      chuantou(['run', 'neighborhood', '--param', `key=${HEYI}`, '--param', 'depth=1', '--format', 'json']),
      chuantou(['run', 'neighborhood', '--param', `key=${WANG_HEYI}`, '--param', 'depth=1', '--format', 'json']),
      chuantou(['run', 'paths', '--param', `from=${WANG_HEYI}`, '--param', `to=${HEYI}`, '--format', 'json']),
      chuantou(['run', 'beneficial-owners', '--param', `firm=${HEYI}`, '--format', 'json']),
    ]);
    for (const run of [network, fromOldKey, paths, owners]) expect(run.stderr).toBe('');
    const people = envelopeSchema.parse(JSON.parse(network.stdout)).findings.filter((f) => f.subject.kind === 'PERSON');
    expect(people.map((f) => [f.subject.key, f.subject.name])).toEqual([[WANG, '王宏']]);
    expect(envelopeSchema.parse(JSON.parse(fromOldKey.stdout)).about).toEqual({ kind: 'PERSON', key: WANG, name: '王宏' });
    const route = envelopeSchema.parse(JSON.parse(paths.stdout));
    expect(route.about!.key).toBe(WANG);
    expect(route.findings.length).toBeGreaterThan(0);
    expect(route.findings[0]!.evidence.chains[0]).toMatchObject({ path: [{ key: WANG }, { key: HEYI }] });
    const natural = envelopeSchema.parse(JSON.parse(owners.stdout)).findings.filter((f) => f.subject.kind === 'PERSON');
    expect(natural.map((f) => f.subject.key)).toEqual([WANG]);

    // The API's network (web app) and search, and the resolver saved queries and canvases use.
    const api = await neighborhood(graph, { key: WANG_HEYI, depth: 1 });
    expect(api!.nodes.filter((n) => n.center).map((n) => n.id)).toEqual([WANG]);
    const [found] = await search(graph, WANG_HEYI, { offset: 0, limit: 5 });
    expect(found!.entity.key).toBe(WANG);
    expect(await currentKeys(graph, [WANG_HEYI, WANG, HEYI, WANG_BIEJIA])).toEqual(
      new Map([
        [WANG_HEYI, WANG],
        [WANG, WANG],
        [HEYI, HEYI],
        [WANG_BIEJIA, WANG_BIEJIA],
      ]),
    );
  }, 300_000);

  it('retracting the officers run splits the person back exactly: name-only legal representative, holder and filed owner', async () => {
    const { code, stderr } = await chuantou(['import', '--retract', runs.officers.runId]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(await peopleOf(HEYI)).toEqual({ [WANG_HEYI]: ['HOLDS_SHARES', 'LEGAL_REPRESENTATIVE_OF'] });
    expect(await query('MATCH (p:Person {key: $key}) RETURN p', { key: WANG })).toEqual([]);
    expect(await query<{ owner: string }>('MATCH (:Company {key: $firm})-[:FILED_BO]->(b) RETURN b.ownerKey AS owner', { firm: HEYI })).toEqual([{ owner: WANG_HEYI }]);
    expect(await query('MATCH (n) WHERE n:PersonMerge OR n:KeyAlias RETURN n')).toEqual([]);
    const [restored] = await query<{ props: Record<string, unknown> }>('MATCH (p:Person {key: $key}) RETURN properties(p) AS props', { key: WANG_HEYI });
    expect(restored!.props).toMatchObject({ name: '王宏', keyBasis: 'scoped', idMasked: '3201**********231X', idKind: 'resident-id-masked' });
    expect(await currentKeys(graph, [WANG_HEYI])).toEqual(new Map([[WANG_HEYI, WANG_HEYI]]));
  }, 300_000);

  it('officers first, then the holders and the registration: the same graph as registration first', async () => {
    await graph.close();
    graph = await freshGraph();
    const officers = await load(OFFICERS);
    const holders = await load(HOLDERS);
    const registrations = await load(REGISTRATIONS);
    runs = { registrations, officers, holders };
    expect(registrations.inferredByCode).toMatchObject({ PERSON_RESOLVED: 1 });
    officersFirst = await domainGraph();
    expect(officersFirst.nodes).toEqual(registrationsFirst.nodes);
    expect(officersFirst.relationships).toEqual(registrationsFirst.relationships);
    expect(officersFirst.nodes.some((n) => n.startsWith(`KeyAlias ${WANG_HEYI} `))).toBe(true);
  }, 300_000);

  it('retracting the registration run removes the legal representative’s link and keeps the identified officer, the holder merged again', async () => {
    await retractImport(graph, runs.registrations.runId, 'test');
    expect(await peopleOf(HEYI)).toEqual({ [WANG]: ['HOLDS_SHARES', 'OFFICER_OF 总经理', 'OFFICER_OF 执行董事'] });
    expect(await query('MATCH (p:Person {key: $key}) RETURN p', { key: WANG_HEYI })).toEqual([]);
    expect(await currentKeys(graph, [WANG_HEYI])).toEqual(new Map([[WANG_HEYI, WANG]]));
    expect(await query<{ by: string }>('MATCH (m:PersonMerge) RETURN m.madeBy AS by')).toEqual([{ by: `retract:${runs.registrations.runId}` }]);
    expect(await peopleOf(SHUANGMING)).toEqual({ [LI_1]: ['OFFICER_OF 董事'], [LI_2]: ['OFFICER_OF 监事'] });
  }, 300_000);

  it('a store whose pairs were never resolved (made before this pass) gets them merged by resolving the whole graph, in batches', async () => {
    await graph.close();
    graph = await freshGraph();
    const load = (files: string[]) => importFiles({ graph, files, reportDir: workDir, secret: TEST_KEY_SECRET, user: 'test', passes: false });
    for (const files of [REGISTRATIONS, OFFICERS, HOLDERS]) await load(files);
    expect(Object.keys(await peopleOf(HEYI)).sort()).toEqual([WANG, WANG_HEYI].sort());
    const outcome = await resolvePersonsInFirms(graph, { scope: 'all' }, { by: 'migration-test', batchFirms: 1 });
    expect(outcome).toMatchObject({ merged: 1, split: 0, proposed: 2 });
    expect(outcome.findings.map((f) => [f.code, f.value])).toEqual([['PERSON_RESOLVED', '王宏']]);
    expect(await peopleOf(HEYI)).toEqual({ [WANG]: ['HOLDS_SHARES', 'LEGAL_REPRESENTATIVE_OF', 'OFFICER_OF 总经理', 'OFFICER_OF 执行董事'] });
    expect(await currentKeys(graph, [WANG_HEYI])).toEqual(new Map([[WANG_HEYI, WANG]]));
    // Again: nothing left to do.
    expect(await resolvePersonsInFirms(graph, { scope: 'all' }, { by: 'migration-test-again' })).toMatchObject({ merged: 0, split: 0 });
  }, 300_000);

  it('a second person of the name with a fitting number splits the earlier merge back (reported, proposed); retracting that run merges again', async () => {
    const second = await load([file('officers-second')]);
    expect(second.inferredByCode).toMatchObject({ PERSON_SPLIT: 1 });
    expect(second.inferredByCode.PERSON_RESOLVED).toBeUndefined();
    const line = fs.readFileSync(second.rejectsFile!, 'utf8').split('\n').find((l) => l.includes('PERSON_SPLIT'))!;
    for (const part of [WANG_HEYI, WANG, WANG_2]) expect(line).toContain(part);
    expect(await peopleOf(HEYI)).toEqual({
      [WANG]: ['OFFICER_OF 总经理', 'OFFICER_OF 执行董事'],
      [WANG_2]: ['OFFICER_OF 监事'],
      [WANG_HEYI]: ['HOLDS_SHARES', 'LEGAL_REPRESENTATIVE_OF'],
    });
    const proposed = await query<{ other: string }>('MATCH (:Person {key: $key})-[:POSSIBLY_SAME_AS]-(q) RETURN q.key AS other ORDER BY other', { key: WANG_HEYI });
    expect(proposed.map((p) => p.other)).toEqual([WANG, WANG_2].sort());
    expect(await query<{ owner: string }>('MATCH (:Company {key: $firm})-[:FILED_BO]->(b) RETURN b.ownerKey AS owner', { firm: HEYI })).toEqual([{ owner: WANG_HEYI }]);
    expect(await currentKeys(graph, [WANG_HEYI])).toEqual(new Map([[WANG_HEYI, WANG_HEYI]]));

    const { redecided } = await retractImport(graph, second.runId, 'test');
    expect(redecided.filter((f) => f.code.startsWith('PERSON_')).map((f) => f.code)).toEqual(['PERSON_RESOLVED']);
    expect(await peopleOf(HEYI)).toEqual({ [WANG]: ['HOLDS_SHARES', 'LEGAL_REPRESENTATIVE_OF', 'OFFICER_OF 总经理', 'OFFICER_OF 执行董事'] });
    expect(await currentKeys(graph, [WANG_HEYI])).toEqual(new Map([[WANG_HEYI, WANG]]));
  }, 300_000);
});
