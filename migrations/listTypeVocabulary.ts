import type { Graph } from '../cypher/run.ts';
import { ensureListTypeVocabulary } from '../importers/listTypes.ts';
import { listEntryKey } from '../importers/kinds/lists.ts';
import { inKeyPages, type Migration } from './migration.ts';

/**
 * Migration 1: list types become a vocabulary (issue 10 §1). Before it, a list entry stored its type
 * as the file spelled it, so a case list typed `非法集资立案` was none of the types the screens
 * count. The vocabulary is seeded from the shipped file when the store holds none; each entry then
 * keeps its spelling in listTypeText and takes the canonical type (name and code) it maps to, as an
 * import now stores it; a spelling the vocabulary does not know stays as it is, without a code.
 * Keys are recomputed from the canonical type, so one case typed in two spellings becomes one entry.
 */


interface EntryRow {
  key: string;
  listType: string;
  listTypeText: string | null;
  caseNo: string | null;
  subjects: string[];
}

/**
 * The key a new import of the entry's rows would give it, or null when that cannot be known: an entry
 * without a case number is keyed by its subject, which is only certain when the old key is exactly
 * the one made from the spelling and that subject (a firm found by name is keyed before it is
 * resolved to the registered firm, so its subject's key now may differ).
 */
function keyNow(entry: EntryRow): string | null {
  if (entry.caseNo) return listEntryKey(entry.listType, entry.caseNo, '');
  if (entry.subjects.length !== 1) return null;
  const subject = entry.subjects[0]!;
  const spelledAs = entry.listTypeText ?? entry.listType;
  const madeFromSubject = entry.key === listEntryKey(entry.listType, null, subject) || entry.key === listEntryKey(spelledAs, null, subject);
  return madeFromSubject ? listEntryKey(entry.listType, null, subject) : null;
}

async function rekeyEntries(graph: Graph): Promise<number> {
  let rekeyed = 0;
  await inKeyPages<EntryRow>(graph, 'migrations/001_list_entry_keys', async (page) => {
    const rekeys = page.flatMap((e) => {
      const to = keyNow(e);
      return to && to !== e.key ? [{ from: e.key, to }] : [];
    });
    if (rekeys.length > 0) await graph.writeInBatches('migrations/001_rekey_list_entries', { rekeys });
    rekeyed += rekeys.length;
  });
  return rekeyed;
}

export const listTypeVocabulary: Migration = {
  version: 1,
  name: 'list-type-vocabulary',
  description: {
    zh: '名单类型改为受控词表：写入词表，已有名单条目改存标准类型并保留原写法',
    en: 'list types become a vocabulary: seed it, and give every list entry its canonical type beside the spelling as given',
  },
  async up(graph, { by }) {
    const vocabulary = await ensureListTypeVocabulary(graph, by);
    const spellings = await graph.read<{ spelling: string; entries: number }>('migrations/001_list_type_spellings');
    const mappings = spellings.map(({ spelling }) => {
      const canonical = vocabulary.resolve(spelling);
      return { spelling, listType: canonical?.name ?? spelling, code: canonical?.code ?? null };
    });
    if (mappings.length > 0) await graph.writeInBatches('migrations/001_canonical_list_types', { mappings });
    const rekeyed = await rekeyEntries(graph);
    const entries = spellings.reduce((n, s) => n + s.entries, 0);
    const unknown = mappings.filter((m) => m.code === null).map((m) => m.spelling);
    return {
      zh: `词表版本 ${vocabulary.version}；${entries} 个名单条目改存标准类型，${rekeyed} 个重算标识` + (unknown.length ? `；词表未收录的写法：${unknown.join('、')}` : ''),
      en: `vocabulary version ${vocabulary.version}; ${entries} list entries given their canonical type, ${rekeyed} re-keyed` + (unknown.length ? `; spellings the vocabulary does not know: ${unknown.join(', ')}` : ''),
    };
  },
};
