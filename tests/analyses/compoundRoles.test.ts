import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { neighborhood } from '../../analyses/neighborhood.ts';
import { runCli } from '../support/cli.ts';
import { freshGraph, TEST_KEY_SECRET, testNeo4jEnv } from '../support/graph.ts';

/**
 * A compound title (执行董事兼总经理) is two roles, and every view shows both: the network the web
 * app draws, and the neighbourhood analysis in every export — never one role folded into the other.
 */

const fixtures = path.resolve('tests/fixtures/importers');
const YI = '91320106MA1X000202';
let graph: Graph;
let dataDir: string;

beforeAll(async () => {
  graph = await freshGraph();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-roles-'));
  await importFiles({ graph, files: ['registrations.csv', 'officers.csv'].map((f) => path.join(fixtures, f)), reportDir: dataDir, secret: TEST_KEY_SECRET });
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a person with two roles in one firm', () => {
  it('reaches the network as two edges, one per role, with distinct ids', async () => {
    const network = await neighborhood(graph, { key: YI, depth: 1 });
    const li = network!.nodes.find((n) => n.label === '李四')!;
    const edges = network!.edges.filter((e) => e.source === li.id && e.type === 'OFFICER_OF');
    expect(edges.map((e) => e.role).sort()).toEqual(['总经理', '执行董事'].sort());
    expect(new Set(edges.map((e) => e.id)).size).toBe(2);
  });

  it('shows both roles in the neighbourhood analysis exported as CSV', async () => {
    const { code, stdout } = await runCli(['run', 'neighborhood', '--param', `key=${YI}`, '--param', 'depth=1', '--format', 'csv'], {
      ...testNeo4jEnv(),
      CHUANTOU_DATA_DIR: dataDir,
    });
    expect(code).toBe(0);
    const [header, ...rows] = stdout.slice(1).trimEnd().split('\r\n');
    const roles = header!.split(',').indexOf('roles');
    expect(roles).toBeGreaterThan(0);
    const li = rows.find((r) => r.includes(',李四,'))!;
    expect(li.split(',')[roles]).toBe('法定代表人; 执行董事; 总经理');
    // Both relationships are in the network the JSON export carries.
    const json = await runCli(['run', 'neighborhood', '--param', `key=${YI}`, '--param', 'depth=1', '--format', 'json'], { ...testNeo4jEnv(), CHUANTOU_DATA_DIR: dataDir });
    const centre = JSON.parse(json.stdout).findings[0];
    expect(centre.evidence.subgraph.edges.filter((e: { type: string }) => e.type === 'OFFICER_OF').map((e: { role: string }) => e.role).sort()).toEqual(['总经理', '执行董事', '监事'].sort());
  }, 120_000);
});
