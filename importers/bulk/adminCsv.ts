import fs from 'node:fs';
import path from 'node:path';
import { DateTimeValue, DateValue, idProperty, type GraphStore, type MemNode, type MemRel, type Scalar, type Space, type Value } from './store.ts';

/**
 * Writes the in-memory graph as `neo4j-admin database import full` input: one header line per
 * file naming the ID group, labels, relationship type and each property's type, so that the
 * stored values have the types the online importer's Cypher would give them.
 *
 * A property normally has one type per label; where it has several (a PriorValue's `value` may be
 * text, a number, a date or a list) the nodes are split over files, one header per combination.
 */

/** Between list elements. A control character: names, addresses and provenance never hold one. */
export const ARRAY_DELIMITER = '\u001f';
export const ARRAY_DELIMITER_OPTION = 'U+001F';

export class UnrepresentableValueError extends Error {
  readonly code = 'BULK_VALUE_UNREPRESENTABLE';
}

export interface AdminCsv {
  dir: string;
  /** File names inside `dir`, each with its header on the first line. */
  nodeFiles: string[];
  relationshipFiles: string[];
  nodes: number;
  relationships: number;
}

function scalarType(v: Scalar): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'double';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'bigint') return 'long';
  if (v instanceof DateValue) return 'date';
  return 'datetime';
}

function typeOf(v: Value, where: () => string): string {
  if (!Array.isArray(v)) return scalarType(v);
  const first = v[0];
  // neo4j-admin reads an empty field as "no property", so neither [] nor [''] can be written.
  if (first === undefined || (v.length === 1 && first === '')) {
    throw new UnrepresentableValueError(`无法以批量导入表示空列表或仅含空字符串的列表（${where()}）；请用 npx chuantou import 导入 / neo4j-admin CSV cannot express an empty list or [''] (${where()}); use npx chuantou import`);
  }
  const type = scalarType(first);
  if (!v.every((e) => scalarType(e) === type)) throw new UnrepresentableValueError(`列表元素类型不一致 / a list mixes types (${where()})`);
  return `${type}[]`;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

function scalarText(v: Scalar): string {
  if (v instanceof DateValue || v instanceof DateTimeValue) return v.iso;
  return String(v);
}

function field(v: Value | undefined, where: () => string): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return quote(v);
  if (!Array.isArray(v)) return scalarText(v);
  const parts = v.map(scalarText);
  if (parts.some((p) => p.includes(ARRAY_DELIMITER))) {
    throw new UnrepresentableValueError(`列表元素含有分隔符 U+001F（${where()}）/ a list element holds the array delimiter U+001F (${where()})`);
  }
  return quote(parts.join(ARRAY_DELIMITER));
}

/** Appends lines to a file in large writes. */
class LineWriter {
  private readonly fd: number;
  private chunks: string[] = [];
  private size = 0;
  count = 0;

  constructor(file: string, header: string) {
    this.fd = fs.openSync(file, 'w');
    this.line(header);
    this.count = 0;
  }

  line(text: string): void {
    this.chunks.push(text, '\n');
    this.size += text.length + 1;
    this.count++;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    fs.writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

/**
 * Splits entities of one group by the types of their properties: columns of a single type are
 * shared, a property seen with several types goes into the header of each entity's own file.
 */
function layout<E extends { props: Record<string, Value> }>(entities: E[], where: (e: E, p: string) => () => string) {
  const types = new Map<string, Set<string>>();
  for (const e of entities) {
    for (const [p, v] of Object.entries(e.props)) {
      const t = typeOf(v, where(e, p));
      let seen = types.get(p);
      if (!seen) types.set(p, (seen = new Set()));
      seen.add(t);
    }
  }
  const shared = [...types].filter(([, t]) => t.size === 1).map(([p, t]) => ({ name: p, type: [...t][0]! }));
  const mixed = [...types.keys()].filter((p) => types.get(p)!.size > 1);
  const files = new Map<string, { columns: { name: string; type: string }[]; members: E[] }>();
  for (const e of entities) {
    const own = mixed.filter((p) => e.props[p] !== undefined).map((p) => ({ name: p, type: typeOf(e.props[p]!, where(e, p)) }));
    const signature = own.map((c) => `${c.name}:${c.type}`).join(',');
    let file = files.get(signature);
    if (!file) files.set(signature, (file = { columns: [...shared, ...own].sort((a, b) => a.name.localeCompare(b.name)), members: [] }));
    file.members.push(e);
  }
  return [...files.values()];
}

const describeNode = (n: MemNode) => `${n.space} ${n.id}`;

export function writeAdminCsv(store: GraphStore, dir: string): AdminCsv {
  fs.mkdirSync(dir, { recursive: true });
  const out: AdminCsv = { dir, nodeFiles: [], relationshipFiles: [], nodes: 0, relationships: 0 };

  const bySpace = new Map<Space, MemNode[]>();
  for (const node of store.nodes) {
    let list = bySpace.get(node.space);
    if (!list) bySpace.set(node.space, (list = []));
    list.push(node);
  }
  for (const [space, nodes] of bySpace) {
    const idProp = idProperty[space];
    layout(nodes, (n, p) => () => `${describeNode(n)}.${p}`).forEach(({ columns, members }, i) => {
      const name = `nodes-${space}-${i + 1}.csv`;
      const header = [`${idProp ?? ''}:ID(${space})`, ':LABEL', ...columns.map((c) => `${c.name}:${c.type}`)].join(',');
      const writer = new LineWriter(path.join(dir, name), header);
      for (const n of members) {
        const where = (p: string) => () => `${describeNode(n)}.${p}`;
        writer.line([quote(n.id), [space, ...n.labels].join(ARRAY_DELIMITER), ...columns.map((c) => field(n.props[c.name], where(c.name)))].join(','));
      }
      writer.close();
      out.nodeFiles.push(name);
      out.nodes += writer.count;
    });
  }

  const byGroup = new Map<string, MemRel[]>();
  for (const rel of store.relationships.values()) {
    const group = `${rel.type}-${rel.start.space}-${rel.end.space}`;
    let list = byGroup.get(group);
    if (!list) byGroup.set(group, (list = []));
    list.push(rel);
  }
  for (const [group, rels] of byGroup) {
    const [first] = rels;
    const describe = (r: MemRel, p: string) => () => `${describeNode(r.start)} -[${r.type}]-> ${describeNode(r.end)}.${p}`;
    layout(rels, describe).forEach(({ columns, members }, i) => {
      const name = `relationships-${group}-${i + 1}.csv`;
      const header = [`:START_ID(${first!.start.space})`, `:END_ID(${first!.end.space})`, ':TYPE', ...columns.map((c) => `${c.name}:${c.type}`)].join(',');
      const writer = new LineWriter(path.join(dir, name), header);
      for (const r of members) {
        writer.line([quote(r.start.id), quote(r.end.id), r.type, ...columns.map((c) => field(r.props[c.name], describe(r, c.name)))].join(','));
      }
      writer.close();
      out.relationshipFiles.push(name);
      out.relationships += writer.count;
    });
  }
  return out;
}
