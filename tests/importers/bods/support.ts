import path from 'node:path';
import type { Graph } from '../../../cypher/run.ts';
import { toPlain } from '../../../cypher/values.ts';
import { importBodsFile, type BodsImportSummary, type BodsParties } from '../../../importers/bods/importBods.ts';
import type { Reject } from '../../../importers/rejects.ts';
import { TEST_KEY_SECRET } from '../../support/graph.ts';

import { SAMPLE_DATA } from '../../support/sampleData.ts';

export const DATA = SAMPLE_DATA;
export const V04 = path.join(DATA, 'bods/v0.4/examples');
export const V03 = path.join(DATA, 'bods/v0.3/examples');
export const CORPUS = path.join(DATA, 'bods/v0.4-tests/tests/data');
export const GLEIF = path.join(DATA, 'gleif-bods-fixtures');
export const FIXTURES = path.resolve('tests/importers/bods/fixtures');

export interface Imported {
  summaries: BodsImportSummary[];
  rejects: Reject[];
}

let runNo = 0;

/** Imports files as one run would: one run id, files numbered from 1, parties shared between files. */
export async function importBods(graph: Graph, files: string[], runId = `run-test-${++runNo}`): Promise<Imported> {
  const rejects: Reject[] = [];
  const parties: BodsParties = new Map();
  const summaries: BodsImportSummary[] = [];
  for (const [i, file] of files.entries()) {
    summaries.push(
      await importBodsFile(graph, file, {
        runId,
        fileNo: i + 1,
        fileLabel: path.basename(file),
        secret: TEST_KEY_SECRET,
        rejects: { add: (r) => rejects.push(r) },
        parties,
        batchSize: 3,
      }),
    );
  }
  return { summaries, rejects };
}

/** Ad-hoc reads for assertions, with integers as numbers (cypher/values.ts toPlain). */
export function query(graph: Graph) {
  return async <T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> => {
    const result = await graph.driver.executeQuery(cypher, params, { routing: 'READ' });
    return result.records.map((r) => toPlain(r.toObject()) as T);
  };
}
