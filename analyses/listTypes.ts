import type { GraphReader } from '../cypher/run.ts';
import { readListTypes } from '../cypher/vocabularies.ts';
import { listTypeKey, type ListTypeDefinition, type ListTypeMeaning } from '../model/listTypes.ts';
import { AnalysisError, type Envelope, type ListTypeUse } from './envelope.ts';

/**
 * Which list entries a screen counts, decided once for every analysis that selects by list type
 * (flagged-controllers, list-xref and its nearest-flagged walk, self-financing, keyword-screen).
 *
 * The list types present in the data are read as stored — the canonical type of the import's
 * vocabulary, or the spelling as written when that vocabulary did not know it — and resolved
 * through the vocabulary the database holds now (the shipped seed when it holds none): a spelling
 * mapped after its rows were imported counts from then on. By default a screen counts the types of
 * one meaning (flagging; disclosure for self-financing's borrower lists); a `listTypes` parameter
 * names types by code, name or any spelling. The envelope then says what counted, what present
 * was not counted and why, and which vocabulary version decided it.
 */

interface PresentRow {
  listType: string;
  code: string | null;
  spellings: string[];
  entries: number;
  flags: number;
}

export interface ListTypeSelection {
  /** The stored ListEntry.listType values that count: what the queries' `$listTypes` take. */
  values: string[];
  /** What was chosen, as the envelope's parameter reports it: canonical names in vocabulary order, then stored values the vocabulary does not know. */
  names: string[];
  /** The canonical name a stored value stands for (the value itself when the vocabulary does not know it). */
  nameOf(stored: string): string;
  use: ListTypeUse;
}

/**
 * The selection for a screen: `requested` as the user gave it (codes, names or spellings; a value
 * the vocabulary does not know is taken as a stored type of the data, else refused), or every type
 * of `meaning` when absent.
 */
export async function selectListTypes(graph: GraphReader, requested: readonly string[] | undefined, meaning: Exclude<ListTypeMeaning, 'context'>): Promise<ListTypeSelection> {
  const [vocabulary, present] = await Promise.all([readListTypes(graph), graph.read<PresentRow>('analyses/listTypesPresent')]);
  const typeOf = (row: PresentRow): ListTypeDefinition | null =>
    (row.code ? vocabulary.byCode.get(row.code) : undefined) ?? vocabulary.resolve(row.listType) ?? row.spellings.map((s) => vocabulary.resolve(s)).find((t) => t !== null) ?? null;
  const typed = present.map((row) => ({ row, type: typeOf(row) }));

  const chosen = new Set<string>();
  const literal = new Set<string>();
  const literalNames: string[] = [];
  if (requested === undefined) {
    for (const t of vocabulary.withMeaning(meaning)) chosen.add(t.code);
  } else {
    const unknown: string[] = [];
    for (const r of requested) {
      const t = vocabulary.resolve(r);
      if (t) chosen.add(t.code);
      else if (typed.some(({ row, type }) => type === null && [row.listType, ...row.spellings].some((s) => listTypeKey(s) === listTypeKey(r)))) {
        literal.add(listTypeKey(r));
        literalNames.push(r);
      } else unknown.push(r);
    }
    if (unknown.length > 0) {
      const known = vocabulary.types.map((t) => `${t.code} ${t.name}`).join(', ');
      throw new AnalysisError(
        'BAD_PARAMS',
        `listTypes: 名单类型词表（版本 ${vocabulary.version}）与数据中都没有“${unknown.join('”“')}”；可用 / unknown list types ${unknown.join(', ')} (vocabulary version ${vocabulary.version}, not in the data either); known: ${known}`,
      );
    }
  }
  const counts = ({ row, type }: (typeof typed)[number]) =>
    type !== null ? chosen.has(type.code) : [row.listType, ...row.spellings].some((s) => literal.has(listTypeKey(s)));

  const counted = new Map<string, ListTypeUse['counted'][number]>();
  const notCounted = new Map<string, ListTypeUse['notCounted'][number]>();
  const values = new Set<string>();
  const names = new Map<string, string>();
  for (const entry of typed) {
    const { row, type } = entry;
    const name = type?.name ?? row.listType;
    names.set(row.listType, name);
    if (counts(entry)) {
      values.add(row.listType);
      const c = counted.get(name) ?? counted.set(name, { listType: name, code: type?.code ?? null, entries: 0, flags: 0 }).get(name)!;
      c.entries += row.entries;
      c.flags += row.flags;
    } else {
      const n = notCounted.get(name) ?? notCounted.set(name, { listType: name, code: type?.code ?? null, meaning: type?.meaning ?? 'unknown', spellings: [], entries: 0, flags: 0 }).get(name)!;
      n.entries += row.entries;
      n.flags += row.flags;
      for (const s of row.spellings.length > 0 ? row.spellings : [row.listType]) if (!n.spellings.includes(s)) n.spellings.push(s);
    }
  }
  const byEntries = <T extends { entries: number; listType: string }>(a: T, b: T) => b.entries - a.entries || a.listType.localeCompare(b.listType, 'zh');
  return {
    values: [...values].sort(),
    names: [...vocabulary.types.filter((t) => chosen.has(t.code)).map((t) => t.name), ...literalNames],
    nameOf: (stored) => names.get(stored) ?? vocabulary.resolve(stored)?.name ?? stored,
    use: {
      vocabularyVersion: vocabulary.version,
      vocabularySource: vocabulary.source,
      counted: [...counted.values()].sort(byEntries),
      notCounted: [...notCounted.values()].map((n) => ({ ...n, spellings: n.spellings.sort() })).sort(byEntries),
    },
  };
}

/** The envelope with what the selection counted: `param` reports the types chosen, `listTypes` the rest. */
export function withListTypes(envelope: Envelope, selection: ListTypeSelection, param = 'listTypes'): Envelope {
  return { ...envelope, params: { ...envelope.params, [param]: selection.names }, listTypes: selection.use };
}
