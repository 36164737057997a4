import { z } from 'zod';
import {
  keywordListsVersion,
  listTypesVersion,
  readKeywordLists,
  readListTypes,
  saveKeywordLists,
  saveListTypes,
  vocabularyHistory,
  VocabularyEditConflict,
} from '../../../cypher/vocabularies.ts';
import { keywordLists } from '../../../model/keywordLists.ts';
import { editReason, listTypesEdit, type VocabularyChange, type VocabularyName } from '../../../model/vocabularies.ts';
import type { ApiContext } from '../../context.ts';
import { apiError } from '../../errors.ts';
import { parseInput } from '../../input.ts';
import { decodeCursor, pageArgs, pageOf } from '../../pagination.ts';

/** Resolvers of vocabularies.graphql: the vocabulary store (cypher/vocabularies.ts) does the work; these check, translate and note what changed for the audit trail. */

const version = z.number().int().min(1).max(1_000_000);
const historyArgs = pageArgs.extend({ vocabulary: z.enum(['listTypes', 'keywordLists']) });
const historyCursor = z.object({ before: version });
const listTypesArgs = z.object({ expectedVersion: version, reason: editReason, types: listTypesEdit });
const keywordListsArgs = z.object({ expectedVersion: version, reason: editReason, lists: keywordLists });

/** The longest audit detail an edit leaves: the changes beyond it are counted, not listed. */
const MAX_DETAIL = 1000;

function auditDetail(vocabulary: VocabularyName, from: number, to: number, changes: VocabularyChange[]): string {
  if (changes.length === 0) return `${vocabulary} v${from}: 无改动 / unchanged`;
  const sign = { added: '+', removed: '-', changed: '~' } as const;
  let detail = `${vocabulary} v${from} → v${to}:`;
  for (const [i, c] of changes.entries()) {
    const line = ` ${sign[c.op]}${c.path} ${c.value};`;
    if (detail.length + line.length > MAX_DETAIL) return `${detail} …（另 ${changes.length - i} 项 / ${changes.length - i} more)`;
    detail += line;
  }
  return detail;
}

/** The signed-in user's account name: the directives let only signed-in roles this far. */
function author(context: ApiContext): string {
  if (!context.session) throw apiError('UNAUTHENTICATED');
  return context.session.user.name;
}

async function edit<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof VocabularyEditConflict) throw apiError('EDIT_CONFLICT', error.message, { vocabulary: error.vocabulary, expectedVersion: error.expectedVersion });
    throw error;
  }
}

const notFound = (vocabulary: VocabularyName, v: number) => apiError('NOT_FOUND', `${vocabulary} 没有第 ${v} 版 / ${vocabulary} has no version ${v}`);

export const vocabulariesResolvers = {
  Vocabulary: { LIST_TYPES: 'listTypes', KEYWORD_LISTS: 'keywordLists' },
  VocabularySource: { DATABASE: 'database', SHIPPED: 'shipped' },
  ListTypeMeaning: { FLAGGING: 'flagging', DISCLOSURE: 'disclosure', CONTEXT: 'context' },
  ScreenField: { NAME: 'name', FORMER_NAMES: 'formerNames', BUSINESS_SCOPE: 'businessScope' },
  VocabularyChangeOp: { ADDED: 'added', REMOVED: 'removed', CHANGED: 'changed' },
  Query: {
    listTypes: async (_: unknown, args: { version?: unknown }, { graph }: ApiContext) => {
      const v = parseInput(z.object({ version: version.nullish() }), args).version;
      if (v === null || v === undefined) return readListTypes(graph);
      const found = await listTypesVersion(graph, v);
      if (!found) throw notFound('listTypes', v);
      return found.listTypes;
    },
    keywordLists: async (_: unknown, args: { version?: unknown }, { graph }: ApiContext) => {
      const v = parseInput(z.object({ version: version.nullish() }), args).version;
      if (v === null || v === undefined) return readKeywordLists(graph);
      const found = await keywordListsVersion(graph, v);
      if (!found) throw notFound('keywordLists', v);
      return found.keywordLists;
    },
    vocabularyHistory: async (_: unknown, args: Record<string, unknown>, { graph }: ApiContext) => {
      const { vocabulary, first, after } = parseInput(historyArgs, args);
      const before = decodeCursor(after, historyCursor)?.before ?? null;
      const rows = await vocabularyHistory(graph, vocabulary, { before, limit: first + 1 });
      return pageOf(rows, first, (row) => ({ before: row.version }));
    },
  },
  Mutation: {
    setListTypes: (_: unknown, args: Record<string, unknown>, context: ApiContext) =>
      edit(async () => {
        const { expectedVersion, reason, types } = parseInput(listTypesArgs, args);
        const saved = await saveListTypes(context.graph, { expectedVersion, reason, types, author: author(context) });
        context.auditNote.detail = auditDetail('listTypes', expectedVersion, saved.vocabulary.version, saved.changes);
        return saved.vocabulary;
      }),
    setKeywordLists: (_: unknown, args: Record<string, unknown>, context: ApiContext) =>
      edit(async () => {
        const { expectedVersion, reason, lists } = parseInput(keywordListsArgs, args);
        const saved = await saveKeywordLists(context.graph, { expectedVersion, reason, lists, author: author(context) });
        context.auditNote.detail = auditDetail('keywordLists', expectedVersion, saved.vocabulary.version, saved.changes);
        return saved.vocabulary;
      }),
  },
};
