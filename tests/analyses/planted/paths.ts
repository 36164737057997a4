import { expect, it } from 'vitest';
import { normalizePhone } from '../../../model/contacts.ts';
import { run, type Province } from './province.ts';

/**
 * paths on the generated province: two firms of every planted shell cluster are joined in two
 * hops through the address or phone they share; two firms at the largest registration agent's
 * address (truth.context, far more firms than the default fanOut) are never joined through it —
 * the address is named as a skipped hub instead.
 */
export default function paths(province: Province): void {
  it('joins two firms of each planted cluster in two hops through their shared address or phone', async () => {
    const clusters = province.truth.planted.shellClusters;
    expect(clusters.length).toBeGreaterThanOrEqual(3);
    for (const c of clusters) {
      const env = await run(province, 'paths', { from: c.firms[0], to: c.firms[1] });
      const shared = env.findings.filter((f) => {
        const chain = f.evidence.chains[0]!;
        const middle = chain.path[1]!;
        return (
          f.facts.hub === false &&
          f.facts.hops === 2 &&
          (c.kind === 'address' ? middle.kind === 'ADDRESS' && middle.name === c.address : middle.kind === 'PHONE' && middle.key === normalizePhone(c.phone!))
        );
      });
      expect(shared, `${c.kind} ${c.address ?? c.phone}`).toHaveLength(1);
      expect(env.findings[0]!.facts.hops, `${c.kind} ${c.address ?? c.phone}: no shorter path`).toBe(2);
    }
  });

  it('does not pass through a registration agent’s address, and names it as a skipped hub', async () => {
    const [agent] = [...province.truth.context.agentAddresses].sort((a, b) => b.firms - a.firms);
    expect(agent!.firms).toBeGreaterThan(50);
    const { records } = await province.graph.driver.executeQuery(
      'MATCH (c:Company)-[:REGISTERED_AT]->(a:Address {text: $address}) RETURN a.key AS address, c.key AS firm ORDER BY c.key LIMIT 2',
      { address: agent!.address },
    );
    const [from, to] = records.map((r) => r.get('firm') as string);
    const address = records[0]!.get('address') as string;
    const env = await run(province, 'paths', { from, to });
    expect(env.findings.some((f) => f.facts.hub === false && f.evidence.chains[0]!.path.some((p) => p.kind === 'ADDRESS' && p.key === address))).toBe(false);
    const hub = env.findings.find((f) => f.facts.hub === true && f.subject.key === address);
    expect(hub?.facts.degree as number).toBeGreaterThanOrEqual(agent!.firms);
    expect(hub?.facts.hops).toBe(2);
    expect(env.limitsHit).toContain(`fanOut:${address}`);
    expect(env.exhaustive).toBe(false);
  });
}
