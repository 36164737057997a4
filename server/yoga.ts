import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createYoga, maskError } from 'graphql-yoga';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { Graph } from '../cypher/run.ts';
import type { ApiContext } from './context.ts';
import type { AnalysisSettings } from '../analyses/index.ts';
import { entitiesResolvers } from './modules/entities/entities.resolvers.ts';
import { analysesResolvers } from './modules/analyses/analyses.resolvers.ts';

/**
 * Builds the GraphQL API: schema-first modules (modules/<domain>/<domain>.graphql plus its
 * resolvers) merged into one schema. Tests call `yoga.fetch()` without opening a port.
 */

const modulesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'modules');
const typeDefs = fs
  .readdirSync(modulesDir)
  .sort()
  .map((m) => fs.readFileSync(path.join(modulesDir, m, `${m}.graphql`), 'utf8'));

export const schema = makeExecutableSchema<ApiContext>({ typeDefs, resolvers: [entitiesResolvers, analysesResolvers] });

export function createApi(graph: Graph, settings: AnalysisSettings) {
  return createYoga<Record<string, unknown>, ApiContext>({
    schema,
    context: () => ({ graph, settings }),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: false,
    // Depth, cost and alias limits stop a single query from walking the whole graph.
    plugins: [EnvelopArmorPlugin({ maxDepth: { n: 8 }, costLimit: { maxCost: 5000 }, maxAliases: { n: 15 }, maxTokens: { n: 2000 } })],
    maskedErrors: {
      maskError: (error, message, isDev) => {
        const original = (error as { originalError?: { code?: string } }).originalError;
        if (original?.code === 'ServiceUnavailable' || original?.code === 'SessionExpired') {
          return maskError(new Error('数据库暂时无法连接，请稍后重试 / the database cannot be reached; try again shortly'), message, isDev);
        }
        return maskError(error, message, isDev);
      },
    },
  });
}
