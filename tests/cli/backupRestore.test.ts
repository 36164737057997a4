import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, stopLocalNeo4j } from '../../neo4j/localServer.ts';
import { runCli } from '../support/cli.ts';
import { TEST_KEY_SECRET } from '../support/graph.ts';

/**
 * An offline backup restored into a new data directory brings its audit trail with it — key and
 * checkpoints included, so it still verifies — and the trail says that a backup was made and
 * that a restore happened, though both ran with the database stopped.
 */

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-backup-'));
const original = path.join(work, 'original');
const restored = path.join(work, 'restored');
const backup = path.join(work, 'backup.tar.gz');

async function chuantou(dataDir: string, boltPort: number, args: string[]) {
  const env = { CHUANTOU_DATA_DIR: dataDir, CHUANTOU_NEO4J_BOLT_PORT: String(boltPort), CHUANTOU_NEO4J_HEAP: '512m', CHUANTOU_NEO4J_PAGECACHE: '128m', CHUANTOU_KEY_SECRET: TEST_KEY_SECRET, COLUMNS: '200' };
  // The local server of the data directory, not the suite's (no NEO4J_URI given).
  const result = await runCli(args, env);
  expect(result.code, `${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

afterAll(async () => {
  for (const dir of [original, restored]) await stopLocalNeo4j(path.join(dir, 'neo4j')).catch(() => false);
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('carry the audit trail, which records both and verifies after the restore', async () => {
    const port = await freePort();
    await chuantou(original, port, ['db', 'start']);
    await chuantou(original, port, ['import', path.resolve('tests/fixtures/importers/registrations.csv')]);
    await chuantou(original, port, ['db', 'stop']);
    await chuantou(original, port, ['db', 'backup', backup]);

    await chuantou(restored, port, ['db', 'restore', backup]);
    await chuantou(restored, port, ['db', 'start']);
    expect(await chuantou(restored, port, ['audit', 'verify'])).toMatch(/完整|intact|ok/i);
    const log = await chuantou(restored, port, ['audit', 'list', '--limit', '20']);
    expect(log).toContain('db restore');
    expect(log).toContain('import');
    await chuantou(restored, port, ['db', 'stop']);

    // The backup's own entry waits in the original directory for its next start.
    await chuantou(original, port, ['db', 'start']);
    expect(await chuantou(original, port, ['audit', 'list', '--action', 'backup'])).toContain('db backup');
    expect(await chuantou(original, port, ['audit', 'verify'])).toMatch(/完整|intact|ok/i);
    await chuantou(original, port, ['db', 'stop']);
  }, 600_000);
});
