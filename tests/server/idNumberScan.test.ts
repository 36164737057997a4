import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisNames } from '../../analyses/index.ts';
import type { Truth } from '../../generator/index.ts';
import { paramsFor } from '../analyses/planted/everyAnalysis.ts';
import { startDemoApp, type DemoApp } from '../support/app.ts';
import type { ApiClient } from '../support/server.ts';

/**
 * No full ID number reaches a regulator or a viewer, whatever they ask: every analysis, search,
 * profile and network over the demo province is scanned for every full ID number the database
 * holds. An investigator who gave a reason sees them — which proves the scan would find one.
 */

let app: DemoApp;
let fullIds: string[];
let samples: { name: string; person: string; firm: string; id: string }[];
const truth = JSON.parse(fs.readFileSync('demo/truth.json', 'utf8')) as Truth;

const ENVELOPE = 'analysis params about { key name } findings { subject { kind key name } facts evidence }';

beforeAll(async () => {
  app = await startDemoApp();
  const { records } = await app.parts.graph.driver.executeQuery(
    `MATCH (p:Person) WHERE p.idNumber IS NOT NULL
     OPTIONAL MATCH (p)-[:HOLDS_SHARES|LEGAL_REPRESENTATIVE_OF]->(c:Company)
     RETURN p.idNumber AS id, p.name AS name, p.key AS person, head(collect(c.key)) AS firm ORDER BY id`,
  );
  samples = records.map((r) => ({ id: r.get('id'), name: r.get('name'), person: r.get('person'), firm: r.get('firm') }));
  fullIds = samples.map((s) => s.id);
}, 300_000);
afterAll(() => app.stop());

/** Everything a reader can ask for, as raw response bodies. */
async function everything(client: ApiClient, headers: Record<string, string> = {}): Promise<string[]> {
  const bodies: string[] = [];
  const ask = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await client.post({ query, variables }, headers);
    bodies.push(await response.text());
  };
  const params = paramsFor(truth);
  for (const name of analysisNames) {
    await ask(`query($n: String!, $p: JSON) { runAnalysis(name: $n, params: $p) { ${ENVELOPE} } }`, { n: name, p: params[name] });
  }
  for (const sample of samples.filter((s) => s.firm).slice(0, 15)) {
    await ask('query($t: String!) { search(text: $t) { nodes { entity { kind key name identifier idNumber } matchedText firms { name } } } }', { t: sample.name });
    // The number itself typed into the search box comes back, if at all, masked.
    await ask('query($t: String!) { search(text: $t) { nodes { entity { key idNumber } matchedText } } }', { t: sample.id });
    await ask(
      `query($k: ID!) { company(key: $k) { legalRepresentative { idNumber identifier }
        shareholders { holder { key idNumber identifier } } } neighborhood(key: $k, depth: 2) { nodes { id label } } }`,
      { k: sample.firm },
    );
    for (const key of [sample.firm, sample.person]) {
      await ask(
        `query($k: ID!) { profile(key: $k) { entity { idNumber identifier } identity { name keyBasis }
          officers { nodes { person { idNumber identifier } } } holders { nodes { entity { idNumber identifier } } }
          holdings { nodes { entity { idNumber identifier } } } priorValues { nodes { property value } }
          samePersonCandidates { nodes { other { idNumber identifier } } } } }`,
        { k: key },
      );
    }
    await ask(`query($k: String!) { beneficialOwners(firm: $k) { ${ENVELOPE} } controlledFirms(firm: $k) { ${ENVELOPE} } }`, { k: sample.firm });
  }
  return bodies;
}

function leaked(bodies: string[]): string[] {
  return fullIds.filter((id) => bodies.some((b) => b.includes(id)));
}

describe('full ID numbers', () => {
  it('the demo holds persons with full ID numbers to look for', () => {
    expect(fullIds.length).toBeGreaterThan(20);
  });

  it('never reach a regulator, even one who gives a reason', async () => {
    const regulator = await app.client('regulator');
    const bodies = [...(await everything(regulator)), ...(await everything(regulator, { 'x-chuantou-reason': encodeURIComponent('（2026）苏公经立字第7号') }))];
    expect(bodies.filter((b) => b.includes('"errors"'))).toEqual([]);
    expect(leaked(bodies)).toEqual([]);
  }, 300_000);

  it('never reach a viewer, who is refused every analysis and search', async () => {
    const viewer = await app.client('viewer');
    const bodies = await everything(viewer);
    expect(bodies.every((b) => b.includes('FORBIDDEN'))).toBe(true);
    expect(leaked(bodies)).toEqual([]);
  }, 300_000);

  it('reach an investigator only with a reason for the query', async () => {
    const investigator = await app.client('investigator');
    const sample = samples.find((s) => s.firm)!;
    const search = 'query($t: String!) { search(text: $t) { nodes { entity { kind idNumber } } } }';
    const without = await investigator.gql(search, { t: sample.name });
    expect(JSON.stringify(without.data)).not.toContain(sample.id);
    const withReason = await investigator.gql(search, { t: sample.name }, { 'x-chuantou-reason': encodeURIComponent('（2026）苏公经立字第7号') });
    expect(withReason.data!.search.nodes.map((r: { entity: { idNumber: string | null } }) => r.entity.idNumber)).toContain(sample.id);
  });
});
