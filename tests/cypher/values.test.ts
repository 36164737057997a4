import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { dateTimeParam, toPlain } from '../../cypher/values.ts';

describe('toPlain', () => {
  it('converts integers to numbers when exact and to decimal strings when not', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
  });

  it('converts dates and date-times to ISO strings, inside lists and maps too', () => {
    const date = new neo4j.types.Date(2015, 3, 2);
    const dateTime = new neo4j.types.DateTime(2024, 11, 1, 8, 30, 0, 0, 0);
    expect(toPlain({ on: date, at: [dateTime] })).toEqual({ on: '2015-03-02', at: ['2024-11-01T08:30:00Z'] });
  });

  it('reads back a date-time it wrote, to the nanosecond and with its offset', () => {
    for (const iso of ['2026-12-07T01:41:52.245000000Z', '2024-06-30T08:00:00Z', '2024-06-30T08:00:00.500000000+08:00']) {
      expect(toPlain(dateTimeParam(iso))).toBe(iso);
    }
    expect(() => dateTimeParam('2024-06-30 08:00')).toThrow(/ISO 8601/);
  });

  it('refuses graph elements, which .cypher files must not return', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Company'], {}, '1');
    expect(() => toPlain({ node })).toThrow(/graph element/);
  });
});
