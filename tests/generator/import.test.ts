import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { importFiles, type ImportSummary } from '../../importers/importFiles.ts';
import type { Truth } from '../../generator/index.ts';
import { BAD_ROW_CODES } from '../../generator/badRows.ts';
import { freshGraph, TEST_KEY_SECRET } from '../support/graph.ts';
import { generateTemp } from './support.ts';

/**
 * A generated province imported as a user would import it: the importer rejects or flags exactly
 * the bad rows truth.json lists, each under the listed code, and no other row under a bad row's
 * code; and the planted patterns are in the graph as the truth file describes them. (What the
 * importer infers or cannot map — ratios, list types, a snapshot's closures — is checked against
 * truth.json by the planted-pattern test, tests/analyses/planted/.)
 */

// 5k firms: at 10k the import alone takes about five minutes on the shared two-core machine.
const FIRMS = 5_000;
let graph: Graph;
let truth: Truth;
let summary: ImportSummary;
let reportDir: string;
let cleanup = () => {};

async function query<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await graph.driver.executeQuery(cypher, params, { routing: 'READ' });
  return result.records.map((r) => {
    const o = r.toObject() as Record<string, unknown>;
    for (const [k, v] of Object.entries(o)) if (v && typeof v === 'object' && 'low' in v) o[k] = Number(v as never);
    return o as T;
  });
}

beforeAll(async () => {
  const generated = await generateTemp({ firms: FIRMS, seed: 5, prefix: 'chuantou-import-' });
  cleanup = generated.cleanup;
  truth = generated.result.truth;
  graph = await freshGraph();
  reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-import-report-'));
  const files = Object.values(truth.files).map((f) => path.join(generated.dir, f));
  summary = await importFiles({ graph, files, reportDir, secret: TEST_KEY_SECRET, user: 'test', batchSize: 2000 });
}, 900_000);

afterAll(async () => {
  await graph?.close();
  if (reportDir) fs.rmSync(reportDir, { recursive: true, force: true });
  cleanup();
});

describe('generated province through the importer (5k firms)', () => {
  it('recognises every file as its kind', () => {
    expect(summary.status).toBe('completed');
    const kindOf = (key: string) => (key === 'shareholdersSnapshot' ? 'shareholders' : key);
    expect(Object.fromEntries(summary.files.map((f) => [path.basename(f.file), f.kind]))).toEqual(Object.fromEntries(Object.entries(truth.files).map(([key, file]) => [file, kindOf(key)])));
  });

  it('rejects or flags exactly the planted bad rows, each with its listed code', () => {
    const records: string[][] = parseCsv(fs.readFileSync(summary.rejectsFile!, 'utf8'), { bom: true, relax_column_count: true });
    const badRowCodes = new Set<string>(BAD_ROW_CODES);
    const got = records.slice(1).filter((r) => badRowCodes.has(r[5]!)).map((r) => `${r[0]}:${r[2]}:${r[5]}`);
    const want = truth.badRows.map((b) => `${b.file}:${b.row}:${b.code}`);
    expect(got.length).toBe(new Set(got).size);
    expect([...new Set(got)].filter((k) => !want.includes(k))).toEqual([]);
    expect(want.filter((k) => !got.includes(k))).toEqual([]);
  });

  it('flags each planted controller’s firms and links the controller to them as planted', async () => {
    for (const c of truth.planted.flaggedControllers) {
      const [person] = await query<{ n: number }>('MATCH (p:Person {idNumber: $id}) RETURN count(p) AS n', { id: c.idNumber });
      expect(person!.n, c.name).toBe(1);
      const flagged = await query<{ uscc: string }>('MATCH (f:Company)-[:FLAGGED]->(:ListEntry) WHERE f.uscc IN $firms RETURN DISTINCT f.uscc AS uscc', { firms: c.flaggedFirms });
      expect(flagged.map((f) => f.uscc).sort()).toEqual([...c.flaggedFirms].sort());
      if (c.via === 'legal-rep' || c.via === 'nominee') {
        const rel = c.via === 'legal-rep' ? 'LEGAL_REPRESENTATIVE_OF' : "CONTROLS {basis: 'nominee'}";
        const linked = await query<{ uscc: string }>(`MATCH (:Person {idNumber: $id})-[:${rel}]->(f:Company) WHERE f.uscc IN $firms RETURN DISTINCT f.uscc AS uscc`, { id: c.idNumber, firms: c.flaggedFirms });
        expect(linked.length, `${c.name} ${c.via}`).toBe(c.flaggedFirms.length);
      } else {
        for (const chain of c.chains!) {
          const [top] = await query<{ ratio: number }>('MATCH (:Person {idNumber: $id})-[h:HOLDS_SHARES]->(:Company {uscc: $firm}) RETURN h.ratio AS ratio', { id: c.idNumber, firm: chain.path[0] });
          expect(top?.ratio).toBeCloseTo(chain.ratios[0]!, 9);
          for (let k = 1; k < chain.path.length; k++) {
            const [step] = await query<{ ratio: number }>('MATCH (:Company {uscc: $a})-[h:HOLDS_SHARES]->(:Company {uscc: $b}) RETURN h.ratio AS ratio', { a: chain.path[k - 1], b: chain.path[k] });
            expect(step?.ratio, `${chain.path[k - 1]} → ${chain.path[k]}`).toBeCloseTo(chain.ratios[k]!, 9);
          }
        }
      }
    }
  });

  it('keeps same-name strangers apart', async () => {
    const pairs = truth.decoys.flaggedControllers.filter((d) => d.via === 'legal-rep' && d.idShown === d.idNumber);
    const names = [...new Set(pairs.map((d) => d.name))].filter((n) => new Set(pairs.filter((d) => d.name === n).map((d) => d.idNumber)).size > 1);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const people = await query<{ id: string; firms: number }>(
        'MATCH (p:Person {name: $name})-[:LEGAL_REPRESENTATIVE_OF]->(f:Company)-[:FLAGGED]->() WHERE p.idNumber IN $ids RETURN p.idNumber AS id, count(DISTINCT f) AS firms',
        { name, ids: pairs.filter((d) => d.name === name).map((d) => d.idNumber) },
      );
      expect(people.length).toBeGreaterThanOrEqual(2);
      for (const p of people) expect(p.firms).toBeLessThan(3);
    }
  });

  it('labels venues and links their local members, branches and approvals as planted', async () => {
    for (const v of truth.planted.outOfProvinceVenues) {
      const [venue] = await query<{ exchange: boolean }>('MATCH (v:Company {uscc: $u}) RETURN v:Exchange AS exchange', { u: v.venueUscc });
      expect(venue?.exchange, v.name).toBe(true);
      for (const e of v.localEntities) {
        const cypher =
          e.role === 'branch' ? 'MATCH (:Company {uscc: $e})-[:BRANCH_OF]->(:Company {uscc: $v}) RETURN count(*) AS n'
            : e.role === 'operating-address' ? "MATCH (:Company {uscc: $v})-[:OPERATES_AT]->(:Address)-[:IN_REGION]->(r:Region) WHERE r.code STARTS WITH '32' RETURN count(*) AS n"
              : 'MATCH (:Company {uscc: $e})-[:MEMBER_OF]->(:Company {uscc: $v}) RETURN count(*) AS n';
        const [found] = await query<{ n: number }>(cypher, { e: e.uscc, v: v.venueUscc });
        expect(found!.n, `${v.name} ${e.role} ${e.name}`).toBeGreaterThan(0);
      }
    }
    for (const v of truth.planted.unapprovedVenueMembers) {
      const [found] = await query<{ n: number }>('MATCH (v:Company {uscc: $u}) OPTIONAL MATCH (v)-[a:APPROVED_BY]->() RETURN count(a) AS n', { u: v.venueUscc });
      expect(found!.n).toBe(0);
    }
    for (const v of truth.planted.failedAcceptanceVenueMembers) {
      const passed = await query<{ passed: boolean }>('MATCH (:Company {uscc: $u})-[:APPROVED_BY]->(a:Approval) RETURN a.acceptancePassed AS passed', { u: v.venueUscc });
      expect(passed.map((p) => p.passed)).toContain(false);
    }
    for (const c of truth.planted.unapprovedChanges) {
      const [found] = await query<{ n: number }>('MATCH (:Company {uscc: $u})-[:HAS_CHANGE]->(c:ChangeRecord {item: $item}) RETURN count(c) AS n', { u: c.firm, item: c.item });
      expect(found!.n).toBe(1);
    }
  });

  it('puts each shell cluster at one address or one phone, and files each platform’s borrowers on its list', async () => {
    for (const c of truth.planted.shellClusters) {
      const rel = c.kind === 'address' ? 'REGISTERED_AT' : 'HAS_PHONE';
      const [found] = await query<{ nodes: number; firms: number }>(`MATCH (f:Company)-[:${rel}]->(x) WHERE f.uscc IN $firms RETURN count(DISTINCT x) AS nodes, count(DISTINCT f) AS firms`, { firms: c.firms });
      expect(found).toEqual({ nodes: 1, firms: c.firms.length });
    }
    for (const s of truth.planted.selfFinancing) {
      const [found] = await query<{ n: number }>('MATCH (f:Company)-[:FLAGGED]->(:ListEntry {caseNo: $caseNo}) WHERE f.uscc IN $firms RETURN count(DISTINCT f) AS n', { caseNo: s.borrowerList.caseNo, firms: s.borrowers });
      expect(found!.n).toBe(s.borrowers.length);
    }
  });

  it('holds the beneficial-owner fixtures’ direct ratios exactly', async () => {
    const direct = await query<{ ratio: number; uscc: string; id: string }>('MATCH (p:Person)-[h:HOLDS_SHARES]->(f:Company) WHERE f.uscc IN $firms RETURN h.ratio AS ratio, f.uscc AS uscc, p.idNumber AS id', {
      firms: truth.decoys.beneficialOwners.map((b) => b.firm),
    });
    const edge = truth.decoys.beneficialOwners.flatMap((b) => b.owners.map((o) => ({ firm: b.firm, ...o }))).find((o) => o.effectiveRatio === 0.2499)!;
    expect(direct.find((d) => d.uscc === edge.firm && d.id === edge.idNumber)?.ratio).toBeCloseTo(0.2499, 12);
  });
});
