import crypto from 'node:crypto';
import { loadQuery } from '../../cypher/run.ts';
import { RATIO_MARKERS } from '../kinds/shareholders.ts';
import { cypherEquals, toValue, type DateTimeValue, type GraphStore, type MemNode, type Space, type Value } from './store.ts';

/**
 * The online importer's write queries (cypher/import/*.cypher), carried out on the in-memory
 * graph instead of in Neo4j, so that the record kinds' own `write` functions decide what a bulk
 * load creates, exactly as they do online.
 *
 * Each query is followed clause by clause over all of the batch's rows, because that is Cypher's
 * semantics (Neo4j plans Eager operators to keep it): in import/registrations every row's value
 * history is taken before any row's SET, and in import/changeRecords every row's former-name test
 * before any row adds one, so two rows of one batch about the same firm behave as they do online.
 *
 * `fingerprint` is the query body this emulation was written against; the bulk tests fail when a
 * .cypher file changes, so the two cannot drift apart unnoticed.
 */

type Row = Record<string, any>;
export type Emulation = (store: GraphStore, params: Record<string, any>, now: DateTimeValue) => Row[];

/** The body of a query file without comments or layout: what its fingerprint is taken of. */
export function queryFingerprint(name: string): string {
  const body = loadQuery(name)
    .text.replace(/\/\/[^\n]*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return crypto.createHash('sha256').update(body).digest('hex').slice(0, 16);
}

const rowsOf = (params: Record<string, any>): Row[] => params.rows as Row[];

/** MATCH of the rows' nodes: rows whose node is missing drop out, as MATCH drops them. */
function matchAll<T extends Row>(store: GraphStore, rows: T[], ...ends: [Space, (r: T) => string][]): { r: T; nodes: MemNode[] }[] {
  const out: { r: T; nodes: MemNode[] }[] = [];
  for (const r of rows) {
    const nodes = ends.map(([space, key]) => store.node(space, key(r)));
    if (nodes.every((n) => n !== undefined)) out.push({ r, nodes: nodes as MemNode[] });
  }
  return out;
}


/** `MATCH (a) MATCH (b) [SET b:Label] MERGE (a)-[s:T {disc}]->(b) SET s += props, s.provenance = …` */
function relationshipQuery(
  start: [Space, string],
  end: [Space, string],
  type: string,
  opts: { disc?: string; props?: string; label?: ['start' | 'end', string]; markers?: { given: string; keys: string[] } } = {},
): Emulation {
  return (store, params) => {
    const matched = matchAll(store, rowsOf(params), [start[0], (r) => r[start[1]]], [end[0], (r) => r[end[1]]]);
    if (opts.label) {
      const [which, name] = opts.label;
      for (const { nodes } of matched) store.addLabel(nodes[which === 'start' ? 0 : 1]!, name);
    }
    const rels = matched.map(({ r, nodes: [a, b] }) => store.mergeRel(type, a!, b!, opts.disc ? [opts.disc, r[opts.disc]] : undefined));
    if (opts.props) {
      matched.forEach(({ r }, i) => {
        const props = r[opts.props!];
        const markers = opts.markers;
        if (markers && props[markers.given] !== null && props[markers.given] !== undefined) {
          for (const key of markers.keys) store.set(rels[i]!, key, props[key] ?? null);
        }
        store.setAll(rels[i]!, props);
      });
    }
    matched.forEach(({ r }, i) => store.appendProvenance(rels[i]!, r.prov));
    return [];
  };
}

/** `MATCH (c:Company {key: firmKey}) MERGE (x:Label {key}) ON CREATE SET x.text … MERGE (c)-[:T]->(x)` */
function contactQuery(label: Space, type: string): Emulation {
  return (store, params) => {
    const matched = matchAll(store, rowsOf(params), ['Company', (r) => r.firmKey]);
    const xs = matched.map(({ r }) => {
      const { node, created } = store.merge(label, r.key);
      if (created) store.set(node, 'text', r.text);
      return node;
    });
    matched.forEach(({ r }, i) => store.appendProvenance(xs[i]!, r.prov));
    const rels = matched.map(({ nodes: [c] }, i) => store.mergeRel(type, c!, xs[i]!));
    matched.forEach(({ r }, i) => store.appendProvenance(rels[i]!, r.prov));
    return [];
  };
}

/** Registered and operating addresses, each placed in its Region. */
function addressQuery(type: string): Emulation {
  return (store, params) => {
    const matched = matchAll(store, rowsOf(params), ['Company', (r) => r.firmKey]);
    const addresses = matched.map(({ r }) => {
      const { node, created } = store.merge('Address', r.address.key);
      if (created) {
        store.set(node, 'text', r.address.text);
        store.set(node, 'regionCode', r.address.regionCode);
      }
      return node;
    });
    matched.forEach(({ r }, i) => store.appendProvenance(addresses[i]!, r.prov));
    const rels = matched.map(({ nodes: [c] }, i) => store.mergeRel(type, c!, addresses[i]!));
    matched.forEach(({ r }, i) => store.appendProvenance(rels[i]!, r.prov));
    matched.forEach(({ r }, i) => {
      if (r.region === null || r.region === undefined) return;
      const { node: region, created } = store.merge('Region', r.region.code);
      if (created) store.set(region, 'name', r.region.name);
      store.mergeRel('IN_REGION', addresses[i]!, region);
    });
    return [];
  };
}

/** Firms and persons upserted by key: `MERGE (n {key}) [ON CREATE] SET n += props, n.provenance = …`. */
function upsertQuery(space: Space, onCreateOnly: boolean): Emulation {
  return (store, params) => {
    const rows = rowsOf(params);
    const nodes = rows.map((r) => {
      const { node, created } = store.merge(space, r.key);
      if (onCreateOnly && created) store.setAll(node, r.props);
      return node;
    });
    if (!onCreateOnly) rows.forEach((r, i) => store.setAll(nodes[i]!, r.props));
    rows.forEach((r, i) => store.appendProvenance(nodes[i]!, r.prov));
    return [];
  };
}

const listEntries: Emulation = (store, params) => {
  for (const r of rowsOf(params)) {
    const { node, created } = store.merge('ListEntry', r.entry.key);
    if (created) {
      store.set(node, 'listType', r.entry.listType);
      store.set(node, 'listTypeCode', r.entry.listTypeCode);
      store.set(node, 'listTypeText', r.entry.listTypeText);
      store.set(node, 'caseNo', r.entry.caseNo);
    }
    store.setAll(node, r.entry.props);
    store.appendProvenance(node, r.prov);
  }
  return [];
};

/** `MATCH (c) MERGE (x:Label {key}) SET x += props, provenance MERGE (c)-[:T]->(x) SET provenance` */
function ownedRecordQuery(owner: [Space, string], field: string, label: Space, type: string, beforeMerge?: (store: GraphStore, owner: MemNode) => void): Emulation {
  return (store, params) => {
    const matched = matchAll(store, rowsOf(params), [owner[0], (r) => r[owner[1]]]);
    if (beforeMerge) matched.forEach(({ nodes: [o] }) => beforeMerge(store, o!));
    const records = matched.map(({ r }) => store.merge(label, r[field].key).node);
    matched.forEach(({ r }, i) => store.setAll(records[i]!, r[field].props));
    matched.forEach(({ r }, i) => store.appendProvenance(records[i]!, r.prov));
    const rels = matched.map(({ nodes: [o] }, i) => store.mergeRel(type, o!, records[i]!));
    matched.forEach(({ r }, i) => store.appendProvenance(rels[i]!, r.prov));
    return [];
  };
}

/** A property's value as history keeps it: lists are copied, as provenance lists grow in place as later rows are added. */
const copy = (v: Value | undefined) => (Array.isArray(v) ? [...v] : v);

interface Replaced {
  firm: MemNode;
  props: Record<string, unknown>;
}

function writeHistory(store: GraphStore, history: Replaced[], now: DateTimeValue): void {
  for (const h of history) {
    const prior = store.create('PriorValue');
    store.setAll(prior, h.props);
    prior.props.replacedAt = now;
    store.createRel('HAD_VALUE', h.firm, prior);
  }
}

/** Every row's replaced values, taken from the firms as they were before this statement. */
const registrationHistory: Emulation = (store, params, now) => {
  const history: Replaced[] = [];
  for (const { r, nodes: [firm] } of matchAll(store, rowsOf(params), ['Company', (r) => r.key])) {
    for (const [property, raw] of Object.entries(r.props as Row)) {
      const current = firm!.props[property];
      const proposed = toValue(raw);
      if (current === undefined || proposed === null || cypherEquals(current, proposed)) continue;
      history.push({ firm: firm!, props: { property, value: copy(current), assertedBy: copy(firm!.props.provenance), replacedBy: r.prov } });
    }
  }
  writeHistory(store, history, now);
  return [];
};

/** Every row's replaced holding values (and ratio markers), taken from the holdings as they were before this statement. */
const holdingHistory: Emulation = (store, params, now) => {
  const markers = params.markers as string[];
  const history: Replaced[] = [];
  for (const r of rowsOf(params)) {
    const firm = store.node('Company', r.firmKey);
    const holder = store.node('Person', r.holderKey) ?? store.node('Company', r.holderKey);
    const holding = firm && holder && store.rel('HOLDS_SHARES', holder, firm);
    if (!holding) continue;
    const given = r.holding.ratio !== null && r.holding.ratio !== undefined;
    const touched = [...Object.keys(r.holding), ...(given ? markers.filter((m) => !(m in r.holding)) : [])];
    for (const property of touched) {
      const current = holding.props[property];
      const proposed = toValue(r.holding[property] ?? null);
      if (current === undefined ? proposed === null : proposed !== null && cypherEquals(current, proposed)) continue;
      history.push({ firm: firm!, props: { property, value: copy(current), holder: r.holderKey, assertedBy: copy(holding.props.provenance), replacedBy: r.prov } });
    }
  }
  writeHistory(store, history, now);
  return [];
};

const changeRecords: Emulation = (store, params) => {
  const matched = matchAll(store, rowsOf(params), ['Company', (r) => r.firmKey]);
  const records = matched.map(({ r }) => {
    const { node, created } = store.merge('ChangeRecord', r.change.key);
    if (created) store.setAll(node, { item: r.change.item, before: r.change.before, after: r.change.after, changedOn: r.change.changedOn });
    return node;
  });
  matched.forEach(({ r }, i) => store.appendProvenance(records[i]!, r.prov));
  const rels = matched.map(({ nodes: [c] }, i) => store.mergeRel('HAS_CHANGE', c!, records[i]!));
  matched.forEach(({ r }, i) => store.appendProvenance(rels[i]!, r.prov));
  return [];
};

/** One SET per row, reading the firm as it is when the row comes (no firm twice in a statement). */
const formerNames: Emulation = (store, params) => {
  for (const { r, nodes: [c] } of matchAll(store, rowsOf(params), ['Company', (r) => r.firmKey])) {
    const former = (c!.props.formerNames as string[] | undefined) ?? [];
    if (former.includes(r.formerName) || c!.props.name === undefined || r.formerName === c!.props.name) continue;
    const text = c!.props.formerNamesText;
    store.set(c!, 'formerNames', [...former, r.formerName]);
    store.set(c!, 'normalizedFormerNames', [...((c!.props.normalizedFormerNames as string[] | undefined) ?? []), r.normalizedFormerName]);
    store.set(c!, 'formerNamesText', text === undefined ? r.formerName : `${text}；${r.formerName}`);
    const pinyin = c!.props.formerNamesPinyin;
    if (r.formerNamePinyin !== null && r.formerNamePinyin !== undefined) store.set(c!, 'formerNamesPinyin', pinyin === undefined ? r.formerNamePinyin : `${pinyin} ${r.formerNamePinyin}`);
  }
  return [];
};

const branchFacts: Emulation = (store, params) => {
  for (const { r, nodes: [b] } of matchAll(store, rowsOf(params), ['Company', (r) => r.key])) {
    for (const p of ['establishedOn', 'registrationAuthority', 'status', 'operatingAddress']) {
      if (b!.props[p] === undefined) store.set(b!, p, r.props[p]);
    }
  }
  return [];
};

const resolveFirmNames: Emulation = (store, params) => {
  const out: Row[] = [];
  for (const name of params.names as string[]) {
    const keys = new Set<string>();
    for (const firm of store.firmsNamed(name)) {
      const current = firm.props.normalizedName === name || ((firm.props.normalizedFormerNames as string[] | undefined) ?? []).includes(name);
      if (current && firm.props.keyUnverified === false) keys.add(firm.id);
    }
    if (keys.size > 0) out.push({ name, keys: [...keys] });
  }
  return out;
};

/** Adds a label to the firm a row names, as `SET v:Exchange` / `SET b:Branch` do. */
const label = (name: string) => (store: GraphStore, node: MemNode) => store.addLabel(node, name);

export const emulatedQueries: Record<string, { fingerprint: string; run: Emulation }> = {
  'import/registrationHistory': { fingerprint: '5f5d8cfbaacdb0c3', run: registrationHistory },
  'import/holdingHistory': { fingerprint: 'be3c58aff017815e', run: holdingHistory },
  'import/registrations': { fingerprint: '473b6f626a091099', run: upsertQuery('Company', false) },
  'import/firmRefs': { fingerprint: '5eb4856642d6c4bb', run: upsertQuery('Company', true) },
  'import/persons': { fingerprint: 'c06580c765144371', run: upsertQuery('Person', false) },
  'import/resolveFirmNames': { fingerprint: '483769191392594f', run: resolveFirmNames },
  'import/legalRepresentatives': { fingerprint: 'f7eaeeaa7f33ffae', run: relationshipQuery(['Person', 'personKey'], ['Company', 'firmKey'], 'LEGAL_REPRESENTATIVE_OF') },
  'import/registeredAddresses': { fingerprint: '48fef5441124c448', run: addressQuery('REGISTERED_AT') },
  'import/operatingAddresses': { fingerprint: 'c4ffe04fdc4fa3cb', run: addressQuery('OPERATES_AT') },
  'import/phones': { fingerprint: '8856e3548c64f11a', run: contactQuery('Phone', 'HAS_PHONE') },
  'import/emails': { fingerprint: '7f7a860a66cf564b', run: contactQuery('Email', 'HAS_EMAIL') },
  'import/websites': { fingerprint: '44abb8942691d90c', run: contactQuery('Website', 'HAS_WEBSITE') },
  'import/personHoldings': { fingerprint: '1b520ad0f70f1c5a', run: relationshipQuery(['Person', 'personKey'], ['Company', 'firmKey'], 'HOLDS_SHARES', { props: 'holding', markers: { given: 'ratio', keys: RATIO_MARKERS } }) },
  'import/firmHoldings': { fingerprint: 'ba182d29aabd280d', run: relationshipQuery(['Company', 'holderKey'], ['Company', 'firmKey'], 'HOLDS_SHARES', { props: 'holding', markers: { given: 'ratio', keys: RATIO_MARKERS } }) },
  'import/officers': { fingerprint: '92ef2b321c077c57', run: relationshipQuery(['Person', 'personKey'], ['Company', 'firmKey'], 'OFFICER_OF', { disc: 'role', props: 'props' }) },
  'import/branches': { fingerprint: '26eb748bba29bc91', run: relationshipQuery(['Company', 'branchKey'], ['Company', 'headKey'], 'BRANCH_OF', { label: ['start', 'Branch'] }) },
  'import/branchFacts': { fingerprint: '3ad9ca0ac3786a92', run: branchFacts },
  'import/memberships': { fingerprint: '5cf589a063217996', run: relationshipQuery(['Company', 'memberKey'], ['Company', 'venueKey'], 'MEMBER_OF', { disc: 'memberType', props: 'props', label: ['end', 'Exchange'] }) },
  'import/approvals': { fingerprint: '365fe9854ee1e27e', run: ownedRecordQuery(['Company', 'venueKey'], 'approval', 'Approval', 'APPROVED_BY', label('Exchange')) },
  'import/changeRecords': { fingerprint: '22efcea6f67ded13', run: changeRecords },
  'import/formerNames': { fingerprint: '38a370598f369633', run: formerNames },
  'import/listEntries': { fingerprint: '024f1532d6436c4c', run: listEntries },
  'import/firmFlags': { fingerprint: '9381202270370744', run: relationshipQuery(['Company', 'subjectKey'], ['ListEntry', 'entryKey'], 'FLAGGED', { props: 'flag' }) },
  'import/personFlags': { fingerprint: 'cd5e4bf4cd30d78f', run: relationshipQuery(['Person', 'subjectKey'], ['ListEntry', 'entryKey'], 'FLAGGED', { props: 'flag' }) },
  'import/personControls': { fingerprint: 'ed16626b82a3c9e6', run: relationshipQuery(['Person', 'fromKey'], ['Company', 'firmKey'], 'CONTROLS', { disc: 'basis', props: 'props' }) },
  'import/firmControls': { fingerprint: '0236416cafc88fd2', run: relationshipQuery(['Company', 'fromKey'], ['Company', 'firmKey'], 'CONTROLS', { disc: 'basis', props: 'props' }) },
  'import/personRelations': { fingerprint: '1f8193cfb95dbbcd', run: relationshipQuery(['Person', 'fromKey'], ['Person', 'toKey'], 'RELATED_TO', { disc: 'basis', props: 'props' }) },
  'import/boFilings': { fingerprint: '396a3004e42124d2', run: ownedRecordQuery(['Company', 'firmKey'], 'filing', 'BOFiling', 'FILED_BO') },
};
