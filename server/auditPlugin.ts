import { getOperationAST, Kind, type DocumentNode, type ExecutionResult, type GraphQLSchema, GraphQLError } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values.js';
import type { Plugin } from 'graphql-yoga';
import type { AuditAction, AuditRecord } from '../audit/types.ts';
import { redactedForAudit } from '../audit/redaction.ts';
import type { ApiContext, ServerParts } from './context.ts';
import { identityOf } from './requestIdentity.ts';

/**
 * Records every GraphQL operation in the audit trail, once, after it ran: who (the session's user,
 * or the name tried when signing in), from which address, which fields with which arguments
 * (passwords redacted), the 查询事由, how many results, how long, and the outcome — also when it
 * was refused before running (not signed in, wrong role, invalid). If the trail cannot be written
 * the operation fails: an operation that cannot be recorded is not run for the user.
 */

const actionOf: Record<string, AuditAction> = {
  signIn: 'signIn',
  signOut: 'signOut',
  signOutEverywhere: 'signOut',
  setQueryReason: 'session',
  changePassword: 'account',
  createUser: 'account',
  updateUser: 'account',
  unlockUser: 'account',
  resetPassword: 'account',
  signOutUser: 'account',
  decideSamePerson: 'personLink',
  setListTypes: 'vocabulary',
  setKeywordLists: 'vocabulary',
  startImport: 'import',
  resumeImport: 'import',
  retractImport: 'retract',
  createCase: 'case',
  updateCase: 'case',
  deleteCase: 'case',
  shareCase: 'case',
  unshareCase: 'case',
  createCaseCanvas: 'case',
  saveCaseCanvas: 'case',
  deleteCaseCanvas: 'case',
  addCaseNote: 'case',
  addCaseRelation: 'case',
  deleteCaseRelation: 'case',
  linkCaseReportRun: 'case',
  unlinkCaseReportRun: 'case',
  runAnalysis: 'analysis',
  runSavedQuery: 'analysis',
  beneficialOwners: 'analysis',
  controlledFirms: 'analysis',
  auditLog: 'audit',
  auditVerify: 'audit',
  auditExport: 'audit',
};

interface RootField {
  name: string;
  responseKey: string;
  args: Record<string, unknown>;
}

/** The operation's top-level fields with their arguments as the resolvers would see them. */
function rootFields(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): RootField[] {
  const operation = getOperationAST(document, operationName);
  if (!operation) return [];
  const rootType = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  const fields: RootField[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) {
      fields.push({ name: selection.kind === Kind.FRAGMENT_SPREAD ? `...${selection.name.value}` : '...', responseKey: '', args: {} });
      continue;
    }
    const definition = rootType?.getFields()[selection.name.value];
    let args: Record<string, unknown> = {};
    try {
      if (definition) args = getArgumentValues(definition, selection, variables);
    } catch {
      args = { unreadable: true };
    }
    fields.push({ name: selection.name.value, responseKey: selection.alias?.value ?? selection.name.value, args });
  }
  return fields;
}

function resultCount(value: unknown): number | null {
  if (Array.isArray(value)) return value.length;
  if (value && typeof value === 'object' && Array.isArray((value as { findings?: unknown }).findings)) return (value as { findings: unknown[] }).findings.length;
  return value === null || value === undefined ? 0 : 1;
}

function outcomeOf(errors: readonly GraphQLError[] | undefined): { outcome: AuditRecord['outcome']; detail: string | null } {
  if (!errors?.length) return { outcome: 'ok', detail: null };
  const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_ERROR')))];
  const denied = codes.some((c) => c === 'UNAUTHENTICATED' || c === 'FORBIDDEN' || c === 'OUTSIDE_JURISDICTION' || c === 'PASSWORD_CHANGE_REQUIRED');
  return { outcome: denied ? 'denied' : 'failed', detail: codes.join(',') };
}

function record(context: ApiContext, fields: RootField[], started: number, errors: readonly GraphQLError[] | undefined, data: unknown): AuditRecord {
  const note = context.auditNote;
  const first = fields[0];
  const { outcome, detail } = outcomeOf(errors);
  const analysis = first?.name === 'runAnalysis' ? String(first.args.name ?? '') : null;
  const user = context.session?.user;
  return {
    actor: user ? { name: user.name, via: 'web', role: user.role } : { name: note.actorName ?? '(未登录 / anonymous)', via: 'web', role: null },
    action: first ? (actionOf[first.name] ?? 'query') : 'query',
    operation: fields.map((f) => (f.name === 'runAnalysis' && analysis ? `runAnalysis:${analysis}` : f.name)).join(',') || '(无 / none)',
    outcome: note.outcome ?? outcome,
    address: context.address,
    params: redactedForAudit(Object.fromEntries(fields.map((f) => [f.responseKey || f.name, f.args]))),
    reason: context.reason,
    resultCount: first && data && typeof data === 'object' ? resultCount((data as Record<string, unknown>)[first.responseKey]) : null,
    durationMs: Math.round(performance.now() - started),
    detail: [note.detail ?? detail, note.fullIdNumbersShown ? '显示了完整证件号码 / full ID numbers shown' : null].filter(Boolean).join('; ') || null,
  };
}

async function append(context: ApiContext, entry: AuditRecord): Promise<GraphQLError | null> {
  try {
    await context.audit.append(entry);
    return null;
  } catch {
    return new GraphQLError('审计日志无法写入，操作未完成 / the audit trail cannot be written; the operation was not completed', { extensions: { code: 'AUDIT_UNAVAILABLE', http: { status: 503 } } });
  }
}

export function auditPlugin(parts: ServerParts): Plugin<ApiContext> {
  return {
    onValidate({ params, context }) {
      const started = performance.now();
      return ({ valid, result }) => {
        if (valid) return;
        // Validation runs before the resolvers' context exists: the request's identity stands in.
        const request = (context as { request: Request }).request;
        const ctx: ApiContext = { ...parts, ...identityOf(request), request, auditNote: {} };
        const fields = rootFields(params.schema, params.documentAST, undefined, {});
        const errors = result.map((e) => (e instanceof GraphQLError ? e : new GraphQLError(e.message)));
        void append(ctx, record(ctx, fields, started, errors, null));
      };
    },
    onExecute({ args }) {
      const context = args.contextValue as ApiContext;
      const started = performance.now();
      const fields = rootFields(args.schema, args.document, args.operationName, (args.variableValues ?? {}) as Record<string, unknown>);
      return {
        async onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const single = result as ExecutionResult;
          const failure = await append(context, record(context, fields, started, single.errors, single.data));
          if (failure) setResult({ errors: [failure] });
        },
      };
    },
  };
}
