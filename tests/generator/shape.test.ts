import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import data from '../../model/data/divisions.json' with { type: 'json' };
import { divisionFromAddress } from '../../model/divisions.ts';
import { normalizeName } from '../../model/names.ts';
import { normalizePhone, splitList } from '../../model/contacts.ts';
import { parseResidentId } from '../../model/identifiers/residentId.ts';
import { rejectCodes } from '../../importers/rejects.ts';
import type { Truth } from '../../generator/index.ts';
import { BAD_ROW_CODES } from '../../generator/badRows.ts';
import { generateTemp, percentile, readProvince, type ReadRow } from './support.ts';
import type { RecordKind } from '../../importers/mapping.ts';

/**
 * A generated province has the shape of a real one, measured from its files (not from the
 * generator's own counters, which must agree): holder counts, pyramids, cycles, state holders,
 * districts, out-of-province firms, masked IDs, same-name strangers, branches both ways, venues
 * in several provinces, registration agents' addresses, shared phones, and bad rows of every kind.
 */

const FIRMS = 10_000;
const JURISDICTION = '320000';
let truth: Truth;
let rows: Record<RecordKind, ReadRow[]>;
let cleanup = () => {};

/** Rows the importer refuses; flagged rows are kept (one cell set aside), as the importer keeps them. */
const refused = new Set<string>();
const clean = (r: ReadRow) => !refused.has(`${r.file}:${r.row}`);

beforeAll(async () => {
  const generated = await generateTemp({ firms: FIRMS, seed: 7, prefix: 'chuantou-shape-' });
  cleanup = generated.cleanup;
  truth = generated.result.truth;
  for (const b of truth.badRows) if (rejectCodes[b.code].severity === 'reject') refused.add(`${b.file}:${b.row}`);
  rows = await readProvince(generated.dir, truth);
  // The later snapshot repeats holders of a few firms: the shape is the first file's.
  rows.shareholders = rows.shareholders.filter((r) => r.file !== truth.files.shareholdersSnapshot);
}, 300_000);
afterAll(() => cleanup());

const inJurisdiction = (code: string | undefined) => code !== undefined && code.startsWith(JURISDICTION.slice(0, 2));

/** Firms by code, and codes by normalised name, from the registrations file. */
function registry() {
  const firms = new Map<string, ReadRow['v']>();
  const byName = new Map<string, string>();
  for (const r of rows.registrations.filter(clean)) {
    const code = r.v.uscc ?? r.v.registrationNumber!;
    firms.set(code, r.v);
    byName.set(normalizeName(r.v.name!), code);
  }
  return { firms, byName };
}

/** Holdings between firms: held firm code → holder firm codes. */
function firmEdges() {
  const { firms, byName } = registry();
  const holders = new Map<string, Set<string>>();
  const perFirm = new Map<string, Set<string>>();
  for (const r of rows.shareholders.filter(clean)) {
    // A mistyped firm code (a flagged row) is matched by name, as the importer does.
    const firm = r.v.firmUscc && firms.has(r.v.firmUscc) ? r.v.firmUscc : byName.get(normalizeName(r.v.firmName!))!;
    // Exact duplicate rows name the same holder twice; a holder is counted once.
    (perFirm.get(firm) ?? perFirm.set(firm, new Set()).get(firm)!).add(`${r.v.holderName}\0${r.v.holderId ?? ''}`);
    // People and government bodies (机关法人, the asset commissions) own; firms are the levels below them.
    if (/自然人|机关/.test(r.v.holderType ?? '')) continue;
    const holder = r.v.holderId ?? byName.get(normalizeName(r.v.holderName!));
    if (!holder) continue;
    (holders.get(firm) ?? holders.set(firm, new Set()).get(firm)!).add(holder);
  }
  return { holders, perFirm };
}

/** Strongly connected components of the holding graph (Tarjan), as firm → component id. */
function components(nodes: string[], edges: Map<string, Set<string>>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const comp = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  let compNo = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.set(w, compNo);
      } while (w !== v);
      compNo++;
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return comp;
}

describe('generated province shape (10k firms, measured from the files)', () => {
  it('holders per firm: median 1–2, 99th percentile at least 5', () => {
    const { perFirm } = firmEdges();
    const counts = [...perFirm.values()].map((s) => s.size).sort((a, b) => a - b);
    expect(counts.length).toBeGreaterThan(FIRMS * 0.99);
    expect(percentile(counts, 0.5)).toBeGreaterThanOrEqual(1);
    expect(percentile(counts, 0.5)).toBeLessThanOrEqual(2);
    expect(percentile(counts, 0.99)).toBeGreaterThanOrEqual(5);
    expect(truth.shape.holdersPerFirm.median).toBe(percentile(counts, 0.5));
    expect(Math.abs(truth.shape.holdersPerFirm.p99 - percentile(counts, 0.99))).toBeLessThanOrEqual(2);
  });

  it('at least 1% of firms sit at the bottom of pyramids of 5–8 levels, and at least 0.5% inside cross-holding cycles', () => {
    const { holders } = firmEdges();
    const nodes = [...new Set([...holders.keys(), ...[...holders.values()].flatMap((s) => [...s])])].sort();
    const comp = components(nodes, holders);
    const compSize = new Map<number, number>();
    for (const c of comp.values()) compSize.set(c, (compSize.get(c) ?? 0) + 1);
    const inCycles = nodes.filter((n) => compSize.get(comp.get(n)!)! > 1).length;
    expect(inCycles / FIRMS).toBeGreaterThanOrEqual(0.005);
    expect(inCycles).toBe(truth.shape.cycles.firms);

    // Levels: a firm held by people only is one step below them; each firm holder adds one.
    const depth = new Map<string, number>();
    const depthOf = (f: string): number => {
      const known = depth.get(f);
      if (known !== undefined) return known;
      depth.set(f, 1);
      let d = 1;
      for (const h of holders.get(f) ?? []) if (comp.get(h) !== comp.get(f)) d = Math.max(d, 1 + depthOf(h));
      depth.set(f, d);
      return d;
    };
    const holdsOthers = new Set([...holders.values()].flatMap((s) => [...s]));
    const bottoms = [...holders.keys()].filter((f) => !holdsOthers.has(f) && depthOf(f) >= 5 && depthOf(f) <= 8);
    expect(bottoms.length / FIRMS).toBeGreaterThanOrEqual(0.01);
    expect(bottoms.length).toBeGreaterThanOrEqual(truth.shape.pyramids.bottomFirms);
  });

  it('has state-owned holders', () => {
    const state = rows.shareholders.filter((r) => clean(r) && /国有|机关/.test(r.v.holderType ?? ''));
    expect(new Set(state.map((r) => r.v.holderName)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(state.map((r) => r.v.firmUscc)).size).toBeGreaterThanOrEqual(FIRMS * 0.005);
  });

  it('registers firms in every district of the jurisdiction, and at least 5% in other provinces', () => {
    const districts = Object.keys(data.districts).filter((c) => c.startsWith(JURISDICTION.slice(0, 2)));
    const seen = new Set<string>();
    let outside = 0;
    let total = 0;
    for (const r of rows.registrations.filter(clean)) {
      total++;
      const authority = divisionFromAddress(r.v.registrationAuthority!);
      if (!inJurisdiction(authority?.code)) {
        outside++;
        continue;
      }
      const place = divisionFromAddress(r.v.registeredAddress!);
      if (place?.level === 'district') seen.add(place.code);
    }
    expect(districts.filter((d) => !seen.has(d))).toEqual([]);
    expect(outside / total).toBeGreaterThanOrEqual(0.05);
    expect(Math.abs(outside / total - truth.shape.outOfProvinceShare)).toBeLessThan(0.005);
  });

  it('masks at least 30% of people, and has same-name strangers', () => {
    const full = new Map<string, string>();
    const masked = new Set<string>();
    const note = (firm: string, name: string | undefined, id: string | undefined) => {
      if (!name || !id) return;
      const parsed = parseResidentId(id);
      if (parsed.kind === 'full') full.set(parsed.value, name);
      else if (parsed.kind === 'masked') masked.add(`${firm}\0${name}\0${id}`);
    };
    for (const r of rows.registrations.filter(clean)) note(r.v.uscc ?? '', r.v.legalRepresentative, r.v.legalRepresentativeId);
    for (const r of rows.shareholders.filter(clean)) if (/自然人/.test(r.v.holderType ?? '')) note(r.v.firmUscc ?? '', r.v.holderName, r.v.holderId);
    for (const r of rows.officers.filter(clean)) note(r.v.firmUscc ?? '', r.v.personName, r.v.personId);
    expect(masked.size / (masked.size + full.size)).toBeGreaterThanOrEqual(0.3);
    const idsByName = new Map<string, number>();
    for (const name of full.values()) idsByName.set(name, (idsByName.get(name) ?? 0) + 1);
    const sharing = [...full.values()].filter((n) => idsByName.get(n)! > 1).length / full.size;
    expect(sharing).toBeGreaterThan(0.05);
    expect(sharing).toBeLessThan(0.8);
    expect(truth.shape.persons.maskedShare).toBeGreaterThanOrEqual(0.3);
  });

  it('has branches both ways, venues in several provinces with all four member types, approvals and changes', () => {
    const { firms } = registry();
    const here = (text: string | undefined) => inJurisdiction(text ? divisionFromAddress(text)?.code : undefined);
    const branches = rows.branches.filter(clean);
    const headLocal = (r: ReadRow) => here(firms.get(r.v.headUscc ?? '')?.registrationAuthority);
    expect(branches.filter((r) => here(r.v.premises) && r.v.headUscc && !headLocal(r)).length).toBeGreaterThan(0);
    expect(branches.filter((r) => !here(r.v.premises) && headLocal(r)).length).toBeGreaterThan(0);

    const venueProvinces = new Set(rows.members.filter(clean).map((r) => divisionFromAddress(firms.get(r.v.venueUscc!)!.registrationAuthority!)?.provinceCode));
    expect(venueProvinces.size).toBeGreaterThanOrEqual(3);
    const types = rows.members.map((r) => r.v.memberType ?? '');
    for (const t of [/会员/, /代理/, /居间|经纪/, /授权服务/]) expect(types.some((x) => t.test(x))).toBe(true);
    expect(rows.approvals.length).toBeGreaterThan(0);
    expect(rows.changes.length).toBeGreaterThan(FIRMS * 0.05);
  });

  it('puts at least 200 firms per 100k at one registration agent’s address, and shares phones', () => {
    const byAddress = new Map<string, number>();
    const byPhone = new Map<string, Set<string>>();
    for (const r of rows.registrations.filter(clean)) {
      byAddress.set(r.v.registeredAddress!, (byAddress.get(r.v.registeredAddress!) ?? 0) + 1);
      for (const p of splitList(r.v.phone ?? '')) {
        const key = normalizePhone(p);
        if (key) (byPhone.get(key) ?? byPhone.set(key, new Set()).get(key)!).add(r.v.uscc ?? r.v.registrationNumber!);
      }
    }
    expect((Math.max(...byAddress.values()) * 100_000) / FIRMS).toBeGreaterThanOrEqual(200);
    expect([...byPhone.values()].filter((s) => s.size > 1).length).toBeGreaterThan(5);
  });

  it('has about 1% bad rows, with every reject code that applies to CSV kinds', () => {
    // What the importer infers is no bad row, nor is a list type it does not know (truth.ratios,
    // listTypes, snapshot, samePersons list them), and a firm's holdings over 100% concern no
    // single row: every other code of a row's own cells is planted.
    const notRowCodes = new Set(['HOLDINGS_OVER_100', 'LIST_TYPE_UNKNOWN']);
    const csvCodes = Object.entries(rejectCodes)
      .filter(([c, e]) => !c.startsWith('BODS_') && e.severity !== 'inference' && !notRowCodes.has(c))
      .map(([c]) => c);
    expect([...BAD_ROW_CODES].sort()).toEqual(csvCodes.sort());
    expect([...new Set(truth.badRows.map((b) => b.code))].sort()).toEqual(csvCodes.sort());
    for (const kind of ['registrations', 'shareholders', 'officers'] as const) {
      const share = truth.counts[kind].bad / truth.counts[kind].rows;
      expect(share).toBeGreaterThan(0.005);
      expect(share).toBeLessThan(0.02);
    }
    expect(truth.shape.badRows.share).toBeLessThan(0.02);
    // Every listed row exists in its file.
    const read = new Set(Object.values(rows).flatMap((list) => list.map((r) => `${r.file}:${r.row}`)));
    expect(truth.badRows.filter((b) => !read.has(`${b.file}:${b.row}`))).toEqual([]);
  });
});
