import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateProvince, type GenerateResult, type Truth } from '../../generator/index.ts';
import { isStatementPart, planImport } from '../../importers/plan.ts';
import type { RecordKind } from '../../importers/mapping.ts';

/** Helpers for the generator's tests: a province in a temporary folder, and its files read back. */

export async function generateTemp(options: { firms: number; seed: number; demo?: boolean; prefix?: string }): Promise<{ dir: string; result: GenerateResult; cleanup: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), options.prefix ?? 'chuantou-gen-'));
  const result = await generateProvince({ firms: options.firms, seed: options.seed, demo: options.demo ?? false, out: dir });
  return { dir, result, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function readTruth(dir: string): Truth {
  return JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Truth;
}

export interface ReadRow {
  file: string;
  row: number;
  /** Values by the importer's field names (importers/mappings/*.json), trimmed; blank cells absent. */
  v: Record<string, string>;
}

/**
 * Every data row of every file, read the way the importer reads them (encoding detected, title
 * rows skipped, XLSX sheets), by the mappings' field names: the tests see the files, not the
 * generator's memory of them.
 */
export async function readProvince(dir: string, truth: Truth): Promise<Record<RecordKind, ReadRow[]>> {
  const files = Object.values(truth.files).map((f) => path.join(dir, f));
  const parts = await planImport(files, {});
  const out = {} as Record<RecordKind, ReadRow[]>;
  for (const part of parts) {
    if (isStatementPart(part)) continue;
    const rows: ReadRow[] = (out[part.mapping.kind] ??= []);
    for await (const { row, cells } of part.table.rows()) {
      const v: Record<string, string> = {};
      for (const [field, at] of part.columns) {
        const text = (cells[at] ?? '').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
        if (text !== '') v[field] = text;
      }
      rows.push({ file: part.file.name, row, v });
    }
  }
  return out;
}

export function hashDir(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((f) => [f, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]),
  );
}

export function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
