/**
 * Names of firms and people: one form for matching, one for display.
 * Names are matched only after this normalisation, and only where no code is available.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { toHalfWidth } from './text.ts';

// Hong Kong and Taiwan variants differ (e.g. 滙/匯, 臺/台); running both folds either.
const fromHk = OpenCC.Converter({ from: 'hk', to: 'cn' });
const fromTw = OpenCC.Converter({ from: 'tw', to: 'cn' });

const OPEN_BRACKETS = /[(（【\[〔［｛{〖]/g;
const CLOSE_BRACKETS = /[)）】\]〕］｝}〗]/g;

/**
 * The matching form: full-width folded (NFKC), every bracket kind as ( ), no
 * whitespace, traditional characters simplified, Latin letters upper-case.
 * '鑫融投资管理（南京）有限公司' and '鑫融投资管理(南京) 有限公司' are equal here.
 */
export function normalizeName(raw: string): string {
  const cached = normalized.get(raw);
  if (cached !== undefined) return cached;
  const value = normalize(raw);
  if (normalized.size >= CACHE_LIMIT) normalized.clear();
  normalized.set(raw, value);
  return value;
}

// Person names repeat across a province's rows and OpenCC is the dear part; bounded, so a file of
// unique names cannot grow it without end.
const CACHE_LIMIT = 50_000;
const normalized = new Map<string, string>();

function normalize(raw: string): string {
  const folded = toHalfWidth(raw)
    .replace(OPEN_BRACKETS, '(')
    .replace(CLOSE_BRACKETS, ')')
    .replace(/[\s\u200b-\u200d\ufeff]+/g, '');
  return fromTw(fromHk(folded)).toUpperCase();
}

/** The display form: the characters as registered, trimmed, inner whitespace runs collapsed to one space. */
export function displayName(raw: string): string {
  return raw.replace(/[\s\u200b-\u200d\ufeff]+/g, ' ').trim();
}
