import { expect, it } from 'vitest';
import { rejectLines, run, type Province } from './province.ts';

/**
 * List types as offices write them (truth.listTypes): every spelling the generator wrote is stored
 * as its canonical type with the spelling kept beside it, so the canonical types are counted
 * apart, each with exactly the firms and people the files put on it; a spelling no vocabulary
 * knows is imported as written, reported row by row (LIST_TYPE_UNKNOWN) and in the summary, and
 * named by flagged-controllers as a type present that it did not count. (That every planted
 * controller is still found despite the spellings is flaggedControllers.ts.)
 */
export default function listTypes(province: Province): void {
  const query = async <T>(cypher: string, params: Record<string, unknown> = {}) =>
    (await province.graph.driver.executeQuery(cypher, params, { routing: 'READ' })).records.map((r) => r.toObject() as T);

  it('stores every spelling as its canonical type, keeping the spelling as written', async () => {
    const { spellings } = province.truth.listTypes;
    expect(Object.keys(spellings).length).toBeGreaterThan(Object.keys(province.truth.listTypes.byType).length);
    const stored = await query<{ text: string; type: string }>(
      'MATCH (l:ListEntry) WHERE l.listTypeText IN $spellings RETURN DISTINCT l.listTypeText AS text, l.listType AS type',
      { spellings: Object.keys(spellings) },
    );
    expect(stored.length).toBeGreaterThan(0);
    for (const s of stored) expect(s.type, s.text).toBe(spellings[s.text]);
    // P2P borrowers of one platform share one entry (its first row's spelling): every other spelling has entries of its own.
    const seen = new Set(stored.map((s) => s.text));
    const missing = Object.entries(spellings).filter(([text, type]) => type !== 'P2P平台借款人' && !seen.has(text));
    expect(missing).toEqual([]);
  });

  it('counts the canonical types apart, each with exactly the firms and people the files put on it', async () => {
    const counted = await query<{ type: string; subjects: { toNumber(): number } | number }>(
      'MATCH (s)-[:FLAGGED]->(l:ListEntry) WHERE l.listType IN $types RETURN l.listType AS type, count(DISTINCT s) AS subjects',
      { types: Object.keys(province.truth.listTypes.byType) },
    );
    const got = Object.fromEntries(counted.map((c) => [c.type, Number(c.subjects)]));
    expect(got).toEqual(Object.fromEntries(Object.entries(province.truth.listTypes.byType).map(([t, v]) => [t, v.subjects])));
  });

  it('imports the rows of an unknown spelling as written, reports each row and the spelling in the summary, and counts it for no one', async () => {
    const { unknown, file } = province.truth.listTypes;
    expect(unknown.length).toBeGreaterThan(0);
    const summary = province.imports.province;
    const reported = rejectLines(summary).filter((l) => l.code === 'LIST_TYPE_UNKNOWN');
    expect(reported.map((l) => `${l.file}:${l.row}:${l.value}`).sort()).toEqual(unknown.flatMap((u) => u.rows.map((row) => `${file}:${row}:${u.spelling}`)).sort());
    expect(summary.listTypes.unknown.map((u) => [u.spelling, u.rows]).sort()).toEqual(unknown.map((u) => [u.spelling, u.rows.length]).sort());
    for (const u of unknown) {
      const [entries] = await query<{ n: number }>('MATCH (:Company)-[:FLAGGED]->(l:ListEntry {listType: $spelling}) RETURN count(l) AS n', { spelling: u.spelling });
      expect(Number(entries!.n), u.spelling).toBe(u.rows.length);
    }
    const env = await run(province, 'flagged-controllers');
    const text = JSON.stringify({ ...env, findings: [] });
    for (const u of unknown) expect(text, `flagged-controllers names ${u.spelling} as a type present that it did not count`).toContain(u.spelling);
  });
}
