import { z } from 'zod';
import { apiError } from './errors.ts';

/**
 * Cursor pagination, the API's one way to page a list (common.graphql's PageInfo): a page asks
 * for `first` items `after` a cursor, and gets them with the cursor of its last one. A cursor is
 * opaque to clients (base64url JSON of whatever the list orders by: an offset, or the last key),
 * so a list may change how it pages without breaking them.
 */

export const MAX_PAGE = 100;

/** `first` and `after` of a paginated field, checked (zod); merge it into the field's own schema. */
export const pageArgs = z.object({
  first: z.number().int().min(1).max(MAX_PAGE).default(20),
  after: z.string().max(500).nullish(),
});
export type PageArgs = z.infer<typeof pageArgs>;

export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** The position a cursor stands for, checked against what this list's cursors hold; a forged or foreign cursor is BAD_INPUT on `after`. */
export function decodeCursor<T>(cursor: string | null | undefined, position: z.ZodType<T>): T | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = position.safeParse(value);
  if (!parsed.success) {
    throw apiError('BAD_INPUT', 'after: 无效的分页游标 / not a cursor of this list', { fields: [{ field: 'after', message: '无效的分页游标 / not a cursor of this list' }] });
  }
  return parsed.data;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * A page from rows fetched with one more than asked (`first + 1`): the extra row only tells that
 * another page exists. `positionOf` gives the cursor position after a row.
 */
export function pageOf<T>(rows: T[], first: number, positionOf: (row: T, index: number) => unknown): Page<T> {
  const nodes = rows.slice(0, first);
  const last = nodes.length - 1;
  return {
    nodes,
    pageInfo: { hasNextPage: rows.length > first, endCursor: last >= 0 ? encodeCursor(positionOf(nodes[last]!, last)) : null },
  };
}

/** Offset paging for lists ordered by a score (search): the cursor holds the offset of the next row. */
export const offsetCursor = z.object({ offset: z.number().int().min(0).max(100_000) });
export function offsetOf(after: string | null | undefined): number {
  return decodeCursor(after, offsetCursor)?.offset ?? 0;
}
export function offsetPage<T>(rows: T[], first: number, offset: number): Page<T> {
  return pageOf(rows, first, (_, index) => ({ offset: offset + index + 1 }));
}
