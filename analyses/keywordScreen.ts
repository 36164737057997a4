import { z } from 'zod';
import type { GraphReader } from '../cypher/run.ts';
import { int } from '../cypher/values.ts';
import { isWithin } from '../model/divisions.ts';
import { booleanParam } from './booleanParam.ts';
import { AnalysisError, envelopeOf, sortedLimits, type Chain, type EntityRef, type Envelope, type Finding } from './envelope.ts';
import { anyOf, clauseTerms, keywordClause, MAX_QUERY_TERMS } from './fulltextQuery.ts';
import { readKeywordLists } from '../cypher/vocabularies.ts';
import { keyword, screenFields, type KeywordList, type ScreenField } from '../model/keywordLists.ts';
import { keywordListUse } from './keywords/lists.ts';
import { jurisdiction, stringList } from './params.ts';
import { selectListTypes } from './listTypes.ts';
import { approvalChain, listingChain, type ApprovalRow, type FlagRow } from './recordChains.ts';
import { regionPrefix } from './regionScope.ts';
import { fold, foldKeyword, highlight, occurrencesIn, type Folded, type Span } from './textHits.ts';

/**
 * 关键词筛查 / keyword screen: firms whose name, former names or business scope contain keywords
 * of the keyword lists in use (DOMAIN.md §5.4; the version the database holds, model/keywordLists.ts) or the user's own, found
 * through the full-text index and checked against the text, with the hits marked.
 * docs/analyses/keyword-screen.md.
 */

/** The name the user's own keywords are reported under in `lists`. */
export const USER_LIST = 'user';

export const keywordScreenParams = z
  .object({
    /** Which of the keyword lists in use to screen with (checked against them when the screen runs); absent: all of them; empty: only `keywords`. */
    lists: stringList.optional(),
    /** The user's own keywords, screened in `fields`. */
    keywords: stringList.pipe(z.array(keyword).max(50)).default([]),
    fields: stringList.pipe(z.array(z.enum(screenFields)).min(1)).default([...screenFields]),
    /** Only firms registered in the jurisdiction. */
    inJurisdiction: booleanParam.default(false),
    jurisdiction,
    /** Only firms without a venue approval. */
    withoutApproval: booleanParam.default(false),
    /** Most findings returned, highest score first. */
    limit: z.coerce.number().int().min(1).max(100_000).default(1000),
    /** Most firms read from the index. */
    maxHits: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
  })
  .refine((p) => (p.lists === undefined || p.lists.length > 0) || p.keywords.length > 0, {
    message: '请给出关键词清单或关键词 / give keyword lists or keywords',
    path: ['lists'],
  });
export type KeywordScreenParams = z.output<typeof keywordScreenParams>;

/** One collator for the sort: localeCompare with a locale builds one per call. */
const byName = new Intl.Collator('zh');

/** The index property each screened field is stored in. */
const indexField: Record<ScreenField, string> = { name: 'name', formerNames: 'formerNamesText', businessScope: 'businessScope' };

/** One keyword with every (list, field) it is screened under. */
interface Term {
  keyword: string;
  /** The keyword as compared (textHits.ts fold). */
  folded: string;
  fields: Map<ScreenField, Set<string>>;
}

function termsOf(lists: readonly KeywordList[]): Term[] {
  const terms = new Map<string, Term>();
  for (const list of lists) {
    for (const k of list.keywords) {
      const term = terms.get(k) ?? { keyword: k, folded: foldKeyword(k), fields: new Map() };
      for (const f of list.fields) term.fields.set(f, (term.fields.get(f) ?? new Set()).add(list.name));
      terms.set(k, term);
    }
  }
  return [...terms.values()];
}

interface Row {
  firm: { key: string; name: string; labels: string[] };
  formerNames: string[] | null;
  businessScope: string | null;
  status: string | null;
  regionCode: string | null;
  regionName: string | null;
  approvals: ApprovalRow[];
  flags: FlagRow[];
}

interface Matched {
  hits: string[];
  keywords: string[];
  lists: string[];
  highlights: string[];
}

/** The hits of every term in the firm's own text; none when the index over-matched. */
function matchRow(row: Row, terms: Term[]): Matched {
  const texts: [ScreenField, Folded][] = [
    ['name', fold(row.firm.name)],
    ...(row.formerNames ?? []).map((t): [ScreenField, Folded] => ['formerNames', fold(t)]),
    ...(row.businessScope ? [['businessScope', fold(row.businessScope)] as [ScreenField, Folded]] : []),
  ];
  const hits = new Set<string>();
  const keywords = new Set<string>();
  const lists = new Set<string>();
  const spans = texts.map(() => [] as Span[]);
  for (const term of terms) {
    texts.forEach(([field, text], i) => {
      const listsHere = term.fields.get(field);
      if (!listsHere) return;
      if (!text.text.includes(term.folded)) return;
      const found = occurrencesIn(text, term.folded);
      if (found.length === 0) return;
      spans[i]!.push(...found);
      hits.add(`${field}:${term.keyword}`);
      keywords.add(term.keyword);
      for (const l of listsHere) lists.add(l);
    });
  }
  const highlights = texts.flatMap(([field, text], i) => (spans[i]!.length > 0 ? [`${field}:${highlight(text.original, spans[i]!)}`] : []));
  const fieldOrder = (hit: string) => screenFields.indexOf(hit.slice(0, hit.indexOf(':')) as ScreenField);
  return { hits: [...hits].sort((a, b) => fieldOrder(a) - fieldOrder(b)), keywords: [...keywords], lists: [...lists], highlights };
}

export async function keywordScreen(graph: GraphReader, params: KeywordScreenParams): Promise<Envelope> {
  const ranAt = new Date().toISOString();
  const vocabulary = await readKeywordLists(graph);
  const unknownLists = (params.lists ?? []).filter((n) => !vocabulary.names.includes(n));
  if (unknownLists.length > 0) {
    throw new AnalysisError(
      'BAD_PARAMS',
      `lists: 未知的关键词清单 ${unknownLists.join(', ')}（清单第 ${vocabulary.version} 版）；可用 / unknown keyword lists ${unknownLists.join(', ')} (lists version ${vocabulary.version}); available: ${vocabulary.names.join(', ')}`,
    );
  }
  const chosen = params.lists === undefined ? vocabulary.lists : vocabulary.lists.filter((l) => params.lists!.includes(l.name));
  const own: KeywordList[] =
    params.keywords.length > 0 ? [{ name: USER_LIST, title: { zh: '用户关键词', en: 'User keywords' }, fields: params.fields, keywords: params.keywords }] : [];
  const terms = termsOf([...chosen, ...own]);

  const queryTerms = terms.reduce((n, t) => n + clauseTerms(t.keyword, t.fields.size), 0);
  if (queryTerms > MAX_QUERY_TERMS) {
    throw new AnalysisError('BAD_PARAMS', `关键词过多，请减少或分批筛查 / too many keywords for one query (${queryTerms} index terms, at most ${MAX_QUERY_TERMS}): screen in parts`);
  }
  const limits = new Set<string>();
  const clauses: string[] = [];
  for (const t of terms) {
    const clause = keywordClause(t.keyword, [...t.fields.keys()].map((f) => indexField[f]));
    if (clause) clauses.push(clause);
    else limits.add(`unsearchable:${t.keyword}`);
  }

  const rows =
    clauses.length === 0
      ? []
      : await graph.read<Row>('analyses/keywordScreen', {
          query: anyOf(clauses),
          regionPrefix: params.inJurisdiction ? regionPrefix(params.jurisdiction) : null,
          withoutApproval: params.withoutApproval,
          maxHits: int(params.maxHits + 1),
        });
  if (rows.length > params.maxHits) limits.add('hits');

  // `flagged` means on a flagging list (a case, 取缔类, a tip-off …), not on any list: a disclosed
  // borrower or a 失信被执行人 entry is shown in listTypes but flags nothing.
  const selection = await selectListTypes(graph, undefined, 'flagging');
  const flagging = new Set(selection.values);
  const findings: Finding[] = [];
  for (const row of rows.slice(0, params.maxHits)) {
    if (params.inJurisdiction && !(row.regionCode && isWithin(row.regionCode, params.jurisdiction))) continue;
    const m = matchRow(row, terms);
    if (m.hits.length === 0) continue;
    const subject: EntityRef = { kind: 'COMPANY', key: row.firm.key, name: row.firm.name };
    const chains: Chain[] = [...row.approvals.map((a) => approvalChain(subject, a)), ...row.flags.map((f) => listingChain(subject, f))];
    findings.push({
      subject,
      score: m.keywords.length,
      facts: {
        hits: m.hits,
        keywords: m.keywords,
        lists: m.lists,
        highlights: m.highlights,
        status: row.status,
        registeredIn: row.regionName,
        regionCode: row.regionCode,
        approved: row.approvals.length > 0,
        flagged: row.flags.some((f) => f.listType !== null && flagging.has(f.listType)),
        listTypes: [...new Set(row.flags.map((f) => f.listType ?? ''))].filter(Boolean).sort(),
      },
      evidence: { chains, chainsComplete: true },
      exhaustive: true,
      limitsHit: [],
    });
  }

  findings.sort(
    (a, b) =>
      (b.score ?? 0) - (a.score ?? 0) ||
      (b.facts.lists as string[]).length - (a.facts.lists as string[]).length ||
      byName.compare(a.subject.name, b.subject.name) ||
      a.subject.key.localeCompare(b.subject.key),
  );
  if (findings.length > params.limit) limits.add('results');
  const limitsHit = sortedLimits(limits);
  return {
    ...envelopeOf('keyword-screen', { ...params }, ranAt, null, limitsHit, findings.slice(0, params.limit)),
    listTypes: selection.use,
    keywordLists: keywordListUse(vocabulary),
  };
}
