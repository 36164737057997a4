import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { useGenericAuth, type ValidateUserFnParams } from '@envelop/generic-auth';
import type { UserView } from '../accounts/types.ts';
import type { ApiContext } from './context.ts';
import { apiErrors } from './errors.ts';

/**
 * Who may run what, enforced before any resolver runs. The rules themselves are declared in the
 * schema (modules/auth/auth.graphql and @requiresScopes on each field); this module only reads
 * them, denying by default:
 *  - no session → 401 UNAUTHENTICATED on every field not marked @skipAuth;
 *  - a Query or Mutation field without @requiresScopes → 403 for everyone, so a field added
 *    without a decision leaks to nobody;
 *  - otherwise the user's role must be in one of the field's (or its type's) scope lists;
 *  - fields below the root follow their root field unless they carry scopes of their own;
 *  - a user whose password was set by someone else may only change it (or sign out) first.
 * Introspection (`__schema`, `__type`) is for signed-in users only: the schema itself tells an
 * attacker where to aim.
 */

const rootTypes = new Set(['Query', 'Mutation', 'Subscription']);

/** All a user with a password given by someone else (first or reset) may do: change it, or leave. */
const beforePasswordChange = new Set(['Query.me', 'Mutation.changePassword', 'Mutation.signOut', 'Mutation.signOutEverywhere']);

function denied(code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'PASSWORD_CHANGE_REQUIRED', params: Pick<ValidateUserFnParams<UserView>, 'fieldNode' | 'path'>, field: string): GraphQLError {
  return new GraphQLError(`${apiErrors[code]}: ${field}`, {
    nodes: [params.fieldNode],
    path: params.path,
    extensions: { code, http: { status: code === 'UNAUTHENTICATED' ? 401 : 403 } },
  });
}

function validateUser(params: ValidateUserFnParams<UserView>): GraphQLError | undefined {
  const { user, field, parentType, fieldDirectives, typeDirectives } = params;
  const name = `${parentType.name}.${field.name}`;
  if (fieldDirectives?.skipAuth?.length || typeDirectives?.skipAuth?.length) return undefined;
  const scopes = [...(params.typeScopes ? [params.typeScopes] : []), ...(params.fieldScopes ? [params.fieldScopes] : [])];
  const root = rootTypes.has(parentType.name);
  // A field below the root is reached only through a root field, which has decided already
  // (signIn's result is read before any session exists); a field there may narrow it further.
  if (!root && scopes.length === 0) return undefined;
  if (!user) return denied('UNAUTHENTICATED', params, name);
  if (scopes.length === 0) return denied('FORBIDDEN', params, name);
  if (root && user.mustChangePassword && !beforePasswordChange.has(name)) return denied('PASSWORD_CHANGE_REQUIRED', params, name);
  const allowed = scopes.every((alternatives) => alternatives.some((all) => all.every((role) => role === user.role)));
  return allowed ? undefined : denied('FORBIDDEN', params, name);
}

/**
 * Whether the document asks for the schema anywhere — in a fragment too, whatever the fragment or
 * operation is named (names starting with __ are reserved, so a field called __schema or __type
 * is always introspection).
 */
function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

export function authorizationPlugins(): Plugin<ApiContext>[] {
  return [
    useGenericAuth<UserView, ApiContext & Record<string, unknown>>({
      mode: 'protect-all',
      resolveUserFn: (context) => context.session?.user ?? null,
      extractScopes: (user) => (user ? [user.role] : []),
      validateUser,
    }) as Plugin<ApiContext>,
    {
      // At execution, not validation: yoga caches validation results by document, whoever asked.
      onExecute({ args, setResultAndStopExecution }) {
        if ((args.contextValue as ApiContext).session || !asksForSchema(args.document)) return;
        setResultAndStopExecution({
          errors: [new GraphQLError(`${apiErrors.UNAUTHENTICATED}: __schema`, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } })],
        });
      },
    },
  ];
}
