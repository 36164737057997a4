/**
 * List types (名单类型) as a controlled vocabulary: the canonical types of DOMAIN.md §3, each with a
 * stable code, its names, its meaning and the spellings offices write (DOMAIN.md §4: 非法集资立案,
 * 涉嫌非法集资, 取缔, 清理整顿 …). The database holds the vocabulary in use; the shipped seed
 * (data/listTypes.json) is what it starts from and what stands in when a database holds none.
 *
 * A spelling belongs to exactly one type: the counts of flagged firms depend on which type a list
 * is, so two distinct types are never merged, and an extension that would make one spelling mean
 * two types is refused rather than resolved by order.
 */
import { z } from 'zod';
import shipped from './data/listTypes.json' with { type: 'json' };
import { normalizeName } from './names.ts';

/**
 * flagging: a finding against the firm or person (a case, 取缔类, 整改类, a violating venue, a 微盘
 * platform, a tip-off) — what the screens count. disclosure: names a relationship, not a wrong (a
 * P2P platform's borrowers). context: shown beside a finding, never counted (失信被执行人, 合规类).
 */
export const listTypeMeanings = ['flagging', 'disclosure', 'context'] as const;
export type ListTypeMeaning = (typeof listTypeMeanings)[number];

const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, '代码为大写字母、数字和下划线 / a code is upper-case letters, digits and underscores').max(60);
const text = z.string().trim().min(1).max(100);

export const listTypeDefinition = z.object({
  code,
  name: text,
  nameEn: text,
  meaning: z.enum(listTypeMeanings),
  spellings: z.array(text).default([]),
});
export type ListTypeDefinition = z.output<typeof listTypeDefinition>;

const vocabularyShape = z.object({
  version: z.number().int().min(1),
  types: z.array(listTypeDefinition).min(1),
});

// Quotes are how offices mark a term (“微盘”交易平台), not part of it.
const QUOTES = /["'“”‘’「」『』《》〈〉]/g;

/**
 * The form a list type is matched in: the name normalisation of model/names.ts (full/half width,
 * spaces, brackets, traditional characters, case), quotes dropped, and a trailing 名单 ("list")
 * dropped, since `违规交易场所名单` and `违规交易场所` name the same list.
 */
export function listTypeKey(raw: string): string {
  const key = normalizeName(raw).replace(QUOTES, '');
  return key.length > 2 && key.endsWith('名单') ? key.slice(0, -2) : key;
}

/** Every text a type is known by: its code, names and spellings. */
const textsOf = (t: ListTypeDefinition) => [t.code, t.name, t.nameEn, ...t.spellings];

export class ListTypeVocabularyError extends Error {
  constructor(
    readonly code: 'LIST_TYPES_INVALID' | 'LIST_TYPE_CONFLICT' | 'LIST_TYPE_UNRESOLVED',
    message: string,
  ) {
    super(message);
  }
}

/** Where a vocabulary was read from: the database, or the shipped seed when the database holds none. */
export type VocabularySource = 'database' | 'shipped';

export class ListTypeVocabulary {
  readonly byCode: ReadonlyMap<string, ListTypeDefinition>;
  private readonly byKey: ReadonlyMap<string, ListTypeDefinition>;

  /** Use parseListTypeVocabulary: it checks that no spelling means two types. */
  constructor(
    readonly version: number,
    readonly types: readonly ListTypeDefinition[],
    readonly source: VocabularySource,
  ) {
    this.byCode = new Map(types.map((t) => [t.code, t]));
    const byKey = new Map<string, ListTypeDefinition>();
    for (const t of types) for (const s of textsOf(t)) byKey.set(listTypeKey(s), t);
    this.byKey = byKey;
  }

  /** The type a code, name or spelling means; null when the vocabulary does not know it. */
  resolve(raw: string): ListTypeDefinition | null {
    return this.byKey.get(listTypeKey(raw)) ?? null;
  }

  withMeaning(meaning: ListTypeMeaning): ListTypeDefinition[] {
    return this.types.filter((t) => t.meaning === meaning);
  }

  /** As stored and shipped: the types in order, each spelling once (case and width as first written). */
  toJSON(): { version: number; types: ListTypeDefinition[] } {
    return { version: this.version, types: this.types.map((t) => ({ ...t, spellings: [...t.spellings] })) };
  }
}

/** Texts that would mean two types, as readable lines; empty when the types are distinct. */
function collisions(types: readonly ListTypeDefinition[]): string[] {
  const owner = new Map<string, { code: string; text: string }>();
  const found: string[] = [];
  const codes = new Set<string>();
  for (const t of types) {
    if (codes.has(t.code)) found.push(`代码 ${t.code} 重复 / code ${t.code} is used twice`);
    codes.add(t.code);
    for (const s of textsOf(t)) {
      const key = listTypeKey(s);
      const before = owner.get(key);
      if (before && before.code !== t.code) {
        found.push(`“${s}”既指 ${before.code}（“${before.text}”）又指 ${t.code} / "${s}" would mean both ${before.code} and ${t.code}`);
      } else if (!before) owner.set(key, { code: t.code, text: s });
    }
  }
  return found;
}

export function parseListTypeVocabulary(raw: unknown, source: VocabularySource): ListTypeVocabulary {
  const parsed = vocabularyShape.safeParse(raw);
  const where = source === 'shipped' ? 'model/data/listTypes.json' : '数据库中的名单类型词表 / the vocabulary in the database';
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(vocabulary)'}: ${i.message}`).join('; ');
    throw new ListTypeVocabularyError('LIST_TYPES_INVALID', `${where}: ${issues}`);
  }
  const clashes = collisions(parsed.data.types);
  if (clashes.length > 0) throw new ListTypeVocabularyError('LIST_TYPES_INVALID', `${where}: ${clashes.join('; ')}`);
  return new ListTypeVocabulary(parsed.data.version, parsed.data.types, source);
}

/** The seed as shipped, checked when this module loads so a bad edit fails at start with the field at fault. */
export const shippedListTypes: ListTypeVocabulary = parseListTypeVocabulary(shipped, 'shipped');

/** The vocabulary a read of the database returned (cypher/vocabulary/listTypes.cypher); the shipped seed when it holds none. */
export function vocabularyFromStored(rows: readonly unknown[]): ListTypeVocabulary {
  return rows.length === 0 ? shippedListTypes : parseListTypeVocabulary(rows[0], 'database');
}

/**
 * What a user adds at import (`--list-types FILE`): spellings mapped to a type the vocabulary knows
 * (by code, name or a spelling it already has), and new types with their code, name and meaning.
 */
export const listTypeAddition = z.object({
  code,
  name: text,
  nameEn: text.optional(),
  meaning: z.enum(listTypeMeanings).optional(),
  spellings: z.array(text).default([]),
});
export const spellingMapping = z.object({ spelling: text, type: text });
export const listTypeExtension = z.object({
  types: z.array(listTypeAddition).default([]),
  spellings: z.array(spellingMapping).default([]),
});
export type ListTypeExtension = z.output<typeof listTypeExtension>;

export interface ExtensionResult {
  vocabulary: ListTypeVocabulary;
  /** Per type changed: the spellings added, and whether the type itself is new. */
  changes: { code: string; added: string[]; isNew: boolean }[];
}

/**
 * The vocabulary with the extension applied; the version goes up by one when anything changed and
 * stays when the extension only repeats what is there (so importing with the same file twice
 * changes nothing). An extension never renames a type or changes its meaning — that is an
 * administrator's edit — and never moves a spelling from one type to another; every such conflict
 * is listed in one error.
 */
export function extendVocabulary(base: ListTypeVocabulary, extension: ListTypeExtension): ExtensionResult {
  const types = base.types.map((t) => ({ ...t, spellings: [...t.spellings] }));
  const byCode = new Map(types.map((t) => [t.code, t]));
  const byKey = new Map<string, ListTypeDefinition>();
  for (const t of types) for (const s of textsOf(t)) byKey.set(listTypeKey(s), t);
  const changes = new Map<string, { code: string; added: string[]; isNew: boolean }>();
  const problems: string[] = [];
  const changeOf = (code: string, isNew = false) => changes.get(code) ?? changes.set(code, { code, added: [], isNew }).get(code)!;

  const addSpelling = (t: ListTypeDefinition, spelling: string) => {
    const key = listTypeKey(spelling);
    const owner = byKey.get(key);
    if (owner && owner.code !== t.code) {
      problems.push(`“${spelling}”已是 ${owner.code}（${owner.name}）的写法，不能再指 ${t.code}（${t.name}）/ "${spelling}" already means ${owner.code}; it cannot also mean ${t.code}`);
      return;
    }
    if (owner) return;
    t.spellings.push(spelling);
    byKey.set(key, t);
    changeOf(t.code).added.push(spelling);
  };

  for (const a of extension.types) {
    const existing = byCode.get(a.code);
    if (existing) {
      const renamed = listTypeKey(a.name) !== listTypeKey(existing.name) && byKey.get(listTypeKey(a.name))?.code !== existing.code;
      if (renamed || (a.meaning !== undefined && a.meaning !== existing.meaning) || (a.nameEn !== undefined && listTypeKey(a.nameEn) !== listTypeKey(existing.nameEn))) {
        problems.push(
          `${a.code} 已是“${existing.name}”（${existing.meaning}），扩展文件不能改名或改变含义，请由管理员修改 / ${a.code} is "${existing.name}" (${existing.meaning}): an extension cannot rename it or change its meaning`,
        );
        continue;
      }
      for (const s of a.spellings) addSpelling(existing, s);
      continue;
    }
    const taken = byKey.get(listTypeKey(a.name));
    if (taken) {
      problems.push(`“${a.name}”已是 ${taken.code} 的写法，不能作为新类型 ${a.code} 的名称 / "${a.name}" already means ${taken.code}; it cannot name the new type ${a.code}`);
      continue;
    }
    if (a.meaning === undefined) {
      problems.push(`新类型 ${a.code}（${a.name}）须写明含义 flagging、disclosure 或 context / the new type ${a.code} needs its meaning: flagging, disclosure or context`);
      continue;
    }
    const created: ListTypeDefinition = { code: a.code, name: a.name, nameEn: a.nameEn ?? a.name, meaning: a.meaning, spellings: [] };
    const clash = [created.name, created.nameEn, created.code].map((s) => byKey.get(listTypeKey(s))).find((t) => t !== undefined);
    if (clash) {
      problems.push(`新类型 ${a.code} 的名称或代码已指 ${clash.code} / a name or the code of the new type ${a.code} already means ${clash.code}`);
      continue;
    }
    types.push(created);
    byCode.set(created.code, created);
    for (const s of textsOf(created)) byKey.set(listTypeKey(s), created);
    changeOf(created.code, true);
    for (const s of a.spellings) addSpelling(created, s);
  }

  for (const m of extension.spellings) {
    const target = byKey.get(listTypeKey(m.type));
    if (!target) {
      problems.push(
        `“${m.spelling}”要映射到的类型“${m.type}”不在词表中；请写标准类型的代码或名称，或用代码、名称和含义定义新类型 / "${m.type}" (for "${m.spelling}") is no list type: give a code or name the vocabulary knows, or define a new type with code, name and meaning`,
      );
      continue;
    }
    addSpelling(target, m.spelling);
  }

  if (problems.length > 0) {
    const unresolved = problems.every((p) => p.includes('不在词表中'));
    throw new ListTypeVocabularyError(unresolved ? 'LIST_TYPE_UNRESOLVED' : 'LIST_TYPE_CONFLICT', problems.join('\n'));
  }
  const changed = [...changes.values()].filter((c) => c.isNew || c.added.length > 0);
  if (changed.length === 0) return { vocabulary: base, changes: [] };
  return { vocabulary: new ListTypeVocabulary(base.version + 1, types, base.source), changes: changed };
}
