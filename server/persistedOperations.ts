import crypto from 'node:crypto';
import fs from 'node:fs';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { z } from 'zod';
import type { Role } from '../accounts/roles.ts';
import { apiError } from './errors.ts';
import { identityOf } from './requestIdentity.ts';

/**
 * The web app's operations are persisted: the server knows them by the sha256 of their document
 * (persistedOperations.json, written by `npm run codegen` from web/src/api/operations/) and the app
 * sends only that hash (extensions.persistedQuery.sha256Hash, the protocol of
 * @graphql-yoga/plugin-persisted-operations). A document of the caller's own is the exception,
 * allowed to the signed-in roles that work with the API itself: investigators and regulators (their
 * analyses in GraphiQL), auditors (the trail), sysadmins (accounts, which the app has no screen
 * for). A viewer reads shared reports through the app only; a request without a session may run
 * the app's operations and nothing else — signing in is one of them — so nobody signed out can
 * probe the schema or make the server parse, validate and audit documents of their choosing.
 */

const manifestFile = new URL('./persistedOperations.json', import.meta.url);

/** Persisted documents by the hex sha256 of their text. */
export type PersistedOperations = ReadonlyMap<string, string>;

const manifestSchema = z.record(z.string().regex(/^[0-9a-f]{64}$/), z.string().min(1));

/** The list the server runs by hash; a hash that is not its document's (a hand edit) stops the start. */
export function loadPersistedOperations(file: URL | string = manifestFile): PersistedOperations {
  const manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  for (const [hash, document] of Object.entries(manifest)) {
    if (crypto.createHash('sha256').update(document).digest('hex') !== hash) {
      throw new Error(`预存操作清单有误，请运行 npm run codegen / the persisted operation list is inconsistent (hash ${hash}); run npm run codegen`);
    }
  }
  return new Map(Object.entries(manifest));
}

/** Roles whose sessions may send documents of their own, not only the app's persisted ones. */
export const arbitraryOperationRoles: ReadonlySet<Role> = new Set(['sysadmin', 'auditor', 'investigator', 'regulator']);

export function mayRunArbitraryOperations(request: Request): boolean {
  const role = identityOf(request).session?.user.role;
  return role !== undefined && arbitraryOperationRoles.has(role);
}

/**
 * The plugin, placed after requestIdentityPlugin (it reads the session that plugin settled in the
 * same onParams phase). A refusal happens before the document is parsed, so it is not recorded in
 * the audit trail: like a request without the CSRF header, it never became an operation.
 */
export function persistedOperationsPlugin(operations: PersistedOperations): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (hash) => operations.get(hash) ?? null,
    allowArbitraryOperations: mayRunArbitraryOperations,
    customErrors: {
      notFound: () => apiError('PERSISTED_QUERY_NOT_FOUND'),
      keyNotFound: () =>
        createGraphQLError('请求既无查询文本也无预存操作的散列 / the request carries neither a query nor a persisted operation hash', {
          extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
        }),
      // Signed out, the answer is the one every protected field gives: sign in first.
      persistedQueryOnly: ({ request }) =>
        identityOf(request).session
          ? apiError('FORBIDDEN', '您的角色只能执行本应用的操作，不能发送自拟的查询 / your role runs the app’s own operations only, not documents of its own')
          : apiError('UNAUTHENTICATED', '未登录时只能执行本应用的操作 / signed out, only the app’s own operations run'),
    },
  }) as Plugin;
}
