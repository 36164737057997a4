import { expect, it } from 'vitest';
import type { Envelope, Finding } from '../../../analyses/envelope.ts';
import { normalizePhone } from '../../../model/contacts.ts';
import { run, type Province } from './province.ts';

/**
 * shell-clusters on the generated province: every planted cluster (investment firms at one room
 * set up within three months by two or three people; firms at different addresses sharing one
 * mobile and two people) is found with all its firms and ranks above every registration agent's
 * address and accountant's phone (truth.context), which share contact points among unrelated firms.
 */
export default function shellClusters(province: Province): void {
  let env: Envelope | undefined;
  const screen = async () => (env ??= await run(province, 'shell-clusters'));
  const ofPlanted = (findings: Finding[], c: Province['truth']['planted']['shellClusters'][number]) =>
    findings.filter(
      (f) =>
        f.facts.clusterKind === c.kind &&
        (c.kind === 'address' ? f.subject.name === c.address : f.subject.key === normalizePhone(c.phone!)) &&
        c.firms.every((k) => (f.facts.firmKeys as string[]).includes(k)),
    );

  it('finds every planted cluster, by its address or phone, with all its firms', async () => {
    const { findings } = await screen();
    const planted = province.truth.planted.shellClusters;
    expect(planted.length).toBeGreaterThanOrEqual(3);
    for (const c of planted) expect(ofPlanted(findings, c), `${c.kind} ${c.address ?? c.phone}`).toHaveLength(1);
  });

  it('ranks the planted clusters first, above every agent’s address and accountant’s phone', async () => {
    const { findings } = await screen();
    const planted = province.truth.planted.shellClusters.map((c) => ofPlanted(findings, c)[0]!);
    const top = findings.slice(0, planted.length);
    expect(new Set(top)).toEqual(new Set(planted));
    const { agentAddresses, sharedPhones } = province.truth.context;
    const context = findings.filter(
      (f) =>
        (f.facts.clusterKind === 'address' && agentAddresses.some((a) => a.address === f.subject.name)) ||
        (f.facts.clusterKind === 'phone' && sharedPhones.some((p) => normalizePhone(p.phone) === f.subject.key)),
    );
    expect(context.length).toBeGreaterThan(0);
    const lowestPlanted = Math.min(...planted.map((f) => f.score!));
    for (const f of context) expect(f.score!, f.subject.name).toBeLessThan(lowestPlanted);
  });
}
