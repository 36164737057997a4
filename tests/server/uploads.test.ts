import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { createHttpServer, listen } from '../../server/http.ts';
import { Imports } from '../../server/uploads/imports.ts';
import { freshGraph, TEST_KEY_SECRET } from '../support/graph.ts';
import { signedInClient, testServerParts, type ApiClient, type TestServerParts } from '../support/server.ts';

/**
 * Uploads and imports through the API: a file is streamed to disk (the server's memory stays flat
 * whatever its size), capped, kept only for a signed-in investigator and recorded; it is then
 * recognised, imported in the background with progress to poll, summarised with its warnings and
 * rejects file, and retracted.
 */

const fixtures = path.resolve('tests/fixtures/importers');

let graph: Graph;
let parts: TestServerParts;
let server: http.Server;
let port: number;
let investigator: ApiClient;
let regulator: ApiClient;

interface Sent {
  status: number;
  body: any;
}

/** POSTs one file as multipart/form-data over node:http, chunked (no Content-Length), as a browser streaming a large file would. */
function sendFile(target: { port: number; cookie?: string | null; csrf?: boolean }, fileName: string, content: Readable | Buffer): Promise<Sent> {
  const boundary = `----chuantou${crypto.randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`, 'utf8');
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Readable.from(
    (async function* () {
      yield head;
      if (Buffer.isBuffer(content)) yield content;
      else for await (const chunk of content) yield chunk as Buffer;
      yield tail;
    })(),
    { objectMode: false },
  );
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port: target.port,
      method: 'POST',
      path: '/uploads',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...(target.csrf === false ? {} : { 'x-chuantou-csrf': '1' }),
        ...(target.cookie ? { cookie: target.cookie } : {}),
      },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') }));
      // The server may answer before the body is all sent (a refusal): the rest of the upload is moot.
      body.destroy();
    });
    // A refusal may close the connection while the body is still being written.
    req.on('error', (error) => (req.writableEnded ? undefined : reject(error)));
    body.pipe(req);
  });
}

/**
 * A registration CSV of about `bytes`, streamed a block at a time as it is read, never whole in
 * memory: a header, then rows from a few blocks made once from a template and sent in turn;
 * `hash` is its SHA-256 once read to the end.
 */
function generatedCsv(bytes: number): { stream: Readable; hash: () => string } {
  const hash = crypto.createHash('sha256');
  const header = Buffer.from('统一社会信用代码,企业名称,法定代表人,注册资本,成立日期,住所\n', 'utf8');
  const blocks = Array.from({ length: 8 }, (_, b) =>
    Buffer.from(Array.from({ length: 500 }, (_, i) => `91320106MA${String(b * 500 + i).padStart(7, '0')}X,南京生成第${b * 500 + i}号商贸有限公司,王某,100万元,2020-01-02,南京市玄武区珠江路${i}号\n`).join(''), 'utf8'),
  );
  let sent = 0;
  let next = 0;
  const stream = new Readable({
    read() {
      if (sent >= bytes) {
        this.push(null);
        return;
      }
      const chunk = sent === 0 ? header : blocks[next++ % blocks.length]!;
      sent += chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  return { stream, hash: () => hash.digest('hex') };
}

/** V8's collector, reached without --expose-gc: the only way to read live memory rather than garbage not yet collected. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

const live = (gc: () => void) => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** Polls a run as a client would until the server no longer runs it; every answer seen on the way is kept. */
async function poll(runId: string, seen: any[]): Promise<any> {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const { data, errors } = await investigator.gql(RUN, { id: runId });
    expect(errors).toBeUndefined();
    seen.push(data!.importRun);
    if (!data!.importRun.activeHere) return data!.importRun;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`run ${runId} did not finish`);
}

const RUN = `query($id: ID!) { importRun(id: $id) { id status activeHere uploadId fileNames user error progress { rowsRead rowsTotal bytes }
  summary { rowsRead rowsWritten rowsRejected rowsFlagged files { fileName kind read written rejected } warnings { code severity count message } }
  rejectsUrl retractedBy } }`;

beforeAll(async () => {
  graph = await freshGraph();
  parts = testServerParts(graph);
  server = createHttpServer(parts);
  port = Number(new URL(await listen(server, 0, '127.0.0.1')).port);
  const url = `http://127.0.0.1:${port}`;
  investigator = await signedInClient(fetch, parts.accounts, 'investigator', { baseUrl: url });
  regulator = await signedInClient(fetch, parts.accounts, 'regulator', { baseUrl: url });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await graph.close();
  fs.rmSync(parts.auditDir, { recursive: true, force: true });
});

describe('POST /uploads', () => {
  it('streams a 100 MB file to disk with the server’s live memory flat, and stores it byte for byte', async () => {
    const gc = collector();
    const { stream, hash } = generatedCsv(100 * 1024 * 1024);
    const before = live(gc);
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, live(gc));
    }, 500);
    const started = Date.now();
    const sent = await sendFile({ port, cookie: investigator.cookie }, '南京登记（生成）.csv', stream).finally(() => clearInterval(sampler));
    const seconds = (Date.now() - started) / 1000;

    expect(sent.status).toBe(201);
    expect(sent.body.uploadId).toMatch(/^upl-/);
    // A server that held the file would hold 100 MB; a few buffers in flight are all it may.
    expect(peak - before, `peak live memory growth over ${seconds.toFixed(1)} s`).toBeLessThan(40 * 1024 * 1024);
    const stored = path.join(parts.dataDir, 'uploads', sent.body.uploadId, '南京登记（生成）.csv');
    expect(fs.statSync(stored).size).toBeGreaterThanOrEqual(100 * 1024 * 1024);
    const onDisk = crypto.createHash('sha256');
    for await (const chunk of fs.createReadStream(stored)) onDisk.update(chunk as Buffer);
    expect(sent.body.sha256).toBe(hash());
    expect(onDisk.digest('hex')).toBe(sent.body.sha256);

    const [entry] = await parts.audit.list({ operation: 'upload', outcome: 'ok' });
    expect(entry).toMatchObject({ actor: { name: 'test-investigator' }, action: 'import', params: { uploadId: sent.body.uploadId, fileName: '南京登记（生成）.csv', bytes: fs.statSync(stored).size, sha256: sent.body.sha256 } });
  }, 60_000);

  it('refuses an upload without a session (401), from a regulator (403) or without the CSRF header (403), recording each refusal', async () => {
    const file = fs.readFileSync(path.join(fixtures, 'registrations.csv'));
    const anonymous = await sendFile({ port }, 'a.csv', file);
    expect(anonymous).toMatchObject({ status: 401, body: { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] } });
    const asRegulator = await sendFile({ port, cookie: regulator.cookie }, 'a.csv', file);
    expect(asRegulator).toMatchObject({ status: 403, body: { errors: [{ extensions: { code: 'FORBIDDEN' } }] } });
    const noCsrf = await sendFile({ port, cookie: investigator.cookie, csrf: false }, 'a.csv', file);
    expect(noCsrf).toMatchObject({ status: 403, body: { errors: [{ extensions: { code: 'CSRF_HEADER_MISSING' } }] } });
    const denied = await parts.audit.list({ operation: 'upload', outcome: 'denied' });
    expect(denied.map((e) => e.actor.name).sort()).toEqual(['(未登录 / anonymous)', 'test-investigator', 'test-regulator'].sort());
  });

  it('refuses a file past the cap with 413 as it arrives, and leaves nothing of it on disk', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-cap-'));
    const capped = createHttpServer({ ...parts, imports: new Imports({ graph, dataDir, secret: TEST_KEY_SECRET, maxUploadBytes: 1024 * 1024, audit: parts.audit }) });
    const cappedPort = Number(new URL(await listen(capped, 0, '127.0.0.1')).port);
    try {
      const sent = await sendFile({ port: cappedPort, cookie: investigator.cookie }, 'big.csv', generatedCsv(8 * 1024 * 1024).stream);
      expect(sent).toMatchObject({ status: 413, body: { errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] } });
      // The partial file is deleted before the answer is sent.
      expect(fs.readdirSync(path.join(dataDir, 'uploads'))).toEqual([]);
      // Within the cap the same server takes a file.
      const small = await sendFile({ port: cappedPort, cookie: investigator.cookie }, 'small.csv', fs.readFileSync(path.join(fixtures, 'registrations.csv')));
      expect(small.status).toBe(201);
    } finally {
      capped.closeAllConnections();
      await new Promise((resolve) => capped.close(resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('takes an upload that lasts longer than the request timeout while it keeps sending, and answers 408 to one that stalls that long', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-slow-'));
    const hurried = createHttpServer({ ...parts, imports: new Imports({ graph, dataDir, secret: TEST_KEY_SECRET, maxUploadBytes: 1024 * 1024, audit: parts.audit }) }, { requestTimeoutMs: 600 });
    const hurriedPort = Number(new URL(await listen(hurried, 0, '127.0.0.1')).port);
    const rows = fs.readFileSync(path.join(fixtures, 'registrations.csv'));
    const trickle = (pauses: number[]) =>
      Readable.from(
        (async function* () {
          for (const [i, pause] of pauses.entries()) {
            await new Promise((resolve) => setTimeout(resolve, pause));
            yield rows.subarray(Math.floor((i * rows.length) / pauses.length), Math.floor(((i + 1) * rows.length) / pauses.length));
          }
        })(),
      );
    try {
      // Eight pieces 250 ms apart: two seconds in all, never 600 ms without a byte.
      const steady = await sendFile({ port: hurriedPort, cookie: investigator.cookie }, 'steady.csv', trickle(Array(8).fill(250)));
      expect(steady.status).toBe(201);
      const stalled = await sendFile({ port: hurriedPort, cookie: investigator.cookie }, 'stalled.csv', trickle([0, 2000, 0]));
      expect(stalled.status).toBe(408);
    } finally {
      hurried.closeAllConnections();
      await new Promise((resolve) => hurried.close(resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('imports of uploads', () => {
  it('says why an upload of no known kind cannot be imported, and refuses to start it', async () => {
    const sent = await sendFile({ port, cookie: investigator.cookie }, 'unknown.csv', fs.readFileSync(path.join(fixtures, 'unknown-headers.csv')));
    const { data } = await investigator.gql('query($id: ID!) { upload(id: $id) { fileName tables { kind } problem { code message } } }', { id: sent.body.uploadId });
    expect(data!.upload).toMatchObject({ fileName: 'unknown.csv', tables: [], problem: { code: 'HEADERS_UNKNOWN' } });
    expect(data!.upload.problem.message).not.toContain(parts.dataDir);
    const start = await investigator.gql('mutation($u: ID!) { startImport(uploadId: $u, reason: "测试导入") { id } }', { u: sent.body.uploadId });
    expect(start.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', reason: 'NOT_IMPORTABLE' });
    // A column mapping names fields of a kind: without the kind, or with a field the kind lacks, it is refused before anything runs.
    const START_MAPPED = 'mutation($u: ID!, $k: ImportKind, $m: [ColumnMappingInput!]) { startImport(uploadId: $u, kind: $k, mapping: $m, reason: "测试导入") { id } }';
    const noKind = await investigator.gql(START_MAPPED, { u: sent.body.uploadId, m: [{ field: 'name', header: '备注' }] });
    expect(noKind.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', reason: 'MAPPING_INVALID' });
    const noField = await investigator.gql(START_MAPPED, { u: sent.body.uploadId, k: 'registrations', m: [{ field: 'favouriteColour', header: '备注' }] });
    expect(noField.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', reason: 'MAPPING_INVALID' });
  });

  it('detects, imports in the background, reports progress, summary and rejects, and retracts an uploaded registration file', async () => {
    const sent = await sendFile({ port, cookie: investigator.cookie }, '企业登记.csv', fs.readFileSync(path.join(fixtures, 'registrations.csv')));
    expect(sent.status).toBe(201);
    const uploadId = sent.body.uploadId;

    const detected = await investigator.gql('query($id: ID!) { upload(id: $id) { fileName format problem { code } tables { kind mapping { field header column } } } }', { id: uploadId });
    expect(detected.errors).toBeUndefined();
    expect(detected.data!.upload).toMatchObject({ fileName: '企业登记.csv', format: 'csv', problem: null, tables: [{ kind: 'registrations' }] });
    expect(detected.data!.upload.tables[0].mapping).toContainEqual({ field: 'uscc', header: '统一社会信用代码', column: 0 });

    const started = await investigator.gql('mutation($u: ID!) { startImport(uploadId: $u, reason: "（2026）苏公经立字第7号") { id status activeHere uploadId summary { rowsRead } } }', { u: uploadId });
    expect(started.errors).toBeUndefined();
    const runId = started.data!.startImport.id;
    expect(started.data!.startImport).toEqual({ id: runId, status: 'RUNNING', activeHere: true, uploadId, summary: null });
    // One import at a time: a second start while this one runs is refused.
    const second = await investigator.gql('mutation($u: ID!) { startImport(uploadId: $u, reason: "第二次") { id } }', { u: uploadId });
    expect(second.errors?.[0]?.extensions?.code).toBe('IMPORT_BUSY');

    const seen: any[] = [];
    const run = await poll(runId, seen);
    // While it ran: RUNNING here, no summary yet, the rows read never more than it holds.
    for (const running of seen.filter((r) => r.activeHere)) expect(running).toMatchObject({ status: 'RUNNING', summary: null, progress: { bytes: 1058 } });
    expect(seen.every((r) => r.progress.rowsRead <= 4)).toBe(true);
    expect(run).toMatchObject({ status: 'COMPLETED', uploadId, fileNames: ['企业登记.csv'], user: 'test-investigator', error: null, progress: { rowsRead: 4, rowsTotal: 4 } });
    expect(run.summary).toMatchObject({ rowsRead: 4, rowsWritten: 3, rowsRejected: 1, files: [{ fileName: '企业登记.csv', kind: 'registrations', read: 4, written: 3, rejected: 1 }] });
    expect(run.summary.warnings).toContainEqual(expect.objectContaining({ code: 'USCC_CHECK_FAILED', severity: 'reject', count: 1 }));
    expect(run.rejectsUrl).toBe(`/import-runs/${runId}/rejects.csv`);

    const listed = await investigator.gql('{ importRuns(first: 5) { nodes { id status } pageInfo { hasNextPage } } }');
    expect(listed.data!.importRuns.nodes).toContainEqual({ id: runId, status: 'COMPLETED' });

    const rejectsUrl = `http://127.0.0.1:${port}${run.rejectsUrl}`;
    const download = await fetch(rejectsUrl, { headers: { cookie: investigator.cookie! } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('text/csv');
    const rejectsText = await download.text();
    expect(rejectsText).toContain('USCC_CHECK_FAILED');
    expect(rejectsText).toContain('91320102MA1X000300');
    expect((await fetch(rejectsUrl, { headers: { cookie: regulator.cookie! } })).status).toBe(403);
    expect((await fetch(rejectsUrl)).status).toBe(401);
    expect(await parts.audit.list({ operation: 'downloadRejects', outcome: 'ok' })).toHaveLength(1);
    // The same entries through the API, page by page, the file named as the user named it.
    const REJECTS = 'query($id: ID!, $after: String) { importRun(id: $id) { rejects(first: 1, after: $after) { nodes { fileName sheet row column value code severity message } pageInfo { hasNextPage endCursor } } } }';
    const firstPage = (await investigator.gql(REJECTS, { id: runId })).data!.importRun.rejects;
    expect(firstPage.nodes).toEqual([
      { fileName: '企业登记.csv', sheet: null, row: 5, column: '统一社会信用代码', value: '91320102MA1X000300', code: 'USCC_CHECK_FAILED', severity: 'reject', message: expect.stringMatching(/^统一社会信用代码校验位错误.* \/ /) },
    ]);
    expect(firstPage.pageInfo.hasNextPage).toBe(false);
    expect(await parts.audit.list({ operation: 'startImport', outcome: 'ok' })).toEqual([expect.objectContaining({ reason: null, params: expect.objectContaining({ startImport: expect.objectContaining({ uploadId, reason: '（2026）苏公经立字第7号' }) }) })]);
    expect(await parts.audit.list({ operation: 'importFinished', outcome: 'ok' })).toEqual([expect.objectContaining({ resultCount: 3 })]);

    const resumed = await investigator.gql('mutation($r: ID!) { resumeImport(runId: $r) { id } }', { r: runId });
    expect(resumed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', reason: 'RUN_NOT_RESUMABLE' });
    // As if it had failed midway: resumed from its checkpoint, it finishes with the same rows.
    await graph.driver.executeQuery(`MATCH (r:ImportRun {id: $id}) SET r.status = 'failed'`, { id: runId });
    const resuming = await investigator.gql('mutation($r: ID!) { resumeImport(runId: $r) { id status activeHere } }', { r: runId });
    expect(resuming.data!.resumeImport).toEqual({ id: runId, status: 'RUNNING', activeHere: true });
    expect(await poll(runId, [])).toMatchObject({ status: 'COMPLETED', summary: { rowsRead: 4, rowsWritten: 3, rowsRejected: 1 } });
    expect(await parts.audit.list({ operation: 'resumeFinished', outcome: 'ok' })).toHaveLength(1);

    const COMPANY = '{ company(key: "91320106MA1X000101") { name } }';
    expect((await investigator.gql(COMPANY)).data!.company).toEqual({ name: '南京甲控股有限公司' });
    const retracted = await investigator.gql('mutation($r: ID!) { retractImport(runId: $r, reason: "导入有误") { run { status retractedBy } } }', { r: runId });
    expect(retracted.errors).toBeUndefined();
    expect(retracted.data!.retractImport.run).toEqual({ status: 'RETRACTED', retractedBy: 'test-investigator' });
    const gone = await investigator.gql(COMPANY);
    expect(gone.data?.company ?? null).toBeNull();
    expect(await parts.audit.list({ action: 'retract', operation: 'retractImport' })).toHaveLength(1);

    const again = await investigator.gql('mutation($r: ID!) { retractImport(runId: $r, reason: "再次撤销") { redecided } }', { r: runId });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', reason: 'RUN_RETRACTED' });
  }, 200_000);
});
