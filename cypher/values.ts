import neo4j, { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isTime, isNode, isRelationship, isPath } from 'neo4j-driver';

/**
 * The one place where values leave the driver. Integers become JS numbers when they fit exactly
 * and decimal strings otherwise (a silently rounded amount is worse than a string); dates become
 * 'YYYY-MM-DD', date-times ISO 8601 strings. Nodes, relationships and paths are not returned by
 * our queries — they return maps — so meeting one is a bug in a .cypher file, reported as such.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return neo4j.integer.inSafeRange(value) ? neo4j.integer.toNumber(value) : neo4j.integer.toString(value);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isNode(value) || isRelationship(value) || isPath(value)) {
    throw new TypeError('query returned a graph element; .cypher files must return maps of properties');
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

/** Integer parameters must be sent as Neo4j integers: plain JS numbers arrive as floats (e.g. in LIMIT). */
export const int = (n: number) => neo4j.int(n);

/** A 'YYYY-MM-DD' string as a Neo4j date parameter, so dates are stored as dates, not text. */
export function dateParam(iso: string | null | undefined): InstanceType<typeof neo4j.types.Date> | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new neo4j.types.Date(y!, m!, d!);
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})(?:\[([^\]]+)\])?$/;

/**
 * An ISO 8601 date-time with its offset, as toPlain writes a stored one ('2024-06-30T08:00:00.5Z'),
 * as a Neo4j date-time parameter, to the nanosecond: a JS Date would keep milliseconds only.
 */
export function dateTimeParam(iso: string | null | undefined): InstanceType<typeof neo4j.types.DateTime> | null {
  if (!iso) return null;
  const m = ISO_DATE_TIME.exec(iso);
  if (!m) throw new TypeError(`not an ISO 8601 date-time with an offset: ${iso}`);
  const [, y, mo, d, h, mi, s, fraction, offset, zone] = m;
  const nanos = Number((fraction ?? '').padEnd(9, '0'));
  const offsetSeconds = offset === 'Z' ? 0 : (offset!.startsWith('-') ? -1 : 1) * (Number(offset!.slice(1, 3)) * 3600 + Number(offset!.slice(4, 6)) * 60);
  return new neo4j.types.DateTime(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), nanos, zone ? undefined : offsetSeconds, zone);
}
