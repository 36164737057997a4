import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GraphQLError } from 'graphql';
import { createYoga, maskError } from 'graphql-yoga';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { useCookies } from '@whatwg-node/server-plugin-cookies';
import type { ApiContext, ServerParts } from './context.ts';
import { entitiesResolvers } from './modules/entities/entities.resolvers.ts';
import { analysesResolvers } from './modules/analyses/analyses.resolvers.ts';
import { accountsResolvers } from './modules/accounts/accounts.resolvers.ts';
import { auditResolvers } from './modules/audit/audit.resolvers.ts';
import { pathsResolvers } from './modules/paths/paths.resolvers.ts';
import { penetrationResolvers } from './modules/penetration/penetration.resolvers.ts';
import { profileResolvers } from './modules/profile/profile.resolvers.ts';
import { importsResolvers } from './modules/imports/imports.resolvers.ts';
import { casesResolvers } from './modules/cases/cases.resolvers.ts';
import { vocabulariesResolvers } from './modules/vocabularies/vocabularies.resolvers.ts';
import { reportsResolvers } from './modules/reports/reports.resolvers.ts';
import { authorizationPlugins } from './authorization.ts';
import { corsOption, hardeningPlugins } from './hardening.ts';
import { outputMaskingPlugin } from './outputMasking.ts';
import { auditPlugin } from './auditPlugin.ts';
import { identityOf, requestIdentityPlugin } from './requestIdentity.ts';
import { loadPersistedOperations, persistedOperationsPlugin, type PersistedOperations } from './persistedOperations.ts';

/**
 * Builds the GraphQL API: schema-first modules (modules/<domain>/<domain>.graphql plus its
 * resolvers) merged into one schema. Every request is tied to its session (cookie), authorized
 * by the schema's directives, masked on the way out and recorded in the audit trail. Tests call
 * `yoga.fetch()` without opening a port.
 */

const modulesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'modules');
const typeDefs = fs
  .readdirSync(modulesDir)
  .sort()
  .map((m) => fs.readFileSync(path.join(modulesDir, m, `${m}.graphql`), 'utf8'));

export const schema = makeExecutableSchema<ApiContext>({ typeDefs, resolvers: [entitiesResolvers, analysesResolvers, accountsResolvers, auditResolvers, pathsResolvers, penetrationResolvers, casesResolvers, importsResolvers, profileResolvers, vocabulariesResolvers, reportsResolvers] });

export interface ApiOptions {
  /** The documents run by hash; by default the web app's (server/persistedOperations.json). */
  persistedOperations?: PersistedOperations;
}

export function createApi(parts: ServerParts, options: ApiOptions = {}) {
  const persistedOperations = options.persistedOperations ?? loadPersistedOperations();
  return createYoga<Record<string, unknown>, ApiContext>({
    schema,
    context: ({ request }): ApiContext => ({ ...parts, ...identityOf(request), request, auditNote: {} }),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: false,
    graphiql: false,
    cors: corsOption(parts.corsOrigins),
    plugins: [
      // The request's shape first: CSRF header, variables, depth, cost and alias limits (hardening.ts).
      ...hardeningPlugins(),
      useCookies(),
      requestIdentityPlugin(parts.accounts),
      // After the session is known (who may send a document of their own), before anything parses one.
      persistedOperationsPlugin(persistedOperations),
      // Before authorization: a plugin that stops an operation skips the hooks of those after it,
      // and a refused operation must still be masked and recorded.
      outputMaskingPlugin(),
      auditPlugin(parts),
      ...authorizationPlugins(),
    ],
    maskedErrors: {
      maskError: (error, message, isDev) => {
        const original = (error as { originalError?: { code?: string } }).originalError;
        if (original?.code === 'ServiceUnavailable' || original?.code === 'SessionExpired') {
          return maskError(new Error('数据库暂时无法连接，请稍后重试 / the database cannot be reached; try again shortly'), message, isDev);
        }
        // The client gets "Unexpected error"; the operator's log gets what happened. GraphQL errors
        // (a bad request, a refusal, a code of ours) are answers, not incidents.
        const cause = (error as { originalError?: unknown }).originalError ?? error;
        if (!(cause instanceof GraphQLError)) console.error('API 内部错误 / internal error:', cause);
        return maskError(error, message, isDev);
      },
    },
  });
}
