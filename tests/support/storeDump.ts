import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import neo4j from 'neo4j-driver';
import { connect, type Graph } from '../../cypher/run.ts';
import { dateParam, dateTimeParam } from '../../cypher/values.ts';

/**
 * A whole store as readable JSON, and back: what the migrations test loads to have a store written
 * by older code (tests/fixtures/migrations/README.md says how that one was made). Nodes are listed
 * with their labels and properties, relationships with their type, the numbers of their two nodes
 * and their properties. JSON has no integers, dates or date-times apart from other numbers and
 * strings, so those are written typed — {"$int": 3}, {"$date": "2024-01-02"},
 * {"$datetime": "2024-06-30T08:00:00.123Z"} — and every other number is a float, as stored.
 *
 * Run as a script to write a dump of a running store (signing in with NEO4J_USER and
 * NEO4J_PASSWORD when the server requires it, as a local one started by this tool does):
 *   npx tsx tests/support/storeDump.ts bolt://127.0.0.1:7687 OUT.json.gz
 */

export type DumpValue = string | number | boolean | { $int: number | string } | { $date: string } | { $datetime: string } | DumpValue[];
type DumpProps = Record<string, DumpValue>;

export interface StoreDump {
  $comment?: string;
  nodes: { id: number; labels: string[]; props: DumpProps }[];
  relationships: { type: string; from: number; to: number; props: DumpProps }[];
}

interface TypedProperty {
  name: string;
  /** Neo4j's valueType(): 'INTEGER NOT NULL', 'LIST<DATE NOT NULL> NOT NULL' … */
  type: string;
  value: unknown;
}

function encode(type: string, value: unknown): DumpValue {
  const list = /^LIST<(.+)> NOT NULL$/.exec(type);
  if (list) return (value as unknown[]).map((v) => encode(list[1]!, v));
  if (type.startsWith('INTEGER')) return { $int: value as number | string };
  if (type.startsWith('DATE')) return { $date: value as string };
  if (type.startsWith('ZONED DATETIME')) return { $datetime: value as string };
  if (/^(STRING|FLOAT|BOOLEAN)/.test(type)) return value as DumpValue;
  throw new TypeError(`a property of type ${type} cannot be dumped`);
}

function decode(value: DumpValue): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === 'object') {
    if ('$int' in value) return neo4j.int(value.$int);
    if ('$date' in value) return dateParam(value.$date);
    if ('$datetime' in value) return dateTimeParam(value.$datetime);
  }
  return value;
}

const encodeProps = (properties: TypedProperty[]): DumpProps =>
  Object.fromEntries([...properties].sort((a, b) => a.name.localeCompare(b.name)).map((p) => [p.name, encode(p.type, p.value)]));
const decodeProps = (props: DumpProps) => Object.fromEntries(Object.entries(props).map(([k, v]) => [k, decode(v)]));

/** What names a node in the sort order: its labels and domain key. */
const sortKey = (labels: string[], props: DumpProps) => `${labels.join(':')}|${String(props.key ?? props.id ?? props.code ?? props.name ?? JSON.stringify(props))}`;

/** The store as a dump, nodes and relationships in a stable order (by labels and key), so that two dumps of one graph are equal. */
export async function exportStore(graph: Graph): Promise<StoreDump> {
  const found = await graph.read<{ id: string; labels: string[]; properties: TypedProperty[] }>('dump/nodes');
  const nodes = found
    .map((n) => ({ elementId: n.id, labels: [...n.labels].sort(), props: encodeProps(n.properties) }))
    .sort((a, b) => sortKey(a.labels, a.props).localeCompare(sortKey(b.labels, b.props)));
  const number = new Map(nodes.map((n, i) => [n.elementId, i]));
  const relationships = (await graph.read<{ from: string; to: string; type: string; properties: TypedProperty[] }>('dump/relationships'))
    .map((r) => ({ type: r.type, from: number.get(r.from)!, to: number.get(r.to)!, props: encodeProps(r.properties) }))
    .sort((a, b) => a.from - b.from || a.to - b.to || a.type.localeCompare(b.type) || JSON.stringify(a.props).localeCompare(JSON.stringify(b.props)));
  return { nodes: nodes.map((n, id) => ({ id, labels: n.labels, props: n.props })), relationships };
}

/** JSON with one node or relationship a line: readable, and a diff of two dumps shows what changed. */
export function formatDump(dump: StoreDump): string {
  const lines = (items: unknown[]) => items.map((x) => `    ${JSON.stringify(x)}`).join(',\n');
  const comment = dump.$comment ? `  "$comment": ${JSON.stringify(dump.$comment)},\n` : '';
  return `{\n${comment}  "nodes": [\n${lines(dump.nodes)}\n  ],\n  "relationships": [\n${lines(dump.relationships)}\n  ]\n}\n`;
}

export function writeDump(file: string, dump: StoreDump): void {
  const text = formatDump(dump);
  fs.writeFileSync(file, file.endsWith('.gz') ? zlib.gzipSync(text, { level: 9 }) : text);
}

export function readDump(file: string): StoreDump {
  const bytes = fs.readFileSync(file);
  return JSON.parse((file.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes).toString('utf8')) as StoreDump;
}

/**
 * Replaces everything in the store with the dump, the record of its model version included: the
 * store is then what the code that made the dump left. The schema (constraints, indexes) stays.
 */
export async function loadStore(graph: Graph, dump: StoreDump, batchSize = 1000): Promise<void> {
  await graph.writeInBatches('admin/deleteAll');
  const elementIds = new Map<number, string>();
  for (let i = 0; i < dump.nodes.length; i += batchSize) {
    const nodes = dump.nodes.slice(i, i + batchSize).map((n) => ({ id: n.id, labels: n.labels, props: decodeProps(n.props) }));
    for (const row of await graph.write<{ id: number; elementId: string }>('dump/loadNodes', { nodes })) elementIds.set(row.id, row.elementId);
  }
  for (let i = 0; i < dump.relationships.length; i += batchSize) {
    const relationships = dump.relationships.slice(i, i + batchSize).map((r) => ({
      type: r.type,
      from: elementIds.get(r.from),
      to: elementIds.get(r.to),
      props: decodeProps(r.props),
    }));
    await graph.write('dump/loadRelationships', { relationships });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [uri, out] = process.argv.slice(2);
  if (!uri || !out) {
    console.error('usage: npx tsx tests/support/storeDump.ts BOLT_URI OUT.json[.gz]');
    process.exit(2);
  }
  const graph = connect({ uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
  try {
    const dump = { $comment: `A whole store dumped from ${uri} by tests/support/storeDump.ts; see the README beside this file for how it was made.`, ...(await exportStore(graph)) };
    writeDump(out, dump);
    console.log(`${dump.nodes.length} nodes, ${dump.relationships.length} relationships → ${out} (${fs.statSync(out).size} bytes)`);
  } finally {
    await graph.close();
  }
}
