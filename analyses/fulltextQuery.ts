import { toHalfWidth } from '../model/text.ts';

/**
 * Lucene queries for the `cjk` full-text indexes, built so that user text never reaches the query
 * parser as syntax. A keyword is cut into the tokens the index holds — runs of Chinese characters
 * (indexed as overlapping bigrams) and words of letters and digits (lower-cased) — and each token
 * becomes a quoted phrase; quotes, brackets, `AND`, `*` and the like are never passed on. The
 * query is a superset: what it finds is checked against the actual text afterwards (textHits.ts).
 *
 * What the index cannot find, and why:
 * - a single Chinese character standing apart: in the text it is part of a run indexed as bigrams,
 *   so there is no token to look for (a keyword such as 'P2P网' is searched as 'P2P');
 * - English stop words (the cjk analyzer drops 'and', 'the', …) and punctuation: no token at all;
 * - part of a word of letters: 'P2' does not find 'P2P' (letters match whole words).
 */

const HAN_RUN = /\p{Script=Han}+/gu;
const WORD = /(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** Lucene's English stop words, which the cjk analyzer removes (CJKAnalyzer's stopwords.txt). */
const STOP_WORDS = new Set(
  'a and are as at be but by for if in into is it no not of on or s such t that the their then there these they this to was will with www'.split(' '),
);

/**
 * Text as one quoted Lucene phrase: inside quotes only `\\` and `"` are syntax, so escaping those
 * two keeps any user text from reaching the query parser as syntax. (The tokens below are letters
 * and digits only; escaping keeps that safe if the token rules ever change.)
 */
export const phrase = (text: string) => `"${text.replace(/[\\"]/g, '\\$&')}"`;

/** The tokens of a text the index can look for, in order (see the module comment). */
export function searchableTokens(text: string): string[] {
  const folded = toHalfWidth(text);
  const tokens: { at: number; token: string }[] = [];
  for (const m of folded.matchAll(HAN_RUN)) if (m[0].length >= 2) tokens.push({ at: m.index, token: m[0] });
  for (const m of folded.matchAll(WORD)) {
    const word = m[0].toLowerCase();
    if (!STOP_WORDS.has(word)) tokens.push({ at: m.index, token: word });
  }
  return tokens.sort((a, b) => a.at - b.at).map((t) => t.token);
}

/**
 * The clause that finds every text containing the keyword in one of the fields (indexed property
 * names): all its tokens, each as a phrase, in any of the fields. Null when the keyword has no
 * token the index holds.
 */
export function keywordClause(keyword: string, fields: readonly string[]): string | null {
  const tokens = searchableTokens(keyword);
  if (tokens.length === 0 || fields.length === 0) return null;
  const all = tokens.map(phrase).join(' AND ');
  const body = tokens.length > 1 ? `(${all})` : all;
  return fields.length === 1 ? `${fields[0]}:${body}` : `(${fields.map((f) => `${f}:${body}`).join(' OR ')})`;
}

/**
 * The index terms a keyword's clause asks for in the given number of fields: a Chinese run of n
 * characters is n − 1 bigrams, a word one term. Lucene refuses a query of more than 1024 terms.
 */
export function clauseTerms(keyword: string, fields: number): number {
  return fields * searchableTokens(keyword).reduce((n, t) => n + (/^\p{Script=Han}+$/u.test(t) ? t.length - 1 : 1), 0);
}

/** Most terms one query may ask for: Lucene's limit (1024) with room to spare. */
export const MAX_QUERY_TERMS = 1000;

/** Any of the clauses. */
export function anyOf(clauses: readonly string[]): string {
  return clauses.join(' OR ');
}

/**
 * A query for names that share pieces with the given one, for close-name candidates: each bigram
 * of its Chinese runs and each word, any of them; the index ranks by how many and how rare.
 * Null when the name has nothing to look for.
 */
export function similarNameQuery(name: string): string | null {
  const pieces = new Set<string>();
  for (const token of searchableTokens(name)) {
    if (/^\p{Script=Han}+$/u.test(token)) for (let i = 0; i + 2 <= token.length; i++) pieces.add(token.slice(i, i + 2));
    else pieces.add(token);
  }
  return pieces.size === 0 ? null : anyOf([...pieces].map(phrase));
}
