/**
 * The API server for api.bench.ts, in a process of its own, built as `chuantou serve` builds it
 * (configuredServer: server/http.ts over createApi, real accounts, audit trail and uploads) from a
 * configuration of defaults, as a fresh install has — only the database, the data folder (the
 * benchmark's scratch folder), the jurisdiction and the person-key secret given. The load's
 * clients then never share its event loop.
 * Started as `node --import tsx bench/apiServer.ts '<json>'` with the database's user and password
 * in the environment; prints one JSON line {"url": …} once it listens, stops on SIGTERM.
 */
import { loadConfig } from '../server/config.ts';
import { listen } from '../server/http.ts';
import { requireCurrentModel } from '../migrations/modelVersion.ts';
import { openGraph } from '../cli/database.ts';
import { configuredServer } from '../cli/commands/serve.ts';

export interface ApiServerArgs {
  uri: string;
  /** The province's division code (CHUANTOU_JURISDICTION). */
  jurisdiction: string;
  /** The secret the province's person keys were made with (CHUANTOU_KEY_SECRET). */
  keySecret: string;
  /** The server's data folder (CHUANTOU_DATA_DIR): its audit key, checkpoints and uploads. */
  dataDir: string;
}

const args = JSON.parse(process.argv[2] ?? '{}') as ApiServerArgs;
const config = loadConfig({
  NEO4J_URI: args.uri,
  NEO4J_USER: process.env.NEO4J_USER,
  NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
  CHUANTOU_DATA_DIR: args.dataDir,
  CHUANTOU_JURISDICTION: args.jurisdiction,
  CHUANTOU_KEY_SECRET: args.keySecret,
});
const graph = await openGraph(config);
await requireCurrentModel(graph);
const { server } = await configuredServer(graph, config, (line) => console.error(line));
// Port 0: a free one, which `serve` (PORT ≥ 1) cannot ask for.
const url = await listen(server, 0, config.http.host);
process.stdout.write(`${JSON.stringify({ url })}\n`);

process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => void graph.close().finally(() => process.exit(0)));
});
