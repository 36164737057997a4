import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../../cypher/run.ts';
import { freshGraph } from '../../support/graph.ts';
import { CORPUS, FIXTURES, importBods, query, V03, V04, type Imported } from './support.ts';

const jsonFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f));
const isArrayFile = (f: string) => fs.readFileSync(f, 'utf8').trimStart().startsWith('[');

interface Edge {
  holder: string;
  firm: string;
  ratio: number | null;
  validFrom: string | null;
  validTo: string | null;
}

/** A fresh graph per describe block: the examples reuse firms (CHRINON LTD, "Company A") across files. */
function useGraph() {
  const state = {} as { graph: Graph; q: ReturnType<typeof query> };
  beforeAll(async () => {
    state.graph = await freshGraph();
    state.q = query(state.graph);
  });
  afterAll(() => state.graph.close());
  return state;
}

const holdingsCypher = `
  MATCH (h)-[s:HOLDS_SHARES]->(c:Company) WHERE c.key IN $keys
  RETURN h.name AS holder, c.name AS firm, s.ratio AS ratio, toString(s.validFrom) AS validFrom, toString(s.validTo) AS validTo
  ORDER BY firm, holder`;

describe('BODS 0.4 examples', () => {
  const g = useGraph();
  let imported: Imported;
  beforeAll(async () => {
    imported = await importBods(g.graph, jsonFiles(V04));
  });

  it('imports every 0.4 example without a reject', () => {
    expect(imported.rejects).toEqual([]);
    for (const s of imported.summaries) expect(s.read).toBe(s.written + s.skipped);
    expect(imported.summaries.reduce((n, s) => n + s.read, 0)).toBeGreaterThan(100);
  });

  it('joint-ownership: two persons hold 50% each of the joint arrangement, which holds 100% of CHRINON LTD', async () => {
    const rows = await g.q<Edge>(
      `MATCH (j:Company {name: 'Joint shareholding'})-[s:HOLDS_SHARES]->(c:Company {key: 'X-GB-COH-07444723'})
       MATCH (p:Person)-[t:HOLDS_SHARES]->(j)
       RETURN p.name AS holder, t.ratio AS ratio, s.ratio AS jointRatio, c.name AS firm, t.declaredBeneficialOwner AS bo ORDER BY holder`,
    );
    expect(rows).toEqual([
      { holder: 'Natalie Coleman', ratio: 0.5, jointRatio: 1, firm: 'CHRINON LTD', bo: true },
      { holder: 'Roberto Lopez', ratio: 0.5, jointRatio: 1, firm: 'CHRINON LTD', bo: true },
    ]);
  });

  it('indirect-ownership: the component chain becomes direct holdings, the declared 30% a BOFiling', async () => {
    const a = 'X-GB-COH-XE9999';
    expect(await g.q(holdingsCypher, { keys: [a] })).toEqual([{ holder: 'Company B', firm: 'Company A', ratio: 0.6, validFrom: '2017-11-01', validTo: null }]);
    // Person 1's interest in Company B is published without a type: the path stays visible as control of an unknown kind.
    const link = await g.q<{ basis: string; key: string }>(`MATCH (p:Person {name: 'Person 1'})-[r:CONTROLS]->(:Company {key: 'X-GB-COH-XE1010'}) RETURN r.basis AS basis, p.key AS key`);
    expect(link).toMatchObject([{ basis: 'unknown-interest' }]);
    const filings = await g.q(
      `MATCH (:Company {key: $a})-[:FILED_BO]->(b:BOFiling)
       RETURN b.ownerKey AS ownerKey, b.ownerName AS ownerName, b.interestType AS type, b.ratio AS ratio, b.declaredIndirect AS declaredIndirect,
              b.source AS source, b.statementId AS statementId, toString(b.validFrom) AS validFrom`,
      { a },
    );
    expect(filings).toEqual([
      {
        ownerKey: link[0]!.key,
        ownerName: 'Person 1',
        type: 'shareholding',
        ratio: 0.3,
        declaredIndirect: true,
        source: 'bods',
        statementId: 'cdb6acc7-426e-4a7a-9410-895d556fd329',
        validFrom: '2017-11-01',
      },
    ]);
    // The declared answer is never an edge that the analyses would count on top of the chain.
    expect(await g.q(`MATCH (:Person {key: $p})-[r:HOLDS_SHARES]->(:Company {key: $a}) RETURN count(r) AS n`, { p: link[0]!.key, a })).toEqual([{ n: 0 }]);
  });

  it('bods-package-fi-soe: both paths of the diamond are direct holdings, the state’s declared 100% of Gasgrid a BOFiling', async () => {
    const keys = ['X-FI-PRO-3007894-1', 'X-FI-PRO-3010424-9'];
    expect(await g.q(holdingsCypher, { keys })).toEqual([
      { holder: 'Suomen Kaasuverkko Oy', firm: 'Gasgrid Finland Oy', ratio: 0.765, validFrom: '2020-01-01', validTo: null },
      { holder: 'Valtiovarainministerio', firm: 'Gasgrid Finland Oy', ratio: 0.235, validFrom: '2020-01-01', validTo: null },
      { holder: 'Valtiovarainministerio', firm: 'Suomen Kaasuverkko Oy', ratio: 1, validFrom: '2020-01-01', validTo: null },
    ]);
    const paths = await g.q<{ ratio: number }>(
      `MATCH p = (:Company {name: 'Valtiovarainministerio'})-[:HOLDS_SHARES*1..2]->(:Company {key: 'X-FI-PRO-3007894-1'})
       RETURN reduce(r = 1.0, s IN relationships(p) | r * s.ratio) AS ratio ORDER BY ratio`,
    );
    expect(paths.map((p) => p.ratio)).toEqual([0.235, 0.765]);
    expect(await g.q(`MATCH (:Company {name: 'Suomen tasavalta'})-[r:CONTROLS]->(:Company {name: 'Valtiovarainministerio'}) RETURN r.basis AS basis`)).toEqual([
      { basis: 'other-influence-or-control' },
    ]);
    expect(
      await g.q(
        `MATCH (:Company {key: 'X-FI-PRO-3007894-1'})-[:FILED_BO]->(b:BOFiling)
         MATCH (owner:Company {key: b.ownerKey})
         RETURN owner.name AS owner, owner.companyType AS type, b.interestType AS interest, b.ratio AS ratio, b.declaredIndirect AS declared`,
      ),
    ).toEqual([{ owner: 'Suomen tasavalta', type: 'state', interest: 'shareholding', ratio: 1, declared: true }]);
  });

  it('keeps a share range (minimum, exclusiveMaximum) as its bounds, with ratio null', async () => {
    expect(
      await g.q(
        `MATCH (:Company {name: 'MVJ LIMITED'})-[s:HOLDS_SHARES]->(:Company {name: 'JENEX LIMITED'})
         RETURN s.ratio AS ratio, s.ratioMin AS min, s.ratioMinExclusive AS minExclusive, s.ratioMax AS max, s.ratioMaxExclusive AS maxExclusive, s.ratioText AS text`,
      ),
    ).toEqual([{ ratio: null, min: 0.75, minExclusive: false, max: 1, maxExclusive: true, text: '≥75% <100%' }]);
  });

  it('tecido: each update of a record replaces the last as current, and the closing statement ends it (validTo), keeping every statement id', async () => {
    const [maria] = await g.q<Record<string, unknown>>(
      `MATCH (:Person {name: 'Maria Esteves'})-[s:HOLDS_SHARES]->(c:Company {name: 'Tecido Ltd'})
       RETURN s.ratio AS ratio, toString(s.validFrom) AS validFrom, toString(s.validTo) AS validTo, s.bodsStatementIds AS ids, s.bodsStatementId AS current`,
    );
    expect(maria).toEqual({
      ratio: 0.3,
      validFrom: '2022-09-21',
      validTo: '2023-03-03',
      ids: ['crxpru407636437638495407739553674232', 'crxpru416813764819088416860635744423', 'crxpru420235342368543420282213293878', 'crxpru421725837794196421988314976072'],
      current: 'crxpru421725837794196421988314976072',
    });
  });

  it('mixed direct and indirect: one relationship gives a direct holding and a filed indirect share', async () => {
    const a = 'X-GB-COH-XE-08-A';
    expect(await g.q(holdingsCypher, { keys: [a] })).toEqual([
      { holder: 'Company B', firm: 'Company A', ratio: 0.5, validFrom: '2017-11-01', validTo: null },
      { holder: 'Person 1', firm: 'Company A', ratio: 0.5, validFrom: '2019-05-01', validTo: null },
    ]);
    expect(await g.q(`MATCH (:Company {key: $a})-[:FILED_BO]->(b) RETURN b.ownerName AS owner, b.ratio AS ratio`, { a })).toEqual([{ owner: 'Person 1', ratio: 0.5 }]);
  });
});

describe('BODS 0.3 examples', () => {
  const g = useGraph();

  it('imports every 0.3 example array without a reject, and refuses a lone statement saved as a file', async () => {
    const files = [V03, path.join(V03, 'indirect-ownership'), path.join(V03, 'missing-data'), path.join(V03, 'flat-serialisation'), path.join(V03, 'workshop/modelling-bods-data')].flatMap(jsonFiles);
    const arrays = files.filter(isArrayFile);
    const lone = files.filter((f) => !isArrayFile(f));
    expect(arrays.length).toBeGreaterThan(15);
    const imported = await importBods(g.graph, arrays);
    expect(imported.rejects).toEqual([]);
    for (const summary of imported.summaries) expect(summary.read).toBe(summary.written + summary.skipped);
    const refused = await importBods(g.graph, lone);
    expect(refused.rejects.map((r) => [r.row, r.column, r.code])).toEqual(lone.map(() => [1, '$', 'BODS_STATEMENT_INVALID']));
  });
});

describe('BODS 0.3 declared vs computed: os-07-dr-04, companies A–D imported together', () => {
  const g = useGraph();
  beforeAll(async () => {
    const files = ['a', 'b', 'c', 'd'].map((x) => path.join(V03, `indirect-ownership/os-07-dr-04-company-${x}.json`));
    expect((await importBods(g.graph, files)).rejects).toEqual([]);
  });

  it('keeps the declared indirect shares, 30% of A and 60% of B, as filed', async () => {
    expect(
      await g.q(
        `MATCH (c:Company)-[:FILED_BO]->(b:BOFiling) RETURN c.name AS firm, b.ownerName AS owner, b.ratio AS ratio, b.declaredIndirect AS declared ORDER BY firm`,
      ),
    ).toEqual([
      { firm: 'Company A', owner: 'Person 1', ratio: 0.3, declared: true },
      { firm: 'Company B', owner: 'Person 1', ratio: 0.6, declared: true },
    ]);
  });

  it('gives the component chain as direct holdings whose product is 50% of B and 25% of A', async () => {
    expect(await g.q(holdingsCypher, { keys: ['X-UA-EDR-UA-XE-01', 'X-UA-EDR-UA-XE-02', 'X-GB-COH-GB-XE-03', 'X-GB-COH-GB-XE-04'] })).toEqual([
      { holder: 'Company B', firm: 'Company A', ratio: 0.5, validFrom: '2017-11-01', validTo: null },
      { holder: 'Company C', firm: 'Company B', ratio: 0.5, validFrom: '2017-11-01', validTo: null },
      { holder: 'Company D', firm: 'Company B', ratio: 0.5, validFrom: '2017-11-01', validTo: null },
      { holder: 'Person 1', firm: 'Company C', ratio: 1, validFrom: '2017-11-01', validTo: null },
    ]);
    const product = (firm: string) =>
      g.q<{ ratio: number }>(
        `MATCH p = (:Person {name: 'Person 1'})-[:HOLDS_SHARES*]->(:Company {key: $firm})
         RETURN reduce(r = 1.0, s IN relationships(p) | r * s.ratio) AS ratio`,
        { firm },
      );
    expect(await product('X-UA-EDR-UA-XE-02')).toEqual([{ ratio: 0.5 }]);
    expect(await product('X-UA-EDR-UA-XE-01')).toEqual([{ ratio: 0.25 }]);
  });

  it('keeps a person known only from BODS scoped to the filing that states them: "Person 1" of each file is its own node', async () => {
    // No ID number is published; merging same-name persons across filings would be a guess.
    expect(await g.q(`MATCH (p:Person {name: 'Person 1'}) RETURN count(p) AS n, count(DISTINCT p.keyBasis) AS bases, collect(DISTINCT p.keyBasis)[0] AS basis`)).toEqual([
      { n: 3, bases: 1, basis: 'scoped' },
    ]);
  });
});

describe('updates over time', () => {
  const g = useGraph();

  it('2-single-update: the later statement replaces the earlier one it names, whose id stays in the history', async () => {
    const first = await importBods(g.graph, [path.join(V03, '1-single-direct.json')]);
    const second = await importBods(g.graph, [path.join(V03, '2-single-update.json')]);
    expect([...first.rejects, ...second.rejects]).toEqual([]);
    // The replacing statement for the other half names no interested party: nothing is drawn for it.
    expect(second.summaries[0]).toEqual({ read: 4, written: 3, rejected: 0, skipped: 1 });
    expect(
      await g.q(
        `MATCH (p:Person)-[s:HOLDS_SHARES]->(c:Company {key: 'X-GB-COH-07444723'})
         RETURN p.name AS holder, s.ratio AS ratio, s.bodsStatementId AS current, s.bodsStatementIds AS ids, s.validTo AS validTo, size(s.provenance) AS sources`,
      ),
    ).toEqual([
      {
        holder: 'Christopher Taggart',
        ratio: 0.5,
        current: '676ce2ec-e244-409e-85f9-9823e88bc099',
        ids: ['fbfd0547-d0c6-4a00-b559-5c5e91c34f5c', '676ce2ec-e244-409e-85f9-9823e88bc099'],
        validTo: null,
        sources: 2,
      },
    ]);
    expect(await g.q(`MATCH (p:Person {name: 'Christopher Taggart'}) RETURN count(p) AS n`)).toEqual([{ n: 1 }]);
  });

  const early = path.join(FIXTURES, 'update-early.json');
  const late = path.join(FIXTURES, 'update-late.json');
  const state = `
    MATCH (p:Person)-[s:HOLDS_SHARES|CONTROLS]->(:Company {key: 'X-GB-COH-T0000001'})
    RETURN p.name AS holder, type(s) AS type, s.ratio AS ratio, toString(s.validFrom) AS validFrom, toString(s.validTo) AS validTo, size(s.bodsStatementIds) AS statements
    ORDER BY holder, type`;
  const expected = [
    // Updated to 100% of the shares; the votes the update no longer mentions end on its date.
    { holder: 'Alice Example', type: 'CONTROLS', ratio: 0.6, validFrom: '2019-01-01', validTo: '2021-06-30', statements: 1 },
    { holder: 'Alice Example', type: 'HOLDS_SHARES', ratio: 1, validFrom: '2021-06-30', validTo: null, statements: 2 },
    // Closed: ended, not deleted.
    { holder: 'Bob Example', type: 'HOLDS_SHARES', ratio: 0.4, validFrom: '2019-01-01', validTo: '2021-06-30', statements: 2 },
  ];

  const firm = `MATCH (c:Company {key: 'X-GB-COH-T0000001'}) RETURN c.name AS name, c.formerNames AS formerNames, size(c.bodsStatementIds) AS statements`;
  const renamed = [{ name: 'Test Holdings Group Ltd', formerNames: ['Test Holdings Ltd'], statements: 2 }];

  it('a later statement of a record is current, what it drops is ended, a closed record ends its relationship', async () => {
    expect((await importBods(g.graph, [early])).rejects).toEqual([]);
    expect((await importBods(g.graph, [late])).rejects).toEqual([]);
    expect(await g.q(state)).toEqual(expected);
    expect(await g.q(firm)).toEqual(renamed);
    expect(
      await g.q(`MATCH (:Company {key: 'X-GB-COH-T0000001'})-[:HAD_VALUE]->(v:PriorValue) RETURN v.property AS property, v.value AS value, v.replacedBy AS by`),
    ).toEqual([{ property: 'name', value: 'Test Holdings Ltd', by: expect.stringMatching(/\/1:2$/) }]);
  });

  it('comes to the same state when the later publication is imported first', async () => {
    await g.graph.writeInBatches('admin/deleteAll');
    await importBods(g.graph, [late]);
    await importBods(g.graph, [early]);
    expect(await g.q(state)).toEqual(expected);
    expect(await g.q(firm)).toEqual(renamed);
  });
});

describe('re-importing', () => {
  const g = useGraph();

  it('adds no duplicate node or relationship, only the new run’s provenance entries', async () => {
    const files = [path.join(V04, 'joint-ownership.json'), path.join(V04, 'bods-package-fi-soe.json'), path.join(V03, '2-single-update.json')];
    const counts = async () =>
      (await g.q<{ nodes: number; rels: number; ids: number; prov: number }>(
        `MATCH (n) OPTIONAL MATCH (n)-[r]->()
         WITH count(DISTINCT n) AS nodes, count(r) AS rels, sum(size(coalesce(r.bodsStatementIds, []))) AS ids, sum(size(coalesce(r.provenance, []))) AS prov
         RETURN nodes, rels, ids, prov`,
      ))[0]!;
    await importBods(g.graph, files, 'run-once');
    const once = await counts();
    await importBods(g.graph, files, 'run-once');
    expect(await counts()).toEqual(once);
    await importBods(g.graph, files, 'run-twice');
    const twice = await counts();
    expect({ ...twice, prov: once.prov }).toEqual(once);
    expect(twice.prov).toBe(2 * once.prov);
  });
});

describe('the statement corpus through the importer', () => {
  const g = useGraph();

  it('rejects each invalid file once as BODS_STATEMENT_INVALID, and refuses no valid statement', async () => {
    const invalid = jsonFiles(path.join(CORPUS, 'invalid-statements'));
    const bad = await importBods(g.graph, invalid);
    expect(bad.rejects.map((r) => r.code)).toEqual(invalid.map(() => 'BODS_STATEMENT_INVALID'));
    expect(bad.summaries.every((s) => s.written === 0)).toBe(true);
    const valid = await importBods(g.graph, jsonFiles(path.join(CORPUS, 'valid-statements')));
    expect(valid.rejects.filter((r) => r.code !== 'BODS_REFERENCE_MISSING')).toEqual([]);
  });

  it('rejects a relationship naming a record that no statement describes as BODS_REFERENCE_MISSING, at its row and field', async () => {
    const { rejects } = await importBods(g.graph, [path.join(CORPUS, 'valid-statements', 'relationship_subject.json')]);
    expect(rejects).toMatchObject([{ file: 'relationship_subject.json', row: 2, column: '$.recordDetails.subject', code: 'BODS_REFERENCE_MISSING' }]);
  });
});
