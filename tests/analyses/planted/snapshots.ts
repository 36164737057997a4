import { expect, it } from 'vitest';
import type { HolderT } from '../../../generator/truth.ts';
import { normalizeName } from '../../../model/names.ts';
import { rejectLines, run, type Province } from './province.ts';

/**
 * The later shareholder file (truth.snapshot), imported in a run of its own after the province:
 * dated per row in a column (快照日期), it lists every holder of the firms it names. A holding of
 * those firms it does not repeat ends at its date (validTo), each closure reported
 * (SNAPSHOT_CLOSED); the holders it repeats stay open with the ratio it gives; no firm it does not
 * name is touched; and where it replaced a beneficial owner, beneficial-owners names the
 * successor and no longer the former owner.
 */
export default function snapshots(province: Province): void {
  const holdingsOf = async (firm: string, holder: HolderT) => {
    const cypher =
      holder.kind === 'firm'
        ? 'MATCH (:Company {key: $code})-[h:HOLDS_SHARES]->(:Company {key: $firm}) RETURN h.ratio AS ratio, toString(h.validTo) AS validTo'
        : holder.idShown === holder.idNumber
          ? 'MATCH (:Person {idNumber: $idNumber})-[h:HOLDS_SHARES]->(:Company {key: $firm}) RETURN h.ratio AS ratio, toString(h.validTo) AS validTo'
          : 'MATCH (p:Person)-[h:HOLDS_SHARES]->(:Company {key: $firm}) WHERE p.normalizedName = $name RETURN h.ratio AS ratio, toString(h.validTo) AS validTo';
    const { records } = await province.graph.driver.executeQuery(cypher, { firm, code: holder.code ?? null, idNumber: holder.idNumber ?? null, name: normalizeName(holder.name) }, { routing: 'READ' });
    return records.map((r) => ({ ratio: r.get('ratio') as number, validTo: r.get('validTo') as string | null }));
  };

  it('ends at the snapshot’s date every holding of a listed firm it does not repeat, and reports each', async () => {
    const { closures, asOf } = province.truth.snapshot;
    expect(closures.length).toBeGreaterThanOrEqual(4);
    for (const c of closures) {
      expect(await holdingsOf(c.firm, c.holder), `${c.firmName}: ${c.holder.name}`).toEqual([{ ratio: expect.closeTo(c.ratio, 9), validTo: asOf }]);
    }
    const reported = rejectLines(province.imports.snapshot).filter((l) => l.code === 'SNAPSHOT_CLOSED');
    expect(reported).toHaveLength(closures.length);
    expect(province.imports.snapshot.inferredByCode.SNAPSHOT_CLOSED).toBe(closures.length);
  });

  it('keeps open, with the snapshot’s ratio, every holder it repeats, and ends nothing of the firms it does not list', async () => {
    const { firms, closures } = province.truth.snapshot;
    for (const f of firms) {
      for (const h of f.holders) expect(await holdingsOf(f.firm, h), `${f.name} (${f.change}): ${h.name}`).toEqual([{ ratio: expect.closeTo(h.ratio, 9), validTo: null }]);
    }
    const { records } = await province.graph.driver.executeQuery('MATCH ()-[h:HOLDS_SHARES]->(c:Company) WHERE h.validTo IS NOT NULL RETURN c.key AS firm', {}, { routing: 'READ' });
    expect(records.map((r) => r.get('firm') as string).sort()).toEqual(closures.map((c) => c.firm).sort());
  });

  it('names the successor, not the former owner, as beneficial owner of a firm whose owner the snapshot replaced', async () => {
    const { replacedOwners } = province.truth.snapshot;
    expect(replacedOwners.length).toBeGreaterThanOrEqual(2);
    for (const x of replacedOwners) {
      const env = await run(province, 'beneficial-owners', { firm: x.firm, rules: 'cn-2024' });
      const owners = env.findings.filter((f) => f.facts.beneficialOwner === true).map((f) => f.subject.name);
      expect(owners, `${x.name}: ${x.successor.name} since ${province.truth.snapshot.asOf}`).toContain(x.successor.name);
      expect(owners, `${x.name}: ${x.former.name} no longer`).not.toContain(x.former.name);
    }
  });
}
