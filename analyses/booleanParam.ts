import { z } from 'zod';

/**
 * A yes/no parameter. The CLI passes every `--param k=v` as text, where z.coerce.boolean would
 * read 'false' as true; the API passes a boolean, which goes through unchanged.
 */
export const booleanParam = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const t = v.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', '是'].includes(t)) return true;
  if (['false', 'no', 'n', '0', '否', ''].includes(t)) return false;
  return v;
}, z.boolean());
