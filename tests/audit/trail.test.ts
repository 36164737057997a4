import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Graph } from '../../cypher/run.ts';
import { canonicalJson } from '../../audit/chain.ts';
import { AuditTrail, auditHeadText, readAuditHead } from '../../audit/trail.ts';
import type { AuditRecord } from '../../audit/types.ts';
import { freshGraph, testNeo4j } from '../support/graph.ts';

/** The audit trail appends one unforked chain from any number of processes, checkpoints its head, and reads back by filter. */

let graph: Graph;
let tmp: string;
const key = crypto.randomBytes(32);

const record = (over: Partial<AuditRecord> = {}): AuditRecord => ({
  actor: { name: 'alice', via: 'web', role: 'investigator' },
  action: 'analysis',
  operation: 'runAnalysis:beneficial-owners',
  outcome: 'ok',
  address: '10.0.0.8',
  params: { firm: '南京鑫融财富管理有限公司' },
  ...over,
});

async function clearTrail(): Promise<void> {
  await graph.driver.executeQuery('MATCH (n) WHERE n:AuditEntry OR n:AuditHead DETACH DELETE n');
}

beforeAll(async () => {
  graph = await freshGraph();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-audit-trail-'));
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('canonical JSON', () => {
  it('is one text for one value, whatever the order its keys were built in', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: '中' } })).toBe('{"a":{"c":"中","d":[2,{"y":null,"z":1}]},"b":1}');
    expect(canonicalJson({ a: { c: '中', d: [2, { y: null, z: 1 }] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: '中' } }));
    expect(canonicalJson({ a: undefined, n: Number.NaN, big: 12n })).toBe('{"big":"12","n":null}');
  });
});

describe('AuditTrail.append', () => {
  it('chains entries from seq 1 with the time, the caller and the HMAC, and checkpoints the day’s head in a 0600 file', async () => {
    await clearTrail();
    const dir = path.join(tmp, 'append');
    let t = Date.parse('2026-05-01T23:59:59.000Z');
    const trail = new AuditTrail(graph, { key, checkpointDir: dir, clock: () => new Date((t += 1000)) });
    const first = await trail.append(record({ reason: '案件 A-1', resultCount: 3, durationMs: 41.6 }));
    expect(first).toMatchObject({ seq: 1, at: '2026-05-02T00:00:00.000Z', reason: '案件 A-1', resultCount: 3, durationMs: 42, params: { firm: '南京鑫融财富管理有限公司' } });
    expect(first.hmac).toMatch(/^[0-9a-f]{64}$/);
    const second = await trail.append(record({ outcome: 'denied', detail: 'FORBIDDEN' }));
    expect(second.seq).toBe(2);
    expect(second.hmac).not.toBe(first.hmac);

    const file = path.join(dir, '2026-05-02.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ seq: 2, hmac: second.hmac, at: second.at });
    expect(fs.readdirSync(dir)).toEqual(['2026-05-02.json']);
    expect(await readAuditHead(graph)).toEqual({ seq: 2, hmac: second.hmac, at: second.at });
    expect(auditHeadText(await trail.head())).toContain('#2');
  });

  it('refuses a record that is not one, appending nothing', async () => {
    const trail = new AuditTrail(graph, { key, checkpointDir: path.join(tmp, 'invalid') });
    const before = await trail.head();
    await expect(trail.append({ ...record(), action: 'delete-everything' } as unknown as AuditRecord)).rejects.toMatchObject({ code: 'AUDIT_RECORD_INVALID' });
    expect(await trail.head()).toEqual(before);
  });

  it('leaves one unbroken chain with consecutive seqs when two processes append at once, each committing waiting appends together in call order', async () => {
    await clearTrail();
    const dir = path.join(tmp, 'concurrent');
    const other = connect(testNeo4j());
    // Counts the write transactions of writer a: a group commit takes fewer than one per entry.
    let transactions = 0;
    const counted = Object.create(graph) as Graph;
    counted.inWriteTransaction = ((work: Parameters<Graph['inWriteTransaction']>[0]) => {
      transactions += 1;
      return graph.inWriteTransaction(work);
    }) as Graph['inWriteTransaction'];
    try {
      const a = new AuditTrail(counted, { key, checkpointDir: dir });
      const b = new AuditTrail(other, { key, checkpointDir: dir });
      const perWriter = 40;
      const appended = await Promise.all(
        Array.from({ length: perWriter }, (_, i) => [a.append(record({ operation: `a${i}` })), b.append(record({ operation: `b${i}`, actor: { name: 'cli:bob', via: 'cli', role: null } }))]).flat(),
      );
      expect(appended.map((e) => e.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 2 * perWriter }, (_, i) => i + 1));
      const seqsOfA = appended.filter((e) => e.operation.startsWith('a')).map((e) => e.seq);
      expect(seqsOfA).toEqual([...seqsOfA].sort((x, y) => x - y));
      expect(transactions).toBeGreaterThan(0);
      expect(transactions).toBeLessThan(perWriter);
      const verification = await a.verify();
      expect(verification).toMatchObject({ ok: true, entries: 2 * perWriter, firstBroken: null });
      expect(verification.head?.seq).toBe(2 * perWriter);
      // The day's checkpoint holds the head, never an earlier entry left by the slower writer.
      const [checkpoint] = fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
      expect(checkpoint.seq).toBeGreaterThanOrEqual(2 * perWriter - 1);
    } finally {
      await other.close();
    }
  }, 120_000);
});

describe('AuditTrail.list and export', () => {
  let trail: AuditTrail;

  beforeAll(async () => {
    await clearTrail();
    let t = Date.parse('2026-06-01T00:00:00.000Z');
    trail = new AuditTrail(graph, { key, checkpointDir: path.join(tmp, 'list'), clock: () => new Date((t += 3_600_000)) });
    await trail.append(record({ actor: { name: 'alice', via: 'web', role: 'investigator' }, action: 'signIn', operation: 'signIn' }));
    await trail.append(record({ actor: { name: 'mallory', via: 'web', role: null }, action: 'signIn', operation: 'signIn', outcome: 'denied', detail: 'BAD_CREDENTIALS' }));
    await trail.append(record({ operation: 'runAnalysis:paths' }));
    await trail.append(record({ actor: { name: 'cli:bob', via: 'cli', role: null }, action: 'import', operation: 'import', address: 'ws-07', params: { arguments: { files: ['=HYPERLINK("http://x")股东.csv'] } } }));
    await trail.append(record({ action: 'export', operation: 'exportReport', outcome: 'failed', detail: '-1+1' }));
  });

  it('lists newest first, by actor, action, outcome, operation text and time range', async () => {
    expect((await trail.list()).map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    expect((await trail.list({ actor: 'alice' })).map((e) => e.seq)).toEqual([5, 3, 1]);
    expect((await trail.list({ action: 'signIn' })).map((e) => e.seq)).toEqual([2, 1]);
    expect((await trail.list({ outcome: 'denied' })).map((e) => e.actor.name)).toEqual(['mallory']);
    expect((await trail.list({ operation: 'RUNANALYSIS' })).map((e) => e.seq)).toEqual([3]);
    // Entries at 01:00 … 05:00: from inclusive, to exclusive.
    expect((await trail.list({ from: '2026-06-01T02:00:00.000Z', to: '2026-06-01T04:00:00.000Z' })).map((e) => e.seq)).toEqual([3, 2]);
    expect(await trail.count({ actor: 'alice' })).toBe(3);
  });

  it('pages by offset or after the last seq of the previous page', async () => {
    expect((await trail.list({}, { limit: 2 })).map((e) => e.seq)).toEqual([5, 4]);
    expect((await trail.list({}, { limit: 2, offset: 2 })).map((e) => e.seq)).toEqual([3, 2]);
    expect((await trail.list({}, { limit: 2, beforeSeq: 4 })).map((e) => e.seq)).toEqual([3, 2]);
  });

  it('exports CSV Excel opens safely: UTF-8 with BOM, formula-like cells defused', async () => {
    const chunks: string[] = [];
    const out = new Writable({ write: (chunk, _enc, done) => (chunks.push(chunk.toString()), done()) });
    expect(await trail.export({}, 'csv', out)).toBe(5);
    const text = chunks.join('');
    expect(text.startsWith('\ufeff序号 seq,时间 at,操作人 actor')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(6);
    // Oldest first, as an archive reads.
    expect(lines[1]!.startsWith('1,2026-06-01T01:00:00.000Z,alice,web,investigator,signIn')).toBe(true);
    expect(lines[5]).toContain(",'-1+1,");
  });

  it('exports JSON lines, one entry a line with its HMAC, filtered like the list', async () => {
    const chunks: string[] = [];
    const out = new Writable({ write: (chunk, _enc, done) => (chunks.push(chunk.toString()), done()) });
    expect(await trail.export({ action: 'signIn' }, 'jsonl', out)).toBe(2);
    const entries = chunks.join('').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(entries.map((e) => [e.seq, e.actor.name, e.outcome])).toEqual([
      [1, 'alice', 'ok'],
      [2, 'mallory', 'denied'],
    ]);
    expect(entries[0].hmac).toMatch(/^[0-9a-f]{64}$/);
  });

  it('offers no way to edit or delete an entry', () => {
    const methods = Object.getOwnPropertyNames(AuditTrail.prototype).sort();
    expect(methods).toEqual(['append', 'constructor', 'count', 'entries', 'export', 'head', 'list', 'verify']);
  });
});
