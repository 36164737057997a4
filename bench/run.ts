/**
 * `npm run bench`: runs every benchmark script (bench/*.bench.ts) on a Neo4j of its own and writes
 * the figures, each next to its baseline, as a dated section of BENCHMARKS.md.
 *
 *   npm run bench -- [--sizes 10k,100k,1m] [--only importer] [--heap 4g] [--pagecache 4g]
 *                    [--note "text"] [--no-write] [--keep-province]
 *
 * A size is a number of firms, any number with k or m: 350k (350,000 firms, about 1.1 million CSV
 * rows in the importer benchmark) is the smallest that passes a million rows.
 *
 * --keep-province keeps the generated and bulk-loaded province of the analyses and api benchmarks
 * (bench/province.ts) under .bench/provinces/ and reuses it on the next run with the same size and
 * the same generator, model and importer sources (a 1m province takes about 40 minutes to generate
 * and load).
 *
 * A benchmark with sizes of its own (`ownSizes`: the UI benchmark, `--only ui`) runs once whatever
 * --sizes says, and a run of only such benchmarks starts no Neo4j.
 *
 * Not part of `npm test`: figures are measured, not asserted. The Neo4j runs from a data folder
 * under .bench/ on a free port, is stopped and deleted at the end (and on Ctrl-C), and the user's
 * configuration (NEO4J_URI, CHUANTOU_DATA_DIR …) is never read, so the user's data is never touched.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { connect, type Graph } from '../cypher/run.ts';
import { ensureLauncherBuilt, freePort, startLocalNeo4j, type RunningNeo4j } from '../neo4j/localServer.ts';
import { formatNumber, markdownTable, type BenchContext, type BenchRow, type BenchSize, type Benchmark } from './bench.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(benchDir);
const benchHome = path.join(repoRoot, '.bench');
const benchmarksFile = path.join(repoRoot, 'BENCHMARKS.md');

// ---------------------------------------------------------------------------
// Arguments

interface Options {
  sizes: BenchSize[];
  only: string[] | null;
  heap: string;
  pageCache: string;
  note: string | null;
  write: boolean;
  keepProvince: boolean;
}

function parseSize(label: string): BenchSize {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(label.trim());
  if (!m) throw new Error(`--sizes: "${label}" is not a size such as 10k, 100k or 1m`);
  const firms = Math.round(Number(m[1]) * (m[2]!.toLowerCase() === 'k' ? 1e3 : m[2]!.toLowerCase() === 'm' ? 1e6 : 1));
  if (firms < 100) throw new Error(`--sizes: ${label} is too small (at least 100 firms)`);
  return { label: label.trim().toLowerCase(), firms };
}

function parseArgs(argv: string[]): Options {
  const options: Options = { sizes: ['10k', '100k'].map(parseSize), only: null, heap: '4g', pageCache: '4g', note: null, write: true, keepProvince: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--sizes') options.sizes = value().split(',').filter(Boolean).map(parseSize);
    else if (arg === '--only') options.only = value().split(',').filter(Boolean);
    else if (arg === '--heap') options.heap = value();
    else if (arg === '--pagecache') options.pageCache = value();
    else if (arg === '--note') options.note = value();
    else if (arg === '--no-write') options.write = false;
    else if (arg === '--keep-province') options.keepProvince = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]!.replace(/^\/\*\*|^ \* ?/gm, '') + '\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg} (see --help)`);
  }
  return options;
}

async function loadBenchmarks(only: string[] | null): Promise<Benchmark[]> {
  const files = fs.readdirSync(benchDir).filter((f) => f.endsWith('.bench.ts')).sort();
  const all: Benchmark[] = [];
  for (const f of files) all.push(((await import(pathToFileURL(path.join(benchDir, f)).href)) as { default: Benchmark }).default);
  if (!only) return all;
  const unknown = only.filter((n) => !all.some((b) => b.name === n));
  if (unknown.length > 0) throw new Error(`--only: no benchmark named ${unknown.join(', ')} (there are: ${all.map((b) => b.name).join(', ')})`);
  return all.filter((b) => only.includes(b.name));
}

// ---------------------------------------------------------------------------
// Machine and load

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function machine(options: Options, neo4jVersion: string | null) {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const commit = git('rev-parse', '--short', 'HEAD') || 'unknown';
  const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
  return {
    cores: os.availableParallelism(),
    memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    neo4j: neo4jVersion === null ? 'no Neo4j (none of these benchmarks reads a province)' : `Neo4j ${neo4jVersion}, heap ${options.heap}, page cache ${options.pageCache}`,
    node: process.version,
    commit: `${commit}${dirty ? ' (with uncommitted changes)' : ''}`,
  };
}

/**
 * CPU time of the whole machine minus that of this run (this process and all its descendants, and
 * Neo4j): how busy other work kept the cores while a figure was measured.
 */
class LoadMeter {
  private readonly tick = 100;
  constructor(private readonly pids: () => number[]) {}

  private machineBusy(): number {
    const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    return cpu[0]! + cpu[1]! + cpu[2]! + cpu[5]! + cpu[6]! + cpu[7]!;
  }

  /** The given processes and all their descendants (a browser's renderer and GPU processes, say). */
  private withDescendants(roots: number[]): number[] {
    const children = new Map<number, number[]>();
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
      } catch {
        // ended while listing
      }
    }
    const all = new Set<number>();
    const visit = (pid: number) => {
      if (all.has(pid)) return;
      all.add(pid);
      for (const child of children.get(pid) ?? []) visit(child);
    };
    roots.forEach(visit);
    return [...all];
  }

  private ownBusy(): number {
    let total = 0;
    for (const pid of this.withDescendants([process.pid, ...this.pids()])) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
        // utime stime cutime cstime are fields 14–17, i.e. 11–14 after the command name.
        total += fields[11]! + fields[12]! + fields[13]! + fields[14]!;
      } catch {
        // gone: its time is in its parent's cutime once reaped
      }
    }
    return total;
  }

  start(): () => { otherCores: number; load1: number } {
    if (!fs.existsSync('/proc/stat')) return () => ({ otherCores: NaN, load1: os.loadavg()[0]! });
    const started = performance.now();
    const machine0 = this.machineBusy();
    const own0 = this.ownBusy();
    return () => {
      const seconds = (performance.now() - started) / 1000;
      const other = this.machineBusy() - machine0 - (this.ownBusy() - own0);
      return { otherCores: Math.max(0, other / this.tick / seconds), load1: os.loadavg()[0]! };
    };
  }
}

// ---------------------------------------------------------------------------
// BENCHMARKS.md

const RESULTS_MARKER = '<!-- bench results: newest first; `npm run bench` replaces the section with its date, sizes and benchmarks -->';

const INTRO = `# Benchmarks

Figures measured by \`npm run bench\` (bench/run.ts). See the sections below for what each figure
means; every figure sits next to a baseline measured in the same run on the same Neo4j.

${RESULTS_MARKER}
`;

function sectionKey(date: string, sizeLabels: string[], benches: Benchmark[]): string {
  return `<!-- bench-run ${date} sizes=${sizeLabels.join(',')} benchmarks=${benches.map((b) => b.name).join(',')} -->`;
}

/** Keeps everything above the results (the hand-written explanation) and the other runs' sections. */
function writeBenchmarks(key: string, section: string): void {
  let text = fs.existsSync(benchmarksFile) ? fs.readFileSync(benchmarksFile, 'utf8') : INTRO;
  if (!text.includes(RESULTS_MARKER)) text = `${text.trimEnd()}\n\n${RESULTS_MARKER}\n`;
  const block = `${key}\n${section.trim()}\n<!-- /bench-run -->\n`;
  const start = text.indexOf(key);
  if (start >= 0) {
    const end = text.indexOf('<!-- /bench-run -->', start);
    text = text.slice(0, start) + block + text.slice(end + '<!-- /bench-run -->'.length).replace(/^\n/, '');
  } else {
    const at = text.indexOf(RESULTS_MARKER) + RESULTS_MARKER.length;
    text = `${text.slice(0, at)}\n\n${block}${text.slice(at).replace(/^\n+/, '\n')}`;
  }
  fs.writeFileSync(benchmarksFile, text.replace(/\n{3,}/g, '\n\n'));
}

function tableOf(rows: (BenchRow & { size: string; bench: string })[]): string {
  return markdownTable(
    ['size', 'benchmark', 'metric', 'value', 'baseline', 'ratio', 'note'],
    rows.map((r) => [r.size, r.bench, r.metric, formatNumber(r.value), formatNumber(r.baseline), r.ratio === null || r.ratio === undefined ? '' : r.ratio.toFixed(2), r.note ?? '']),
  );
}

// ---------------------------------------------------------------------------

/** Set on Ctrl-C: what fails afterwards fails because the run is being torn down, and is not reported. */
let interrupted = false;

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const benches = await loadBenchmarks(options.only);
  if (benches.length === 0) throw new Error('no benchmark scripts (bench/*.bench.ts)');

  // Data folders of runs that were killed are removed; a live run's folder is left alone.
  fs.mkdirSync(benchHome, { recursive: true });
  for (const entry of fs.readdirSync(benchHome)) {
    const pid = /^run-(\d+)$/.exec(entry)?.[1];
    if (pid && !processAlive(Number(pid))) fs.rmSync(path.join(benchHome, entry), { recursive: true, force: true });
  }
  const home = path.join(benchHome, `run-${process.pid}`);
  const children = new Set<ChildProcess>();
  let neo4j: RunningNeo4j | null = null;
  let graph: Graph | null = null;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await graph?.close().catch(() => undefined);
    await neo4j?.stop().catch(() => undefined);
    fs.rmSync(home, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interrupted = true;
      process.stderr.write(`\n${signal}: stopping Neo4j and removing ${path.relative(repoRoot, home)}\n`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  try {
    const provinceBenches = benches.filter((b) => b.ownSizes === undefined);
    let version: string | null = null;
    if (provinceBenches.length > 0) {
      ensureLauncherBuilt((line) => process.stdout.write(`${line}\n`));
      const boltPort = await freePort();
      process.stdout.write(`starting Neo4j (heap ${options.heap}, page cache ${options.pageCache}) on port ${boltPort}, data in ${path.relative(repoRoot, home)}\n`);
      neo4j = await startLocalNeo4j({ home: path.join(home, 'neo4j'), boltPort, heap: options.heap, pageCache: options.pageCache, passwordFile: path.join(home, 'neo4j-password') });
      graph = connect({ uri: neo4j.uri, ...neo4j.auth });
      version = (await graph.driver.executeQuery('CALL dbms.components() YIELD versions RETURN versions[0] AS v')).records[0]?.get('v') as string;
    }
    const info = machine(options, version);
    const runningNeo4j = neo4j;
    const meter = new LoadMeter(() => [...(runningNeo4j ? [runningNeo4j.pid] : []), ...[...children].filter((c) => c.exitCode === null).map((c) => c.pid!)]);
    // Benchmarks with sizes of their own run once, after the province ones, under their own label.
    const runs = [
      ...options.sizes.flatMap((size) => provinceBenches.map((bench) => ({ size, bench }))),
      ...benches.filter((b) => b.ownSizes !== undefined).map((bench) => ({ size: { label: bench.ownSizes!, firms: 0 }, bench })),
    ];
    const sizeLabels = [...new Set(runs.map((r) => r.size.label))];
    const date = new Date().toISOString().slice(0, 10);
    const started = new Date();
    const rows: (BenchRow & { size: string; bench: string })[] = [];
    const details: string[] = [];

    for (const { size, bench } of runs) {
      const workDir = path.join(home, size.label.replace(/[^\w.-]+/g, '_'));
      fs.mkdirSync(workDir, { recursive: true });
      const g = graph;
      const server = neo4j;
      const noNeo4j = (): never => {
        throw new Error(`${bench.name} has sizes of its own (ownSizes) and so no Neo4j`);
      };
      const ctx: BenchContext = {
        size,
        get graph() {
          return g ?? noNeo4j();
        },
        get neo4j() {
          return server ? { uri: server.uri, auth: server.auth, heap: options.heap, pageCache: options.pageCache } : noNeo4j();
        },
        workDir,
        keptDir: options.keepProvince ? path.join(benchHome, 'provinces') : null,
        log: (line) => process.stdout.write(`[${bench.name} ${size.label}] ${line}\n`),
        resetDatabase: async () => {
          if (!g) noNeo4j();
          await g!.writeInBatches('admin/deleteAll');
          await g!.applySchema();
        },
        track: (child) => {
          children.add(child);
          child.once('exit', () => children.delete(child));
        },
        detail: (title, markdown) => details.push(`#### ${title}\n\n${markdown}`),
        otherLoad: () => {
          const stop = meter.start();
          return () => stop().otherCores;
        },
      };
      process.stdout.write(`\n== ${bench.name}, ${size.label}${bench.ownSizes === undefined ? ` (${formatNumber(size.firms)} firms)` : ''}\n`);
      const stop = meter.start();
      const result = await bench.run(ctx);
      const load = stop();
      result.push({
        metric: 'CPU used by other processes (cores, mean)',
        value: Number.isNaN(load.otherCores) ? 'n/a' : Number(load.otherCores.toFixed(2)),
        baseline: info.cores,
        note: `${info.cores} cores; load average ${load.load1.toFixed(2)} at the end`,
      });
      rows.push(...result.map((r) => ({ ...r, size: size.label, bench: bench.name })));
      process.stdout.write(`\n${tableOf(rows.filter((r) => r.size === size.label && r.bench === bench.name))}\n`);
      fs.rmSync(workDir, { recursive: true, force: true });
    }

    const minutes = ((Date.now() - started.getTime()) / 60_000).toFixed(0);
    const section = [
      `## ${date} — ${benches.map((b) => b.name).join(', ')} at ${sizeLabels.join(', ')}`,
      '',
      `Commit ${info.commit}; ${info.cores} cores (${info.cpu}), ${info.memory} memory; ${info.neo4j}; Node ${info.node}. ` +
        `Started ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${minutes} min.` +
        (options.note ? ` ${options.note}` : ''),
      '',
      tableOf(rows),
      '',
      ...details.flatMap((d) => [d, '']),
    ].join('\n');
    process.stdout.write(`\n${section}\n`);
    if (options.write) {
      writeBenchmarks(sectionKey(date, sizeLabels, benches), section);
      process.stdout.write(`\nwritten to ${path.relative(process.cwd(), benchmarksFile)}\n`);
    }
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  if (interrupted) return;
  process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
