import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { envelope as envelopeSchema } from '../../analyses/envelope.ts';
import { freshGraph, TEST_KEY_SECRET, testNeo4jEnv } from '../support/graph.ts';
import { runCli } from '../support/cli.ts';
import stringWidth from 'string-width';

/** `chuantou run <analysis>` as a user runs it: a separate process against the test database. */

const fixtures = path.resolve('tests/fixtures/analyses');
let graph: Graph;
let workDir: string;

function chuantou(args: string[]) {
  return runCli(args, { ...testNeo4jEnv(), CHUANTOU_DATA_DIR: workDir });
}

beforeAll(async () => {
  graph = await freshGraph();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-run-'));
  const files = ['registrations', 'shareholders'].map((f) => path.join(fixtures, `${f}.csv`));
  await importFiles({ graph, files, reportDir: workDir, secret: TEST_KEY_SECRET });
  await graph.driver.executeQuery(fs.readFileSync(path.join(fixtures, 'history.cypher'), 'utf8'));
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('chuantou run', () => {
  it('--format json prints the envelope, the parameters coerced from text', async () => {
    const { code, stdout, stderr } = await chuantou(['run', 'beneficial-owners', '--param', 'firm=测试丙菱形有限公司', '--param', 'threshold=0.3', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const env = envelopeSchema.parse(JSON.parse(stdout));
    expect(env.params).toMatchObject({ firm: '测试丙菱形有限公司', threshold: 0.3 });
    expect(env.about!.key).toBe('91320100MA1TA0005E');
    const chen = env.findings.find((f) => f.subject.name === '陈六')!;
    expect(chen.facts.effectiveRatio).toBeCloseTo(0.32, 12);
    expect(chen.facts.rulesMet).toEqual(['threshold']);
  }, 120_000);

  it('--format csv writes UTF-8 with a BOM, one row per finding, facts flattened and the chains as text', async () => {
    const out = path.join(workDir, 'owners.csv');
    const { code } = await chuantou(['run', 'beneficial-owners', '--param', 'firm=91320100MA1TA0005E', '--format', 'csv', '--output', out]);
    expect(code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFkind,key,name,score,identifier,effectiveRatio,')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 4);
    const chen = lines.find((l) => l.includes(',陈六,'))!;
    expect(chen).toContain(',threshold,true,');
    expect(chen).toContain('陈六 —40%→ 测试丙二投资有限公司 —30%→ 测试丙菱形有限公司 (=12%)');
  }, 120_000);

  it('a name two firms bear fails with exit code 1 and lists the keys to choose from', async () => {
    const { code, stdout, stderr } = await chuantou(['run', 'beneficial-owners', '--param', 'firm=测试重名有限公司']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('[AMBIGUOUS]');
    expect(stderr).toContain('U-TESTSAMENAME1');
    expect(stderr).toContain('U-TESTSAMENAME2');
  }, 120_000);

  it('a bad parameter or an unknown analysis fails before connecting, naming the fault', async () => {
    const [bad, unknown] = await Promise.all([chuantou(['run', 'beneficial-owners', '--param', 'firm=x', '--param', 'rules=cn-1999']), chuantou(['run', 'nobody-knows'])]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('rules');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('beneficial-owners');
  }, 120_000);

  it('--format table prints the findings, in plain words what was searched and what was not, and the evidence', async () => {
    const { code, stdout } = await runCli(['run', 'controlled-firms', '--param', 'person=水深', '--param', 'maxDepth=2', '--format', 'table'], {
      ...testNeo4jEnv(),
      CHUANTOU_DATA_DIR: workDir,
      COLUMNS: '100',
    });
    expect(code).toBe(0);
    expect(stdout).toContain('只查找了 2 层以内，更深的未查找');
    expect(stdout).not.toContain('limitsHit: depth');
    expect(stdout).toMatch(/\| 测试深四有限公司 +\|/);
    expect(stdout).toContain('[ownership] 水深 —100%→ 测试深四有限公司 (=100%)');
  }, 120_000);

  it('--format table is a table a person reads in a terminal: no quotes, no escape codes, no line wider than the terminal', async () => {
    const widths = ['60', '100'];
    const runs = await Promise.all(
      widths.map((columns) => runCli(['run', 'beneficial-owners', '--param', 'firm=91320100MA1TA0005E', '--format', 'table'], { ...testNeo4jEnv(), CHUANTOU_DATA_DIR: workDir, COLUMNS: columns })),
    );
    for (const [i, columns] of widths.entries()) {
      const { code, stdout } = runs[i]!;
      expect(code).toBe(0);
      expect(stdout).toContain('陈六');
      expect(stdout).not.toMatch(/'陈六'|'PERSON'/);
      expect(stdout).not.toContain('\u001b');
      for (const line of stdout.trimEnd().split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(Number(columns));
    }
  }, 120_000);
});
