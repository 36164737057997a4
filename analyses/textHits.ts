/**
 * Where keywords occur in a text, and the text with those places marked. Compared after folding
 * full-width forms (NFKC) and letter case, so 'Ｐ２Ｐ' and 'p2p' are hits for 'P2P'; the marked
 * text keeps the characters as registered.
 *
 * Highlights mark each hit as `<em>…</em>` (HIGHLIGHT_OPEN / HIGHLIGHT_CLOSE). The text around them
 * is as imported, not HTML-escaped: a renderer escapes the text and then turns the markers into
 * emphasis. A long text is cut to windows around the hits, joined and ended by '…'.
 */

export const HIGHLIGHT_OPEN = '<em>';
export const HIGHLIGHT_CLOSE = '</em>';

/** Characters shown on each side of a hit in a long text. */
const CONTEXT = 12;
/** Texts up to this length are shown whole. */
const WHOLE = 60;

/** A text folded for comparison, with the way back to the original's positions. */
export interface Folded {
  /** The original text. */
  original: string;
  text: string;
  /** For each UTF-16 unit of the folded text, the index in the original where its character starts. */
  origin: number[];
}

/** Folds character by character, so positions in the folded text lead back to the original. */
export function fold(original: string): Folded {
  // Most names and scopes have nothing to fold but Latin case: one position per position.
  if (original.normalize('NFKC') === original) {
    const upper = original.toUpperCase();
    if (upper.length === original.length) return { original, text: upper, origin: Array.from({ length: original.length + 1 }, (_, i) => i) };
  }
  let text = '';
  const origin: number[] = [];
  let at = 0;
  for (const ch of original) {
    const f = ch.normalize('NFKC').toUpperCase();
    text += f;
    for (let k = 0; k < f.length; k++) origin.push(at);
    at += ch.length;
  }
  origin.push(at);
  return { original, text, origin };
}

/** A keyword in the form it is compared in. */
export const foldKeyword = (keyword: string) => fold(keyword).text;

export interface Span {
  start: number;
  end: number;
}

/** Every place a folded keyword occurs in a folded text (overlapping ones too), in the original's positions. */
export function occurrencesIn(t: Folded, k: string): Span[] {
  if (k.length === 0) return [];
  const spans: Span[] = [];
  for (let i = t.text.indexOf(k); i >= 0; i = t.text.indexOf(k, i + 1)) {
    const endFolded = i + k.length;
    // The end is where the character after the last matched one starts.
    const end = endFolded < t.origin.length - 1 ? t.origin[endFolded]! : t.original.length;
    spans.push({ start: t.origin[i]!, end: Math.max(end, t.origin[i]! + 1) });
  }
  return spans;
}

/** Every place the keyword occurs in the text. */
export function occurrences(text: string, keyword: string): Span[] {
  return occurrencesIn(fold(text), foldKeyword(keyword));
}

/** Spans joined where they overlap, or also where they touch when `touching`. */
function merge(spans: Span[], touching: boolean): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && (s.start < last.end || (touching && s.start === last.end))) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** The text with every span marked; overlapping hits (基金 in 基金管理) make one mark, adjacent ones two. */
export function highlight(text: string, spans: Span[]): string {
  const marks = merge(spans, false);
  const mark = (from: number, to: number) => {
    let out = '';
    let at = from;
    for (const m of marks) {
      if (m.end <= from || m.start >= to) continue;
      out += text.slice(at, Math.max(at, m.start)) + HIGHLIGHT_OPEN + text.slice(Math.max(m.start, at), Math.min(m.end, to)) + HIGHLIGHT_CLOSE;
      at = Math.min(m.end, to);
    }
    return out + text.slice(at, to);
  };
  if (text.length <= WHOLE) return mark(0, text.length);
  const windows = merge(
    marks.map((m) => ({ start: Math.max(0, m.start - CONTEXT), end: Math.min(text.length, m.end + CONTEXT) })),
    true,
  );
  return windows.map((w, i) => `${w.start > 0 && i === 0 ? '…' : ''}${mark(w.start, w.end)}${w.end < text.length ? '…' : ''}`).join('');
}
