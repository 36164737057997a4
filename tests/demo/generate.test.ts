import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { DEMO_CHAIN, writeDemo } from '../../demo/generate.ts';
import { demoFiles } from '../../demo/files.ts';
import type { Truth } from '../../generator/index.ts';

/** The committed demo province is exactly what the generator writes with the demo's seed and size, and holds the walkthrough. */

const demoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../demo');
const committed = (file: string): Buffer => fs.readFileSync(path.join(demoDir, file));
const csv = (file: string): string[][] => parseCsv(committed(file).toString('utf8'), { bom: true, relax_column_count: true });
const truth = (): Truth => JSON.parse(committed('truth.json').toString('utf8')) as Truth;

describe('demo province', () => {
  it('regenerates the committed files byte for byte from the demo seed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-demo-'));
    try {
      const result = await writeDemo(dir);
      const written = result.files.map((f) => path.basename(f.file)).sort();
      expect(written).toEqual([...demoFiles.map((f) => path.basename(f)), 'truth.json'].sort());
      for (const file of written) expect(fs.readFileSync(path.join(dir, file)).equals(committed(file)), file).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('contains the three-level chain from 王建国 to 南京鑫融财富管理有限公司, and no other firm named 鑫融', () => {
    const holdings = csv('shareholders.csv');
    for (const link of DEMO_CHAIN) {
      expect(holdings.some((r) => r[1] === link.firm && r[2] === link.holder && r[5] === link.ratio), `${link.holder} → ${link.firm}`).toBe(true);
    }
    const names = csv('registrations.csv').map((r) => r[2] ?? '');
    for (const link of DEMO_CHAIN) expect(names).toContain(link.firm);
    expect(names.filter((n) => n.includes('鑫融')).sort()).toEqual(['南京鑫融投资管理有限公司', '南京鑫融财富管理有限公司']);
  });

  it('lists the walkthrough’s answers in truth.json', () => {
    const t = truth();
    expect(t.demo).toBe(true);
    const wang = t.planted.flaggedControllers.find((c) => c.name === '王建国')!;
    expect(wang.via).toBe('chain');
    expect(wang.flaggedFirmNames).toContain('南京鑫融财富管理有限公司');
    expect(t.planted.shellClusters.map((c) => c.address)).toContain('南京市建邺区江东中路108号1幢1506室');
    expect(t.planted.beneficialOwners.find((b) => b.name === '南京鑫融财富管理有限公司' && b.rule === 'cn-2017')!.owners.map((o) => [o.name, o.effectiveRatio])).toEqual([
      ['王建国', 0.336],
      ['陈静', 0.3],
    ]);
    // Small enough to commit: a few megabytes.
    const bytes = fs.readdirSync(demoDir).reduce((s, f) => s + fs.statSync(path.join(demoDir, f)).size, 0);
    expect(bytes).toBeLessThan(4 * 1024 * 1024);
  });
});
