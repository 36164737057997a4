import { expect, it } from 'vitest';
import { run, type Province } from './province.ts';

/**
 * Unapproved changes on the generated province: the planted changes of an approved local venue
 * made without approval are all reported, each with its item and date; the decoy change, approved
 * before it was made, is not — and no other venue is reported (the generator gives change records
 * to that venue alone among the venues).
 */
export default function unapprovedChanges(province: Province) {
  it('reports every planted unapproved change, no approved decoy, and no other venue', async () => {
    const { truth } = province;
    const env = await run(province, 'unapproved-changes');
    expect(env.exhaustive).toBe(true);
    const planted = truth.planted.unapprovedChanges;
    expect(planted.length).toBeGreaterThan(0);
    expect(env.findings.map((f) => f.subject.key).sort()).toEqual([...new Set(planted.map((c) => c.firm))].sort());
    for (const firm of new Set(planted.map((c) => c.firm))) {
      const finding = env.findings.find((f) => f.subject.key === firm)!;
      const expected = planted.filter((c) => c.firm === firm).map((c) => `${c.item}（${c.changedOn}）`);
      expect([...(finding.facts.unapprovedItems as string[])].sort()).toEqual(expected.sort());
    }
    for (const decoy of truth.decoys.unapprovedChanges) {
      const finding = env.findings.find((f) => f.subject.key === decoy.firm);
      expect(finding?.facts.unapprovedItems ?? []).not.toContain(`${decoy.item}（${decoy.changedOn}）`);
      const chain = finding?.evidence.chains.find((c) => c.kind === 'change' && c.edges[0]!.details?.item === decoy.item);
      expect(chain?.edges[0]!.details).toMatchObject({ approved: true, approvedBy: expect.stringContaining(decoy.approval!.documentNo) });
    }
  });
}
