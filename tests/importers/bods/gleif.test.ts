import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../../cypher/run.ts';
import { importGleifFile, isGleifFile } from '../../../importers/bods/gleif.ts';
import { isBodsFile, peekFirstValue, type BodsParties } from '../../../importers/bods/importBods.ts';
import type { Reject } from '../../../importers/rejects.ts';
import { freshGraph, TEST_KEY_SECRET } from '../../support/graph.ts';
import { GLEIF, importBods, query } from './support.ts';

const HENGDIAN_USCC = '91330783717672584H';
const HENGHUA = 'X-XI-LEI-3003005JY7KTP8L48N10';
const pipelineOutput = path.join(GLEIF, 'bods_relationship_issued.json');
const gleifRecords = path.join(GLEIF, 'relationship_issued.json');

let graph: Graph;
let q: ReturnType<typeof query>;
beforeAll(async () => {
  graph = await freshGraph();
  q = query(graph);
});
afterAll(() => graph.close());

async function importGleif(file: string): Promise<Reject[]> {
  const rejects: Reject[] = [];
  await importGleifFile(graph, file, {
    runId: 'run-gleif',
    fileNo: 1,
    fileLabel: path.basename(file),
    secret: TEST_KEY_SECRET,
    rejects: { add: (r) => rejects.push(r) },
    parties: new Map() as BodsParties,
    // The golden copy the pipeline's output was made from is dated 2024-06-06.
    statementDate: '2024-06-06',
  });
  return rejects;
}

// Statement and record ids are the publisher's bookkeeping (the pipeline hashes its own record
// ids) and provenance names the run: everything else must be identical.
const BOOKKEEPING = new Set(['provenance', 'bodsStatementIds', 'bodsStatementId', 'statementId', 'bodsRecordId']);

/** The whole graph as sorted plain data, nodes by key and relationships by their ends' keys. */
async function snapshot(): Promise<unknown> {
  const clean = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).filter(([k]) => !BOOKKEEPING.has(k)).sort());
  const nodes = await q<{ labels: string[]; props: Record<string, unknown> }>(`MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.key`);
  const rels = await q<{ type: string; from: string; to: string; props: Record<string, unknown> }>(
    `MATCH (a)-[r]->(b) RETURN type(r) AS type, a.key AS from, b.key AS to, properties(r) AS props ORDER BY from, to, type`,
  );
  return { nodes: nodes.map((n) => ({ ...n, props: clean(n.props) })), rels: rels.map((r) => ({ ...r, props: clean(r.props) })) };
}

describe('GLEIF through Open Ownership’s BODS output', () => {
  beforeAll(async () => {
    await graph.writeInBatches('admin/deleteAll');
    const { rejects } = await importBods(graph, [pipelineOutput]);
    expect(rejects).toEqual([]);
  });

  it('keys 横店集团控股有限公司 by the USCC GLEIF carries for it, and 橫華國際金融 by its LEI', async () => {
    expect(
      await q(
        `MATCH (c:Company) RETURN c.key AS key, c.keyBasis AS basis, c.uscc AS uscc, c.name AS name, c.normalizedName AS normalized, c.jurisdiction AS jurisdiction ORDER BY key`,
      ),
    ).toEqual([
      { key: HENGDIAN_USCC, basis: 'uscc', uscc: HENGDIAN_USCC, name: '横店集团控股有限公司', normalized: '横店集团控股有限公司', jurisdiction: 'CN' },
      // Traditional characters as registered in Hong Kong; simplified in the matching form.
      { key: HENGHUA, basis: 'foreign-id', uscc: null, name: '橫華國際金融股份有限公司', normalized: '横华国际金融股份有限公司', jurisdiction: 'HK' },
    ]);
  });

  it('keeps Hengdian’s ultimate (indirect) consolidation of 橫華 as declared: a BOFiling, not an edge', async () => {
    expect(
      await q(
        `MATCH (:Company {key: $firm})-[:FILED_BO]->(b:BOFiling)
         RETURN b.ownerKey AS owner, b.ownerName AS name, b.interestType AS type, b.interestDetails AS details, b.declaredIndirect AS declared, toString(b.validFrom) AS from`,
        { firm: HENGHUA },
      ),
    ).toEqual([
      {
        owner: HENGDIAN_USCC,
        name: '横店集团控股有限公司',
        type: 'otherInfluenceOrControl',
        details: 'Relationship Type: IS_ULTIMATELY_CONSOLIDATED_BY',
        declared: true,
        from: '2016-02-23',
      },
    ]);
    expect(await q(`MATCH (:Company {key: $a})-[r]-(:Company {key: $b}) RETURN count(r) AS n`, { a: HENGDIAN_USCC, b: HENGHUA })).toEqual([{ n: 0 }]);
  });

  it('ends a relationship GLEIF deleted, and keeps an updated one as one edge with both statements', async () => {
    const dir = path.join(GLEIF, 'data-standard-gleif_04_testing');
    const { rejects } = await importBods(graph, [path.join(dir, 'Relationship_deleted.json'), path.join(dir, 'Relationship_updated.json')]);
    expect(rejects).toEqual([]);
    expect(
      await q(
        `MATCH (p:Company)-[r:CONTROLS]->(c:Company) WHERE c.key IN ['X-XI-LEI-OFIZ7W1WYFJC3YYSG330', 'X-XI-LEI-959800HPB0TYKYATVE75']
         RETURN c.name AS child, p.name AS parent, r.basis AS basis, toString(r.validTo) AS validTo, size(r.bodsStatementIds) AS statements ORDER BY child`,
      ),
    ).toEqual([
      { child: 'GSFS INVESTMENTS I CORP.', parent: 'THE GOLDMAN SACHS GROUP, INC.', basis: 'other-influence-or-control', validTo: '2024-07-07', statements: 2 },
      { child: 'MULTISERVICIOS MAPFRE MULTIMAP SA', parent: 'MAPFRE ESPAÑA COMPAÑIA DE SEGUROS Y REASEGUROS, S.A', basis: 'other-influence-or-control', validTo: null, statements: 2 },
    ]);
  });
});

describe('GLEIF records read directly', () => {
  it('recognises GLEIF records and BODS statements apart', async () => {
    const gleif = await peekFirstValue(gleifRecords);
    const bods = await peekFirstValue(pipelineOutput);
    expect([isGleifFile(gleif), isBodsFile(gleif), isGleifFile(bods), isBodsFile(bods)]).toEqual([true, false, false, true]);
  });

  it('yield the same graph as importing the pipeline’s BODS output of them (the exact oracle)', async () => {
    await graph.writeInBatches('admin/deleteAll');
    await importBods(graph, [pipelineOutput]);
    const fromPipeline = await snapshot();
    await graph.writeInBatches('admin/deleteAll');
    expect(await importGleif(gleifRecords)).toEqual([]);
    const direct = (await snapshot()) as { nodes: { props: Record<string, unknown> }[] };
    // The one difference, on purpose: GLEIF's other names (here the English name), which the pipeline drops.
    const henghua = direct.nodes.find((n) => n.props.key === HENGHUA)!;
    expect(henghua.props.alternateNames).toEqual(['HGNH INTERNATIONAL FINANCIAL CORPORATION LIMITED']);
    delete henghua.props.alternateNames;
    expect(direct).toEqual(fromPipeline);
  });

  it('reads a reporting exception as an undisclosed parent: the firm, and nothing drawn for the parent', async () => {
    await graph.writeInBatches('admin/deleteAll');
    expect(await importGleif(path.join(GLEIF, 'repex_issued.json'))).toEqual([]);
    expect(await q(`MATCH (c:Company) RETURN c.key AS key, c.name AS name, COUNT { (c)--() } AS links`)).toEqual([
      { key: '91620421MA74MNAU5L', name: '甘肃菲尔资医疗科技有限公司', links: 0 },
    ]);
  });
});
