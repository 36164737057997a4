/**
 * Writes a province: one pass over the firm indices writes every file at once (a firm's
 * registration, holdings, officers, changes, branches, list entries, relations and filings are
 * all drawn when the firm is), then the plan's venue, relation and list rows, then truth.json.
 * Memory holds the plan, one byte per firm and the counters of the shape figures.
 */
import fs from 'node:fs';
import path from 'node:path';
import { authorityName, division, provinceAbbreviation, provinceName, streetAddress } from './places.ts';
import { parseUscc } from '../model/identifiers/uscc.ts';
import { BRANCH_BASE, PLANTED_BASE, type Person } from './identities.ts';
import { KindWriter, type BadRow, type FileCounts, type VariantContext } from './badRows.ts';
import { COLUMNS, KINDS, SNAPSHOT_COLUMNS, SNAPSHOT_FILE, type Kind, type Row } from './headers.ts';
import { Rng, rngFor, tag, hashOf } from './rng.ts';
import { CsvSink, XlsxSink, type FileEncoding, type Sink } from './sinks.ts';
import { addDays, barePercentText, compareYmd, dateText, fractionText, iso, moneyText, nameVariant, parseIso, percentText, phoneText, randomDate, type Ymd } from './spellings.ts';
import { FLAG_TYPES, INDUSTRIES, LIST_TYPE_SPELLINGS } from './vocabulary.ts';
import { World, type FirmCore, type FirmPeople, type Holder } from './world.ts';
import { Stats } from './stats.ts';
import { buildTruth, type AmbiguousRatioT, type DerivedRatioT, type FileKey, type HolderT, type SamePersonT, type Truth } from './truth.ts';

export interface GenerateOptions {
  firms: number;
  seed?: number;
  /** A province or city code (GB/T 2260); default 320000 (Jiangsu). */
  jurisdiction?: string;
  out: string;
  /** The demo's variant: the walkthrough entities planted, UTF-8 CSV throughout but one GBK file. */
  demo?: boolean;
  onProgress?: (firmsWritten: number) => void;
}

export interface GeneratedFile {
  kind: FileKey | 'truth';
  file: string;
  rows: number;
  bytes: number;
}

export interface GenerateResult {
  files: GeneratedFile[];
  truth: Truth;
}

export const MIN_FIRMS = 1000;

interface FileSpec {
  file: string;
  encoding: FileEncoding;
  titleRows: string[];
}

/** Which file each kind goes to and how it is encoded: the mix real exports arrive in. */
export function fileSpecs(jurisdiction: string, demo: boolean): Record<Kind, FileSpec> {
  const province = provinceName(jurisdiction);
  const csv = (kind: Kind, encoding: FileEncoding, titleRows: string[] = []): FileSpec => ({ file: `${kind}.csv`, encoding, titleRows });
  return {
    registrations: csv('registrations', 'utf-8-bom'),
    shareholders: csv('shareholders', 'utf-8'),
    officers: csv('officers', 'gbk'),
    members: csv('members', 'utf-8'),
    branches: csv('branches', 'utf-8-bom'),
    lists: csv('lists', 'utf-8-bom', [`${province}涉嫌非法集资及风险企业名单`, '导出时间：2024年6月30日']),
    approvals: demo ? csv('approvals', 'utf-8', [`${province}交易场所批准情况表`]) : { file: 'approvals.xlsx', encoding: 'xlsx', titleRows: [`${province}交易场所批准情况表`] },
    changes: csv('changes', demo ? 'utf-8' : 'gbk'),
    relations: csv('relations', 'utf-8'),
    boFilings: csv('boFilings', 'utf-8'),
  };
}

const T_ROWS = tag('rows');
const T_BAD = tag('bad-rows');
const T_FLAG = tag('flag');
const T_TIES = tag('family-ties');
const T_RATIO = tag('ratio-spelling');
const T_SPELL = tag('list-type-spelling');
const T_SNAPSHOT = tag('snapshot');

/** Background firms whose two holders' ratios are `60%` and `0.4`, and firms given by subscribed amounts only. */
const AMBIGUOUS_SHARE = 0.01;
const DERIVED_SHARE = 0.002;
/** Rows of the shareholder file whose percent is written without its sign. */
const BARE_SHARE = 0.15;

type RatioStyle = 'percent' | 'mixed' | 'ambiguous' | 'derived';

/** Subscribed amounts in hundredths of 万 that add up to the capital exactly (largest remainder). */
export function exactAmounts(capitalWan: number, pcts: number[]): number[] {
  const units = Math.round(capitalWan * 100);
  const total = pcts.reduce((a, b) => a + b, 0);
  const raw = pcts.map((p) => (units * p) / total);
  const parts = raw.map(Math.floor);
  let left = units - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((x, k) => [x - Math.floor(x), k] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, k] of order) {
    if (left <= 0) break;
    parts[k]!++;
    left--;
  }
  return parts;
}

// Not '有限责任公司(自然人投资或控股)': the importer reads 自然人 in a holder type as a person.
const HOLDER_FIRM_TYPES: ReadonlyArray<readonly [string, number]> = [['企业法人', 7], ['法人股东', 2], ['有限责任公司', 1]];

/**
 * Whether a person can be named on a relations row: with a full number, and not one of the one in
 * 31 resident ID numbers that also pass the USCC check, which a file without a party-type column
 * cannot tell from a firm's code.
 */
export function relationReady(p: Person): boolean {
  return !p.masked && !parseUscc(p.id).ok;
}

export class ProvinceWriter {
  readonly world: World;
  readonly writers: Record<Kind, KindWriter>;
  readonly badRows: BadRow[] = [];
  readonly stats: Stats;
  readonly specs: Record<Kind, FileSpec>;
  private branchNo = 0;
  private caseNo = 5000;
  /** What truth.ratios, truth.listTypes and truth.samePersons list, gathered as the rows are written. */
  readonly ambiguousRatios: AmbiguousRatioT[] = [];
  readonly derivedRatios: DerivedRatioT[] = [];
  bareRatios = 0;
  readonly samePersons: SamePersonT[] = [];
  readonly listSpellings = new Map<string, string>();
  readonly listTypeRows = new Map<string, { rows: number; subjects: Set<string> }>();
  readonly unknownListRows = new Map<string, number[]>();
  private readonly spellRng: Rng;
  private readonly snapshotSink: CsvSink;
  snapshotRows = 0;
  private extraPeople = 0;
  private readonly abbr: string;

  constructor(world: World, out: string, demo: boolean) {
    this.world = world;
    this.stats = new Stats(world);
    this.specs = fileSpecs(world.jurisdiction, demo);
    this.abbr = provinceAbbreviation(world.jurisdiction);
    const ctx: VariantContext = {
      // People named only on rejected rows: a range of planted numbers no plan reaches.
      maskedPerson: () => world.codes.person(PLANTED_BASE + 100_000 + this.extraPeople++, { masked: true }),
    };
    const writers = {} as Record<Kind, KindWriter>;
    for (const kind of KINDS) {
      const spec = this.specs[kind];
      const headers = COLUMNS[kind].map(([, h]) => h);
      const file = path.join(out, spec.file);
      const sink: Sink =
        spec.encoding === 'xlsx' ? new XlsxSink(file, headers, '交易场所批准', spec.titleRows) : new CsvSink(file, headers, spec.encoding, spec.titleRows);
      const big = kind === 'registrations' || kind === 'shareholders' || kind === 'officers';
      writers[kind] = new KindWriter(kind, sink, spec.file, rngFor(world.seed, T_BAD, KINDS.indexOf(kind)), ctx, this.badRows, {
        duplicates: big ? 0.0005 : 0,
        blankLines: big && spec.encoding !== 'xlsx' ? 0.0002 : 0,
        titleRows: spec.titleRows.length,
      });
    }
    this.writers = writers;
    this.spellRng = rngFor(world.seed, T_SPELL);
    this.snapshotSink = new CsvSink(path.join(out, SNAPSHOT_FILE), SNAPSHOT_COLUMNS.map(([, h]) => h), 'utf-8');
  }

  /** The holder as truth.json names it; `idShown` is what the row printed (empty for a name alone). */
  holderT(h: Holder, idShown?: string): HolderT {
    if (h.kind === 'person') return { kind: 'person', name: h.person.name, idNumber: h.person.id, idShown: idShown ?? h.person.shownId };
    const named = this.holderName(h);
    return { kind: 'firm', name: named.name, code: named.id };
  }

  /**
   * How the firm's ratios are written. Background firms of two holders now and then have one
   * written as a fraction, and a few give subscribed amounts only; their rows are never spoiled,
   * so each such row carries that one thing for the importer to infer and nothing else.
   */
  private ratioStyle(core: FirmCore, people: FirmPeople, rr: Rng): RatioStyle {
    const planned = core.planned;
    if (planned) return planned.ratioSpelling ?? (planned.name ? 'percent' : 'mixed');
    const roll = rr.float();
    if (core.role.kind !== 'ordinary' || !core.uscc || roll >= AMBIGUOUS_SHARE + DERIVED_SHARE) return 'mixed';
    const hs = people.holders;
    // The checks find a holding by its holder's name within the firm: the names must differ.
    if (new Set(hs.map((h) => this.holderName(h).name)).size !== hs.length) return 'mixed';
    if (roll < AMBIGUOUS_SHARE) return hs.length === 2 && hs.every((h) => h.pct > 1 && h.pct < 99) ? 'ambiguous' : 'mixed';
    return core.currency === 'CNY' && hs.length <= 8 ? 'derived' : 'mixed';
  }

  // -------------------------------------------------------------------------

  private holderName(h: Holder): { name: string; type: string; id: string; core: FirmCore | null } {
    if (h.kind === 'person') return { name: h.person.name, type: '', id: h.person.shownId, core: null };
    if (h.kind === 'body') {
      const b = this.world.bodies[h.b]!;
      return { name: b.name, type: '机关法人', id: b.uscc, core: null };
    }
    const c = this.world.core(h.j);
    return { name: c.name, type: c.stateOwned ? '国有法人' : '', id: World.code(c), core: c };
  }

  private companyType(core: FirmCore, people: FirmPeople): string {
    if (core.stateOwned) return '有限责任公司(国有独资)';
    if (core.currency === 'USD') return '有限责任公司(外商投资、非独资)';
    if (core.currency === 'HKD') return '有限责任公司(台港澳与境内合资)';
    if (core.name.endsWith('股份有限公司')) return '股份有限公司(非上市、自然人投资或控股)';
    const persons = people.holders.filter((h) => h.kind === 'person').length;
    const firms = people.holders.length - persons;
    if (people.holders.some((h) => h.kind === 'body')) return '有限责任公司(国有控股)';
    if (firms === 0) return persons === 1 ? '有限责任公司(自然人独资)' : '有限责任公司(自然人投资或控股)';
    if (persons === 0) return firms === 1 ? '有限责任公司(非自然人投资或控股的法人独资)' : '其他有限责任公司';
    return '有限责任公司(自然人投资或控股)';
  }

  private laterDate(after: Ymd, r: Rng, maxYears = 6): Ymd | null {
    if (after.y >= 2024) return null;
    const y = Math.min(2024, after.y + r.int(1, maxYears));
    return { y, m: r.int(1, 12), d: r.int(1, 28) };
  }

  writeFirm(i: number): void {
    const w = this.world;
    const core = w.core(i);
    const people = w.people(core);
    const planned = core.planned;
    const free = planned === null;
    const r = rngFor(w.seed, T_ROWS, i);
    const code = World.code(core);
    const name = core.name;

    // Registration.
    const agent = core.agent >= 0 ? w.agents[core.agent]! : null;
    const address = planned?.address ?? agent?.address ?? streetAddress(core.addressDistrict, r);
    const operating = planned?.operatingAddress ?? (core.local && r.chance(0.12) ? streetAddress(core.addressDistrict, r) : '');
    let phone = planned?.phone ?? '';
    if (!planned) {
      if (agent && r.chance(0.5)) phone = agent.phone;
      else if (core.sharedPhone >= 0) phone = w.sharedPhones[core.sharedPhone]!;
      else if (r.chance(0.8)) phone = w.ownPhone(i, core.addressDistrict, r);
    }
    let phoneCell = phone ? phoneText(phone, r) : '';
    if (phone && !planned && r.chance(0.06)) phoneCell += `；${phoneText(w.secondPhone(i), r)}`;
    const row: Row = {
      uscc: core.uscc ?? '',
      regNo: core.regNo ?? '',
      name,
      formerNames: core.formerNames.join('；'),
      companyType: this.companyType(core, people),
      status: core.status,
      legalRep: people.legalRep.name,
      legalRepId: people.legalRep.shownId,
      capital: moneyText(core.capitalWan, core.currency, r),
      established: dateText(core.established, r),
      authority: authorityName(core.district),
      address,
      operatingAddress: operating,
      industry: core.industry.section,
      scope: core.industry.scope,
      phone: phoneCell,
      email: !planned && r.chance(0.35) ? `${100_000_000 + (hashOf(w.seed, T_ROWS, i, 7) % 900_000_000)}@${r.pick(['qq.com', '163.com', '126.com', 'sina.com'])}` : '',
      website: !planned && r.chance(0.08) ? `www.${(hashOf(w.seed, T_ROWS, i, 8) >>> 0).toString(36)}${i.toString(36)}.com` : '',
    };
    this.writers.registrations.row(row, free);
    this.stats.firm(core, people, address, phone);

    // Holdings.
    const rr = rngFor(w.seed, T_RATIO, i);
    const style = this.ratioStyle(core, people, rr);
    const holdingsFree = free && style === 'mixed';
    const fractionAt = style !== 'ambiguous' ? -1 : planned ? 1 : rr.int(0, 1);
    const units = style === 'derived' ? exactAmounts(core.capitalWan, people.holders.map((h) => h.pct)) : null;
    const totalUnits = Math.round(core.capitalWan * 100);
    const nameOnly: { h: Extract<Holder, { kind: 'person' }>; row: number }[] = [];
    const subscribedOn = iso(addDays(core.established, 365 * r.int(5, 30)));
    for (const [k, h] of people.holders.entries()) {
      const holder = this.holderName(h);
      const isPerson = h.kind === 'person';
      const amount = units ? units[k]! / 100 : Math.round(((core.capitalWan * h.pct) / 100) * 100) / 100;
      const paid = r.float();
      // Drawn in the order of the columns, as before bare and fraction ratios were added.
      const firmName = nameVariant(name, r);
      const holderName = isPerson ? nameVariant(holder.name, r).trimStart() : nameVariant(holder.name, r);
      const holderType = isPerson ? r.weighted([['自然人股东', 9], ['自然人', 1]]) : holder.type || r.weighted(HOLDER_FIRM_TYPES);
      const holderId = isPerson && free && !h.pool && r.chance(0.04) ? '' : holder.id;
      let ratio: string;
      if (style === 'derived') ratio = '';
      else if (k === fractionAt) ratio = fractionText(h.pct);
      else if (style === 'mixed' && h.pct > 1 && rr.chance(BARE_SHARE)) {
        ratio = barePercentText(h.pct);
        this.bareRatios++;
      } else ratio = percentText(h.pct);
      const subscribed = moneyText(amount, core.currency, r);
      const row = this.writers.shareholders.row(
        {
          firmUscc: code,
          firmName,
          holderName,
          holderType,
          holderId,
          ratio,
          subscribed,
          paid: paid < 0.4 ? moneyText(amount, core.currency, r) : paid < 0.7 ? '0万元' : '',
          subscribedOn: r.chance(0.7) ? dateText(parseIso(subscribedOn), r) : '',
        },
        holdingsFree,
      );
      const file = this.specs.shareholders.file;
      if (k === fractionAt) {
        this.ambiguousRatios.push({ file, row, firm: code, firmName: name, holder: this.holderT(h, holderId), value: ratio, ratio: h.pct / 100, otherReading: h.pct / 10000, decidedBy: 'firm-sum' });
      }
      if (units) {
        this.derivedRatios.push({ file, row, firm: code, firmName: name, holder: this.holderT(h, holderId), subscribed, subscribedWan: amount, capitalWan: core.capitalWan, ratio: units[k]! / totalUnits });
      }
      if (h.kind === 'person' && holderId === '') nameOnly.push({ h, row });
    }

    // Officers.
    for (const o of people.officers) {
      const from = r.chance(0.7) ? dateText(addDays(core.established, r.int(0, 900)), r) : '';
      this.writers.officers.row({ firmUscc: code, firmName: nameVariant(name, r), name: o.person.name, id: o.person.shownId, role: o.role, from }, free);
    }

    this.changes(core, people, address, r);
    this.branches(core, r);
    this.flags(core, people, r);
    const named = free ? this.background(core, people, r) : { entrusting: null, filed: false };
    // A filing names the holder once more, and a bad row may spoil its number: such firms are left out.
    if (!named.filed) this.samePersonPairs(core, people, nameOnly, named.entrusting);
    this.stats.people(core, people);
  }

  /**
   * A holder named without any number whose firm also names them, with a number, as legal
   * representative or officer: one person in that firm, two mentions. Left out when someone else
   * in the firm has the same name (then the name alone cannot say which of them it is).
   */
  private samePersonPairs(core: FirmCore, people: FirmPeople, nameOnly: { h: Extract<Holder, { kind: 'person' }>; row: number }[], entrusting: Person | null): void {
    if (nameOnly.length === 0) return;
    const everyone = [...people.holders.flatMap((h) => (h.kind === 'person' ? [h.person] : [])), people.legalRep, ...people.officers.map((o) => o.person), ...(entrusting ? [entrusting] : [])];
    for (const { h, row } of nameOnly) {
      const p = h.person;
      const asRep = people.legalRep.g === p.g;
      const asOfficer = people.officers.some((o) => o.person.g === p.g);
      if (!asRep && !asOfficer) continue;
      if (everyone.some((q) => q.name === p.name && q.g !== p.g)) continue;
      this.samePersons.push({
        firm: World.code(core),
        firmName: core.name,
        name: p.name,
        idNumber: p.id,
        idShown: p.shownId,
        nameOnlyRow: row,
        withNumberIn: [...(asRep ? ['registrations' as const] : []), ...(asOfficer ? ['officers' as const] : [])],
      });
    }
  }

  private changes(core: FirmCore, people: FirmPeople, address: string, r: Rng): void {
    const code = World.code(core);
    const write = (item: string, before: string, after: string, on: Ymd | string, free: boolean) => {
      const date = typeof on === 'string' ? parseIso(on) : on;
      this.writers.changes.row({ uscc: code, firmName: core.name, item, before, after, changedOn: dateText(date, r) }, free);
      this.stats.changes++;
    };
    if (core.planned) {
      for (const ch of core.planned.changes) write(ch.item, ch.before, ch.after, ch.on, false);
      return;
    }
    if (core.nameChange && core.formerNames[0]) {
      const on = this.laterDate(core.established, r, 5);
      if (on) write('名称变更', core.formerNames[0], core.name, on, true);
    }
    if (!r.chance(0.1)) return;
    const n = r.int(1, 2);
    for (let k = 0; k < n; k++) {
      const on = this.laterDate(core.established, r);
      if (!on) return;
      const item = r.pick(['注册资本变更', '住所变更', '法定代表人变更', '投资人(股权)变更', '经营范围变更']);
      if (item === '注册资本变更') write(item, moneyText(core.capitalWan / 2, core.currency, r), moneyText(core.capitalWan, core.currency, r), on, true);
      else if (item === '住所变更') write(item, streetAddress(core.addressDistrict, r), address, on, true);
      else if (item === '法定代表人变更') write(item, this.world.singlePerson(core.i, 58).name, people.legalRep.name, on, true);
      else if (item === '投资人(股权)变更') {
        const names = people.holders.map((h) => this.holderName(h).name);
        write(item, [this.world.singlePerson(core.i, 59).name, ...names.slice(1)].join('；'), names.join('；'), on, true);
      } else write(item, r.pick(INDUSTRIES).scope, core.industry.scope, on, true);
    }
  }

  /** The planted venues' branches as written, for the truth file. */
  readonly plannedBranches: { uscc: string; name: string; premises: string }[] = [];

  private branchRow(head: FirmCore, district: string, manager: Person, established: Ymd, suffix: string, sameCityCount: number, free: boolean, r: Rng, premises?: string): { uscc: string; name: string; premises: string } {
    const d = division(district);
    const headCity = head.addressDistrict.slice(0, 4);
    const sameCity = district.slice(0, 4) === headCity;
    const place = sameCity ? (d.districtName ?? '').replace(/(区|县|市)$/, '') : (d.districtName?.endsWith('市') ? d.districtName.slice(0, -1) : (d.cityName ?? d.provinceName).replace(/(市|省)$/, ''));
    const ordinal = sameCityCount > 0 ? ['', '第二', '第三', '第四'][Math.min(3, sameCityCount)] : '';
    const old = compareYmd(established, { y: 2015, m: 10, d: 1 }) < 0;
    const uscc = this.world.codes.uscc(BRANCH_BASE + this.branchNo++, district, old);
    const name = `${head.name}${place}${ordinal}${suffix}`;
    const where = premises ?? streetAddress(district, r);
    this.writers.branches.row(
      {
        branchUscc: uscc,
        branchName: name,
        headUscc: World.code(head),
        headName: nameVariant(head.name, r),
        premises: where,
        established: dateText(established, r),
        authority: authorityName(district),
        status: r.chance(0.9) ? '存续' : '注销',
        manager: manager.name,
        managerId: manager.shownId,
      },
      free,
    );
    this.stats.branch(head, district);
    return { uscc, name, premises: where };
  }

  private branches(core: FirmCore, r: Rng): void {
    if (core.planned || core.role.kind !== 'ordinary') return;
    const w = this.world;
    let n = 0;
    if (core.local && r.chance(0.018)) n = r.int(1, 3);
    else if (!core.local && r.chance(0.07)) n = 1;
    const places = new Map<string, number>();
    for (let k = 0; k < n; k++) {
      let district: string;
      if (!core.local || r.chance(0.75)) district = r.pick(w.districts);
      else district = r.pick(w.districtsOf(r.pick(['310000', '330000', '340000', '370000', '110000', '440000'].filter((p) => !p.startsWith(w.jurisdiction.slice(0, 2))))));
      const key = district.slice(0, 4) === core.addressDistrict.slice(0, 4) ? district : district.slice(0, 4);
      const est = this.laterDate(core.established, r, 8) ?? core.established;
      this.branchRow(core, district, w.singlePerson(core.i, 45 + k), est, '分公司', places.get(key) ?? 0, true, r);
      places.set(key, (places.get(key) ?? 0) + 1);
    }
  }

  /**
   * A list type as an office writes it: one of the spellings of its canonical type, drawn in
   * turn; a type no vocabulary knows is written as it is and reported by the truth file.
   */
  private spellListType(listType: string): string {
    const spellings = LIST_TYPE_SPELLINGS[listType];
    if (!spellings) return listType;
    const spelled = this.spellRng.weighted(spellings);
    this.listSpellings.set(spelled, listType);
    return spelled;
  }

  /** Notes a clean list row: its canonical type's rows and subjects, or its unknown spelling's row. */
  private noteListRow(listType: string, subject: string, row: number): void {
    if (!LIST_TYPE_SPELLINGS[listType]) {
      (this.unknownListRows.get(listType) ?? this.unknownListRows.set(listType, []).get(listType)!).push(row);
      return;
    }
    const t = this.listTypeRows.get(listType) ?? this.listTypeRows.set(listType, { rows: 0, subjects: new Set() }).get(listType)!;
    t.rows++;
    t.subjects.add(subject);
  }

  private listRow(core: FirmCore, flag: { listType: string; caseNo: string; filedOn: string; amountWan: number | null; victims: number | null; source: string; note: string }, free: boolean, r: Rng): void {
    const row = this.writers.lists.row(
      {
        uscc: World.code(core),
        firmName: nameVariant(core.name, r),
        listType: this.spellListType(flag.listType),
        caseNo: flag.caseNo,
        filedOn: flag.filedOn ? dateText(parseIso(flag.filedOn), r) : '',
        amount: flag.amountWan !== null ? moneyText(flag.amountWan, 'CNY', r) : '',
        victims: flag.victims !== null ? (r.chance(0.3) ? `${String(flag.victims).replace(/\B(?=(\d{3})+$)/g, ',')}人` : String(flag.victims)) : '',
        source: flag.source,
        note: flag.note,
      },
      free,
    );
    this.noteListRow(flag.listType, World.code(core), row);
    this.stats.flagged++;
  }

  private flags(core: FirmCore, people: FirmPeople, r: Rng): void {
    if (core.planned) {
      for (const flag of core.planned.flags) this.listRow(core, flag, false, r);
      return;
    }
    // Only firms whose people appear nowhere else are flagged at random: no one but the planted
    // controllers is then behind several flagged firms, and the truth file stays complete.
    const alone = core.role.kind === 'ordinary' && core.local && !people.sharesPeople && core.agent < 0 && core.sharedPhone < 0 && people.holders.every((h) => h.kind === 'person');
    const rf = rngFor(this.world.seed, T_FLAG, core.i);
    if (!alone || !rf.chance(0.006)) return;
    const listType = rf.weighted(FLAG_TYPES);
    const filed = this.laterDate(core.established, rf, 8) ?? core.established;
    const n = ++this.caseNo;
    const caseNo =
      listType === '非法集资案件' ? `${this.abbr}公经立字〔${filed.y}〕${n}号`
        : listType === '举报线索' ? `JB${filed.y}${String(n).padStart(6, '0')}`
          : `${this.abbr}金${listType === '整改类' ? '整' : listType === '取缔类' ? '取' : '微'}〔${filed.y}〕${n}号`;
    const isCase = listType === '非法集资案件';
    this.listRow(
      core,
      {
        listType,
        caseNo,
        filedOn: iso(filed),
        amountWan: isCase || rf.chance(0.3) ? rf.pick([300, 860, 1200, 2500, 5000, 9800]) : null,
        victims: isCase ? rf.int(20, 2000) : null,
        source: isCase ? `${provinceName(this.world.jurisdiction)}公安厅` : rf.pick(['地方金融监督管理局', '市场监督管理局', '群众举报']),
        note: listType === '举报线索' ? '群众举报，待核实' : '',
      },
      true,
      r,
    );
  }

  /** Voting entrustments and beneficial-owner filings of ordinary firms; says who entrusts their votes and whether the firm filed. */
  private background(core: FirmCore, people: FirmPeople, r: Rng): { entrusting: Person | null; filed: boolean } {
    if (core.role.kind !== 'ordinary' || !core.local) return { entrusting: null, filed: false };
    const w = this.world;
    let entrusting: Person | null = null;
    if (r.chance(0.003)) {
      let p = w.poolPerson(r);
      for (let t = 0; t < 5 && !relationReady(p); t++) p = w.poolPerson(r);
      if (relationReady(p)) {
        entrusting = p;
        const on = this.laterDate(core.established, r) ?? core.established;
        const type = r.pick(['表决权委托', '一致行动']);
        this.writers.relations.row(
          { subjectName: p.name, subjectId: p.id, type, objectName: core.name, objectId: World.code(core), basis: `${type === '一致行动' ? '一致行动' : '表决权委托'}协议`, from: dateText(on, r), to: '', source: '企业公示信息' },
          true,
        );
      }
    }
    if (people.holders.every((h) => h.kind === 'person') && r.chance(0.02)) {
      const owners = people.holders.filter((h): h is Extract<Holder, { kind: 'person' }> => h.kind === 'person' && h.pct >= 25);
      const from = dateText(core.established, r);
      const rows = owners.length > 0 ? owners.map((h) => ({ p: h.person, type: r.pick(['股权', '直接持股']), ratio: fractionText(h.pct) })) : [{ p: people.legalRep, type: '高级管理人员', ratio: '' }];
      for (const x of rows) this.writers.boFilings.row({ firmUscc: World.code(core), firmName: core.name, ownerName: x.p.name, ownerId: x.p.shownId, interestType: x.type, ratio: x.ratio, from, to: '' }, true);
      return { entrusting, filed: true };
    }
    return { entrusting, filed: false };
  }

  // -------------------------------------------------------------------------
  // The plan's own rows.

  writePlanRows(): void {
    const w = this.world;
    const plan = w.plan;
    const r = rngFor(w.seed, T_ROWS, 0xffffff);
    const core = (id: number) => w.core(w.slotOf(id));
    for (const m of plan.memberships) {
      const venue = core(m.venue);
      const member = core(m.member);
      this.writers.members.row(
        {
          venueUscc: World.code(venue), venueName: venue.name, memberUscc: World.code(member), memberName: nameVariant(member.name, r), memberType: m.memberType,
          memberNo: m.memberNo, address: m.address, from: dateText(parseIso(m.from), r), to: '', status: '正常',
        },
        m.free,
      );
      this.stats.membership(m.memberType);
    }
    for (const a of plan.approvals) {
      const venue = core(a.venue);
      this.writers.approvals.row(
        { uscc: World.code(venue), name: venue.name, authority: a.authority, documentNo: a.documentNo, approvedOn: dateText(parseIso(a.approvedOn), r), province: a.province, passed: a.passed, category: a.category },
        a.free,
      );
      this.stats.approvals++;
    }
    for (const rel of plan.relations) {
      const p = w.plantedPerson(rel.subject);
      const f = core(rel.object);
      this.writers.relations.row({ subjectName: p.name, subjectId: p.id, type: rel.type, objectName: f.name, objectId: World.code(f), basis: rel.basis, from: dateText(parseIso(rel.from), r), to: '', source: rel.source }, false);
    }
    for (const b of plan.branches) {
      this.plannedBranches.push(this.branchRow(core(b.head), b.district, w.plantedPerson(b.manager), parseIso(b.established), b.suffix, 0, false, r, b.premises));
    }
    for (const b of plan.borrowers) {
      const platform = core(b.platform);
      const borrower = core(b.borrower);
      this.listRow(
        borrower,
        { listType: 'P2P平台借款人', caseNo: `借款人披露-${World.code(platform)}`, filedOn: b.filedOn, amountWan: b.amountWan, victims: null, source: platform.name, note: `借款平台：${platform.name}` },
        false,
        r,
      );
    }
    for (const f of plan.filings) {
      const firm = core(f.firm);
      const p = w.plantedPerson(f.person);
      this.writers.boFilings.row(
        { firmUscc: World.code(firm), firmName: firm.name, ownerName: p.name, ownerId: p.shownId, interestType: f.interestType, ratio: f.pct === null ? '' : fractionText(f.pct), from: dateText(parseIso(f.from), r), to: '' },
        false,
      );
    }
    // The nominee controllers are also on a list themselves, by full ID number.
    for (const c of plan.truth.flaggedControllers.filter((x) => x.via === 'nominee')) {
      const p = w.plantedPerson(c.person);
      const row = this.writers.lists.row(
        { personName: p.name, personId: p.id, listType: this.spellListType('举报线索'), caseNo: `JB${2022}${String(++this.caseNo).padStart(6, '0')}`, filedOn: dateText(randomDate(r, 2021, 2023), r), source: '群众举报', note: '疑似实际控制人' },
        false,
      );
      this.noteListRow('举报线索', p.id, row);
    }
  }

  /**
   * The later shareholder file: for each firm it lists, every holder it still has, each row
   * dated with the day the file is a snapshot of. Holders of the first file it leaves out are
   * the closures truth.snapshot lists.
   */
  writeSnapshot(): void {
    const w = this.world;
    const { asOf, firms } = w.plan.snapshot;
    const r = rngFor(w.seed, T_SNAPSHOT);
    for (const s of firms) {
      const core = w.core(w.slotOf(s.firm));
      for (const h of w.plannedHolders(s.holders)) {
        const holder = this.holderName(h);
        const amount = Math.round(core.capitalWan * h.pct) / 100;
        const row: Row = {
          firmUscc: World.code(core),
          firmName: nameVariant(core.name, r),
          holderName: holder.name,
          holderType: h.kind === 'person' ? '自然人股东' : holder.type || '企业法人',
          holderId: holder.id,
          ratio: percentText(h.pct),
          subscribed: moneyText(amount, core.currency, r),
          paid: '',
          subscribedOn: '',
          asOf: dateText(parseIso(asOf), r),
        };
        this.snapshotSink.write(SNAPSHOT_COLUMNS.map(([field]) => row[field] ?? ''));
        this.snapshotRows++;
      }
    }
  }

  /** Family ties among people who recur across firms, as household records show them. */
  writeFamilyTies(): void {
    const w = this.world;
    const r = rngFor(w.seed, T_TIES);
    const n = Math.max(4, Math.floor(w.firms / 800));
    for (let k = 0; k < n; k++) {
      let a = w.poolPerson(r);
      let b = w.poolPerson(r);
      for (let t = 0; t < 8 && (!relationReady(a) || !relationReady(b) || a.g === b.g); t++) {
        if (!relationReady(a)) a = w.poolPerson(r);
        else b = w.poolPerson(r);
      }
      if (!relationReady(a) || !relationReady(b) || a.g === b.g) continue;
      const type = a.male !== b.male ? r.pick(['亲属（配偶）', '配偶', '夫妻']) : r.pick(['亲属（兄弟姐妹）', '亲属']);
      this.writers.relations.row(
        { subjectName: a.name, subjectId: a.id, type, objectName: b.name, objectId: b.id, basis: '户籍资料', from: r.chance(0.5) ? dateText(randomDate(r, 1985, 2015), r) : '', to: '', source: '公安人口信息' },
        true,
      );
    }
  }

  async close(): Promise<Record<FileKey, FileCounts>> {
    const counts = {} as Record<FileKey, FileCounts>;
    for (const kind of KINDS) {
      await this.writers[kind].close();
      counts[kind] = this.writers[kind].counts;
    }
    await this.snapshotSink.close();
    counts.shareholdersSnapshot = { rows: this.snapshotRows, bad: 0, duplicates: 0, blankLines: 0, titleRows: 0 };
    return counts;
  }
}

export async function generateProvince(options: GenerateOptions): Promise<GenerateResult> {
  const firms = Math.floor(options.firms);
  if (!(firms >= MIN_FIRMS)) throw new Error(`generator: --firms must be at least ${MIN_FIRMS} (the planted patterns need room)`);
  const jurisdiction = options.jurisdiction ?? '320000';
  if (!/^\d{2}0000$|^\d{4}00$/.test(jurisdiction)) throw new Error(`generator: jurisdiction ${jurisdiction} must be a province or city code (PP0000 or PPCC00)`);
  division(jurisdiction);
  const demo = options.demo ?? false;
  if (demo && jurisdiction !== '320000') throw new Error('generator: the demo story is set in Jiangsu (320000)');
  const seed = options.seed ?? 1;
  fs.mkdirSync(options.out, { recursive: true });

  const world = new World({ seed, firms, jurisdiction, demo });
  const writer = new ProvinceWriter(world, options.out, demo);
  for (let i = 0; i < firms; i++) {
    writer.writeFirm(i);
    if (options.onProgress && (i + 1) % 10_000 === 0) options.onProgress(i + 1);
  }
  writer.writePlanRows();
  writer.writeFamilyTies();
  writer.writeSnapshot();
  const counts = await writer.close();

  const truth = buildTruth(world, writer, counts);
  const truthFile = path.join(options.out, 'truth.json');
  fs.writeFileSync(truthFile, JSON.stringify(truth, null, 2) + '\n');
  const files: GeneratedFile[] = (Object.entries(truth.files) as [FileKey, string][]).map(([kind, name]) => {
    const file = path.join(options.out, name);
    return { kind, file, rows: counts[kind].rows, bytes: fs.statSync(file).size };
  });
  files.push({ kind: 'truth', file: truthFile, rows: 0, bytes: fs.statSync(truthFile).size });
  return { files, truth };
}
