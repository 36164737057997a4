import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { beneficialOwners, beneficialOwnersParams } from '../../analyses/beneficialOwners.ts';
import { importFiles, type ImportSummary } from '../../importers/importFiles.ts';
import { createApi } from '../../server/yoga.ts';
import { freshGraph, TEST_KEY_SECRET } from '../support/graph.ts';
import { signedInClient, testServerParts, type ApiClient } from '../support/server.ts';

/**
 * 一户一档 through the API on a small group imported in two runs (tests/fixtures/profile/README.md):
 * every fact comes with the file, sheet, row and run it was read from, an officer is one line with
 * all their roles, effective % is the beneficial-owners figure, and ID numbers are masked as
 * everywhere else.
 */

const fixtures = path.resolve('tests/fixtures/profile');
const T = '91320106MAPF00002A'; // 南京华信 (投资咨询 in run 1, 财富管理 in run 2)
const H = '91320106MAPF000017'; // 南京华信控股集团, 60% of T
const W = '91320106MAPF00003D'; // 南京华信理财服务, 70% held by T
const N = '91320106MAPF00004G'; // 南京邻里商贸, shares T's phone
const LIU_FANG_ID = '320102198206154320';
const REASON = { 'x-chuantou-reason': encodeURIComponent('（2026）苏公经立字第17号') };

const SOURCE = 'file fileHash sheet row runId recordKind importedAt entry';
const PROFILE = `query($k: ID!) { profile(key: $k) {
  kind requestedKey entity { kind key name identifier idNumber }
  registration { name formerNames status registeredCapital { amountWan } provenance { ${SOURCE} } }
  identity { name keyBasis }
  legalRepresentative { person { name key idNumber } roles { role provenance { ${SOURCE} } } }
  officers { total nodes { person { key name identifier idNumber } roles { role legalRepresentative validTo provenance { ${SOURCE} } } } }
  positions { total nodes { firm { key name } roles { role } } }
  flags { total nodes { listType listTypeCode caseNo filedOn victims amount { amountWan } provenance { ${SOURCE} } } }
  holders { total directTotal exhaustive limitsHit nodes { entity { kind key name } direct directRatio effectiveRatio provenance { ${SOURCE} } } }
  holdings { total nodes { entity { key name } direct directRatio effectiveRatio provenance { ${SOURCE} } } }
  branches { total nodes { firm { key name } provenance { ${SOURCE} } } }
  venueMemberships { firm { key name } memberType memberNo provenance { ${SOURCE} } }
  contacts { kind text sharedTotal sharedWith { key name } links { relationship } provenance { ${SOURCE} } }
  changes { total nodes { item before after changedOn provenance { ${SOURCE} } } }
  priorValues { total nodes { property value provenance { ${SOURCE} } replacedBy { ${SOURCE} } } }
  samePersonCandidates { total nodes { person other { key name } status reasons } }
} }`;

interface Source {
  file: string | null;
  fileHash: string | null;
  sheet: string | null;
  row: number;
  runId: string;
  recordKind: string | null;
  importedAt: string | null;
  entry: string;
}

let graph: Graph;
let dir: string;
let run1: ImportSummary;
let run2: ImportSummary;
let investigator: ApiClient;
let regulator: ApiClient;
let firmProfile: Record<string, any>;
const hashes = new Map<string, string>();

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The shareholder list as the sheet 股东名册 of a workbook, so that a source names a sheet. */
async function shareholdersWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('股东名册');
  for (const line of fs.readFileSync(path.join(fixtures, 'shareholders.csv'), 'utf8').trim().split('\n')) sheet.addRow(line.split(','));
  await workbook.xlsx.writeFile(file);
}

const source = (file: string, row: number, runId: string, sheet: string | null = null, more: Partial<Source> = {}) =>
  expect.objectContaining({ file, fileHash: hashes.get(file), sheet, row, runId, importedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), ...more });

beforeAll(async () => {
  graph = await freshGraph();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-profile-'));
  const workbook = path.join(dir, 'shareholders.xlsx');
  await shareholdersWorkbook(workbook);
  const firstFiles = [
    path.join(fixtures, 'registrations-2023.csv'),
    workbook,
    ...['officers.csv', 'lists.csv', 'members.csv', 'branches.csv', 'changes.csv'].map((f) => path.join(fixtures, f)),
  ];
  const secondFile = path.join(fixtures, 'registrations-2024.csv');
  for (const f of [...firstFiles, secondFile]) hashes.set(path.basename(f), sha256(f));
  run1 = await importFiles({ graph, files: firstFiles, reportDir: dir, secret: TEST_KEY_SECRET });
  run2 = await importFiles({ graph, files: [secondFile], reportDir: dir, secret: TEST_KEY_SECRET });
  const parts = testServerParts(graph);
  const api = createApi(parts);
  const fetchFn = (url: string, init: RequestInit) => api.fetch(url, init);
  investigator = await signedInClient(fetchFn, parts.accounts, 'investigator');
  regulator = await signedInClient(fetchFn, parts.accounts, 'regulator');
  // A first request on a cold database compiles the profile's queries; on a busy machine that can
  // outlast the ownership walk's time cap (limitsHit 'time'), which is not what these tests are about.
  await investigator.gql(PROFILE, { k: T });
  const { data, errors } = await investigator.gql(PROFILE, { k: T });
  expect(errors).toBeUndefined();
  firmProfile = data!.profile;
}, 300_000);

afterAll(async () => {
  await graph?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('profile (一户一档)', () => {
  it('imports both runs of the fixture completely', () => {
    expect([run1.status, run2.status]).toEqual(['completed', 'completed']);
    expect(run1.files.reduce((n, f) => n + f.rejected, 0)).toBe(0);
  });

  it('names the file, hash, row and run of each registration row behind a firm’s facts', () => {
    expect(firmProfile.kind).toBe('COMPANY');
    expect(firmProfile.registration).toMatchObject({ name: '南京华信财富管理有限公司', registeredCapital: { amountWan: 1000 } });
    const sources: Source[] = firmProfile.registration.provenance;
    expect(sources).toEqual(
      expect.arrayContaining([
        source('registrations-2023.csv', 3, run1.runId, null, { recordKind: 'registrations' }),
        source('registrations-2024.csv', 2, run2.runId, null, { recordKind: 'registrations' }),
      ]),
    );
    // Rows that only name the firm (its shareholders, officers, list) are not sources of its registration.
    expect(sources.every((s) => s.recordKind === 'registrations')).toBe(true);
    expect(sources.find((s) => s.runId === run1.runId)!.entry).toBe(`${run1.runId}/1:3`);
  });

  it('names the workbook sheet and row of a shareholding', () => {
    const holder = firmProfile.holders.nodes.find((h: any) => h.entity.key === H);
    expect(holder).toMatchObject({ direct: true, directRatio: 0.6, effectiveRatio: 0.6 });
    expect(holder.provenance).toEqual([source('shareholders.xlsx', 4, run1.runId, '股东名册', { recordKind: 'shareholders' })]);
    expect(holder.provenance[0].entry).toMatch(/:股东名册!4$/);
  });

  it('lists an officer with two roles once, with both roles and the row of each', () => {
    const liu = firmProfile.officers.nodes.filter((o: any) => o.person.name === '刘芳');
    expect(liu).toHaveLength(1);
    const roles = Object.fromEntries(liu[0].roles.map((r: any) => [r.role, r]));
    expect(Object.keys(roles).sort()).toEqual(['总经理', '执行董事', '法定代表人'].sort());
    expect(roles['执行董事'].provenance).toEqual([source('officers.csv', 2, run1.runId)]);
    expect(roles['总经理'].provenance).toEqual([source('officers.csv', 3, run1.runId)]);
    expect(roles['法定代表人'].legalRepresentative).toBe(true);
    expect(firmProfile.officers.total).toBe(2);
    expect(firmProfile.legalRepresentative.person.key).toBe(liu[0].person.key);
    expect(firmProfile.legalRepresentative.roles.map((r: any) => r.role)).toEqual(['法定代表人']);
    expect(firmProfile.legalRepresentative.roles[0].provenance).toEqual(expect.arrayContaining([source('registrations-2023.csv', 3, run1.runId)]));
  });

  it('gives an indirect holder the effective % that beneficial-owners gives, and the direct % of the firms held', async () => {
    expect(firmProfile.holders.limitsHit).toEqual([]);
    const chen = firmProfile.holders.nodes.find((h: any) => h.entity.name === '陈明');
    expect(chen).toMatchObject({ direct: false, directRatio: null, provenance: [] });
    expect(chen.effectiveRatio).toBeCloseTo(0.48, 12);
    const analysis = await beneficialOwners(graph, beneficialOwnersParams.parse({ firm: T }));
    const finding = analysis.findings.find((f) => f.subject.key === chen.entity.key)!;
    expect(chen.effectiveRatio).toBe(finding.facts.effectiveRatio);
    expect(firmProfile.holders).toMatchObject({ directTotal: 2, exhaustive: true });
    const held = firmProfile.holdings.nodes.find((h: any) => h.entity.key === W);
    expect(held).toMatchObject({ direct: true, directRatio: 0.7, effectiveRatio: 0.7 });
    expect(held.provenance).toEqual([source('shareholders.xlsx', 6, run1.runId, '股东名册')]);
  });

  it('lists the other firm that shares a phone, with the row that gave the phone', () => {
    const phone = firmProfile.contacts.find((c: any) => c.kind === 'PHONE');
    expect(phone).toMatchObject({ sharedTotal: 1, sharedWith: [{ key: N, name: '南京邻里商贸有限公司' }], links: [{ relationship: 'HAS_PHONE' }] });
    expect(phone.provenance).toEqual([source('registrations-2023.csv', 3, run1.runId)]);
  });

  it('keeps a replaced name in history with the row that stated it and the row that replaced it', () => {
    const former = firmProfile.priorValues.nodes.find((v: any) => v.property === 'name');
    expect(former).toMatchObject({ value: '南京华信投资咨询有限公司' });
    expect(former.provenance).toEqual([source('registrations-2023.csv', 3, run1.runId)]);
    expect(former.replacedBy).toEqual(source('registrations-2024.csv', 2, run2.runId));
    const change = firmProfile.changes.nodes.find((c: any) => c.item === '名称变更');
    expect(change).toMatchObject({ before: '南京华信咨询有限公司', after: '南京华信投资咨询有限公司', changedOn: '2019-02-20' });
    expect(change.provenance).toEqual([source('changes.csv', 2, run1.runId)]);
  });

  it('shows the case list, the venue membership and the branch, each with its row', () => {
    expect(firmProfile.flags.total).toBe(1);
    const [flag] = firmProfile.flags.nodes;
    expect(flag).toMatchObject({ caseNo: '宁公经立字〔2024〕017号', filedOn: '2024-03-15', victims: 2300, amount: { amountWan: 8000 } });
    expect(flag.provenance).toEqual([source('lists.csv', 2, run1.runId)]);
    expect(firmProfile.venueMemberships).toMatchObject([{ firm: { name: '上海华东贵金属交易中心有限公司' }, memberNo: 'M018' }]);
    expect(firmProfile.venueMemberships[0].provenance).toEqual([source('members.csv', 2, run1.runId)]);
    expect(firmProfile.branches).toMatchObject({ total: 1, nodes: [{ firm: { name: '南京华信投资咨询有限公司玄武分公司' } }] });
    expect(firmProfile.branches.nodes[0].provenance).toEqual([source('branches.csv', 2, run1.runId)]);
  });

  it('proposes the same-name person at the firm sharing the phone as possibly the same person', () => {
    const liuKey = firmProfile.legalRepresentative.person.key;
    const link = firmProfile.samePersonCandidates.nodes.find((l: any) => l.person === liuKey);
    expect(link).toMatchObject({ other: { name: '刘芳' }, status: 'PROPOSED' });
    expect(link.other.key).not.toBe(liuKey);
  });

  it('shows a person’s firms by role and holding, their ID number masked for a regulator and full for an investigator with a reason', async () => {
    const liuKey = firmProfile.legalRepresentative.person.key;
    const asRegulator = await regulator.gql(PROFILE, { k: liuKey }, REASON);
    expect(asRegulator.errors).toBeUndefined();
    const person = asRegulator.data!.profile;
    expect(person).toMatchObject({ kind: 'PERSON', entity: { key: liuKey, name: '刘芳' } });
    expect(person.entity.idNumber).toMatch(/^3201\*+4320$/);
    expect(JSON.stringify(asRegulator.data)).not.toContain(LIU_FANG_ID);
    expect(person.positions.nodes).toMatchObject([{ firm: { key: T } }]);
    expect(person.positions.nodes[0].roles.map((r: any) => r.role).sort()).toEqual(['总经理', '执行董事', '法定代表人'].sort());
    expect(person.holdings.nodes.find((h: any) => h.entity.key === T)).toMatchObject({ direct: true, directRatio: 0.4, effectiveRatio: 0.4 });
    // Through T, which holds 70% of W: 40% × 70%.
    expect(person.holdings.nodes.find((h: any) => h.entity.key === W)).toMatchObject({ direct: false, directRatio: null });
    expect(person.holdings.nodes.find((h: any) => h.entity.key === W).effectiveRatio).toBeCloseTo(0.28, 12);

    const withoutReason = await investigator.gql(PROFILE, { k: liuKey });
    expect(withoutReason.data!.profile.entity.idNumber).not.toBe(LIU_FANG_ID);
    const withReason = await investigator.gql(PROFILE, { k: liuKey }, REASON);
    expect(withReason.data!.profile.entity.idNumber).toBe(LIU_FANG_ID);
  });

  it('answers NOT_FOUND for a key no entity has', async () => {
    const { data, errors } = await investigator.gql(PROFILE, { k: '91320106MA1X999999' });
    expect(errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(data?.profile ?? null).toBeNull();
  });
});
