import type { GraphReader } from '../cypher/run.ts';
import type { RunFiles } from '../model/provenance.ts';
import type { Envelope } from '../analyses/envelope.ts';
import { evidenceNetwork } from '../analyses/networkEvidence.ts';
import { REPORT_DOCUMENT_FORMAT, reportDocument, type ImportRunSource, type ReportDocument, type RunTrigger } from '../exporters/document.ts';

/**
 * A report document (exporters/document.ts) from one analysis run: the envelope with everything a
 * reader needs to judge it — the parameters as resolved, the vocabulary versions, the data it ran
 * on, and the network of its evidence.
 */

/** An import run's files and tables as stored (model/provenance.ts), with each table's counts. */
interface ImportRunRow extends RunFiles {
  partRead: number[];
  partWritten: number[];
  partRejected: number[];
  partFlagged: number[];
}

/**
 * One source per table an import run read (a file, or a sheet of one), under the run's id: a run
 * of several files is several sources, each with its own file, hash and counts. The run's files
 * are stored in the order their numbers first appear among its tables (importers/importFiles.ts).
 */
export function importRunSources(row: ImportRunRow): ImportRunSource[] {
  const fileNos = [...new Set(row.partFiles)];
  return row.partKinds.map((kind, i) => {
    const fileIndex = fileNos.indexOf(row.partFiles[i]!);
    const name = row.fileNames[fileIndex] ?? '';
    const sheet = row.partSheets[i] ?? '';
    return {
      id: row.id,
      kind,
      file: sheet ? `${name}!${sheet}` : name,
      sha256: row.fileHashes[fileIndex] || null,
      finishedAt: row.finishedAt ?? null,
      counts: {
        read: row.partRead[i] ?? 0,
        written: row.partWritten[i] ?? 0,
        rejected: row.partRejected[i] ?? 0,
        flagged: row.partFlagged[i] ?? 0,
      },
    };
  });
}

/** The data a report runs on: model version, import runs present (not retracted) and entity counts. Read in the analysis's own transaction, so they describe the graph it saw. */
export async function readDataSources(reader: GraphReader): Promise<ReportDocument['data']> {
  const [version] = await reader.read<{ version: number | null }>('modelVersion/get');
  const runs = await reader.read<ImportRunRow>('reports/importRunsPresent');
  const [counts] = await reader.read<Record<string, number>>('reports/entityCounts');
  return {
    // A store written before versions were recorded holds version 0 (modelVersion/get.cypher).
    modelVersion: version?.version ?? 0,
    importRuns: runs.flatMap(importRunSources),
    counts: counts ?? {},
  };
}

export interface ReportRunFacts {
  query: { id: string | null; title: string; description: string | null; analysis: string; analysisTitle: { zh: string; en: string } };
  run: { id: string; number: number; ranAt: string; ranBy: string; trigger: RunTrigger; office: string | null };
  envelope: Envelope;
  data: ReportDocument['data'];
}

/** The document, checked against its schema: what is hashed is exactly what reading it back yields. */
export function buildReportDocument(facts: ReportRunFacts): ReportDocument {
  const { envelope } = facts;
  const vocabulary = (use: { vocabularyVersion: number; vocabularySource: 'database' | 'shipped' } | undefined) =>
    use ? { version: use.vocabularyVersion, source: use.vocabularySource } : null;
  return reportDocument.parse({
    format: REPORT_DOCUMENT_FORMAT,
    query: facts.query,
    run: facts.run,
    params: envelope.params,
    vocabularies: { listTypes: vocabulary(envelope.listTypes), keywordLists: vocabulary(envelope.keywordLists) },
    data: facts.data,
    envelope,
    network: evidenceNetwork(envelope.findings),
  });
}
