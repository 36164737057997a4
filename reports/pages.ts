import type { z } from 'zod';
import { badInput } from './errors.ts';

/**
 * Cursor pages of the reports layer's lists, in the shape the API's pages take (server/pagination.ts):
 * a page of `first` items `after` an opaque cursor — base64url JSON of the place the last item
 * held in the list's order — so a door passes cursors through without knowing what they hold.
 */

export interface PageRequest {
  first: number;
  after: string | null;
}

export interface ReportPage<T> {
  nodes: T[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** More than any screen shows; the CLI's --first allows up to 500. */
const MAX_FIRST = 1000;

export function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw badInput([{ field: 'first', message: `应为 1–${MAX_FIRST} 的整数 / a whole number from 1 to ${MAX_FIRST}` }]);
  }
  return first;
}

export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** The place a cursor stands for; a forged cursor, or one of another list, is BAD_INPUT on `after`. */
export function decodeCursor<T>(cursor: string | null, position: z.ZodType<T>): T | null {
  if (cursor === null || cursor === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = position.safeParse(value);
  if (!parsed.success) throw badInput([{ field: 'after', message: '无效的分页游标 / not a cursor of this list' }]);
  return parsed.data;
}

/** A page from rows fetched one beyond `first`: the extra row only says another page follows. */
export function pageOf<T>(rows: T[], first: number, positionOf: (row: T) => unknown): ReportPage<T> {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return { nodes, hasNextPage: rows.length > first, endCursor: last === undefined ? null : encodeCursor(positionOf(last)) };
}
