import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_CHAIN, writeDemo } from '../../demo/generate.ts';
import { parseUscc } from '../../model/identifiers/uscc.ts';
import { parseResidentId } from '../../model/identifiers/residentId.ts';

const demoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../demo');
const committed = (file: string): Buffer => readFileSync(path.join(demoDir, file));

/** Splits one CSV line of the demo files (quoted fields only where a comma occurs). */
function fields(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)]
    .map((m) => m[1]!)
    .slice(0, -1)
    .map((f) => (f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f));
}

function rows(file: string): string[][] {
  return committed(file).toString('utf8').trimEnd().split('\n').slice(1).map(fields);
}

describe('demo province generator', () => {
  it('regenerates the committed files byte for byte from the same seed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chuantou-demo-'));
    try {
      const written = writeDemo(dir);
      expect(readFileSync(written.registrations).equals(committed('registrations.csv'))).toBe(true);
      expect(readFileSync(written.shareholders).equals(committed('shareholders.csv'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('contains the three-level chain from 王建国 to 南京鑫融财富管理有限公司', () => {
    const holdings = rows('shareholders.csv');
    for (const link of DEMO_CHAIN) {
      expect(holdings.some((r) => r[1] === link.firm && r[2] === link.holder && r[5] === link.ratio)).toBe(true);
    }
    const firms = new Set(rows('registrations.csv').map((r) => r[1]));
    for (const link of DEMO_CHAIN) expect(firms.has(link.firm)).toBe(true);
  });

  it('uses only valid USCCs and resident IDs that are full or masked', () => {
    for (const r of rows('registrations.csv')) {
      expect(parseUscc(r[0]!).ok).toBe(true);
      expect(['full', 'masked']).toContain(parseResidentId(r[6]!).kind);
    }
    for (const r of rows('shareholders.csv')) {
      if (r[3] === '企业法人') expect(parseUscc(r[4]!).ok).toBe(true);
      else expect(['full', 'masked']).toContain(parseResidentId(r[4]!).kind);
    }
  });
});
