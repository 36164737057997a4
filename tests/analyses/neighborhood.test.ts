import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { neighborhood } from '../../analyses/neighborhood.ts';
import { freshGraph, TEST_KEY_SECRET } from '../support/graph.ts';

const fixtures = path.resolve('tests/fixtures/importers');
let graph: Graph;

beforeAll(async () => {
  graph = await freshGraph();
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-nb-'));
  await importFiles({ graph, files: [path.join(fixtures, 'registrations.csv'), path.join(fixtures, 'shareholders.csv')], reportDir, secret: TEST_KEY_SECRET });
});
afterAll(() => graph.close());

describe('neighborhood', () => {
  it('depth 1 returns only the direct relationships of the entity', async () => {
    const network = await neighborhood(graph, { key: '91320106MA1X000101', depth: 1 });
    expect(network!.nodes.map((n) => n.label).sort()).toEqual(['南京乙投资管理有限公司', '南京甲控股有限公司', '张三'].sort());
    expect(network!.exhaustive).toBe(true);
  });

  it('a fan-out cap marks the network non-exhaustive and names the entity whose relationships were cut', async () => {
    // 丙 has three relationships (two holders and a legal representative); a cap of 2 drops one.
    const network = await neighborhood(graph, { key: '91320102MA1X000309', depth: 1, fanOut: 2 });
    expect(network!.edges).toHaveLength(2);
    expect(network!.exhaustive).toBe(false);
    expect(network!.limitsHit).toEqual(['fanOut:91320102MA1X000309']);
    // Largest holdings are kept first.
    expect(network!.edges.map((e) => e.ratio)).toEqual([0.7, 0.3]);
  });

  it('a node limit stops the walk, says so, and leaves no edge pointing outside the network', async () => {
    const network = await neighborhood(graph, { key: '91320102MA1X000309', depth: 3, limit: 3 });
    expect(network!.nodes).toHaveLength(3);
    expect(network!.limitsHit).toContain('nodeLimit');
    const ids = new Set(network!.nodes.map((n) => n.id));
    for (const e of network!.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it('returns null for a key that names no entity', async () => {
    expect(await neighborhood(graph, { key: 'P-UNKNOWN' })).toBeNull();
  });
});
