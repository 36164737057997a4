import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { entryHmac, type StoredEntry } from '../../audit/chain.ts';
import { AuditTrail } from '../../audit/trail.ts';
import type { AuditRecord } from '../../audit/types.ts';
import { freshGraph } from '../support/graph.ts';

/**
 * Whoever can write to Neo4j but holds neither the key nor the checkpoint files cannot change the
 * audit trail unseen: each tampering below is done the way such a person would, with Cypher
 * straight at the store, and verify names the first entry it broke.
 */

let graph: Graph;
let tmp: string;
const key = crypto.randomBytes(32);

/** Ten entries over three days (4, 4 and 2 a day), so there are three checkpoints: #4, #8 and #10. */
const ENTRIES = 10;
const DAYS = ['2026-03-01', '2026-03-02', '2026-03-03'];

function dayClock(): () => Date {
  let n = 0;
  return () => {
    const day = DAYS[Math.min(Math.floor(n / 4), 2)]!;
    return new Date(`${day}T0${n++ % 4}:00:00.000Z`);
  };
}

const record = (i: number): AuditRecord => ({
  actor: { name: i % 2 ? 'alice' : 'cli:bob', via: i % 2 ? 'web' : 'cli', role: i % 2 ? 'investigator' : null },
  action: i % 3 ? 'analysis' : 'import',
  operation: `runAnalysis:beneficial-owners #${i}`,
  outcome: 'ok',
  address: '127.0.0.1',
  params: { firm: `南京测试${i}有限公司`, threshold: 0.25, nested: { b: 1, a: [1, 'x'] } },
  reason: i === 3 ? '（2026）苏公经侦字第 12 号' : null,
  resultCount: i,
  durationMs: 12.4,
  detail: null,
});

let trail: AuditTrail;
let checkpointDir: string;

async function cypher(query: string, params: Record<string, unknown> = {}) {
  return graph.driver.executeQuery(query, params);
}

/** Every entry as stored, in seq order: what someone recomputing the chain would read. */
async function storedEntries(): Promise<StoredEntry[]> {
  const { records } = await cypher('MATCH (e:AuditEntry) RETURN e {.*} AS e ORDER BY e.seq');
  return records.map((r) => {
    const e = r.get('e') as Record<string, unknown>;
    const num = (v: unknown) => (neo4j.isInt(v) ? (v as { toNumber(): number }).toNumber() : (v as number | null) ?? null);
    return { ...e, seq: num(e.seq), resultCount: num(e.resultCount), durationMs: num(e.durationMs), address: e.address ?? null, params: e.params ?? null, reason: e.reason ?? null, detail: e.detail ?? null, actorRole: e.actorRole ?? null } as StoredEntry;
  });
}

/** Recomputes every HMAC (and the head) with the given key, as someone holding it would after an edit. */
async function recomputeChain(withKey: Buffer): Promise<void> {
  let previous = '';
  for (const entry of await storedEntries()) {
    const hmac = entryHmac(withKey, previous, entry);
    await cypher('MATCH (e:AuditEntry {seq: $seq}) SET e.hmac = $hmac', { seq: neo4j.int(entry.seq), hmac });
    previous = hmac;
  }
  await cypher("MATCH (h:AuditHead) SET h.hmac = $hmac", { hmac: previous });
}

beforeAll(async () => {
  graph = await freshGraph();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-audit-verify-'));
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

beforeEach(async () => {
  await cypher('MATCH (n) WHERE n:AuditEntry OR n:AuditHead DETACH DELETE n');
  checkpointDir = fs.mkdtempSync(path.join(tmp, 'checkpoints-'));
  trail = new AuditTrail(graph, { key, checkpointDir, clock: dayClock() });
  for (let i = 1; i <= ENTRIES; i++) await trail.append(record(i));
});

describe('audit verify', () => {
  it('passes an untouched chain, comparing it with each day’s checkpoint', async () => {
    expect(fs.readdirSync(checkpointDir).sort()).toEqual(DAYS.map((d) => `${d}.json`));
    const result = await trail.verify();
    expect(result).toMatchObject({ ok: true, entries: ENTRIES, checkpoints: 3, firstBroken: null });
    expect(result.head).toMatchObject({ seq: ENTRIES, at: '2026-03-03T01:00:00.000Z' });
  });

  it('names an edited entry: its HMAC no longer matches', async () => {
    await cypher("MATCH (e:AuditEntry {seq: 6}) SET e.actorName = 'somebody-else'");
    const result = await trail.verify();
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ seq: 6, code: 'AUDIT_ENTRY_ALTERED' });
    expect(result.firstBroken!.message.zh).toContain('#6');
    expect(result.firstBroken!.message.en).toContain('#6');
    expect(result.entries).toBe(5);
  });

  it('names an entry whose parameters were edited, whatever the edit', async () => {
    await cypher('MATCH (e:AuditEntry {seq: 3}) SET e.params = replace(e.params, "0.25", "0.5")');
    expect((await trail.verify()).firstBroken).toMatchObject({ seq: 3, code: 'AUDIT_ENTRY_ALTERED' });
  });

  it('names a deleted tail when the head still points past it', async () => {
    await cypher('MATCH (e:AuditEntry) WHERE e.seq > 7 DETACH DELETE e');
    expect((await trail.verify()).firstBroken).toMatchObject({ seq: 8, code: 'AUDIT_TAIL_DELETED' });
  });

  it('names a deleted tail when the head was moved back too: the checkpoints still name the lost entries', async () => {
    await cypher('MATCH (e:AuditEntry) WHERE e.seq > 7 DETACH DELETE e');
    await cypher('MATCH (h:AuditHead), (e:AuditEntry {seq: 7}) SET h.seq = e.seq, h.hmac = e.hmac, h.at = e.at');
    const result = await trail.verify();
    expect(result.firstBroken).toMatchObject({ seq: 8, code: 'AUDIT_TAIL_DELETED', checkpoint: '2026-03-02.json' });
    expect(result.entries).toBe(7);
  });

  it('names the first of deleted middle entries: a gap in the seqs', async () => {
    await cypher('MATCH (e:AuditEntry) WHERE e.seq IN [4, 5] DETACH DELETE e');
    expect((await trail.verify()).firstBroken).toMatchObject({ seq: 4, code: 'AUDIT_GAP' });
  });

  it('catches a chain recomputed with the right key after an edit: the checkpoint after the edit disagrees', async () => {
    await cypher("MATCH (e:AuditEntry {seq: 6}) SET e.outcome = 'denied'");
    await recomputeChain(key);
    const result = await trail.verify();
    // The recomputed chain is consistent in itself; only the day's checkpoint written at #8 proves it changed.
    expect(result.firstBroken).toMatchObject({ seq: 8, code: 'AUDIT_CHECKPOINT_MISMATCH', checkpoint: '2026-03-02.json' });
    expect(result.firstBroken!.message.en).toContain('between #5 and #8');
    expect(result.entries).toBe(7);
  });

  it('catches a chain recomputed with another key: the first entry already fails', async () => {
    await cypher("MATCH (e:AuditEntry {seq: 9}) SET e.reason = 'made up later'");
    await recomputeChain(crypto.randomBytes(32));
    expect((await trail.verify()).firstBroken).toMatchObject({ seq: 1, code: 'AUDIT_ENTRY_ALTERED' });
  });

  it('catches a deleted head node', async () => {
    await cypher('MATCH (h:AuditHead) DELETE h');
    expect((await trail.verify()).firstBroken).toMatchObject({ seq: ENTRIES, code: 'AUDIT_HEAD_MISMATCH' });
  });

  it('catches a store emptied of its whole trail: the checkpoints remain', async () => {
    await cypher('MATCH (n) WHERE n:AuditEntry OR n:AuditHead DETACH DELETE n');
    expect((await trail.verify()).firstBroken).toMatchObject({ seq: 1, code: 'AUDIT_TAIL_DELETED', checkpoint: '2026-03-01.json' });
  });

  it('names a checkpoint file that is not one', async () => {
    fs.writeFileSync(path.join(checkpointDir, '2026-03-02.json'), '{"seq": "eight"}');
    expect((await trail.verify()).firstBroken).toMatchObject({ seq: null, code: 'AUDIT_CHECKPOINT_UNREADABLE', checkpoint: '2026-03-02.json' });
  });

  it('goes on chaining after the check: a new entry follows the head', async () => {
    const entry = await trail.append(record(11));
    expect(entry.seq).toBe(ENTRIES + 1);
    expect((await trail.verify()).ok).toBe(true);
  });
});
