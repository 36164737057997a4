import * as OpenCC from 'opencc-js/cn2t';
import { expect, it } from 'vitest';
import { run, type Province } from './province.ts';

/**
 * List cross-reference on the generated province: the planted flagged firms, listed by code, by
 * name and by name in traditional characters, are each matched to that firm at distance 0; the
 * planted controllers, listed by name, each have a same-name person near a flagged firm (legal
 * representative or 代持: one hop; a majority chain of one or two holding companies: three at most).
 */
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

export default function listXref(province: Province) {
  it('matches every planted flagged firm by code, by name and in traditional characters, at distance 0', async () => {
    const controllers = province.truth.planted.flaggedControllers;
    const firms = controllers.flatMap((c) => c.flaggedFirms.map((uscc, i) => ({ uscc, name: c.flaggedFirmNames[i]! })));
    expect(firms.length).toBeGreaterThan(0);
    const traditional = firms.map((f) => ({ ...f, written: toTraditional(f.name) })).filter((f) => f.written !== f.name);
    expect(traditional.length).toBeGreaterThan(0);
    const env = await run(province, 'list-xref', { entries: [...firms.map((f) => f.uscc), ...firms.map((f) => f.name), ...traditional.map((f) => f.written)] });
    const at = (input: string) => env.findings.filter((f) => f.facts.input === input);
    for (const f of firms) {
      expect(at(f.uscc).map((x) => [x.subject.key, x.facts.matchedBy, x.facts.distanceToFlagged])).toEqual([[f.uscc, 'code', 0]]);
      expect(at(f.name).map((x) => [x.subject.key, x.facts.matchedBy, x.facts.distanceToFlagged])).toContainEqual([f.uscc, 'name', 0]);
    }
    for (const f of traditional) {
      expect(at(f.written).map((x) => [x.subject.key, x.facts.matchedBy])).toContainEqual([f.uscc, 'traditional']);
    }
  });

  it('finds each planted controller by name within reach of a flagged firm: one hop as representative or nominee, three at most through holding companies', async () => {
    const controllers = province.truth.planted.flaggedControllers;
    const env = await run(province, 'list-xref', { entries: [...new Set(controllers.map((c) => c.name))], maxPersons: 100 });
    for (const c of controllers) {
      const near = env.findings.filter((f) => f.facts.input === c.name && f.facts.matchedBy === 'personName' && f.facts.distanceToFlagged !== null);
      expect(near.length, `${c.name} (${c.via})`).toBeGreaterThan(0);
      expect(Math.min(...near.map((f) => f.facts.distanceToFlagged as number))).toBeLessThanOrEqual(c.via === 'chain' ? 3 : 1);
    }
  });
}
