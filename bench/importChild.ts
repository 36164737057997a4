/**
 * Runs one import in a process of its own, for importer.bench.ts: the process's peak resident
 * memory (VmHWM) is then the importer's alone, not the benchmark's, which holds baselines and
 * spools. Started as `node --import tsx bench/importChild.ts '<json>'` with
 * CHUANTOU_QUERY_TIMINGS=1; writes its result as JSON to the file the arguments name.
 */
import fs from 'node:fs';
import { connect, queryTimings, type Graph } from '../cypher/run.ts';
import { importFiles } from '../importers/importFiles.ts';

export interface ImportChildArgs {
  uri: string;
  files: string[];
  reportDir: string;
  secret: string;
  batchSize: number;
  out: string;
}

export interface ImportChildResult {
  seconds: number;
  rowsRead: number;
  rowsWritten: number;
  rowsRejected: number;
  rowsFlagged: number;
  status: string;
  /** Time spent in the batch transactions (their queries, round trips and commits). */
  batchTransactionMs: number;
  batchTransactions: number;
  /** Time spent in the run's own single writes (start, same-person proposals, finish). */
  otherWriteMs: number;
  timings: { name: string; calls: number; ms: number }[];
  peakRssKb: number;
}

function procStatusKb(field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) : 0;
}

/** Wraps the Graph instance's write paths to time them; the product code is measured, not changed. */
function timeWrites(graph: Graph) {
  const totals = { batchMs: 0, batches: 0, otherMs: 0 };
  const inTx = graph.inWriteTransaction.bind(graph);
  graph.inWriteTransaction = (async (work: Parameters<Graph['inWriteTransaction']>[0]) => {
    const started = performance.now();
    try {
      return await inTx(work);
    } finally {
      totals.batchMs += performance.now() - started;
      totals.batches++;
    }
  }) as Graph['inWriteTransaction'];
  // The same-person proposals commit as they go (writeInBatches); start and finish are single writes.
  for (const method of ['write', 'writeInBatches'] as const) {
    const original = graph[method].bind(graph);
    graph[method] = (async (name: string, params?: Record<string, unknown>) => {
      const started = performance.now();
      try {
        return await original(name, params);
      } finally {
        totals.otherMs += performance.now() - started;
      }
    }) as Graph[typeof method];
  }
  return totals;
}

const args = JSON.parse(process.argv[2] ?? '{}') as ImportChildArgs;
const graph = connect({ uri: args.uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
const totals = timeWrites(graph);
try {
  const started = performance.now();
  const summary = await importFiles({ graph, files: args.files, reportDir: args.reportDir, secret: args.secret, batchSize: args.batchSize });
  const seconds = (performance.now() - started) / 1000;
  const sum = (k: 'read' | 'written' | 'rejected' | 'flagged') => summary.files.reduce((t, f) => t + f[k], 0);
  const result: ImportChildResult = {
    seconds,
    rowsRead: sum('read'),
    rowsWritten: sum('written'),
    rowsRejected: sum('rejected'),
    rowsFlagged: sum('flagged'),
    status: summary.status,
    batchTransactionMs: totals.batchMs,
    batchTransactions: totals.batches,
    otherWriteMs: totals.otherMs,
    timings: [...queryTimings].map(([name, t]) => ({ name, ...t })).sort((a, b) => b.ms - a.ms),
    peakRssKb: procStatusKb('VmHWM'),
  };
  fs.writeFileSync(args.out, JSON.stringify(result, null, 2));
} finally {
  await graph.close();
}
