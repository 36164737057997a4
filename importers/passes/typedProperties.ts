import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { dateParam } from '../../cypher/values.ts';

/**
 * A property with its Neo4j type, as a query reads it (`{k: key, t: valueType(value), v: value}`)
 * and as a record of a change keeps it in JSON: the driver's plain values lose the difference
 * between an integer and a float, and a date becomes text, so the type travels beside the value
 * and the value is rebuilt from both when it is written back.
 */
export const typedProperty = z.object({ k: z.string(), t: z.string(), v: z.unknown() });
export type TypedProperty = z.infer<typeof typedProperty>;

const ZONED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2}(?::\d{2})?)?(?:\[([^\]]+)\])?$/;

function dateTimeValue(text: string): unknown {
  const m = ZONED.exec(text);
  if (!m) throw new Error(`typedProperties: "${text}" is not an ISO date-time`);
  const [, y, mo, d, h, mi, s, fraction = '', offset, zone] = m;
  const nanos = Number(fraction.padEnd(9, '0'));
  let offsetSeconds: number | undefined;
  if (!zone) {
    if (!offset || offset === 'Z') offsetSeconds = 0;
    else {
      const [hh, mm, ss = '0'] = offset.slice(1).split(':');
      offsetSeconds = (offset.startsWith('-') ? -1 : 1) * (Number(hh) * 3600 + Number(mm) * 60 + Number(ss));
    }
  }
  return new neo4j.types.DateTime(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), nanos, offsetSeconds, zone);
}

/** The value to send back to Neo4j for a plain value read with the given `valueType()`. */
export function neo4jValue(type: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const base = type.replace(/ NOT NULL/g, '').trim();
  if (base.startsWith('LIST<') && Array.isArray(value)) {
    const inner = base.slice('LIST<'.length, -1);
    return value.map((v) => neo4jValue(inner, v));
  }
  switch (base) {
    case 'INTEGER':
      return neo4j.int(value as number | string);
    case 'FLOAT':
      return Number(value);
    case 'DATE':
      return dateParam(String(value));
    case 'ZONED DATETIME':
      return dateTimeValue(String(value));
    default:
      return value;
  }
}

/** `[{k, v}]` with values rebuilt, for queries that set properties one by one (`SET n[e.k] = e.v`). */
export function propertyList(props: TypedProperty[]): { k: string; v: unknown }[] {
  return props.map((p) => ({ k: p.k, v: neo4jValue(p.t, p.v) }));
}

/** A map of rebuilt values, for `SET r = $props`. */
export function propertyMap(props: TypedProperty[]): Record<string, unknown> {
  return Object.fromEntries(props.map((p) => [p.k, neo4jValue(p.t, p.v)]));
}

/** Sorted by key, so that a record of the same properties reads the same whatever order Neo4j gave them in. */
export function sortedProperties(props: TypedProperty[]): TypedProperty[] {
  return [...props].sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
}
