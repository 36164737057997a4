import { z } from 'zod';
import shipped from './default.json' with { type: 'json' };

/**
 * The keyword lists of the keyword screen (DOMAIN.md §5.4): configuration shipped as
 * default.json, checked here when the module loads so a bad edit fails at start with the list and
 * field at fault, not in the middle of a screen.
 */

export const screenFields = ['name', 'formerNames', 'businessScope'] as const;
export type ScreenField = (typeof screenFields)[number];

/** Two characters at least: a single Chinese character is not a search term in the bigram index. */
export const keyword = z.string().trim().min(2, '关键词至少 2 个字符 / a keyword has at least 2 characters').max(50);

export const keywordList = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'list names are lower-case-with-dashes'),
  title: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  fields: z.array(z.enum(screenFields)).min(1),
  keywords: z.array(keyword).min(1),
});
export type KeywordList = z.infer<typeof keywordList>;

export const keywordConfig = z
  .object({ lists: z.array(keywordList).min(1) })
  .refine((c) => new Set(c.lists.map((l) => l.name)).size === c.lists.length, 'list names must be unique');

export function parseKeywordConfig(raw: unknown): KeywordList[] {
  const parsed = keywordConfig.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`).join('; ');
    throw new Error(`keyword lists: ${where}`);
  }
  return parsed.data.lists;
}

export const defaultKeywordLists: readonly KeywordList[] = parseKeywordConfig(shipped);

export const keywordListNames = defaultKeywordLists.map((l) => l.name);

/** The shipped list of trading-venue names (交易所, 交易中心, 交易市场): what makes a firm venue-like. */
export function venueKeywords(): string[] {
  return defaultKeywordLists.find((l) => l.name === 'venues')?.keywords ?? [];
}
