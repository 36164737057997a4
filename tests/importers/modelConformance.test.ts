import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { nodeTypes, relationshipTypes, type PropertyType } from '../../model/graph.ts';
import { freshGraph, TEST_KEY_SECRET } from '../support/graph.ts';
import { SAMPLE_DATA } from '../support/sampleData.ts';

/**
 * The graph model (model/graph.ts) is the one definition every layer reads: every label,
 * relationship type and property the importers write must be declared there.
 */

const fixtures = path.resolve('tests/fixtures/importers');
let graph: Graph;

beforeAll(async () => {
  graph = await freshGraph();
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-model-'));
  const files = fs.readdirSync(fixtures).filter((f) => f.endsWith('.csv') && f !== 'unknown-headers.csv');
  for (const f of files) await importFiles({ graph, files: [path.join(fixtures, f)], reportDir, secret: TEST_KEY_SECRET });
  // BODS brings its own properties (ranges, statement ids, alternate names).
  const bods = ['fermcat.json', 'joint-ownership.json', 'indirect-ownership.json', 'bods-package-fi-soe.json', 'tecido.json'].map((f) =>
    path.join(SAMPLE_DATA, 'bods/v0.4/examples', f),
  );
  await importFiles({ graph, files: bods, reportDir, secret: TEST_KEY_SECRET });
});
afterAll(() => graph.close());

/** How Neo4j reports (valueType()) a value of each model property type. */
const storedAs: Record<PropertyType, RegExp> = {
  string: /^STRING NOT NULL$/,
  number: /^(INTEGER|FLOAT) NOT NULL$/,
  date: /^DATE NOT NULL$/,
  datetime: /^ZONED DATETIME NOT NULL$/,
  boolean: /^BOOLEAN NOT NULL$/,
  'string[]': /^LIST<(STRING NOT NULL|NOTHING)> NOT NULL$/,
  'number[]': /^LIST<(INTEGER|FLOAT|NOTHING)( NOT NULL)?> NOT NULL$/,
  value: /./,
};

describe('graph model conformance', () => {
  it('every label, relationship type and property the importers write is declared in the model with its type', async () => {
    const present = await graph.read<{ kind: string; owner: string; property: string; valueType: string }>('admin/propertyKeys');
    const specs = (p: Record<string, { type: PropertyType }>) => new Map(Object.entries(p).map(([name, spec]) => [name, spec.type]));
    const declaredNode = new Map(Object.values(nodeTypes).map((t) => [t.label as string, specs(t.properties)]));
    const declaredRel = new Map(Object.values(relationshipTypes).map((t) => [t.type as string, specs(t.properties)]));
    const undeclared = present
      .filter(({ kind, owner, property, valueType }) => {
        const type = (kind === 'node' ? declaredNode : declaredRel).get(owner)?.get(property);
        return !type || !storedAs[type].test(valueType);
      })
      .map(({ kind, owner, property, valueType }) => `${kind} ${owner}.${property}: ${valueType}`);
    expect(undeclared).toEqual([]);
    // The fixtures exercise most of the model; an empty database would pass vacuously.
    expect(present.length).toBeGreaterThan(100);
  });
});
