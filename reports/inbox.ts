import crypto from 'node:crypto';
import { z } from 'zod';
import { entityRef } from '../analyses/envelope.ts';
import type { Graph, GraphReader } from '../cypher/run.ts';
import { dateTimeParam, int } from '../cypher/values.ts';
import type { Reader } from './canonical.ts';
import { ReportError } from './errors.ts';
import { checkFirst, decodeCursor, pageOf, type PageRequest, type ReportPage } from './pages.ts';
import { nameKeyOf } from './savedQueries.ts';
import { changeCodes, type InboxItem, type RunDiff } from './types.ts';

/**
 * The inbox a watch fills: one item per scheduled run that changed something, with what changed
 * (the RunDiff, stored as JSON on an `InboxItem` node linked to its user). Each user reaches only
 * their own items — every query starts from the reader's account — so another user's item is as
 * unknown as one that never was (NOT_FOUND).
 */

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** The stored diff read back: stored JSON is a boundary too. */
export const runDiffSchema: z.ZodType<RunDiff> = z.object({
  fromRunId: z.string(),
  toRunId: z.string(),
  newFindings: z.array(entityRef),
  goneFindings: z.array(entityRef),
  changedFindings: z.array(
    z.object({
      subject: entityRef,
      changes: z.array(z.object({ code: z.enum(changeCodes), field: z.string().nullable(), before: scalar, after: scalar, text: z.string() })),
    }),
  ),
  unchangedCount: z.number().int(),
  resolvedAliases: z.array(z.object({ from: z.string(), to: z.string() })),
});

interface StoredItem {
  id: string;
  queryId: string;
  queryTitle: string;
  runId: string;
  diff: string;
  createdAt: string;
  readAt: string | null;
}

function itemOf(stored: StoredItem): InboxItem {
  return { ...stored, readAt: stored.readAt ?? null, diff: runDiffSchema.parse(JSON.parse(stored.diff)) };
}

/** Where the previous page ended: the last item's time and id. */
const inboxPosition = z.object({ at: z.string().max(64).refine((at) => !Number.isNaN(Date.parse(at))), id: z.string().max(200) });

/** Puts a run's changes in the owner's inbox; the scheduler's, after a run whose diff has changes. */
export async function addInboxItem(graph: Graph, owner: string, item: { queryId: string; queryTitle: string; runId: string; diff: RunDiff }, now: Date): Promise<string | null> {
  const id = crypto.randomUUID();
  const rows = await graph.write<{ id: string }>('reports/inboxAdd', {
    id,
    user: nameKeyOf(owner),
    queryId: item.queryId,
    queryTitle: item.queryTitle,
    runId: item.runId,
    diff: JSON.stringify(item.diff),
    now: dateTimeParam(now.toISOString()),
  });
  return rows[0]?.id ?? null;
}

/** The reader's own inbox, newest first. */
export async function listInbox(graph: GraphReader, reader: Reader, page: PageRequest, unreadOnly = false): Promise<ReportPage<InboxItem>> {
  const first = checkFirst(page.first);
  const after = decodeCursor(page.after, inboxPosition);
  const rows = await graph.read<{ item: StoredItem }>('reports/inboxList', {
    user: nameKeyOf(reader.name),
    unreadOnly,
    afterAt: after ? dateTimeParam(after.at) : null,
    afterId: after?.id ?? null,
    limit: int(first + 1),
  });
  return pageOf(
    rows.map((r) => itemOf(r.item)),
    first,
    (item) => ({ at: item.createdAt, id: item.id }),
  );
}

/** Marks one of the reader's items read (the first reading's time stays); NOT_FOUND for anyone else's. */
export async function markInboxItemRead(graph: Graph, reader: Reader, id: string, now: Date = new Date()): Promise<InboxItem> {
  const [row] = await graph.write<{ item: StoredItem }>('reports/inboxMarkRead', { user: nameKeyOf(reader.name), id, now: dateTimeParam(now.toISOString()) });
  if (!row) throw new ReportError('NOT_FOUND', `收件箱条目 ${id} / inbox item ${id}`);
  return itemOf(row.item);
}
