import { int } from '../cypher/values.ts';
import type { GraphReader } from '../cypher/run.ts';
import { normalizePhone } from '../model/contacts.ts';
import { normalizeName, pinyinForms, pinyinQuery, simplified } from '../model/names.ts';
import { compact, toHalfWidth } from '../model/text.ts';
import { phrase } from './fulltextQuery.ts';

/**
 * Search: firms and persons found by whatever a user has of them, each hit saying what it matched.
 * Every way of matching is a small query of its own (cypher/entities/search*.cypher), each answered
 * from an index and capped at SEARCH_CANDIDATES hits, so a common word costs what a rare one does
 * and every page of one search sees the same hits. (One query with a branch per way took Neo4j
 * seconds to plan, and Neo4j plans again whenever the store's statistics move.) An entity found
 * several ways is one hit, on its best way; hits are ordered by how they matched (`RANK`), then
 * score, the shorter name, name and key, so paging by offset is stable.
 */

export type EntityKind = 'COMPANY' | 'PERSON';
export type MatchedOn = 'IDENTIFIER' | 'PHONE' | 'CASE_NUMBER' | 'NAME' | 'FORMER_NAME' | 'PINYIN' | 'ADDRESS';

/** Most hits each way of matching gives. */
export const SEARCH_CANDIDATES = 200;

/** A text that reads as a phone number: digits and the punctuation numbers are written with. */
const PHONE_TEXT = /^[\d\s+\-()（）－—]+$/;

export interface SearchHit {
  entity: {
    kind: EntityKind;
    key: string;
    name: string;
    /** USCC or registration number of a firm; the masked ID number of a person. */
    identifier: string | null;
    /** Masked on the way out unless the reader may see it (server/outputMasking.ts). */
    idNumber: string | null;
    status: string | null;
    address: string | null;
  };
  matchedOn: MatchedOn;
  matchedText: string;
  /** A person's first three firms (by name); empty for a firm. */
  firms: { key: string; name: string }[];
}

interface Candidate {
  kind: EntityKind;
  key: string;
  name: string;
  rank: number;
  score: number;
  matchedOn: MatchedOn;
  matchedText: string;
}

interface BranchRow {
  kind: EntityKind;
  key: string;
  name: string;
  score: number;
  matchedText?: string | null;
  formerName?: boolean;
  formerNames?: string[] | null;
}

/** The text in each form a way of matching compares. */
export function searchTerms(text: string) {
  const folded = toHalfWidth(text).trim();
  const simple = simplified(text);
  return {
    text,
    code: compact(text).toUpperCase(),
    normalized: normalizeName(text),
    nameQuery: simple === text ? phrase(text) : `${phrase(text)} OR ${phrase(simple)}`,
    caseNo: folded,
    phone: PHONE_TEXT.test(folded) ? normalizePhone(folded) : null,
    pinyin: pinyinQuery(text),
  };
}

/**
 * The name or former name whose pinyin holds the query: a firm's former names' forms are stored
 * joined (formerNamesPinyin), so which one matched is told here.
 */
function pinyinMatch(row: BranchRow, query: string): string {
  const holds = (name: string) => (pinyinForms(name, row.kind === 'PERSON' ? 'person' : 'firm') ?? '').includes(query);
  if (holds(row.name)) return row.name;
  return (row.formerNames ?? []).find(holds) ?? row.name;
}

/** Each way of matching: the query, whether it applies, and the rank and match of its rows. */
function branches(terms: ReturnType<typeof searchTerms>, kinds: ReadonlySet<EntityKind>) {
  const firms = kinds.has('COMPANY');
  const persons = kinds.has('PERSON');
  const as = (matchedOn: MatchedOn, rank: number) => (r: BranchRow) => ({ rank, matchedOn, matchedText: r.matchedText ?? r.name });
  return [
    { query: 'entities/searchIdentifiers', when: true, hit: as('IDENTIFIER', 0) },
    { query: 'entities/searchPhone', when: firms && terms.phone !== null, hit: as('PHONE', 1) },
    // The whole case number ranks with a phone; part of one, after every name.
    { query: 'entities/searchCaseNumber', when: terms.caseNo.length >= 2, hit: (r: BranchRow) => as('CASE_NUMBER', r.score > 0 ? 1 : 5)(r) },
    { query: 'entities/searchFirmName', when: firms, hit: as('NAME', 2) },
    { query: 'entities/searchPersonName', when: persons, hit: as('NAME', 2) },
    { query: 'entities/searchNames', when: true, hit: (r: BranchRow) => as(r.formerName ? 'FORMER_NAME' : 'NAME', 3)(r) },
    { query: 'entities/searchFirmPinyin', when: firms && terms.pinyin !== null, hit: (r: BranchRow) => ({ rank: 4, matchedOn: 'PINYIN' as const, matchedText: pinyinMatch(r, terms.pinyin!) }) },
    { query: 'entities/searchPersonPinyin', when: persons && terms.pinyin !== null, hit: as('PINYIN', 4) },
    { query: 'entities/searchAddress', when: firms, hit: as('ADDRESS', 5) },
  ];
}

const better = (a: Candidate, b: Candidate) => a.rank - b.rank || b.score - a.score;
const order = (a: Candidate, b: Candidate) =>
  better(a, b) || a.name.length - b.name.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The hits from `offset`, at most `limit` of them, of the given kinds (both when none is given).
 * Give it the reader of one read transaction (Graph.reading), so that the ways of matching and the
 * page's summaries see one state of the graph.
 */
export async function search(
  graph: GraphReader,
  text: string,
  options: { kinds?: readonly EntityKind[] | null; offset: number; limit: number },
): Promise<SearchHit[]> {
  const kinds = new Set<EntityKind>(options.kinds && options.kinds.length > 0 ? options.kinds : ['COMPANY', 'PERSON']);
  const terms = searchTerms(text);
  const params = { ...terms, candidates: int(SEARCH_CANDIDATES) };
  const best = new Map<string, Candidate>();
  const ways = branches(terms, kinds).filter((branch) => branch.when);
  // Sent together: the driver pipelines them in the one transaction, so Neo4j reads them in one
  // go instead of waiting for each answer before the next is sent (the ways are independent).
  const answers = await Promise.all(ways.map((branch) => graph.read<BranchRow>(branch.query, params)));
  for (const [i, branch] of ways.entries()) {
    for (const row of answers[i]!) {
      if (!kinds.has(row.kind)) continue;
      const found: Candidate = { kind: row.kind, key: row.key, name: row.name ?? '', score: row.score ?? 0, ...branch.hit(row) };
      const held = best.get(row.key);
      if (!held || better(found, held) < 0) best.set(row.key, found);
    }
  }
  const page = [...best.values()].sort(order).slice(options.offset, options.offset + options.limit);
  if (page.length === 0) return [];
  const summaries = await graph.read<SearchHit['entity'] & { firms: SearchHit['firms'] }>('entities/searchHits', {
    firms: page.filter((c) => c.kind === 'COMPANY').map((c) => c.key),
    persons: page.filter((c) => c.kind === 'PERSON').map((c) => c.key),
  });
  const byKey = new Map(summaries.map((s) => [s.key, s]));
  return page.flatMap((c) => {
    const summary = byKey.get(c.key);
    if (!summary) return [];
    const { firms, ...entity } = summary;
    return [{ entity, matchedOn: c.matchedOn, matchedText: c.matchedText, firms }];
  });
}
