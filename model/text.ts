/**
 * Shared text clean-up for identifiers and numbers typed into spreadsheets.
 * NFKC folds full-width digits, letters, punctuation and the ideographic space
 * (U+3000) to their ASCII forms, which is what investigators' exports mix in.
 */
export function toHalfWidth(raw: string): string {
  return raw.normalize('NFKC');
}

/** Full-width fold, then drop every kind of whitespace (ASCII, NBSP, U+3000, zero-width). */
export function compact(raw: string): string {
  return toHalfWidth(raw).replace(/[\s\u200b-\u200d\ufeff]+/g, '');
}
