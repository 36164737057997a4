import type { Graph } from '../../cypher/run.ts';
import { int } from '../../cypher/values.ts';
import type { RejectCode } from '../rejects.ts';
import { resolvePersonsPass } from './persons.ts';
import { ratiosPass } from './ratios.ts';
import { snapshotsPass, type SnapshotRange } from './snapshots.ts';

/**
 * Work that runs once a run's rows are all written, over the graph as it then is: decisions that
 * need more than one row (a firm's holdings summing to 100%, one person named twice in one firm,
 * a snapshot's missing holders) and so cannot be made while a row is converted. Passes run in the
 * order listed, against the real database (after an online run, and after neo4j-admin in a bulk
 * load), so both paths decide the same way. Each pass returns what it inferred or changed, and the
 * run's report lists every such finding with its code: nothing is decided silently.
 */

/** One inference or change a pass made, located by the provenance entry of the row it concerns. */
export interface PassFinding {
  code: RejectCode;
  /** `runId/fileNo:[sheet!]row` of the row the finding is about (the run's own, or an earlier run's). */
  prov: string;
  column: string;
  value: string;
  /** What was decided and why, in Chinese and English: the reading chosen, the figures compared. */
  detail: string;
}

export interface PassContext {
  runId: string;
  /** `runId/`: provenance entries of this run start with it. */
  prefix: string;
  /** The run's parts as recorded, with options given per part (e.g. a snapshot date). */
  parts: {
    fileNo: number;
    name: string;
    sheet: string | null;
    kind: string;
    snapshot?: string | null;
    /** The part's rows by the day a snapshot-date column gives them (passes/snapshots.ts); absent: `snapshot` for all rows. */
    snapshotRows?: SnapshotRange[] | null;
  }[];
}

export interface PassResult {
  findings: PassFinding[];
  /** Counts the run's summary shows beside the per-code counts (e.g. proposedSamePersons). */
  counts?: Record<string, number>;
}

export interface RunPass {
  name: string;
  run(graph: Graph, ctx: PassContext): Promise<PassResult>;
}

/** Same-person proposals: the last pass, so it sees persons after any resolution. */
export const proposeSamePersonsPass: RunPass = {
  name: 'proposeSamePersons',
  async run(graph, ctx) {
    const [proposed] = await graph.writeInBatches<{ proposals: number }>('importRun/proposeSamePersons', {
      prefix: ctx.prefix,
      runId: ctx.runId,
      hubFirms: int(SAME_PERSON_HUB_FIRMS),
    });
    return { findings: [], counts: { proposedSamePersons: proposed?.proposals ?? 0 } };
  },
};

/**
 * An address or phone linked to more firms than this is a registration agent's or a call
 * centre's: sharing it says nothing about whether two same-name people are one.
 */
export const SAME_PERSON_HUB_FIRMS = 30;

/** The passes in the order they run. */
export const runPasses: RunPass[] = [
  // Who is who first: one person named twice in one firm becomes one node (passes/persons.ts).
  resolvePersonsPass,
  // A snapshot compares holders and officers as persons: after any pass that resolves who is who.
  snapshotsPass,
  // Ratios after anything that ends holdings (a snapshot), which changes the sums they compare.
  ratiosPass,
  proposeSamePersonsPass,
];

/** Runs every pass for a finished run; returns their findings in pass order and their counts added up. */
export async function runAfterImport(graph: Graph, ctx: PassContext): Promise<Required<PassResult>> {
  const result: Required<PassResult> = { findings: [], counts: {} };
  for (const pass of runPasses) {
    const { findings, counts = {} } = await pass.run(graph, ctx);
    result.findings.push(...findings);
    for (const [name, n] of Object.entries(counts)) result.counts[name] = (result.counts[name] ?? 0) + n;
  }
  return result;
}

/**
 * Where a finding's row is, for the rejects file: this run's parts name their file and sheet;
 * a row of an earlier run is named by its provenance entry.
 */
export function locateFinding(finding: PassFinding, ctx: PassContext): { file: string; sheet: string | null; row: number } {
  const m = /^(.+?)\/(\d+):(?:(.*)!)?(\d+)$/.exec(finding.prov);
  if (!m) return { file: finding.prov, sheet: null, row: 0 };
  const [, runId, fileNo, sheet = null, row] = m;
  const part = runId === ctx.runId ? ctx.parts.find((p) => p.fileNo === Number(fileNo)) : undefined;
  return { file: part?.name ?? `${runId}/${fileNo}`, sheet, row: Number(row) };
}
