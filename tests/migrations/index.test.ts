import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.ts';
import { pendingMigrations } from '../../migrations/modelVersion.ts';
import { MODEL_VERSION } from '../../model/graph.ts';

/** The migrations take a store from version 0 to the code's MODEL_VERSION one step at a time. */
describe('the list of migrations', () => {
  it('numbers them 1, 2, … up to the model version the code writes', () => {
    expect(migrations.map((m) => m.version)).toEqual(Array.from({ length: MODEL_VERSION }, (_, i) => i + 1));
  });

  it('names and describes each in Chinese and English, every name once', () => {
    for (const m of migrations) {
      expect(m.name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(m.description.zh.trim()).not.toBe('');
      expect(m.description.en.trim()).not.toBe('');
    }
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });

  it('lists as pending the steps a store lacks, in order', () => {
    expect(pendingMigrations(0).map((m) => m.version)).toEqual(migrations.map((m) => m.version));
    expect(pendingMigrations(MODEL_VERSION)).toEqual([]);
    expect(pendingMigrations(MODEL_VERSION + 1)).toEqual([]);
  });
});
