import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Graph } from '../cypher/run.ts';

/**
 * What a benchmark script (bench/*.bench.ts) is given and returns. The runner (bench/run.ts) owns
 * the Neo4j instance and the scratch folder; a script only measures, so that every script of a
 * run shares one machine state and one table in BENCHMARKS.md.
 */

export interface BenchSize {
  /** As given on the command line: '10k', '100k', '1m'. */
  label: string;
  /** Number of firms of the synthetic province. */
  firms: number;
}

export interface BenchRow {
  metric: string;
  value: number | string;
  /** The figure the value is judged against, measured in the same run (or a fixed goal). */
  baseline?: number | string | null;
  /** value / baseline when both are numbers and a ratio means something. */
  ratio?: number | null;
  note?: string;
}

export interface BenchContext {
  size: BenchSize;
  graph: Graph;
  neo4j: { uri: string; auth: { user: string; password: string }; heap: string; pageCache: string };
  /** A folder of this run for this size, deleted with the run. */
  workDir: string;
  /** With --keep-province: a folder kept between runs for data that is slow to make, else null. */
  keptDir: string | null;
  log(line: string): void;
  /** Empties the database and applies the product schema, so each phase starts from the same state. */
  resetDatabase(): Promise<void>;
  /** Registers a child process, so that Ctrl-C on the runner ends it too. */
  track(child: ChildProcess): void;
  /** A block of Markdown (a profile, a plan) printed and written under the run's table. */
  detail(title: string, markdown: string): void;
  /**
   * Starts measuring the CPU that processes other than this run's use; the returned function
   * gives their mean number of busy cores since. Figures taken on a loaded machine say so.
   */
  otherLoad(): () => number;
}

export interface Benchmark {
  name: string;
  description: string;
  /**
   * Set by a benchmark that measures no province (the UI benchmark draws networks of its own in a
   * browser): it runs once, whatever --sizes says, under this label in the size column, and gets
   * no Neo4j (ctx.graph, ctx.neo4j and ctx.resetDatabase throw); a run of only such benchmarks
   * starts none.
   */
  ownSizes?: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

/**
 * A benchmark's own query (bench/cypher/<name>.cypher): samples, naive baselines. Run with the
 * driver, not cypher/run.ts, which loads only the product's queries.
 */
export function benchQuery(name: string): string {
  return fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'cypher', `${name}.cypher`), 'utf8');
}

export function markdownTable(headers: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => String(v).replace(/\|/g, '\\|');
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

export function formatNumber(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) < 10 ? 2 : 0 });
}
