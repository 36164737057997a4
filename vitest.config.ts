import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/** Files that never use the suite's Neo4j: they start their own (npm start, backups, the launcher) or none. */
const OWN_NEO4J = [
  'tests/cli/start.test.ts',
  'tests/cli/backupRestore.test.ts',
  'tests/neo4j/localServer.test.ts',
  'tests/generator/memory.test.ts',
  'tests/importers/read/memory.test.ts',
];
const BROWSER = 'tests/**/*.browser.test.ts';

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS and ESM builds without an exports map: Node (and so graphql-yoga) loads
    // the CJS one, Vite would give our code the ESM one, and errors would then fail yoga's
    // `instanceof GraphQLError` check. One copy for all, as in production.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    globalSetup: ['tests/support/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Community Neo4j has one user database: the files that use the suite's must not overlap. The
    // few that start a Neo4j of their own (or none) run beside them on the second core; the browser
    // files, whose waits are the most sensitive to a busy machine, run last and alone.
    projects: [
      { extends: true, test: { name: 'database', include: ['tests/**/*.test.ts'], exclude: [...OWN_NEO4J, BROWSER], fileParallelism: false } },
      { extends: true, test: { name: 'own-neo4j', include: OWN_NEO4J, fileParallelism: false } },
      { extends: true, test: { name: 'browser', include: [BROWSER], fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
