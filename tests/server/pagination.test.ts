import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { decodeCursor, encodeCursor, offsetOf, offsetPage, pageOf } from '../../server/pagination.ts';
import { parseInput } from '../../server/input.ts';

describe('cursor pagination', () => {
  it('a page fetched with one extra row says another page follows, and its cursor leads past its last row', () => {
    const page = offsetPage(['a', 'b', 'c'], 2, 10);
    expect(page.nodes).toEqual(['a', 'b']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(offsetOf(page.pageInfo.endCursor)).toBe(12);
    expect(pageOf([], 2, () => 0).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it('a forged or foreign cursor is BAD_INPUT naming the field after', () => {
    for (const forged of ['%%%', encodeCursor({ key: 'x' }), encodeCursor({ offset: -1 })]) {
      try {
        decodeCursor(forged, z.object({ offset: z.number().int().min(0) }));
        expect.unreachable();
      } catch (error) {
        expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_INPUT', fields: [{ field: 'after' }] });
      }
    }
  });
});

describe('parseInput', () => {
  it('names every offending argument in the message and in extensions.fields', () => {
    const schema = z.object({ text: z.string().min(1), first: z.number().max(100) });
    try {
      parseInput(schema, { text: '', first: 1000 });
      expect.unreachable();
    } catch (error) {
      const e = error as GraphQLError;
      expect(e.extensions.code).toBe('BAD_INPUT');
      expect((e.extensions.fields as { field: string }[]).map((f) => f.field)).toEqual(['text', 'first']);
      expect(e.message).toMatch(/text: .*first: /);
    }
  });
});
