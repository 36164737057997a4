/**
 * The keyword lists of the keyword screen (DOMAIN.md §5.4) as a versioned vocabulary: the database
 * holds the lists in use, edited by system administrators (cypher/vocabularies.ts); the shipped seed
 * (data/keywordLists.json) is what it starts from and what stands in while the database holds none.
 * Checked with zod wherever lists enter — the seed when this module loads, an edit at the API, a
 * stored version when it is read — so a bad list fails naming the list and field at fault.
 */
import { z } from 'zod';
import shipped from './data/keywordLists.json' with { type: 'json' };
import type { VocabularySource } from './listTypes.ts';

export const screenFields = ['name', 'formerNames', 'businessScope'] as const;
export type ScreenField = (typeof screenFields)[number];

/** Caps that keep one screen's full-text query and one stored version small. */
export const MAX_KEYWORD_LISTS = 50;
export const MAX_KEYWORDS_PER_LIST = 300;

/** The list of trading-venue names (交易所, 交易中心, 交易市场) that unapproved-changes tells venue-like firms by. */
export const VENUE_LIST = 'venues';

/** Two characters at least: a single Chinese character is not a search term in the bigram index. */
export const keyword = z.string().trim().min(2, '关键词至少 2 个字符 / a keyword has at least 2 characters').max(50, '关键词至多 50 个字符 / a keyword has at most 50 characters');

const titleText = z.string().trim().min(1, '不能为空 / must not be empty').max(100);

/** Spelled the same way twice: the screen would count it once, so a second copy is a slip. */
function noRepeats<T>(items: readonly T[], keyOf: (item: T) => string, ctx: z.RefinementCtx, message: (item: T) => string, at: (index: number) => (string | number)[]): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: at(i), message: message(item) });
    seen.add(key);
  });
}

export const keywordList = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9-]*$/, '清单名为小写字母、数字和连字符 / list names are lower-case-with-dashes').max(40),
    title: z.object({ zh: titleText, en: titleText }),
    fields: z.array(z.enum(screenFields)).min(1, '至少一个字段 / at least one field'),
    keywords: z
      .array(keyword)
      .min(1, '至少一个关键词 / at least one keyword')
      .max(MAX_KEYWORDS_PER_LIST, `每个清单至多 ${MAX_KEYWORDS_PER_LIST} 个关键词 / at most ${MAX_KEYWORDS_PER_LIST} keywords a list`),
  })
  .superRefine((list, ctx) => {
    noRepeats(list.fields, (f) => f, ctx, (f) => `字段 ${f} 重复 / field ${f} is given twice`, (i) => ['fields', i]);
    noRepeats(list.keywords, (k) => k.toLowerCase(), ctx, (k) => `关键词“${k}”重复 / keyword "${k}" is given twice`, (i) => ['keywords', i]);
  });
export type KeywordList = z.output<typeof keywordList>;

/** The lists of one version, as an edit gives them and a version stores them. */
export const keywordLists = z
  .array(keywordList)
  .min(1, '至少一个清单 / at least one list')
  .max(MAX_KEYWORD_LISTS, `至多 ${MAX_KEYWORD_LISTS} 个清单 / at most ${MAX_KEYWORD_LISTS} lists`)
  .superRefine((lists, ctx) => {
    noRepeats(lists, (l) => l.name, ctx, (l) => `清单名 ${l.name} 重复 / list name ${l.name} is used twice`, (i) => [i, 'name']);
    if (!lists.some((l) => l.name === VENUE_LIST)) {
      ctx.addIssue({ code: 'custom', path: [], message: `须保留 ${VENUE_LIST} 清单：unapproved-changes 据此识别交易场所 / keep the ${VENUE_LIST} list: unapproved-changes tells venue-like firms by it` });
    }
  });

export const keywordConfig = z.object({ lists: keywordLists });

export class KeywordListVocabulary {
  constructor(
    readonly version: number,
    readonly lists: readonly KeywordList[],
    readonly source: VocabularySource,
  ) {}

  get names(): string[] {
    return this.lists.map((l) => l.name);
  }

  toJSON(): { version: number; lists: KeywordList[] } {
    return { version: this.version, lists: this.lists.map((l) => ({ ...l, fields: [...l.fields], keywords: [...l.keywords] })) };
  }
}

export class KeywordListsError extends Error {
  readonly code = 'KEYWORD_LISTS_INVALID';
}

/** Checked lists, or an error naming each list and field at fault (`lists.0.keywords.0: …`). */
export function parseKeywordConfig(raw: unknown, where = 'keyword lists'): KeywordList[] {
  const parsed = keywordConfig.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`).join('; ');
    throw new KeywordListsError(`${where}: ${issues}`);
  }
  return parsed.data.lists;
}

/** The seed as shipped, checked when this module loads so a bad edit fails at start with the field at fault. */
export const shippedKeywordLists = new KeywordListVocabulary(z.number().int().min(1).parse(shipped.version), parseKeywordConfig(shipped, 'model/data/keywordLists.json'), 'shipped');

/**
 * The lists a read of the database returned (cypher/vocabulary/keywordLists.cypher: the version in
 * use and its lists as stored JSON); the shipped seed when it holds none.
 */
export function keywordListsFromStored(rows: readonly { version: unknown; content: unknown }[]): KeywordListVocabulary {
  const row = rows[0];
  if (!row) return shippedKeywordLists;
  const lists = parseKeywordConfig({ lists: JSON.parse(String(row.content)) }, '数据库中的关键词清单 / the keyword lists in the database');
  return new KeywordListVocabulary(Number(row.version), lists, 'database');
}
