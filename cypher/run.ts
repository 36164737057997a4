import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { isRetryableError, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { MODEL_VERSION } from '../model/graph.ts';
import { toPlain } from './values.ts';

/**
 * Loads the .cypher files of this folder by name and runs them. Queries are never assembled from
 * strings: the only way to run Cypher is by naming a file and passing parameters, so user text can
 * only ever be a parameter value.
 */

const cypherDir = path.dirname(fileURLToPath(import.meta.url));
const cache = new Map<string, CypherQuery>();

export interface CypherQuery {
  name: string;
  text: string;
  /** `$names` used in the query body, checked against the parameters given on every run. */
  parameters: Set<string>;
}

export class CypherError extends Error {
  constructor(
    readonly code: 'CYPHER_FILE_MISSING' | 'CYPHER_PARAMETER_MISSING' | 'QUERY_TIMEOUT',
    message: string,
  ) {
    super(message);
  }
}

/** The body without comments, so `$x` inside a header comment is not taken for a parameter. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '').replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
}

export function loadQuery(name: string): CypherQuery {
  const cached = cache.get(name);
  if (cached) return cached;
  const file = path.join(cypherDir, `${name}.cypher`);
  if (!fs.existsSync(file)) throw new CypherError('CYPHER_FILE_MISSING', `no query file cypher/${name}.cypher`);
  const text = fs.readFileSync(file, 'utf8');
  const parameters = new Set([...stripComments(text).matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!));
  const query = { name, text, parameters };
  cache.set(name, query);
  return query;
}

/** Names of the query files under a folder of cypher/, in file-name order (used for the schema). */
export function queryNamesIn(folder: string): string[] {
  return fs
    .readdirSync(path.join(cypherDir, folder))
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => `${folder}/${f.slice(0, -'.cypher'.length)}`);
}

function checkParameters(query: CypherQuery, params: Record<string, unknown>): void {
  for (const p of query.parameters) {
    if (!(p in params)) throw new CypherError('CYPHER_PARAMETER_MISSING', `cypher/${query.name}.cypher needs parameter $${p}`);
  }
}

export type Row = Record<string, unknown>;

/** What an analysis needs of the graph: named read queries, nothing that writes. */
export interface GraphReader {
  read<T = Row>(name: string, params?: Record<string, unknown>): Promise<T[]>;
}

/**
 * Time spent per query file, collected when CHUANTOU_QUERY_TIMINGS is set: how the benchmarks
 * show where an import or an analysis spends its time.
 */
export const queryTimings = new Map<string, { calls: number; ms: number }>();
const timing = Boolean(process.env.CHUANTOU_QUERY_TIMINGS);

/**
 * Neo4j's codes for a transaction it ended because its time ran out (the client's timeout, or the
 * server's db.transaction.timeout).
 */
const timedOutCodes = new Set(['Neo.ClientError.Transaction.TransactionTimedOut', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration']);

/**
 * Neo4j checks transaction timeouts periodically (db.transaction.monitor.check.interval: 2 s by
 * default, 200 ms under the project's launcher), so the wall-clock cap waits beyond the timeout
 * before it gives up on a transaction (an existing Neo4j may keep the default).
 */
const TIMEOUT_GRACE_MS = 2500;

/** Tries of a single read that fails transiently (a lost connection, a restarting database). */
const READ_ATTEMPTS = 3;

function queryTimeout(ms: number | undefined): CypherError {
  return ms === undefined
    ? new CypherError('QUERY_TIMEOUT', '查询超过数据库的时限 / the query ran longer than the database allows')
    : new CypherError('QUERY_TIMEOUT', `查询超过时限 ${ms} 毫秒 / the query ran longer than ${ms} ms`);
}

/** A connection to the graph: every read in a read transaction, every write in a write transaction. */
export class Graph implements GraphReader {
  constructor(
    readonly driver: Driver,
    readonly database?: string,
    /** Time limit of every read transaction (ms): what a server answering anyone sets; none when undefined. */
    readonly readTimeoutMs?: number,
  ) {}

  /** The same connection, its reads limited to `ms` each: Neo4j ends the transaction, and the caller stops waiting soon after. */
  withTimeout(ms: number): Graph {
    return new Graph(this.driver, this.database, ms);
  }

  private readConfig() {
    return this.readTimeoutMs === undefined ? undefined : { timeout: this.readTimeoutMs };
  }

  /**
   * Runs a read transaction under the timeout: Neo4j's timeout surfaces as QUERY_TIMEOUT, and so
   * does work that holds the transaction past timeout plus grace without querying (TypeScript
   * between two queries), which Neo4j cannot end by itself.
   */
  private async underTimeout<T>(run: Promise<T>): Promise<T> {
    const ms = this.readTimeoutMs;
    const mapped = run.catch((error: unknown) => {
      throw timedOutCodes.has((error as { code?: string }).code ?? '') ? queryTimeout(ms) : error;
    });
    if (ms === undefined) return mapped;
    let timer: NodeJS.Timeout | undefined;
    const cap = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(queryTimeout(ms)), ms + TIMEOUT_GRACE_MS);
    });
    try {
      return await Promise.race([mapped, cap]);
    } catch (error) {
      // The abandoned transaction still settles later (Neo4j ends it); its outcome is of no interest.
      mapped.catch(() => undefined);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({ database: this.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
  }

  private static async runIn(tx: Pick<ManagedTransaction, 'run'>, query: CypherQuery, params: Record<string, unknown>): Promise<Row[]> {
    // The driver captures a stack trace for every result, to put the caller's frames on an error
    // the server sends back; formatting it (through the source maps tsx installs) cost as much as
    // unpacking the records. An error from Neo4j keeps its message, code and the driver's frames.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    let pending: ReturnType<typeof tx.run>;
    try {
      pending = tx.run(query.text, params);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    const result = await pending;
    if (timing) {
      // The server's own time: a statement sent behind others in a transaction waits for them,
      // which the time from sending to answer would count twice.
      const { resultAvailableAfter, resultConsumedAfter } = result.summary;
      const t = queryTimings.get(query.name) ?? { calls: 0, ms: 0 };
      queryTimings.set(query.name, { calls: t.calls + 1, ms: t.ms + Number(resultAvailableAfter) + Number(resultConsumedAfter) });
    }
    return result.records.map((r) => toPlain(r.toObject()) as Row);
  }

  /**
   * One query, in a transaction of its own that Neo4j opens and commits around it (auto-commit):
   * one round trip to the database instead of three (BEGIN, the query, COMMIT), which is most of
   * what a small read costs on both sides: 1.5 ms of CPU (driver and Neo4j) against 3.3 for the
   * same statement in a read transaction (BENCHMARKS.md, the API section).
   * Reads may be run again, so a transient failure is retried as executeRead would.
   */
  async read<T = Row>(name: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const query = loadQuery(name);
    checkParameters(query, params);
    for (let attempt = 1; ; attempt++) {
      const session = this.session('READ');
      try {
        return (await this.underTimeout(Graph.runIn({ run: (text: string, p: Record<string, unknown>) => session.run(text, p, this.readConfig()) }, query, params))) as T[];
      } catch (error) {
        if (attempt >= READ_ATTEMPTS || !isRetryableError(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      } finally {
        await session.close();
      }
    }
  }

  /**
   * Several reads in one read transaction (one analysis run): one BEGIN and COMMIT for all its
   * queries instead of one pair each, and every query sees the same state of the graph. The work
   * may be run again if the transaction fails transiently, so it must only read.
   */
  async reading<T>(work: (reader: GraphReader) => Promise<T>): Promise<T> {
    const session = this.session('READ');
    try {
      return await this.underTimeout(
        session.executeRead(
          (tx) =>
            work({
              read: async <R = Row>(name: string, params: Record<string, unknown> = {}) => {
                const query = loadQuery(name);
                checkParameters(query, params);
                return (await Graph.runIn(tx, query, params)) as R[];
              },
            }),
          this.readConfig(),
        ),
      );
    } finally {
      await session.close();
    }
  }

  async write<T = Row>(name: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const query = loadQuery(name);
    checkParameters(query, params);
    const session = this.session('WRITE');
    try {
      return (await session.executeWrite((tx) => Graph.runIn(tx, query, params))) as T[];
    } finally {
      await session.close();
    }
  }

  /**
   * Several writes that must land together (one import batch: firms, persons, then the
   * relationships between them), with TypeScript between the steps to use what a step returned.
   */
  async inWriteTransaction<T>(work: (run: (name: string, params: Record<string, unknown>) => Promise<Row[]>) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite((tx) =>
        work((name, params) => {
          const query = loadQuery(name);
          checkParameters(query, params);
          return Graph.runIn(tx, query, params);
        }),
      );
    } finally {
      await session.close();
    }
  }

  /**
   * A write that commits in batches of its own (`CALL { … } IN TRANSACTIONS`), which Neo4j only
   * allows outside an explicit transaction: deleting or retracting more than fits in memory at once.
   */
  async writeInBatches<T = Row>(name: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const query = loadQuery(name);
    checkParameters(query, params);
    const session = this.session('WRITE');
    try {
      return (await Graph.runIn(session, query, params)) as T[];
    } finally {
      await session.close();
    }
  }

  /**
   * Schema statements cannot share a transaction with writes; each runs on its own. An empty store
   * is then stamped with the model version this code writes: it has nothing to migrate
   * (migrations/); a store holding data is left at the version it records.
   */
  async applySchema(): Promise<string[]> {
    const names = queryNamesIn('schema');
    const session = this.session('WRITE');
    try {
      for (const name of names) await session.run(loadQuery(name).text);
      await session.run(loadQuery('admin/awaitIndexes').text);
    } finally {
      await session.close();
    }
    await this.write('modelVersion/stampNewStore', { version: neo4j.int(MODEL_VERSION), by: os.userInfo().username });
    return names;
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

export function connect(options: { uri: string; user?: string; password?: string; database?: string }): Graph {
  const auth = options.user ? neo4j.auth.basic(options.user, options.password ?? '') : undefined;
  const driver = neo4j.driver(options.uri, auth, { disableLosslessIntegers: false, maxConnectionPoolSize: 20 });
  return new Graph(driver, options.database);
}
