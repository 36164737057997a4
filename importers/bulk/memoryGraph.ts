import { CypherError, loadQuery, type Graph, type Row } from '../../cypher/run.ts';
import { emulatedQueries } from './emulatedQueries.ts';
import { DateTimeValue, GraphStore } from './store.ts';

/**
 * Stands in for the database connection while the online importer (importFiles) runs a bulk
 * load: planning, record conversion, batching and the rejects file are the importer's own, and
 * each batch's writes land in an in-memory graph instead of in Neo4j.
 *
 * The run's own record (importRun/start, checkpoints, finish) is only noted here: it is written
 * by the real queries once the imported database is up, because neo4j-admin CSV cannot express
 * some of its values (a list holding one empty string: the sheet of a CSV file).
 */

export class BulkEmulationError extends Error {
  readonly code = 'BULK_QUERY_NOT_EMULATED';
}

export interface RunCalls {
  start?: Record<string, unknown>;
  /** The last checkpoint of each part: later ones overwrite earlier ones online as well. */
  checkpoints: Map<string, Record<string, unknown>>;
  finish?: { status: string; error: string | null };
}

export class MemoryGraph {
  readonly store = new GraphStore();
  readonly run: RunCalls = { checkpoints: new Map() };

  private execute(name: string, params: Record<string, unknown>): Row[] {
    // The same checks as Graph: a missing file or parameter fails here as it would online.
    const query = loadQuery(name);
    for (const p of query.parameters) {
      if (!(p in params)) throw new CypherError('CYPHER_PARAMETER_MISSING', `cypher/${name}.cypher needs parameter $${p}`);
    }
    switch (name) {
      case 'importRun/start':
        this.run.start = params;
        return [{ id: params.id }];
      case 'importRun/checkpoint':
        this.run.checkpoints.set(String(params.part), params);
        return [];
      case 'importRun/finish':
        this.run.finish = { status: String(params.status), error: (params.error as string | null) ?? null };
        return [{ id: params.id }];
      // A bulk load goes into an empty database, which holds no list-type vocabulary: the run
      // converts with the shipped seed, as an online run into an empty database does.
      case 'vocabulary/listTypes':
        return [];
    }
    const emulated = emulatedQueries[name];
    if (!emulated) {
      throw new BulkEmulationError(
        `批量导入只支持 importers/kinds 中的记录类型（不含 BODS/GLEIF 声明文件），请用 npx chuantou import 导入此文件 / ` +
          `the bulk import covers the record kinds of importers/kinds (not BODS or GLEIF statement files): load this file with npx chuantou import (no emulation of cypher/${name}.cypher)`,
      );
    }
    return emulated.run(this.store, params, new DateTimeValue(new Date().toISOString()));
  }

  async read<T = Row>(name: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.execute(name, params) as T[];
  }

  async write<T = Row>(name: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.execute(name, params) as T[];
  }

  async writeInBatches<T = Row>(name: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.execute(name, params) as T[];
  }

  async inWriteTransaction<T>(work: (run: (name: string, params: Record<string, unknown>) => Promise<Row[]>) => Promise<T>): Promise<T> {
    return work(async (name, params) => this.execute(name, params));
  }

  /** importFiles takes a Graph; these are the Graph methods that run queries. */
  asGraph(): Graph {
    return this as unknown as Graph;
  }
}
