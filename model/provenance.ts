/**
 * Provenance entries as stored on every node and relationship (model/graph.ts): 'runId/fileNo:row',
 * or 'runId/fileNo:sheet!row' for a workbook's sheet. The entry is short on purpose — the file's
 * name, hash and the run's time live once on the ImportRun — so reading one back means parsing it
 * and looking the file up on its run. Both halves are here, pure; the run is fetched by the caller.
 */

export interface ProvenanceEntry {
  /** The entry as stored. */
  entry: string;
  runId: string;
  /** 1-based number of the file within its run. */
  fileNo: number;
  /** The workbook sheet the row is on; null for CSV, JSON and the like. */
  sheet: string | null;
  /** The row as the source numbers it (the header row of a CSV is row 1; a JSON record's index + 2). */
  row: number;
}

// The run id is everything before the last '/<digits>:' that starts the file part; a sheet name may
// hold any character, '!' included, so the row is the digits after its last '!'.
const ENTRY = /^(.+?)\/(\d+):(?:(.*)!)?(\d+)$/;

/** The parts of a provenance entry; null for a string that is not one (never thrown: a fact keeps its other sources). */
export function parseProvenanceEntry(entry: string): ProvenanceEntry | null {
  const m = ENTRY.exec(entry);
  if (!m) return null;
  const [, runId, fileNo, sheet, row] = m;
  return { entry, runId: runId!, fileNo: Number(fileNo), sheet: sheet === undefined || sheet === '' ? null : sheet, row: Number(row) };
}

/** What an ImportRun records of its files and tables (the ImportRun node's lists, as stored). */
export interface RunFiles {
  id: string;
  status: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** One per file, in the order the run recorded them (the order its tables first name them). */
  fileNames: string[];
  fileHashes: string[];
  /** One per table (a file, or a workbook's sheet): its file number, sheet ('' for none) and record kind. */
  partFiles: number[];
  partSheets: string[];
  partKinds: string[];
}

export interface DecodedProvenance extends ProvenanceEntry {
  /** File name as imported; null when the run is not recorded (deleted) or does not list the file. */
  file: string | null;
  /** SHA-256 of the file as imported. */
  fileHash: string | null;
  /** Record kind of the table the row is in (registrations, shareholders, officers …). */
  kind: string | null;
  /** When the run started (ISO 8601). */
  importedAt: string | null;
  runStatus: string | null;
}

/**
 * The file behind a file number of a run. The run stores its files in the order its tables first
 * name them (importers/importFiles.ts), which need not be file-number order, so the position is
 * found through the tables' file numbers.
 */
function filePosition(run: RunFiles, fileNo: number): number {
  const order: number[] = [];
  for (const n of run.partFiles) if (!order.includes(n)) order.push(n);
  return order.indexOf(fileNo);
}

/** An entry read with its run's records: file, hash, kind of table and time. */
export function decodeProvenance(entry: string, runs: ReadonlyMap<string, RunFiles>): DecodedProvenance | null {
  const parsed = parseProvenanceEntry(entry);
  if (!parsed) return null;
  const run = runs.get(parsed.runId);
  if (!run) return { ...parsed, file: null, fileHash: null, kind: null, importedAt: null, runStatus: null };
  const at = filePosition(run, parsed.fileNo);
  const part = run.partFiles.findIndex((n, i) => n === parsed.fileNo && (run.partSheets[i] || null) === parsed.sheet);
  return {
    ...parsed,
    file: at >= 0 ? (run.fileNames[at] ?? null) : null,
    fileHash: at >= 0 ? (run.fileHashes[at] ?? null) : null,
    kind: part >= 0 ? (run.partKinds[part] ?? null) : null,
    importedAt: run.startedAt,
    runStatus: run.status,
  };
}

/** The run ids a set of entries names, each once. */
export function runIdsOf(entries: Iterable<string>): string[] {
  const ids = new Set<string>();
  for (const e of entries) {
    const parsed = parseProvenanceEntry(e);
    if (parsed) ids.add(parsed.runId);
  }
  return [...ids].sort();
}
