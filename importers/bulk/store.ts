import { isDate, isDateTime, isInt, isLocalDateTime } from 'neo4j-driver';

/**
 * The graph a bulk load builds in memory before it is written out for neo4j-admin: every node
 * once per key, every relationship once per identity, with the properties and provenance the
 * online importer's MERGEs would leave. Values keep the types Neo4j would store — a JS number is
 * a Float there (the driver sends it so), a Neo4j Integer a long — because the admin CSV headers
 * have to name them.
 */

export class DateValue {
  constructor(readonly iso: string) {}
}
export class DateTimeValue {
  constructor(readonly iso: string) {}
}
export type Scalar = string | number | boolean | bigint | DateValue | DateTimeValue;
export type Value = Scalar | Scalar[];
export type Props = Record<string, Value>;

/** A parameter value as Neo4j would store it; null for null (which SET treats as removal). */
export function toValue(v: unknown): Value | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  if (v instanceof DateValue || v instanceof DateTimeValue) return v;
  if (isInt(v)) return BigInt(v.toString());
  if (isDate(v)) return new DateValue(v.toString());
  if (isDateTime(v) || isLocalDateTime(v)) return new DateTimeValue(v.toString());
  if (Array.isArray(v)) return v.map((e) => toValue(e) as Scalar);
  throw new TypeError(`not a property value: ${JSON.stringify(v)}`);
}

/** Cypher `=` on two non-null property values (numbers compare across integer and float). */
export function cypherEquals(a: Value, b: Value): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => cypherEquals(x, b[i]!));
  }
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) return Number(a) === Number(b);
  if (a instanceof DateValue) return b instanceof DateValue && a.iso === b.iso;
  if (a instanceof DateTimeValue) return b instanceof DateTimeValue && a.iso === b.iso;
  return a === b;
}

/** Node spaces: the primary label, which is also the admin import's ID group. */
export type Space = 'Company' | 'Person' | 'Address' | 'Region' | 'Phone' | 'Email' | 'Website' | 'Approval' | 'ChangeRecord' | 'ListEntry' | 'BOFiling' | 'PriorValue';

/** The property each space is keyed on (MERGE (n:Label {prop: …})); PriorValue nodes have none. */
export const idProperty: Record<Space, string | null> = {
  Company: 'key',
  Person: 'key',
  Address: 'key',
  Region: 'code',
  Phone: 'key',
  Email: 'key',
  Website: 'key',
  Approval: 'key',
  ChangeRecord: 'key',
  ListEntry: 'key',
  BOFiling: 'key',
  PriorValue: null,
};

export interface MemNode {
  /** Position in creation order: relationship identities use it instead of the key. */
  readonly n: number;
  readonly space: Space;
  readonly id: string;
  /** Labels besides the space (Exchange, Branch). */
  readonly labels: string[];
  readonly props: Props;
  provIndex?: Set<string>;
}

export interface MemRel {
  readonly type: string;
  readonly start: MemNode;
  readonly end: MemNode;
  readonly props: Props;
  provIndex?: Set<string>;
}

type Entity = MemNode | MemRel;

/** Past this many entries a provenance list gets a set beside it: shared addresses collect thousands. */
const INDEX_PROVENANCE_FROM = 32;

export class GraphStore {
  readonly nodes: MemNode[] = [];
  readonly relationships = new Map<string, MemRel>();
  private readonly bySpace = new Map<Space, Map<string, MemNode>>();
  /** Normalised current and former names → firms bearing them (entries may be stale; readers re-check). */
  private readonly firmNames = new Map<string, MemNode | MemNode[]>();

  node(space: Space, id: string): MemNode | undefined {
    return this.bySpace.get(space)?.get(id);
  }

  merge(space: Space, id: string): { node: MemNode; created: boolean } {
    let ids = this.bySpace.get(space);
    if (!ids) this.bySpace.set(space, (ids = new Map()));
    const found = ids.get(id);
    if (found) return { node: found, created: false };
    const node = this.newNode(space, id);
    ids.set(id, node);
    return { node, created: true };
  }

  /** A node without a key (CREATE, not MERGE). */
  create(space: Space): MemNode {
    return this.newNode(space, `${this.nodes.length}`);
  }

  private newNode(space: Space, id: string): MemNode {
    const node: MemNode = { n: this.nodes.length, space, id, labels: [], props: {} };
    this.nodes.push(node);
    return node;
  }

  /** MERGE (start)-[:type {discriminator}]->(end). */
  mergeRel(type: string, start: MemNode, end: MemNode, discriminator?: [string, Value]): MemRel {
    const identity = discriminator ? `${type}\0${start.n}\0${end.n}\0${discriminatorText(discriminator[1])}` : `${type}\0${start.n}\0${end.n}`;
    const found = this.relationships.get(identity);
    if (found) return found;
    const rel: MemRel = { type, start, end, props: discriminator ? { [discriminator[0]]: discriminator[1] } : {} };
    this.relationships.set(identity, rel);
    return rel;
  }

  /** MATCH (start)-[r:type]->(end), for a type merged without a discriminator. */
  rel(type: string, start: MemNode, end: MemNode): MemRel | undefined {
    return this.relationships.get(`${type}\0${start.n}\0${end.n}`);
  }

  /** CREATE (start)-[:type]->(end): always a new relationship. */
  createRel(type: string, start: MemNode, end: MemNode): MemRel {
    const rel: MemRel = { type, start, end, props: {} };
    this.relationships.set(`${type}\0${start.n}\0${end.n}\0#${this.relationships.size}`, rel);
    return rel;
  }

  addLabel(node: MemNode, label: string): void {
    if (!node.labels.includes(label)) node.labels.push(label);
  }

  /** SET e.key = value (null removes, as in Cypher). */
  set(entity: Entity, key: string, value: unknown): void {
    const v = toValue(value);
    if (v === null) {
      delete entity.props[key];
      return;
    }
    entity.props[key] = v;
    if ('space' in entity && entity.space === 'Company' && (key === 'normalizedName' || key === 'normalizedFormerNames')) {
      for (const name of Array.isArray(v) ? v : [v]) if (typeof name === 'string') this.indexFirmName(name, entity);
    }
  }

  /** SET e += map */
  setAll(entity: Entity, map: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(map)) this.set(entity, k, v);
  }

  /** The importer's `provenance = CASE WHEN prov IN provenance THEN provenance ELSE provenance + prov END`. */
  appendProvenance(entity: Entity, prov: string): void {
    const list = entity.props.provenance as string[] | undefined;
    if (!list) {
      entity.props.provenance = [prov];
      return;
    }
    if (entity.provIndex ? entity.provIndex.has(prov) : list.includes(prov)) return;
    list.push(prov);
    if (entity.provIndex) entity.provIndex.add(prov);
    else if (list.length > INDEX_PROVENANCE_FROM) entity.provIndex = new Set(list);
  }

  private indexFirmName(name: string, firm: MemNode): void {
    const at = this.firmNames.get(name);
    if (!at) this.firmNames.set(name, firm);
    else if (Array.isArray(at)) {
      if (!at.includes(firm)) at.push(firm);
    } else if (at !== firm) this.firmNames.set(name, [at, firm]);
  }

  /** Firms that may bear this normalised name now; the caller checks each one's current values. */
  firmsNamed(name: string): MemNode[] {
    const at = this.firmNames.get(name);
    return at === undefined ? [] : Array.isArray(at) ? at : [at];
  }
}

function discriminatorText(v: Value): string {
  return Array.isArray(v) ? JSON.stringify(v.map(String)) : typeof v === 'object' ? `${v.constructor.name}:${v.iso}` : `${typeof v}:${String(v)}`;
}
