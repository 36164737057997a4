/**
 * What the versioned vocabularies share (the list types of model/listTypes.ts, the keyword lists of
 * model/keywordLists.ts): every change makes a new version that records who made it, when, why
 * and what changed, and keeps the whole vocabulary as it then stood, so a former version can be
 * read and an analysis's report can name the version it ran with. Pure: the store is
 * cypher/vocabularies.ts.
 */
import { z } from 'zod';
import type { KeywordList } from './keywordLists.ts';
import { listTypeDefinition, listTypeKey, type ListTypeDefinition } from './listTypes.ts';

export const vocabularyNames = ['listTypes', 'keywordLists'] as const;
export type VocabularyName = (typeof vocabularyNames)[number];

export const MAX_LIST_TYPES = 200;
export const MAX_SPELLINGS_PER_TYPE = 300;
export const MAX_REASON = 500;

/** Why a version was made: required, so the history answers "why" as well as "who" and "when". */
export const editReason = z.string().trim().min(1, '请说明修改原因 / give the reason for the change').max(MAX_REASON);

/**
 * The list types as an administrator gives them: the whole vocabulary in its order. Beyond each
 * type's own shape: codes unique, no text (code, name, spelling) meaning two types, no spelling
 * twice — each refusal at the field it concerns (`3.spellings.2`).
 */
export const listTypesEdit = z
  .array(listTypeDefinition)
  .min(1, '至少一个名单类型 / at least one list type')
  .max(MAX_LIST_TYPES, `至多 ${MAX_LIST_TYPES} 个名单类型 / at most ${MAX_LIST_TYPES} list types`)
  .superRefine((types, ctx) => {
    const codes = new Map<string, number>();
    const owner = new Map<string, string>();
    types.forEach((t, i) => {
      if (codes.has(t.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `代码 ${t.code} 重复 / code ${t.code} is used twice` });
      codes.set(t.code, i);
      if (t.spellings.length > MAX_SPELLINGS_PER_TYPE) {
        ctx.addIssue({ code: 'custom', path: [i, 'spellings'], message: `每个类型至多 ${MAX_SPELLINGS_PER_TYPE} 种写法 / at most ${MAX_SPELLINGS_PER_TYPE} spellings a type` });
      }
      const own = new Set<string>();
      const texts: [(string | number)[], string][] = [
        [['code'], t.code],
        [['name'], t.name],
        [['nameEn'], t.nameEn],
        ...t.spellings.map((s, j): [(string | number)[], string] => [['spellings', j], s]),
      ];
      for (const [at, text] of texts) {
        const key = listTypeKey(text);
        const before = owner.get(key);
        if (before !== undefined && before !== t.code) {
          ctx.addIssue({ code: 'custom', path: [i, ...at], message: `“${text}”已指 ${before}，不能再指 ${t.code} / "${text}" already means ${before}; it cannot also mean ${t.code}` });
        } else if (at[0] === 'spellings' && own.has(key)) {
          ctx.addIssue({ code: 'custom', path: [i, ...at], message: `写法“${text}”重复 / spelling "${text}" is given twice` });
        }
        owner.set(key, t.code);
        // A spelling may repeat the type's own name (the shipped seed does); only a second copy of a spelling is a slip.
        if (at[0] === 'spellings') own.add(key);
      }
    });
  });

/** One line of what a version changed: `path` names the type or list (and its part), `value` what was added, removed or changed. */
export interface VocabularyChange {
  op: 'added' | 'removed' | 'changed';
  path: string;
  value: string;
}
export const vocabularyChange = z.object({ op: z.enum(['added', 'removed', 'changed']), path: z.string(), value: z.string() });

function setChanges(path: string, before: readonly string[], after: readonly string[], keyOf: (s: string) => string = (s) => s): VocabularyChange[] {
  const had = new Set(before.map(keyOf));
  const has = new Set(after.map(keyOf));
  return [
    ...after.filter((s) => !had.has(keyOf(s))).map((value): VocabularyChange => ({ op: 'added', path, value })),
    ...before.filter((s) => !has.has(keyOf(s))).map((value): VocabularyChange => ({ op: 'removed', path, value })),
  ];
}

const changed = (path: string, before: string, after: string): VocabularyChange[] => (before === after ? [] : [{ op: 'changed', path, value: `${before} → ${after}` }]);

/** What turning `before` into `after` changes, type by type; empty when nothing does. */
export function listTypesChanges(before: readonly ListTypeDefinition[], after: readonly ListTypeDefinition[]): VocabularyChange[] {
  const old = new Map(before.map((t) => [t.code, t]));
  const now = new Set(after.map((t) => t.code));
  const changes: VocabularyChange[] = [];
  for (const t of after) {
    const was = old.get(t.code);
    if (!was) {
      changes.push({ op: 'added', path: t.code, value: `${t.name} (${t.meaning})` }, ...t.spellings.map((value): VocabularyChange => ({ op: 'added', path: `${t.code}.spellings`, value })));
      continue;
    }
    changes.push(
      ...changed(`${t.code}.name`, was.name, t.name),
      ...changed(`${t.code}.nameEn`, was.nameEn, t.nameEn),
      ...changed(`${t.code}.meaning`, was.meaning, t.meaning),
      ...setChanges(`${t.code}.spellings`, was.spellings, t.spellings, listTypeKey),
    );
  }
  for (const t of before) if (!now.has(t.code)) changes.push({ op: 'removed', path: t.code, value: t.name });
  const kept = (codes: string[]) => codes.filter((c) => old.has(c) && now.has(c)).join(',');
  const order = kept(before.map((t) => t.code));
  if (order !== kept(after.map((t) => t.code))) changes.push({ op: 'changed', path: 'order', value: after.map((t) => t.code).join(', ') });
  return changes;
}

/** What turning `before` into `after` changes, list by list; empty when nothing does. */
export function keywordListsChanges(before: readonly KeywordList[], after: readonly KeywordList[]): VocabularyChange[] {
  const old = new Map(before.map((l) => [l.name, l]));
  const now = new Set(after.map((l) => l.name));
  const changes: VocabularyChange[] = [];
  for (const l of after) {
    const was = old.get(l.name);
    if (!was) {
      changes.push({ op: 'added', path: l.name, value: l.title.zh }, ...l.keywords.map((value): VocabularyChange => ({ op: 'added', path: `${l.name}.keywords`, value })));
      continue;
    }
    changes.push(
      ...changed(`${l.name}.title.zh`, was.title.zh, l.title.zh),
      ...changed(`${l.name}.title.en`, was.title.en, l.title.en),
      ...setChanges(`${l.name}.fields`, was.fields, l.fields),
      ...setChanges(`${l.name}.keywords`, was.keywords, l.keywords),
    );
  }
  for (const l of before) if (!now.has(l.name)) changes.push({ op: 'removed', path: l.name, value: l.title.zh });
  return changes;
}

/** One version as the history lists it; `content` is the vocabulary as it then stood (types or lists). */
export interface VocabularyVersion {
  vocabulary: VocabularyName;
  version: number;
  author: string;
  /** ISO time; null for the shipped seed standing in while the database holds none. */
  at: string | null;
  reason: string;
  changes: VocabularyChange[];
}

/** A version record as cypher/vocabulary/versions.cypher and version.cypher return it (changes stored as JSON). */
export const storedVersion = z.object({
  vocabulary: z.enum(vocabularyNames),
  version: z.number().int(),
  author: z.string(),
  at: z.string(),
  reason: z.string(),
  changes: z.string().transform((s) => z.array(vocabularyChange).parse(JSON.parse(s))),
});
