import fs from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Graph } from '../../../cypher/run.ts';
import type { Truth } from '../../../generator/index.ts';
import type { HolderT } from '../../../generator/truth.ts';
import { normalizeName } from '../../../model/names.ts';
import type { ImportSummary } from '../../../importers/importFiles.ts';
import { runAnalysis, type AnalysisSettings } from '../../../analyses/index.ts';
import type { Envelope } from '../../../analyses/envelope.ts';

/**
 * What each planted-pattern check gets: the imported province (filled in by planted.test.ts's
 * beforeAll, so read it inside `it`, not at definition time), its truth file, and the summaries
 * of the two import runs — the province's files, then the later shareholder snapshot
 * (truth.snapshot.file) on its own, as an office sends a newer file.
 * A check module default-exports a function that declares its `it`s.
 */
export interface Province {
  graph: Graph;
  truth: Truth;
  settings: AnalysisSettings;
  imports: { province: ImportSummary; snapshot: ImportSummary };
}

export type PlantedCheck = (province: Province) => void;

export function run(province: Province, analysis: string, params: Record<string, unknown> = {}): Promise<Envelope> {
  return runAnalysis(province.graph, analysis, params, province.settings);
}

/** One line of a run's rejects file (importers/rejects.ts RejectsFile). */
export interface RejectLine {
  file: string;
  sheet: string;
  row: number;
  column: string;
  value: string;
  code: string;
  action: string;
  detail: string;
}

/** The lines of a run's rejects file: rows rejected, values flagged, and what the run inferred. */
export function rejectLines(summary: ImportSummary): RejectLine[] {
  if (!summary.rejectsFile || !fs.existsSync(summary.rejectsFile)) return [];
  const records: string[][] = parseCsv(fs.readFileSync(summary.rejectsFile, 'utf8'), { bom: true, relax_column_count: true });
  return records.slice(1).map((r) => ({ file: r[0]!, sheet: r[1]!, row: Number(r[2]), column: r[3]!, value: r[4]!, code: r[5]!, action: r[6]!, detail: r[9] ?? '' }));
}

/**
 * The holdings of a planted holder in a firm, found as the truth names the holder: a firm by its
 * code, a person by the full number the files show, else by name (a masked or name-only mention).
 */
export async function holdingsOf(province: Province, firm: string, holder: HolderT): Promise<{ ratio: number; validTo: string | null }[]> {
  const cypher =
    holder.kind === 'firm'
      ? 'MATCH (:Company {key: $code})-[h:HOLDS_SHARES]->(:Company {key: $firm}) RETURN h.ratio AS ratio, toString(h.validTo) AS validTo'
      : holder.idShown === holder.idNumber
        ? 'MATCH (:Person {idNumber: $idNumber})-[h:HOLDS_SHARES]->(:Company {key: $firm}) RETURN h.ratio AS ratio, toString(h.validTo) AS validTo'
        : 'MATCH (p:Person)-[h:HOLDS_SHARES]->(:Company {key: $firm}) WHERE p.normalizedName = $name RETURN h.ratio AS ratio, toString(h.validTo) AS validTo';
  const { records } = await province.graph.driver.executeQuery(cypher, { firm, code: holder.code ?? null, idNumber: holder.idNumber ?? null, name: normalizeName(holder.name) }, { routing: 'READ' });
  return records.map((r) => ({ ratio: r.get('ratio') as number, validTo: r.get('validTo') as string | null }));
}
