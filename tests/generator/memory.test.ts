import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The generator streams: 100k firms are written with a peak resident set under 1 GB (what the
 * process needs grows with the plan and one byte per firm, not with the rows). Run through the
 * CLI in its own process, so the figure is the generator's and not the test runner's.
 */

describe('generator memory', () => {
  it('generates 100k firms through `chuantou generate` with a peak RSS under 1 GB', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-gen100k-'));
    try {
      const run = spawnSync(process.execPath, ['bin/chuantou.mjs', 'generate', '--firms', '100000', '--seed', '3', '--out', out, '--report', 'json'], { encoding: 'utf8', timeout: 170_000 });
      expect(run.status, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as { peakRssMb: number; seconds: number; files: { kind: string; rows: number }[] };
      expect(report.peakRssMb).toBeLessThan(1024);
      expect(report.files.find((f) => f.kind === 'registrations')!.rows).toBeGreaterThanOrEqual(100_000);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);
});
