import { expect, it } from 'vitest';
import { holdingsOf, rejectLines, run, type Province } from './province.ts';

/**
 * The later shareholder file (truth.snapshot), imported in a run of its own after the province:
 * dated per row in a column (快照日期), it lists every holder of the firms it names. A holding of
 * those firms it does not repeat ends at its date (validTo), each closure reported
 * (SNAPSHOT_CLOSED); the holders it repeats stay open with the ratio it gives; no firm it does not
 * name is touched; and where it replaced a beneficial owner, beneficial-owners names the
 * successor and no longer the former owner.
 */
export default function snapshots(province: Province): void {

  it('ends at the snapshot’s date every holding of a listed firm it does not repeat, and reports each', async () => {
    const { closures, asOf } = province.truth.snapshot;
    expect(closures.length).toBeGreaterThanOrEqual(4);
    for (const c of closures) {
      expect(await holdingsOf(province, c.firm, c.holder), `${c.firmName}: ${c.holder.name}`).toEqual([{ ratio: expect.closeTo(c.ratio, 9), validTo: asOf }]);
    }
    const reported = rejectLines(province.imports.snapshot).filter((l) => l.code === 'SNAPSHOT_CLOSED');
    expect(reported).toHaveLength(closures.length);
    expect(province.imports.snapshot.inferredByCode.SNAPSHOT_CLOSED).toBe(closures.length);
  });

  it('keeps open, with the snapshot’s ratio, every holder it repeats, and ends nothing of the firms it does not list', async () => {
    const { firms, closures } = province.truth.snapshot;
    for (const f of firms) {
      for (const h of f.holders) expect(await holdingsOf(province, f.firm, h), `${f.name} (${f.change}): ${h.name}`).toEqual([{ ratio: expect.closeTo(h.ratio, 9), validTo: null }]);
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
