import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { nodeTypes, relationshipTypes } from '../../model/graph.ts';
import { freshGraph, TEST_KEY_SECRET } from '../support/graph.ts';

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
});
afterAll(() => graph.close());

describe('graph model conformance', () => {
  it('every label, relationship type and property written by the importers is declared in the model', async () => {
    const present = await graph.read<{ kind: string; owner: string; property: string }>('admin/propertyKeys');
    const declaredNode = new Map<string, Set<string>>(Object.values(nodeTypes).map((t) => [t.label, new Set(Object.keys(t.properties))]));
    const declaredRel = new Map<string, Set<string>>(Object.values(relationshipTypes).map((t) => [t.type, new Set(Object.keys(t.properties))]));
    const undeclared = present
      .filter(({ kind, owner, property }) => {
        const declared = (kind === 'node' ? declaredNode : declaredRel).get(owner);
        return !declared?.has(property);
      })
      .map(({ kind, owner, property }) => `${kind} ${owner}.${property}`);
    expect(undeclared).toEqual([]);
    // The fixtures exercise most of the model; an empty database would pass vacuously.
    expect(present.length).toBeGreaterThan(100);
  });
});
