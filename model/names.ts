/**
 * Names of firms and people: one form for matching, one for display.
 * Names are matched only after this normalisation, and only where no code is available.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';
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
  return simplified(folded).toUpperCase();
}

/** Traditional characters (Hong Kong or Taiwan forms) as simplified ones; everything else as it is. */
export function simplified(text: string): string {
  return fromTw(fromHk(text));
}

/** The display form: the characters as registered, trimmed, inner whitespace runs collapsed to one space. */
export function displayName(raw: string): string {
  return raw.replace(/[\s\u200b-\u200d\ufeff]+/g, ' ').trim();
}

/**
 * The pinyin forms of a name, written beside it (namePinyin, formerNamesPinyin) so that a user who
 * types `nanjingxinghe` or `njxh` finds 南京兴和…: the full pinyin and the initials, each without
 * tones, spaces or punctuation, lower-case (ü as v, as typed on a keyboard), separated by a space.
 * Computed from the matching form, so a traditional name has the pinyin of its simplified one.
 * Null for a name with no letter, digit or Chinese character.
 * A person's name is also read with surname readings (单 shan, 曾 zeng), kept beside the common
 * reading when the two differ: a user may type either.
 */
export function pinyinForms(raw: string, of: 'firm' | 'person'): string | null {
  const simplified = normalizeName(raw);
  const forms = new Set<string>();
  for (const surname of of === 'person' ? (['off', 'head'] as const) : (['off'] as const)) {
    forms.add(syllables(simplified, 'pinyin', surname));
    forms.add(syllables(simplified, 'first', surname));
  }
  forms.delete('');
  return forms.size > 0 ? [...forms].join(' ') : null;
}

/** The pinyin forms of several names (a firm's former names), one string for one index. */
export function pinyinFormsOfAll(names: readonly string[], of: 'firm' | 'person'): string | null {
  const all = names.flatMap((n) => pinyinForms(n, of) ?? []);
  return all.length > 0 ? all.join(' ') : null;
}

/**
 * What a user typed as the pinyin stored by pinyinForms holds it, or null when it is not pinyin
 * (anything but Latin letters, spaces and apostrophes, or fewer than two letters).
 */
export function pinyinQuery(text: string): string | null {
  const folded = toHalfWidth(text).trim();
  if (!/^[A-Za-z\s'’]+$/.test(folded)) return null;
  const query = pinyinKeystrokes(folded);
  return query.length >= 2 ? query : null;
}

function syllables(text: string, pattern: 'pinyin' | 'first', surname: 'off' | 'head'): string {
  // Letters and digits in a name (ABC科技) stay one piece in both forms, as a user types them.
  return pinyinKeystrokes(pinyin(text, { pattern, toneType: 'none', type: 'array', v: true, nonZh: 'consecutive', surname }).join(''));
}

const pinyinKeystrokes = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
