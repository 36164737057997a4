import { z } from 'zod';
import type { GraphReader } from '../cypher/run.ts';
import { int } from '../cypher/values.ts';
import { parseRegistrationNumber } from '../model/identifiers/registrationNumber.ts';
import { parseUscc } from '../model/identifiers/uscc.ts';
import { normalizeName } from '../model/names.ts';
import { compact } from '../model/text.ts';
import { envelopeOf, sortedLimits, type Chain, type EntityRef, type Envelope, type Finding, type NodeRow } from './envelope.ts';
import { keywordClause, similarNameQuery } from './fulltextQuery.ts';
import { selectListTypes, withListTypes } from './listTypes.ts';
import { nameCore, nameSimilarity } from './nameSimilarity.ts';
import { nearestFlagged } from './nearestFlagged.ts';
import { nodeId } from './network.ts';
import { stringList } from './params.ts';
import { listingChain, type FlagRow } from './recordChains.ts';

/**
 * 数据比对、碰撞 / list cross-reference: the entries of an uploaded list (names and codes: a bank's
 * account holders, a tip-off list) matched against the graph — exact code, then normalised name
 * (traditional characters folded) and former names, persons by name, then close names with a
 * score — each match with its distance to the nearest flagged firm. docs/analyses/list-xref.md.
 */

export const listXrefParams = z.object({
  /** The list: each entry a name or a code (USCC, registration number), told apart by their form. */
  entries: stringList.pipe(z.array(z.string().max(200)).min(1, '请给出名单条目 / give the list entries').max(10_000)),
  /** Hops searched for a flagged firm. */
  maxDistance: z.coerce.number().int().min(0).max(6).default(3),
  /** Least similarity (0–1, bigram Dice of the name cores) of a close-name match. */
  minScore: z.coerce.number().min(0).max(1).default(0.7),
  /** Most close-name matches per entry, best first. */
  maxCloseMatches: z.coerce.number().int().min(1).max(20).default(3),
  /** Most same-name persons per entry. */
  maxPersons: z.coerce.number().int().min(1).max(100).default(10),
  /** List types that count as flagged, by code, name or any spelling of the vocabulary; absent: every flagging type (listTypes.ts). */
  listTypes: stringList.pipe(z.array(z.string()).min(1)).optional(),
  /** Most relationships followed from one entity on the walk (the hub cap). */
  fanOut: z.coerce.number().int().min(1).max(10_000).default(100),
  /** Most entities one walk takes in. */
  maxNodes: z.coerce.number().int().min(2).max(100_000).default(5000),
  /** Time budget of all the walks, in milliseconds. */
  timeoutMs: z.coerce.number().int().min(0).max(600_000).default(30_000),
});
export type ListXrefParams = z.output<typeof listXrefParams>;

/** Candidates read from the full-text index per name without an exact match. */
const CLOSE_CANDIDATES = 20;
/** Names per close-name query: each is a full-text search of its own. */
const CLOSE_SLICE = 500;

export type InputKind = 'uscc' | 'registrationNumber' | 'code' | 'name';
export type MatchedBy = 'code' | 'name' | 'traditional' | 'formerName' | 'personName' | 'close';

interface Entry {
  input: string;
  kind: InputKind;
  /** The code compacted and upper-cased, or the name in normalised form. */
  lookup: string;
}

/**
 * The Chinese characters of a name, in order. Two names equal in normalised form whose characters
 * differ were matched only by converting traditional (or Hong Kong, Taiwan) forms to simplified.
 */
const hanOf = (name: string) => [...name.normalize('NFKC')].filter((ch) => /\p{Script=Han}/u.test(ch)).join('');

/** A code by its form: a valid USCC or 15-digit registration number, else 15–18 letters and digits with at least 8 digits. */
export function classifyEntry(input: string): Entry {
  const code = compact(input).toUpperCase();
  if (parseUscc(code).ok) return { input, kind: 'uscc', lookup: code };
  if (parseRegistrationNumber(code).ok) return { input, kind: 'registrationNumber', lookup: code };
  if (/^[0-9A-Z]{15,18}$/.test(code) && (code.match(/\d/g)?.length ?? 0) >= 8) return { input, kind: 'code', lookup: code };
  return { input, kind: 'name', lookup: normalizeName(input) };
}

interface EntityRow {
  entity: NodeRow & { key: string; name: string };
  status: string | null;
  identifier: string | null;
  formerNames: string[] | null;
  flags: FlagRow[];
}

interface ExactRow extends EntityRow {
  input: string;
  how: 'code' | 'name' | 'formerName' | 'personName';
  sameName: number | null;
  linkedFirms: string[];
}

interface CloseRow extends EntityRow {
  input: string;
  score: number;
}

interface Match {
  entry: Entry;
  row: EntityRow;
  ref: EntityRef;
  matchedBy: MatchedBy;
  score: number;
  matchedName: string;
  note: string | null;
}

const refOf = (row: EntityRow): EntityRef => ({ kind: row.entity.labels.includes('Person') ? 'PERSON' : 'COMPANY', key: row.entity.key, name: row.entity.name });

/** A person found by name alone is a candidate: the reader decides whether it is the one meant. */
function personNote(row: ExactRow): string {
  const n = row.sameName ?? 1;
  const firms = row.linkedFirms.length > 0 ? `；关联企业 ${row.linkedFirms.join('、')}` : '';
  return `仅凭姓名匹配，同名不等于同一人（同名 ${n} 人${firms}）/ matched by name only: a same name is not the same person (${n} bear it)`;
}

async function exactMatches(graph: GraphReader, entries: Entry[], maxPersons: number): Promise<Match[]> {
  const codes = entries.filter((e) => e.kind !== 'name');
  const names = entries.filter((e) => e.kind === 'name' && e.lookup.length > 0);
  const formerNames = names.flatMap((e) => {
    const query = keywordClause(e.lookup, ['formerNamesText']);
    return query ? [{ normalized: e.lookup, query }] : [];
  });
  const rows = await graph.read<ExactRow>('analyses/listXrefExact', {
    codes: [...new Set(codes.map((e) => e.lookup))],
    names: [...new Set(names.map((e) => e.lookup))],
    formerNames,
    maxPersons: int(maxPersons),
  });
  // A firm found by its name and by a former name is one match, by its name.
  const byInput = groupBy([...rows].sort((a, b) => order(a.how) - order(b.how)), (r) => `${r.how === 'code' ? 'code' : 'name'}:${r.input}`);
  const matches: Match[] = [];
  for (const entry of entries) {
    const seen = new Set<string>();
    for (const row of byInput.get(`${entry.kind === 'name' ? 'name' : 'code'}:${entry.lookup}`) ?? []) {
      const ref = refOf(row);
      if (seen.has(`${ref.kind}:${ref.key}`)) continue;
      seen.add(`${ref.kind}:${ref.key}`);
      const matchedBy: MatchedBy = row.how === 'name' && hanOf(entry.input) !== hanOf(row.entity.name) ? 'traditional' : row.how;
      const matchedName = row.how === 'formerName' ? ((row.formerNames ?? []).find((n) => normalizeName(n) === entry.lookup) ?? row.entity.name) : row.entity.name;
      const note = row.how === 'personName' ? personNote(row) : null;
      matches.push({ entry, row, ref, matchedBy, score: 1, matchedName, note });
    }
  }
  return matches;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const order = (m: MatchedBy) => ['code', 'name', 'traditional', 'formerName', 'personName', 'close'].indexOf(m);

async function closeMatches(graph: GraphReader, entries: Entry[], params: ListXrefParams): Promise<Match[]> {
  const queries = entries.flatMap((e) => {
    const query = similarNameQuery(nameCore(e.input));
    return query ? [{ input: e.input, query }] : [];
  });
  const rows: CloseRow[] = [];
  for (let i = 0; i < queries.length; i += CLOSE_SLICE) {
    rows.push(...(await graph.read<CloseRow>('analyses/listXrefClose', { queries: queries.slice(i, i + CLOSE_SLICE), candidates: int(CLOSE_CANDIDATES) })));
  }
  const byInput = groupBy(rows, (r) => r.input);
  const matches: Match[] = [];
  for (const entry of entries) {
    const scored = (byInput.get(entry.input) ?? [])
      .map((row) => {
        const names = [row.entity.name, ...(row.formerNames ?? [])];
        const best = names.map((n) => ({ n, s: nameSimilarity(entry.input, n) })).sort((a, b) => b.s - a.s)[0]!;
        return { row, name: best.n, score: best.s };
      })
      .filter((c) => c.score >= params.minScore)
      .sort((a, b) => b.score - a.score || a.row.entity.key.localeCompare(b.row.entity.key))
      .slice(0, params.maxCloseMatches);
    for (const c of scored) {
      matches.push({
        entry,
        row: c.row,
        ref: refOf(c.row),
        matchedBy: 'close',
        score: c.score,
        matchedName: c.name,
        note: '名称相近，需人工核实 / a close name: check by hand',
      });
    }
  }
  return matches;
}

export async function listXref(graph: GraphReader, params: ListXrefParams): Promise<Envelope> {
  const ranAt = new Date().toISOString();
  const entries = [...new Set(params.entries)].map(classifyEntry);
  const exact = await exactMatches(graph, entries, params.maxPersons);
  const found = new Set(exact.map((m) => m.entry));
  const close = await closeMatches(graph, entries.filter((e) => e.kind === 'name' && !found.has(e)), params);
  const matches = [...exact, ...close];

  const selection = await selectListTypes(graph, params.listTypes, 'flagging');
  const counts = new Set(selection.values);
  const flaggedAs = (row: EntityRow) => [...new Set(row.flags.flatMap((f) => (f.listType && counts.has(f.listType) ? [f.listType] : [])))].sort();
  const nearest = await nearestFlagged(
    graph,
    matches.map((m) => ({ ref: m.ref, flaggedAs: flaggedAs(m.row) })),
    selection.values,
    params,
  );

  const position = new Map(entries.map((e, i) => [e, i]));
  const findings: Finding[] = matches.map((m) => {
    const n = nearest.get(nodeId(m.ref))!;
    const chains: Chain[] = [...m.row.flags.map((f) => listingChain(m.ref, f)), ...(n.chain ? [n.chain] : [])];
    return {
      subject: m.ref,
      score: m.score,
      facts: {
        input: m.entry.input,
        inputKind: m.entry.kind,
        matchedBy: m.matchedBy,
        matchScore: m.score,
        matchedName: m.matchedName,
        identifier: m.row.identifier,
        status: m.row.status,
        flagged: m.row.flags.length > 0,
        listTypes: [...new Set(m.row.flags.flatMap((f) => (f.listType ? [f.listType] : [])))].sort(),
        distanceToFlagged: n.distance,
        nearestFlaggedKey: n.firm?.key ?? null,
        nearestFlaggedName: n.firm?.name ?? null,
        nearestFlaggedListTypes: [...new Set(n.listTypes.map(selection.nameOf))],
        note: m.note,
      },
      evidence: { chains, chainsComplete: true },
      exhaustive: n.limitsHit.length === 0,
      limitsHit: n.limitsHit,
    };
  });

  const ranked = findings
    .map((f, i) => ({ f, at: position.get(matches[i]!.entry)! }))
    .sort(
      (a, b) =>
        a.at - b.at ||
        order(a.f.facts.matchedBy as MatchedBy) - order(b.f.facts.matchedBy as MatchedBy) ||
        (b.f.score ?? 0) - (a.f.score ?? 0) ||
        ((a.f.facts.distanceToFlagged as number | null) ?? Infinity) - ((b.f.facts.distanceToFlagged as number | null) ?? Infinity) ||
        a.f.subject.key.localeCompare(b.f.subject.key),
    )
    .map((x) => x.f);
  const limitsHit = sortedLimits(ranked.flatMap((f) => f.limitsHit));
  return withListTypes(envelopeOf('list-xref', { ...params }, ranAt, null, limitsHit, ranked), selection);
}
