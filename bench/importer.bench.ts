import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import neo4j, { isDate, isInt, type Session } from 'neo4j-driver';
import type { Graph } from '../cypher/run.ts';
import { dateParam } from '../cypher/values.ts';
import { SAME_PERSON_HUB_FIRMS } from '../importers/importFiles.ts';
import { isStatementPart, planImport } from '../importers/plan.ts';
import { handlerFor } from '../importers/kinds/index.ts';
import { RowContext } from '../importers/kinds/rowContext.ts';
import { decideRatioUnit } from '../importers/kinds/shareholders.ts';
import type { Stamped } from '../importers/kinds/kind.ts';
import { writeSyntheticProvince, type SyntheticProvince } from './syntheticProvince.ts';
import type { ImportChildArgs, ImportChildResult } from './importChild.ts';
import { formatNumber, markdownTable, type BenchContext, type BenchRow, type Benchmark } from './bench.ts';

/**
 * The importer against two bare writers of the same graph, on the same Neo4j in the same run:
 *
 * - importer: `importFiles` on the synthetic province's CSV files (batch size 1000), in a child
 *   process whose peak RSS is the importer's memory figure;
 * - MERGE baseline: the very rows the importer's converters produce (run here beforehand, so no
 *   CSV parsing or validation is timed), batch by batch in one transaction each, through bare
 *   `UNWIND $rows AS r MERGE …` statements (bench/cypher/merge/);
 * - CREATE baseline: the final graph of the MERGE baseline, each node and relationship written
 *   once by `UNWIND … CREATE` (bench/cypher/create/) in batches of the same size.
 *
 * All three are reported in CSV rows per second, so they compare directly. Before comparing, the
 * three graphs are counted (nodes, relationships, provenance entries) and must agree. Every query
 * the import runs is also EXPLAINed, and any plan with an Eager operator is named.
 */

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(benchDir);
const BATCH_SIZE = 1000;
const SECRET = 'bench-secret-0123456789abcdef';
const MEMORY_GOAL_MB = 1024;
const RATIO_GOAL = 0.8;
const WARMUP_FIRMS = 2000;

// ---------------------------------------------------------------------------
// Benchmark queries (bench/cypher/…): read as files and run on the driver directly, because
// cypher/run.ts only runs the product's own queries.

const queryTexts = new Map<string, string>();
function benchQuery(name: string): string {
  let text = queryTexts.get(name);
  if (text === undefined) {
    const file = path.join(benchDir, 'cypher', `${name}.cypher`);
    if (!fs.existsSync(file)) throw new Error(`no benchmark query bench/cypher/${name}.cypher`);
    text = fs.readFileSync(file, 'utf8');
    queryTexts.set(name, text);
  }
  return text;
}

/** The importer's value history (PriorValues): the bare MERGE baseline keeps none, so it has no statement for it. */
const WITHOUT_BASELINE = new Set(['import/registrationHistory']);

/** The bare MERGE statement standing for one of the importer's queries. */
function mergeQueryFor(importQuery: string): string {
  const name = `merge/${importQuery.replace(/^import\//, '')}`;
  if (!fs.existsSync(path.join(benchDir, 'cypher', `${name}.cypher`))) {
    throw new Error(`the importer ran cypher/${importQuery}.cypher with rows, and there is no bare baseline for it: add bench/cypher/${name}.cypher`);
  }
  return name;
}

function writeSession(graph: Graph): Session {
  return graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.WRITE });
}

// ---------------------------------------------------------------------------
// Spools: batches of rows on disk as NDJSON, so that a million-row baseline never sits in memory.
// Neo4j dates and integers are tagged so that they go back to the database as what they were.

function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (isDate(v) ? { $date: v.toString() } : isInt(v) ? { $int: v.toString() } : v));
}

function fromJson(line: string): unknown {
  return JSON.parse(line, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      if ('$date' in v) return dateParam((v as { $date: string }).$date);
      if ('$int' in v) return neo4j.int((v as { $int: string }).$int);
    }
    return v;
  });
}

class SpoolWriter {
  private fd: number;
  private buffer: string[] = [];
  private size = 0;
  lines = 0;
  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'w');
  }
  write(value: unknown): void {
    const line = toJson(value) + '\n';
    this.buffer.push(line);
    this.size += line.length;
    this.lines++;
    if (this.size > 4 << 20) this.flush();
  }
  private flush(): void {
    if (this.buffer.length > 0) fs.writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

async function* readSpool<T>(file: string): AsyncGenerator<T> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield fromJson(line) as T;
}

// ---------------------------------------------------------------------------
// The importer, in a child process

function rssKb(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Only what the import needs: no NEO4J_* or CHUANTOU_* setting of the user's can reach it. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(NEO4J_|CHUANTOU_)/.test(k)) env[k] = v;
  return { ...env, CHUANTOU_QUERY_TIMINGS: '1' };
}

async function runImporter(ctx: BenchContext, files: string[], dir: string): Promise<ImportChildResult & { rssQuartilesKb: number[] }> {
  fs.mkdirSync(dir, { recursive: true });
  const args: ImportChildArgs = { uri: ctx.neo4j.uri, files, reportDir: path.join(dir, 'imports'), secret: SECRET, batchSize: BATCH_SIZE, out: path.join(dir, 'result.json') };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(benchDir, 'importChild.ts'), JSON.stringify(args)], {
    cwd: repoRoot,
    // The password in the environment, not in the arguments any local user can list.
    env: { ...childEnv(), NEO4J_USER: ctx.neo4j.auth.user, NEO4J_PASSWORD: ctx.neo4j.auth.password },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  ctx.track(child);
  // RSS over the run, to tell a flat footprint from one that grows with the rows read.
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(rssKb(child.pid!)), 250);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`the import process exited with ${code}`);
  const result = JSON.parse(fs.readFileSync(args.out, 'utf8')) as ImportChildResult;
  if (result.status !== 'completed') throw new Error(`the import ended ${result.status}`);
  const live = samples.filter((kb) => kb > 0);
  const rssQuartilesKb = [0.25, 0.5, 0.75, 1].map((q) => live[Math.max(0, Math.ceil(q * live.length) - 1)] ?? 0);
  return { ...result, rssQuartilesKb };
}

// ---------------------------------------------------------------------------
// MERGE baseline: the importer's own converters and write functions, with the writes captured

interface Captured {
  spool: string;
  batches: number;
  rows: number;
  /** Parameters of the first call of each import query, cut to a few rows: for EXPLAIN. */
  samples: Map<string, Record<string, unknown>>;
}

/**
 * Reads the files as importFiles does (same plan, ratio pre-scan, converters, provenance entries,
 * batches of BATCH_SIZE rows read) and lets each kind's `write` build its statements, which are
 * spooled instead of run. A name-resolution read answers "no match": the synthetic province refers
 * to every firm by a valid code, so it is never asked (the census would show it if it were).
 */
async function captureImporterWrites(files: string[], spool: string): Promise<Captured> {
  const parts = await planImport(files, {});
  const runId = `run-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-000000`;
  const out = new SpoolWriter(spool);
  const samples = new Map<string, Record<string, unknown>>();
  let rows = 0;
  for (const part of parts) {
    if (isStatementPart(part)) throw new Error(`the MERGE baseline covers tables of rows, not statement files (${part.file.name})`);
    const handler = handlerFor(part.mapping.kind);
    let ratioUnit: 'percent' | 'fraction' = 'fraction';
    const ratioColumn = handler.ratioField ? part.columns.get(handler.ratioField) : undefined;
    if (ratioColumn !== undefined) {
      ratioUnit = await decideRatioUnit(
        (async function* () {
          for await (const { cells } of part.table.rows()) if (cells[ratioColumn]) yield cells[ratioColumn]!;
        })(),
      );
    }
    let batch: Stamped<unknown>[] = [];
    let read = 0;
    const flush = async () => {
      if (read === 0) return;
      const statements: [string, unknown[]][] = [];
      await handler.write(async (name, params) => {
        const list = params.rows as unknown[] | undefined;
        if (!samples.has(name) && (!list || list.length > 0)) samples.set(name, list ? { ...params, rows: list.slice(0, 5) } : params);
        if (list && list.length > 0 && !WITHOUT_BASELINE.has(name)) statements.push([mergeQueryFor(name), list]);
        return [];
      }, batch);
      out.write(statements);
      batch = [];
      read = 0;
    };
    for await (const { row, cells } of part.table.rows()) {
      read++;
      rows++;
      const ctx = new RowContext(cells, part.columns, part.table.headers, part.file.name, part.table.sheet, row);
      const record = handler.convert(ctx, { source: 'import', secret: SECRET, ratioUnit });
      if (record) batch.push({ ...(record as object), prov: `${runId}/${part.file.fileNo}:${part.table.sheet ? `${part.table.sheet}!` : ''}${row}` });
      if (read >= BATCH_SIZE) await flush();
    }
    await flush();
  }
  out.close();
  return { spool, batches: out.lines, rows, samples };
}

type Timings = Map<string, { calls: number; ms: number }>;

function addTiming(timings: Timings, name: string, ms: number): void {
  const t = timings.get(name) ?? { calls: 0, ms: 0 };
  timings.set(name, { calls: t.calls + 1, ms: t.ms + ms });
}

/** One transaction per spooled batch; only the time inside transactions is counted. */
async function replayMerge(graph: Graph, spool: string): Promise<{ ms: number; timings: Timings }> {
  const session = writeSession(graph);
  const timings: Timings = new Map();
  let ms = 0;
  try {
    for await (const statements of readSpool<[string, unknown[]][]>(spool)) {
      const started = performance.now();
      await session.executeWrite(async (tx) => {
        for (const [name, rows] of statements) {
          // The server's own time, as the importer's profile counts it (cypher/run.ts).
          const { summary } = await tx.run(benchQuery(name), { rows });
          addTiming(timings, name, Number(summary.resultAvailableAfter) + Number(summary.resultConsumedAfter));
        }
      });
      ms += performance.now() - started;
    }
  } finally {
    await session.close();
  }
  return { ms, timings };
}

// ---------------------------------------------------------------------------
// CREATE baseline: the final graph, each element once

/** Nodes first, then the relationships between them; `pattern` is how the census names them. */
const CREATE_STEPS = [
  { name: 'companies', pattern: 'Company' },
  { name: 'persons', pattern: 'Person' },
  { name: 'addresses', pattern: 'Address' },
  { name: 'regions', pattern: 'Region' },
  { name: 'legalRepresentatives', pattern: 'Person-LEGAL_REPRESENTATIVE_OF->Company' },
  { name: 'registeredAt', pattern: 'Company-REGISTERED_AT->Address' },
  { name: 'inRegion', pattern: 'Address-IN_REGION->Region' },
  { name: 'personHoldings', pattern: 'Person-HOLDS_SHARES->Company' },
  { name: 'firmHoldings', pattern: 'Company-HOLDS_SHARES->Company' },
] as const;

async function exportForCreate(graph: Graph, dir: string): Promise<{ name: string; spool: string }[]> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.READ });
  const spools: { name: string; spool: string }[] = [];
  try {
    for (const step of CREATE_STEPS) {
      const out = new SpoolWriter(path.join(dir, `create-${step.name}.ndjson`));
      let rows: unknown[] = [];
      for await (const record of session.run(benchQuery(`export/${step.name}`))) {
        rows.push(record.toObject());
        if (rows.length >= BATCH_SIZE) {
          out.write(rows);
          rows = [];
        }
      }
      if (rows.length > 0) out.write(rows);
      out.close();
      spools.push({ name: step.name, spool: out.file });
    }
  } finally {
    await session.close();
  }
  return spools;
}

async function replayCreate(graph: Graph, spools: { name: string; spool: string }[]): Promise<{ ms: number; timings: Timings }> {
  const session = writeSession(graph);
  const timings: Timings = new Map();
  let ms = 0;
  try {
    for (const { name, spool } of spools) {
      const text = benchQuery(`create/${name}`);
      for await (const rows of readSpool<unknown[]>(spool)) {
        const started = performance.now();
        await session.executeWrite((tx) => tx.run(text, { rows }));
        const took = performance.now() - started;
        ms += took;
        addTiming(timings, `create/${name}`, took);
      }
    }
  } finally {
    await session.close();
  }
  return { ms, timings };
}

// ---------------------------------------------------------------------------
// Census: the three graphs must be the same graph

type Census = Map<string, { count: number; provenance: number }>;

async function census(graph: Graph): Promise<Census> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.READ });
  const out: Census = new Map();
  const num = (v: unknown) => (isInt(v) ? v.toNumber() : Number(v));
  try {
    for (const r of (await session.run(benchQuery('census/nodes'))).records) {
      out.set((r.get('labels') as string[]).join(':'), { count: num(r.get('count')), provenance: num(r.get('provenance')) });
    }
    for (const r of (await session.run(benchQuery('census/relationships'))).records) {
      const key = `${(r.get('from') as string[]).join(':')}-${r.get('type') as string}->${(r.get('to') as string[]).join(':')}`;
      out.set(key, { count: num(r.get('count')), provenance: num(r.get('provenance')) });
    }
  } finally {
    await session.close();
  }
  return out;
}

/** The run's own records and the importer's review aids are not part of the imported rows. */
const IMPORTER_ONLY = /ImportRun|PriorValue|POSSIBLY_SAME_AS/;

function censusDifferences(a: Census, b: Census, aName: string, bName: string): string[] {
  const keys = new Set([...a.keys(), ...b.keys()].filter((k) => !IMPORTER_ONLY.test(k)));
  const diffs: string[] = [];
  for (const k of [...keys].sort()) {
    const x = a.get(k) ?? { count: 0, provenance: 0 };
    const y = b.get(k) ?? { count: 0, provenance: 0 };
    if (x.count !== y.count || x.provenance !== y.provenance) diffs.push(`${k}: ${aName} ${x.count} (${x.provenance} prov.) vs ${bName} ${y.count} (${y.provenance} prov.)`);
  }
  return diffs;
}

function censusTotals(c: Census): { nodes: number; relationships: number; provenance: number } {
  let nodes = 0;
  let relationships = 0;
  let provenance = 0;
  for (const [k, v] of c) {
    if (IMPORTER_ONLY.test(k)) continue;
    if (k.includes('->')) relationships += v.count;
    else nodes += v.count;
    provenance += v.provenance;
  }
  return { nodes, relationships, provenance };
}

// ---------------------------------------------------------------------------
// Eager operators

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}

/**
 * The Eager operator, which buffers every row before the next clause runs. EagerAggregation is
 * not one: it is how any aggregation (collect, count) reads its input, with nothing to isolate.
 */
const isEager = (operator: string) => /^Eager(@|$)/.test(operator);

function operators(plan: PlanNode): string[] {
  return [plan.operatorType, ...plan.children.flatMap(operators)];
}

function cypherFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? cypherFiles(path.join(dir, e.name)) : e.name.endsWith('.cypher') ? [path.join(dir, e.name)] : []))
    .sort();
}

/** Parameters for the run's bookkeeping queries, which the capture does not see. */
const RUN_PARAMS: Record<string, Record<string, unknown>> = {
  'importRun/start': {
    id: 'run-x', files: [{ fileNo: 1, path: '/x.csv', name: 'x.csv', sha256: '0', bytes: 1, format: 'csv', encoding: 'utf-8' }],
    parts: [{ fileNo: 1, sheet: null, kind: 'registrations' }], options: '{}', user: 'bench', rejectsFile: '/x/rejects.csv',
  },
  'importRun/checkpoint': { id: 'run-x', part: neo4j.int(0), row: neo4j.int(1001), read: neo4j.int(1000), written: neo4j.int(1000), rejected: neo4j.int(0), flagged: neo4j.int(0) },
  'importRun/proposeSamePersons': { prefix: 'run-x/', runId: 'run-x', hubFirms: neo4j.int(SAME_PERSON_HUB_FIRMS) },
  'importRun/finish': { id: 'run-x', status: 'completed', error: null },
};

/**
 * EXPLAINs every query under cypher/import/ and the run bookkeeping an import does, with the
 * parameters the importer really sends where the capture saw them (the others are planned with
 * their parameters missing, which EXPLAIN allows). Returns the files whose plan has an Eager.
 */
async function eagerPlans(graph: Graph, samples: Map<string, Record<string, unknown>>): Promise<{ eager: string[]; baselineEager: string[]; planned: number; withParams: number }> {
  const cypherDir = path.join(repoRoot, 'cypher');
  const files = [...cypherFiles(path.join(cypherDir, 'import')), ...Object.keys(RUN_PARAMS).map((n) => path.join(cypherDir, `${n}.cypher`))];
  const eager: string[] = [];
  const baselineEager: string[] = [];
  let withParams = 0;
  const session = writeSession(graph);
  try {
    for (const file of files) {
      const name = path.relative(cypherDir, file).replace(/\.cypher$/, '');
      const params = samples.get(name) ?? RUN_PARAMS[name];
      if (params) withParams++;
      const result = await session.run(`EXPLAIN ${fs.readFileSync(file, 'utf8')}`, params ?? {});
      const plan = result.summary.plan;
      if (plan && operators(plan as unknown as PlanNode).some(isEager)) eager.push(`cypher/${name}.cypher`);
    }
    for (const dir of ['merge', 'create']) {
      for (const file of cypherFiles(path.join(benchDir, 'cypher', dir))) {
        const result = await session.run(`EXPLAIN ${fs.readFileSync(file, 'utf8')}`);
        const plan = result.summary.plan;
        if (plan && operators(plan as unknown as PlanNode).some(isEager)) baselineEager.push(path.relative(path.join(benchDir, 'cypher'), file).replace(/\.cypher$/, ''));
      }
    }
  } finally {
    await session.close();
  }
  return { eager, baselineEager, planned: files.length, withParams };
}

// ---------------------------------------------------------------------------

interface Measured {
  /** Mean busy cores of other processes during the importer, the MERGE and the CREATE phase. */
  load: [number, number, number];
  province: SyntheticProvince;
  importer: ImportChildResult & { rssQuartilesKb: number[] };
  merge: { ms: number; timings: Timings; batches: number };
  create: { ms: number; timings: Timings };
  differences: string[];
  totals: { nodes: number; relationships: number; provenance: number };
  samples: Map<string, Record<string, unknown>>;
}

async function measure(ctx: BenchContext, firms: number, dir: string, log: (line: string) => void): Promise<Measured> {
  const t = () => new Date().toISOString().slice(11, 19);
  log(`${t()} generating ${firms.toLocaleString('en-US')} firms`);
  const province = writeSyntheticProvince({ dir: path.join(dir, 'province'), firms });
  const files = [province.registrations, province.shareholders];
  log(`${t()} ${province.rows.total.toLocaleString('en-US')} rows; importer`);

  await ctx.resetDatabase();
  let stopLoad = ctx.otherLoad();
  const importer = await runImporter(ctx, files, path.join(dir, 'importer'));
  const importerLoad = stopLoad();
  const importerCensus = await census(ctx.graph);
  log(`${t()} importer ${importer.seconds.toFixed(1)} s; capturing the importer's writes`);

  const captured = await captureImporterWrites(files, path.join(dir, 'merge.ndjson'));
  await ctx.resetDatabase();
  log(`${t()} MERGE baseline (${captured.batches} batches)`);
  stopLoad = ctx.otherLoad();
  const merge = await replayMerge(ctx.graph, captured.spool);
  const mergeLoad = stopLoad();
  const mergeCensus = await census(ctx.graph);
  log(`${t()} MERGE baseline ${(merge.ms / 1000).toFixed(1)} s; exporting its graph`);

  const spools = await exportForCreate(ctx.graph, dir);
  await ctx.resetDatabase();
  log(`${t()} CREATE baseline`);
  stopLoad = ctx.otherLoad();
  const create = await replayCreate(ctx.graph, spools);
  const createLoad = stopLoad();
  const createCensus = await census(ctx.graph);
  log(`${t()} CREATE baseline ${(create.ms / 1000).toFixed(1)} s`);

  // Patterns the CREATE baseline does not write would show up here as differences, too.
  const differences = [
    ...censusDifferences(importerCensus, mergeCensus, 'importer', 'MERGE'),
    ...censusDifferences(mergeCensus, createCensus, 'MERGE', 'CREATE'),
  ];
  for (const s of spools) fs.rmSync(s.spool, { force: true });
  fs.rmSync(captured.spool, { force: true });
  await ctx.resetDatabase();
  return { load: [importerLoad, mergeLoad, createLoad], province, importer, merge: { ...merge, batches: captured.batches }, create, differences, totals: censusTotals(mergeCensus), samples: captured.samples };
}

function profile(m: Measured): string {
  const imp = m.importer;
  const total = imp.seconds * 1000;
  const queryMs = imp.timings.reduce((t, q) => t + q.ms, 0);
  const inBatchQueries = imp.timings.filter((q) => q.name.startsWith('import/') || q.name === 'importRun/checkpoint').reduce((t, q) => t + q.ms, 0);
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const pct = (ms: number) => `${((100 * ms) / total).toFixed(0)}%`;
  const mergeFor = (name: string) => m.merge.timings.get(`merge/${name.replace(/^import\//, '')}`);
  const rows = imp.timings.map((q) => {
    const base = mergeFor(q.name);
    return [`\`${q.name}\``, q.calls, s(q.ms), pct(q.ms), (q.ms / q.calls).toFixed(1), base ? s(base.ms) : ''];
  });
  rows.push(
    ['batch transactions beyond their queries (begin, commit, round trips)', imp.batchTransactions, s(imp.batchTransactionMs - inBatchQueries), pct(imp.batchTransactionMs - inBatchQueries), '', s(m.merge.ms - [...m.merge.timings.values()].reduce((t, q) => t + q.ms, 0))],
    ['outside transactions: planning (SHA-256), CSV reading, ratio pre-scan, converting, rejects file (what of it the previous batch\'s commit did not hide)', '', s(total - imp.batchTransactionMs - imp.otherWriteMs), pct(total - imp.batchTransactionMs - imp.otherWriteMs), '', '—'],
    ['total', '', s(total), '100%', '', s(m.merge.ms)],
  );
  const note = `Query time ${s(queryMs)} s of ${s(total)} s. Last column: the same statement in the MERGE baseline (bare MERGE, same rows).`;
  return `${markdownTable(['query', 'calls', 's', 'share', 'ms/call', 'MERGE baseline s'], rows)}\n\n${note}`;
}

let warmedUp = false;

const importerBench: Benchmark = {
  name: 'importer',
  description: 'CSV import (registrations + shareholders) against bare UNWIND MERGE and UNWIND CREATE writers of the same graph',
  async run(ctx) {
    const dir = path.join(ctx.workDir, 'importer');
    if (!warmedUp) {
      // Neo4j compiles and JITs on first use; a small unmeasured round puts all three writers on warm code.
      ctx.log(`warm-up: ${WARMUP_FIRMS} firms through importer and both baselines (not measured)`);
      await measure(ctx, WARMUP_FIRMS, path.join(ctx.workDir, 'warmup'), () => {});
      fs.rmSync(path.join(ctx.workDir, 'warmup'), { recursive: true, force: true });
      warmedUp = true;
    }
    const m = await measure(ctx, ctx.size.firms, dir, ctx.log);
    const rows = m.province.rows.total;
    if (m.importer.rowsRead !== rows) throw new Error(`the importer read ${m.importer.rowsRead} rows of ${rows}`);
    const importerRate = rows / m.importer.seconds;
    const mergeRate = rows / (m.merge.ms / 1000);
    const createRate = rows / (m.create.ms / 1000);
    const plans = await eagerPlans(ctx.graph, m.samples);
    const peakMb = m.importer.peakRssKb / 1024;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    ctx.detail(`Importer profile, ${ctx.size.label} (${formatNumber(rows)} rows)`, profile(m));

    const result: BenchRow[] = [
      {
        metric: 'rows (registrations + shareholders)',
        value: rows,
        note: `${formatNumber(m.province.rows.registrations)} + ${formatNumber(m.province.rows.shareholders)}; graph: ${formatNumber(m.totals.nodes)} nodes, ${formatNumber(m.totals.relationships)} relationships, ${formatNumber(m.totals.provenance)} provenance entries`,
      },
      {
        metric: 'importer rows/s ÷ MERGE baseline rows/s',
        value: Math.round(importerRate),
        baseline: Math.round(mergeRate),
        ratio: importerRate / mergeRate,
        note: `goal ≥ ${RATIO_GOAL}; ${seconds(m.importer.seconds * 1000)} vs ${seconds(m.merge.ms)}; other processes busy ${m.load[0].toFixed(1)} / ${m.load[1].toFixed(1)} cores`,
      },
      {
        metric: 'importer rows/s ÷ CREATE baseline rows/s',
        value: Math.round(importerRate),
        baseline: Math.round(createRate),
        ratio: importerRate / createRate,
        note: `${seconds(m.importer.seconds * 1000)} vs ${seconds(m.create.ms)}; other processes busy ${m.load[0].toFixed(1)} / ${m.load[2].toFixed(1)} cores`,
      },
      {
        metric: 'MERGE baseline rows/s ÷ CREATE baseline rows/s',
        value: Math.round(mergeRate),
        baseline: Math.round(createRate),
        ratio: mergeRate / createRate,
        note: 'what upserting costs over writing each element once',
      },
      {
        metric: 'import plans with an Eager operator',
        value: plans.eager.length,
        baseline: 0,
        note: `goal 0; of ${plans.planned} plans (${plans.withParams} with the importer's own parameters)${plans.eager.length > 0 ? `: ${plans.eager.join(', ')}` : ''}`,
      },
      {
        metric: 'baseline plans with an Eager operator',
        value: plans.baselineEager.length,
        note: plans.baselineEager.length > 0 ? `bench/cypher/ ${plans.baselineEager.join(', ')} (SET += / = with a map: Neo4j cannot tell which properties it writes)` : 'none',
      },
      {
        metric: 'importer peak RSS (MB)',
        value: Math.round(peakMb),
        baseline: MEMORY_GOAL_MB,
        ratio: peakMb / MEMORY_GOAL_MB,
        note: `goal ≤ ${MEMORY_GOAL_MB} MB whatever the file size; VmHWM of the import process; RSS at ¼, ½, ¾ and the end of the run: ${m.importer.rssQuartilesKb.map((kb) => Math.round(kb / 1024)).join(' / ')} MB`,
      },
      {
        metric: 'same graph written by all three',
        value: m.differences.length === 0 ? 'yes' : 'NO',
        note: m.differences.length === 0 ? 'node, relationship and provenance counts agree' : m.differences.join('; '),
      },
    ];
    if (m.importer.rowsRejected > 0 || m.importer.rowsFlagged > 0) {
      result.push({ metric: 'rows rejected / flagged by the importer', value: `${m.importer.rowsRejected} / ${m.importer.rowsFlagged}`, note: 'the synthetic province should have none' });
    }
    return result;
  },
};

export default importerBench;
