import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedListTypes } from '../../model/listTypes.ts';
import { normalizeName } from '../../model/names.ts';
import { parseDate, parseMoney, parseRatio } from '../../model/values.ts';
import type { Truth } from '../../generator/index.ts';
import { generateTemp, readProvince, type ReadRow } from './support.ts';
import type { RecordKind } from '../../importers/mapping.ts';

/**
 * The classes of real exports the generator writes into every province, read back from its files
 * and checked against truth.json: list types in the spellings offices use (each one the shipped
 * vocabulary maps to its canonical type) and a few it does not know; a ratio column of `35%` and
 * `35` in which a bare number ≤ 1 appears only where the truth file lists it as ambiguous and
 * only the firm's sum reads it; holdings given by subscribed amounts alone that add up to the
 * registered capital; a later shareholder snapshot; holders named without a number whose firm
 * names them with one elsewhere.
 */

const FIRMS = 5_000;
let truth: Truth;
let rows: Record<RecordKind, ReadRow[]>;
let snapshotRows: string[][];
let dir = '';
let cleanup = () => {};

beforeAll(async () => {
  const generated = await generateTemp({ firms: FIRMS, seed: 21, prefix: 'chuantou-real-' });
  cleanup = generated.cleanup;
  dir = generated.dir;
  truth = generated.result.truth;
  rows = await readProvince(generated.dir, truth);
  snapshotRows = parseCsv(fs.readFileSync(path.join(dir, truth.files.shareholdersSnapshot), 'utf8'), { bom: true });
}, 300_000);
afterAll(() => cleanup());

const ofFile = (kind: RecordKind, file: string) => rows[kind].filter((r) => r.file === file);
const at = (kind: RecordKind, file: string, row: number) => ofFile(kind, file).find((r) => r.row === row);
const bad = () => new Set(truth.badRows.map((b) => `${b.file}:${b.row}`));

describe('real-export classes in a generated province (5k firms, read from the files)', () => {
  it('spells each list type as the shipped vocabulary spells its canonical type, several ways, and lists the unknown ones with their rows', () => {
    const spellings = Object.entries(truth.listTypes.spellings);
    for (const [spelling, canonical] of spellings) expect(shippedListTypes.resolve(spelling)?.name, spelling).toBe(canonical);
    expect(spellings.filter(([, c]) => c === '非法集资案件').length).toBeGreaterThanOrEqual(3);
    expect(spellings.length).toBeGreaterThanOrEqual(Object.keys(truth.listTypes.byType).length + 4);
    const unknown = truth.listTypes.unknown;
    expect(unknown.length).toBeGreaterThan(0);
    for (const u of unknown) expect(shippedListTypes.resolve(u.spelling), u.spelling).toBeNull();

    // Every list row of the file, bad rows aside, carries a spelling the truth file accounts for.
    const lists = ofFile('lists', truth.files.lists);
    const skip = bad();
    const byType = new Map<string, number>();
    const unknownRows = new Map<string, number[]>();
    for (const r of lists.filter((x) => !skip.has(`${x.file}:${x.row}`))) {
      const canonical = truth.listTypes.spellings[r.v.listType!];
      if (canonical) byType.set(canonical, (byType.get(canonical) ?? 0) + 1);
      else (unknownRows.get(r.v.listType!) ?? unknownRows.set(r.v.listType!, []).get(r.v.listType!)!).push(r.row);
    }
    expect(Object.fromEntries(byType)).toEqual(Object.fromEntries(Object.entries(truth.listTypes.byType).map(([t, v]) => [t, v.rows])));
    expect(Object.fromEntries(unknownRows)).toEqual(Object.fromEntries(unknown.map((u) => [u.spelling, u.rows])));

    // The planted flagged firms are spelled several ways too: the controllers must be found through all of them.
    const planted = new Set(truth.planted.flaggedControllers.flatMap((c) => c.flaggedFirms));
    const written = new Set(lists.filter((r) => planted.has(r.v.uscc ?? '')).map((r) => r.v.listType));
    expect(written.size).toBeGreaterThanOrEqual(3);
  });

  it('writes ratios as `35%` and bare `35`, and a bare number ≤ 1 only where the truth file lists it, which only the firm’s sum reads', () => {
    const holdings = ofFile('shareholders', truth.files.shareholders);
    const ambiguous = new Map(truth.ratios.ambiguous.map((a) => [a.row, a]));
    const derived = new Map(truth.ratios.derived.map((d) => [d.row, d]));
    const skip = bad();
    let bare = 0;
    for (const r of holdings.filter((x) => !skip.has(`${x.file}:${x.row}`))) {
      const text = r.v.ratio;
      if (text === undefined) {
        expect(derived.has(r.row), `row ${r.row}: no ratio`).toBe(true);
        continue;
      }
      const parsed = parseRatio(text);
      expect(parsed, `row ${r.row}: ${text}`).not.toBeNull();
      if (parsed!.unit === 'ambiguous') expect(ambiguous.get(r.row)?.value, `row ${r.row}: ${text}`).toBe(text);
      else if (!text.endsWith('%')) bare++;
    }
    expect(bare).toBeGreaterThan(holdings.length * 0.05);
    // The generator counts the bare ratios it wrote; the file also has duplicates of some, and spoiled rows are left out here.
    expect(Math.abs(truth.ratios.bareRows - bare)).toBeLessThan(bare * 0.05);
    expect(truth.ratios.ambiguous.length).toBeGreaterThanOrEqual(5);

    for (const a of truth.ratios.ambiguous) {
      const firmRows = holdings.filter((r) => r.v.firmUscc === a.firm);
      expect(firmRows, a.firmName).toHaveLength(2);
      const other = firmRows.find((r) => r.row !== a.row)!;
      const otherRatio = parseRatio(other.v.ratio)!;
      expect(otherRatio.unit, `${a.firmName}: the other holder is written as a percent`).toBe('percent');
      const row = at('shareholders', a.file, a.row)!;
      expect(normalizeName(row.v.holderName!)).toBe(normalizeName(a.holder.name));
      expect(a.ratio + otherRatio.value / 100, `${a.firmName}: the right reading sums to 100%`).toBeCloseTo(1, 9);
      expect(Math.abs(a.otherReading + otherRatio.value / 100 - 1), `${a.firmName}: the other reading does not`).toBeGreaterThan(0.01);
    }
  });

  it('gives some firms’ holdings as subscribed amounts only, adding up to the registered capital, with the ratio the truth file derives', () => {
    const derived = truth.ratios.derived;
    expect(new Set(derived.map((d) => d.firm)).size).toBeGreaterThanOrEqual(3);
    const registrations = new Map(ofFile('registrations', truth.files.registrations).map((r) => [r.v.uscc, r]));
    for (const firm of new Set(derived.map((d) => d.firm))) {
      const listed = derived.filter((d) => d.firm === firm);
      const written = ofFile('shareholders', truth.files.shareholders).filter((r) => r.v.firmUscc === firm);
      expect(written.map((r) => r.row).sort(), listed[0]!.firmName).toEqual(listed.map((d) => d.row).sort());
      expect(written.every((r) => r.v.ratio === undefined)).toBe(true);
      const amounts = written.map((r) => parseMoney(r.v.subscribedAmount)!.amountWan);
      const capital = parseMoney(registrations.get(firm)?.v.registeredCapital);
      // A registration row spoiled on purpose (MONEY_INVALID) leaves the amounts' sum to decide.
      if (capital) expect(amounts.reduce((s, x) => s + x, 0)).toBeCloseTo(capital.amountWan, 6);
      for (const d of listed) {
        const row = written.find((r) => r.row === d.row)!;
        expect(parseMoney(row.v.subscribedAmount)!.amountWan).toBeCloseTo(d.subscribedWan, 9);
        expect(d.ratio).toBeCloseTo(d.subscribedWan / d.capitalWan, 12);
      }
    }
    const planted = truth.planted.beneficialOwners.filter((b) => derived.some((d) => d.firm === b.firm));
    expect(planted.length, 'a derived firm whose owners can be checked by hand').toBeGreaterThan(0);
  });

  it('writes a later shareholder file, dated in a column of its own, that repeats every holder of the firms it lists but the closed ones', () => {
    const { snapshot } = truth;
    const [header, ...body] = snapshotRows;
    expect(header!.at(-1)).toBe(snapshot.column);
    const column = header!.indexOf('企业统一社会信用代码');
    const holderColumn = header!.indexOf('股东名称');
    expect(new Set(body.map((r) => r[column]))).toEqual(new Set(snapshot.firms.map((f) => f.firm)));
    for (const r of body) expect(parseDate(r.at(-1)), r.at(-1)).toBe(snapshot.asOf);
    for (const f of snapshot.firms) {
      expect(body.filter((r) => r[column] === f.firm).map((r) => r[holderColumn]).sort(), f.name).toEqual(f.holders.map((h) => h.name).sort());
      expect(f.holders.reduce((s, h) => s + h.ratio, 0)).toBeCloseTo(1, 9);
    }
    for (const change of ['unchanged', 'dropped', 'replaced'] as const) expect(snapshot.firms.filter((f) => f.change === change).length, change).toBeGreaterThanOrEqual(2);

    // Each closure is a holder of the first file that the snapshot leaves out.
    const first = ofFile('shareholders', truth.files.shareholders);
    expect(snapshot.closures.length).toBe(snapshot.firms.filter((f) => f.change !== 'unchanged').length);
    for (const c of snapshot.closures) {
      expect(first.some((r) => r.v.firmUscc === c.firm && normalizeName(r.v.holderName!) === normalizeName(c.holder.name)), `${c.firmName}: ${c.holder.name}`).toBe(true);
      expect(body.some((r) => r[column] === c.firm && r[holderColumn] === c.holder.name), `${c.firmName}: ${c.holder.name}`).toBe(false);
    }
    for (const x of snapshot.replacedOwners) {
      const owners = truth.planted.beneficialOwners.filter((b) => b.firm === x.firm);
      expect(owners.map((b) => b.rule).sort()).toEqual(['cn-2017', 'cn-2024']);
      for (const b of owners) expect(b.owners.map((o) => o.name)).toContain(x.successor.name);
      const decoys = truth.decoys.beneficialOwners.filter((b) => b.firm === x.firm);
      for (const b of decoys) expect(b.owners.map((o) => o.idNumber)).toContain(x.former.idNumber);
    }
  });

  it('lists the firms that name a holder without a number and again, with one, as legal representative or officer', () => {
    const { samePersons } = truth;
    expect(samePersons.firms.length).toBeGreaterThan(FIRMS * 0.005);
    expect(samePersons.count).toBe(new Set(samePersons.firms.map((p) => p.firm)).size);
    expect(samePersons.firms.some((p) => p.idShown === p.idNumber), 'some with a full number').toBe(true);
    const registrations = new Map(ofFile('registrations', truth.files.registrations).map((r) => [r.v.uscc ?? r.v.registrationNumber, r]));
    const officers = ofFile('officers', truth.files.officers);
    for (const p of samePersons.firms) {
      const holding = at('shareholders', truth.files.shareholders, p.nameOnlyRow)!;
      expect(holding.v.firmUscc).toBe(p.firm);
      expect(normalizeName(holding.v.holderName!)).toBe(normalizeName(p.name));
      expect(holding.v.holderId, `${p.firmName}: ${p.name}`).toBeUndefined();
      if (p.withNumberIn.includes('registrations')) {
        const reg = registrations.get(p.firm)!;
        expect([normalizeName(reg.v.legalRepresentative!), reg.v.legalRepresentativeId]).toEqual([normalizeName(p.name), p.idShown]);
      }
      if (p.withNumberIn.includes('officers')) {
        expect(officers.some((o) => o.v.firmUscc === p.firm && normalizeName(o.v.personName ?? '') === normalizeName(p.name) && o.v.personId === p.idShown), `${p.firmName}: ${p.name}`).toBe(true);
      }
    }
  });
});
