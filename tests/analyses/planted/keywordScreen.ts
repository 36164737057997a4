import { expect, it } from 'vitest';
import { run, type Province } from './province.ts';

/**
 * Keyword screen on the generated province. The generator leaves venue words (交易所, 交易中心,
 * 交易市场) to its venues alone, so the `venues` list must find exactly the venues and their
 * branches; and the planted shell clusters and lending platforms are investment- and
 * finance-type firms by name, so the shipped lists must find every one of them.
 */
export default function keywordScreen(province: Province) {
  it('the venues list finds every venue the truth file names and every firm labelled a venue, and nothing but venues and their branches', async () => {
    const { graph, truth } = province;
    const env = await run(province, 'keyword-screen', { lists: 'venues', limit: 100_000, maxHits: 1_000_000 });
    expect(env.limitsHit).toEqual([]);
    const found = new Set(env.findings.map((f) => f.subject.key));
    const planted = [
      ...[...truth.planted.outOfProvinceVenues, ...truth.decoys.outOfProvinceVenues].map((v) => v.venueUscc),
      ...[...truth.planted.unapprovedVenueMembers, ...truth.decoys.unapprovedVenueMembers].map((v) => v.venueUscc),
      ...[...truth.planted.failedAcceptanceVenueMembers, ...truth.decoys.failedAcceptanceVenueMembers].map((v) => v.venueUscc),
      ...[...truth.planted.unapprovedChanges, ...truth.decoys.unapprovedChanges].map((c) => c.firm),
    ];
    expect(planted.length).toBeGreaterThan(5);
    expect(planted.filter((k) => !found.has(k))).toEqual([]);

    const { records } = await graph.driver.executeQuery(
      `MATCH (c:Company) WHERE c:Exchange OR (c:Branch AND EXISTS { (c)-[:BRANCH_OF]->(:Exchange) }) RETURN c.key AS key, c:Exchange AS exchange`,
    );
    const venues = new Set(records.map((r) => r.get('key') as string));
    const exchanges = records.filter((r) => r.get('exchange') === true).map((r) => r.get('key') as string);
    expect(exchanges.filter((k) => !found.has(k))).toEqual([]);
    expect(env.findings.filter((f) => !venues.has(f.subject.key)).map((f) => f.subject.name)).toEqual([]);
  });

  it('the shipped lists find every firm of the planted address clusters by its name and every lending platform', async () => {
    const { truth } = province;
    const env = await run(province, 'keyword-screen', { limit: 100_000, maxHits: 1_000_000 });
    expect(env.limitsHit).toEqual([]);
    const byKey = new Map(env.findings.map((f) => [f.subject.key, f]));
    const clusterFirms = truth.planted.shellClusters.filter((c) => c.kind === 'address').flatMap((c) => c.firms);
    expect(clusterFirms.length).toBeGreaterThan(0);
    const missed = clusterFirms.filter((k) => !(byKey.get(k)?.facts.hits as string[] | undefined)?.some((h) => h.startsWith('name:')));
    expect(missed).toEqual([]);
    const platforms = [...truth.planted.selfFinancing, ...truth.decoys.selfFinancing].map((s) => s.platform);
    expect(platforms.filter((k) => !(byKey.get(k)?.facts.keywords as string[] | undefined)?.includes('金融'))).toEqual([]);
  });

  it('inJurisdiction keeps only firms registered in the jurisdiction', async () => {
    const env = await run(province, 'keyword-screen', { lists: 'venues', inJurisdiction: true, limit: 100_000 });
    const prefix = province.truth.jurisdiction.code.slice(0, 2);
    expect(env.findings.length).toBeGreaterThan(0);
    expect(env.findings.filter((f) => !String(f.facts.regionCode).startsWith(prefix))).toEqual([]);
  });
}
