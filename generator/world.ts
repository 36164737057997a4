/**
 * The province as a function of the firm index. `core(i)` and `people(i)` recompute a firm and its
 * holders, representatives and officers from (seed, i) alone, plus the plan for planted slots, so
 * the writer streams one firm at a time and a row that names another firm recomputes it.
 *
 * Structure comes from where a firm sits: every fifty indices form a block; the first forty slots
 * of some blocks hold a pyramid (holding chains of 5–8 levels ending in several firms), a
 * cross-holding cycle or a cross-holding web (系族: every member holds a few per cent of every
 * other, one person holds the rest of each), and the last ten of every block are reserved for
 * planted firms (plan.ts).
 * The only state kept per firm is one byte: how many draws its name needed to be unique.
 */
import { division, districtsUnder, placeName, provinceName, streetAddress, weightedDistricts, areaCode } from './places.ts';
import { Rng, rngFor, Scramble, splitPercent, tag, WeightedTable } from './rng.ts';
import { Codes, MAX_FIRMS, PLANTED_BASE, POOL_BASE, SINGLE_BASE, SLOTS_PER_FIRM, BODY_BASE, type Person } from './identities.ts';
import { NameSet } from './nameSet.ts';
import { assignSlots, PlanBuilder, type PHolder, type Plan, type PlannedFirm } from './plan.ts';
import { parseIso, compareYmd, type Currency, type Ymd } from './spellings.ts';
import {
  FORBIDDEN_IN_NAMES, FORMER_INDUSTRY, industryByName, INDUSTRIES, OTHER_PROVINCES, STATUS_OLD, STATUS_YOUNG, TRADE_CHARS, type Industry,
} from './vocabulary.ts';

export interface WorldOptions {
  seed: number;
  firms: number;
  jurisdiction: string;
  demo: boolean;
}

export type Role =
  | { kind: 'ordinary' }
  | { kind: 'planted'; firm: PlannedFirm }
  | { kind: 'pyramid'; level: number; levels: number; parent: number | null; state: boolean; outTop: boolean }
  | { kind: 'cycle'; pos: number; size: number; prev: number }
  | { kind: 'web'; pos: number; size: number; first: number };

export interface FirmCore {
  i: number;
  role: Role;
  planned: PlannedFirm | null;
  local: boolean;
  movedIn: boolean;
  /** The registering authority's division (a province code for a province-level registration). */
  district: string;
  /** Where the registered address is. */
  addressDistrict: string;
  usccDivision: string;
  old: boolean;
  uscc: string | null;
  regNo: string | null;
  /** Whether the registration row prints the old number beside the USCC. */
  showRegNo: boolean;
  industry: Industry;
  established: Ymd;
  status: string;
  capitalWan: number;
  currency: Currency;
  stateOwned: boolean;
  /** Index of the registration agent whose address the firm uses, or -1. */
  agent: number;
  /** Index of a phone shared with unrelated firms (an accountant's), or -1. */
  sharedPhone: number;
  nameChange: boolean;
  name: string;
  formerNames: string[];
}

export type Holder =
  | { kind: 'person'; person: Person; pool: boolean; pct: number }
  | { kind: 'firm'; j: number; pct: number }
  | { kind: 'body'; b: number; pct: number };

export interface FirmPeople {
  holders: Holder[];
  legalRep: Person;
  officers: { person: Person; role: string }[];
  /** Whether anyone named by the firm also appears in other firms (pool or planted people). */
  sharesPeople: boolean;
}

export interface Body {
  name: string;
  uscc: string;
  division: string;
}

export interface Agent {
  district: string;
  address: string;
  phone: string;
}

const T_CORE = tag('core');
const T_NAME = tag('name');
const T_HOLD = tag('holders');
const T_BLOCK = tag('block');
const T_AGENT = tag('agent');
const T_PHONE = tag('phone');
const T_MOBILE = tag('mobile');

export const BLOCK = 50;
export const STRUCTURE_SLOTS = 40;
/** Share of holders drawn from people who recur across firms. */
const POOL_SHARE = 0.15;
const OUT_OF_PROVINCE = 0.07;

const CAPITALS: ReadonlyArray<readonly [number, number]> = [
  [10, 4], [30, 3], [50, 6], [100, 10], [200, 6], [300, 5], [500, 8], [800, 2], [1000, 9], [2000, 5], [3000, 4], [5000, 4], [10000, 3], [20000, 1], [50000, 0.5], [88.8, 0.5], [1234.5, 0.3],
];

/** Holder counts: median 2, a long tail of joint-stock founder lists. */
const HOLDER_COUNTS: ReadonlyArray<readonly [number, number]> = [
  [1, 38], [2, 30], [3, 14], [4, 8], [5, 3], [6, 2], [7, 1.2], [8, 0.8], [-1, 1.5], [-2, 0.8], [-3, 0.1],
];

interface Layout {
  pyramid: { levels: number; bottoms: number; state: boolean; outTop: boolean } | null;
  cycle: { size: number; start: number } | null;
  web: { size: number; start: number } | null;
}

export class World {
  readonly seed: number;
  readonly firms: number;
  readonly jurisdiction: string;
  readonly demo: boolean;
  readonly codes: Codes;
  readonly plan: Plan;
  readonly districts: string[];
  private readonly weighted: WeightedTable<string>;
  private readonly others: WeightedTable<string>;
  readonly capitalDistricts: string[];
  readonly bodies: Body[];
  readonly agents: Agent[];
  private readonly agentWeights: Array<readonly [number, number]>;
  readonly poolSize: number;
  readonly sharedPhones: string[];
  private readonly retry: Uint8Array;
  private readonly landlines: Scramble;
  private readonly mobiles: Scramble;
  private readonly offPyramid: number;
  private readonly offCycle: number;
  private readonly offWeb: number;
  private layoutCache: { b: number; layout: Layout } = { b: -1, layout: { pyramid: null, cycle: null, web: null } };
  private readonly placeCache = new Map<string, string>();
  private readonly districtCache = new Map<string, string[]>();
  private readonly industryWeights = new WeightedTable(INDUSTRIES.map((x) => [x, x.weight] as const));
  private readonly capitals = new WeightedTable(CAPITALS);
  private readonly holderCounts = new WeightedTable(HOLDER_COUNTS);

  constructor(options: WorldOptions) {
    this.seed = options.seed >>> 0;
    this.firms = options.firms;
    this.jurisdiction = options.jurisdiction;
    this.demo = options.demo;
    this.codes = new Codes(this.seed, this.jurisdiction);
    this.districts = districtsUnder(this.jurisdiction);
    if (this.districts.length === 0) throw new Error(`generator: ${this.jurisdiction} has no districts`);
    this.weighted = new WeightedTable(weightedDistricts(this.jurisdiction));
    this.others = new WeightedTable(OTHER_PROVINCES.filter(([c]) => !c.startsWith(this.jurisdiction.slice(0, 2))));
    this.capitalDistricts = this.districts.filter((c) => c.startsWith(this.districts[0]!.slice(0, 4)));
    this.bodies = this.makeBodies();
    this.landlines = new Scramble(this.seed, T_PHONE, 40_000_000);
    this.mobiles = new Scramble(this.seed, T_MOBILE, 100_000_000);
    const agentCount = Math.max(2, Math.round(this.firms / 25_000));
    this.agents = Array.from({ length: agentCount }, (_, k) => this.makeAgent(k));
    this.agentWeights = this.agents.map((_, k) => [k, 1 / (k + 1)] as const);
    this.poolSize = Math.max(200, Math.floor(this.firms * 0.12));
    this.sharedPhones = Array.from({ length: Math.max(8, Math.floor(this.firms / 400)) }, (_, k) => this.mobile('199', 2 * MAX_FIRMS + k));
    this.offPyramid = this.seed % 9;
    this.offCycle = (this.seed >>> 4) % 8;
    this.offWeb = (this.seed >>> 8) % 12;
    this.plan = new PlanBuilder({ seed: this.seed, firms: this.firms, jurisdiction: this.jurisdiction, demo: this.demo, codes: this.codes }).build();
    assignSlots(this.plan, this.firms);
    this.retry = new Uint8Array(this.firms);
    this.drawNames();
  }

  // -------------------------------------------------------------------------
  // Layout

  private layout(b: number): Layout {
    if (this.layoutCache.b === b) return this.layoutCache.layout;
    const layout: Layout = { pyramid: null, cycle: null, web: null };
    if ((b + 1) * BLOCK <= this.firms) {
      const r = rngFor(this.seed, T_BLOCK, b);
      const p = (b + this.offPyramid) % 9;
      if (p === 0 || p === 4) {
        const state = r.chance(0.25);
        layout.pyramid = { levels: r.int(5, 8), bottoms: r.int(2, 5), state, outTop: !state && r.chance(0.2) };
      }
      if ((b + this.offCycle) % 8 === 3) {
        const start = layout.pyramid ? layout.pyramid.levels - 1 + layout.pyramid.bottoms : 0;
        layout.cycle = { size: r.int(2, 4), start };
      }
      // Drawn after the others, so adding webs left every pyramid and cycle as it was.
      if ((b + this.offWeb) % 12 === 7) {
        const start = (layout.pyramid ? layout.pyramid.levels - 1 + layout.pyramid.bottoms : 0) + (layout.cycle?.size ?? 0);
        layout.web = { size: r.int(4, 6), start };
      }
    }
    this.layoutCache = { b, layout };
    return layout;
  }

  role(i: number): Role {
    const b = Math.floor(i / BLOCK);
    const s = i % BLOCK;
    if (s >= STRUCTURE_SLOTS) {
      const firm = this.plan.bySlot.get(i);
      return firm ? { kind: 'planted', firm } : { kind: 'ordinary' };
    }
    const { pyramid, cycle, web } = this.layout(b);
    const base = b * BLOCK;
    if (pyramid) {
      const tops = pyramid.levels - 1;
      if (s < tops) return { kind: 'pyramid', level: s + 1, levels: pyramid.levels, parent: s === 0 ? null : base + s - 1, state: pyramid.state, outTop: pyramid.outTop };
      if (s < tops + pyramid.bottoms) return { kind: 'pyramid', level: pyramid.levels, levels: pyramid.levels, parent: base + tops - 1, state: pyramid.state, outTop: pyramid.outTop };
    }
    if (cycle && s >= cycle.start && s < cycle.start + cycle.size) {
      const pos = s - cycle.start;
      return { kind: 'cycle', pos, size: cycle.size, prev: base + cycle.start + ((pos + cycle.size - 1) % cycle.size) };
    }
    if (web && s >= web.start && s < web.start + web.size) return { kind: 'web', pos: s - web.start, size: web.size, first: base + web.start };
    return { kind: 'ordinary' };
  }

  /** Ordinary firms that random firms may name as holders: never planted or structural ones. */
  private holderCandidate(j: number): boolean {
    return j % BLOCK < STRUCTURE_SLOTS && this.role(j).kind === 'ordinary';
  }

  /** The first structural slots take the districts in turn, so every district has firms. */
  private coverageDistrict(i: number): string | null {
    const s = i % BLOCK;
    if (s >= STRUCTURE_SLOTS) return null;
    const o = Math.floor(i / BLOCK) * STRUCTURE_SLOTS + s;
    return o < this.districts.length ? this.districts[o]! : null;
  }

  // -------------------------------------------------------------------------
  // Firms

  private base(i: number): Omit<FirmCore, 'name' | 'formerNames'> {
    const role = this.role(i);
    const planned = role.kind === 'planted' ? role.firm : null;
    const r = rngFor(this.seed, T_CORE, i);

    let established: Ymd;
    if (planned) established = parseIso(planned.established);
    else {
      let y = Math.round(1995 + (29 * i) / this.firms + r.int(-4, 3));
      if (role.kind === 'pyramid') y -= role.levels - role.level;
      established = { y: Math.max(1992, Math.min(2024, y)), m: r.int(1, 12), d: r.int(1, 28) };
    }

    let local = true;
    let district: string;
    let addressDistrict: string;
    let agent = -1;
    const covered = planned ? null : this.coverageDistrict(i);
    if (planned) {
      local = planned.local;
      district = planned.district;
      addressDistrict = planned.addressDistrict;
    } else if (covered) {
      district = covered;
      addressDistrict = covered;
    } else if ((role.kind === 'ordinary' && r.chance(OUT_OF_PROVINCE)) || (role.kind === 'pyramid' && role.level === 1 && role.outTop)) {
      local = false;
      district = r.pick(this.districtsOf(this.others.pick(r)));
      addressDistrict = district;
    } else {
      district = this.weighted.pick(r);
      addressDistrict = district;
      if (role.kind === 'ordinary' && r.chance(0.02)) {
        agent = r.weighted(this.agentWeights);
        district = this.agents[agent]!.district;
        addressDistrict = district;
      }
    }

    let usccDivision = district;
    let movedIn = false;
    if (!planned && local && role.kind === 'ordinary' && agent < 0) {
      const roll = r.float();
      if (roll < 0.01) {
        // Moved in from another province: the USCC keeps the old registration place.
        movedIn = true;
        usccDivision = r.pick(this.districtsOf(this.others.pick(r)));
      } else if (roll < 0.03 && district.length === 6 && !district.endsWith('00')) {
        // Codes of a city's 市辖区 (XX01) are still printed on codes issued by city bureaus.
        usccDivision = district.slice(0, 4) + '01';
        district = district.slice(0, 4) + '00';
      } else if (roll < 0.04) {
        usccDivision = district.slice(0, 2) + '0000';
        district = usccDivision;
      }
    }

    const old = compareYmd(established, { y: 2015, m: 10, d: 1 }) < 0;
    const status = planned?.status ?? (movedIn ? '存续' : r.weighted(old ? STATUS_OLD : STATUS_YOUNG));
    const hasUscc = planned !== null || !(old && established.y < 2012 && /注销|吊销/.test(status) && r.chance(0.4));
    const uscc = hasUscc ? this.codes.uscc(i, usccDivision, old) : null;
    const showRegNo = hasUscc && old && r.chance(0.3);
    const regNo = !hasUscc || showRegNo ? this.codes.registrationNumber(i, usccDivision) : null;

    let industry: Industry;
    if (planned) industry = industryByName(planned.industry);
    else if (role.kind === 'pyramid' && role.level < role.levels) industry = industryByName(role.state && role.level === 1 ? '国有资产投资经营' : r.pick(['控股', '实业投资', '投资管理']));
    else industry = this.industryWeights.pick(r);

    const capitalWan = planned?.capitalWan ?? this.capitals.pick(r);
    const fx = r.float();
    const currency: Currency = planned || !local ? 'CNY' : fx < 0.03 ? 'USD' : fx < 0.04 ? 'HKD' : 'CNY';
    const stateOwned = planned?.stateOwned ?? (role.kind === 'pyramid' && role.state && role.level === 1);
    const nameChange = planned ? (planned.formerNames?.length ?? 0) > 0 : r.chance(0.06);
    const sharedPhone = !planned && role.kind === 'ordinary' && r.chance(0.012) ? r.int(0, this.sharedPhones.length - 1) : -1;
    return {
      i, role, planned, local, movedIn, district, addressDistrict, usccDivision, old, uscc, regNo, showRegNo, industry, established, status,
      capitalWan, currency, stateOwned, agent, sharedPhone, nameChange,
    };
  }

  districtsOf(province: string): string[] {
    let list = this.districtCache.get(province);
    if (!list) {
      list = districtsUnder(province);
      this.districtCache.set(province, list);
    }
    return list;
  }

  private place(code: string): string {
    let p = this.placeCache.get(code);
    if (p === undefined) {
      p = placeName(code);
      this.placeCache.set(code, p);
    }
    return p;
  }

  private nameFor(core: Omit<FirmCore, 'name' | 'formerNames'>, retry: number): { name: string; formerNames: string[] } | null {
    const planned = core.planned;
    if (planned?.name) return { name: planned.name, formerNames: planned.formerNames ?? [] };
    const r = rngFor(this.seed, T_NAME, core.i, retry);
    const place = planned?.namePlace ?? this.place(core.district);
    const trade = (n: number): string => {
      let t = '';
      while (t.length < n) {
        const c = TRADE_CHARS.charAt(r.int(0, TRADE_CHARS.length - 1));
        if (!t.includes(c)) t += c;
      }
      return t;
    };
    const form = planned?.nameForm ?? (core.stateOwned ? '集团有限公司' : r.weighted<string>([['有限公司', 12], ['有限责任公司', 2], ['股份有限公司', 1]]));
    const bracket = !planned?.nameForm && !core.stateOwned && r.chance(0.08);
    // A venue's name is place + trade + its form: 上海 + 恒德 + 商品交易中心有限公司.
    const industryPart = planned?.nameForm ? '' : core.industry.name;
    const compose = (t: string, ind: string) => (bracket ? `${t}${ind}（${place}）${form}` : `${place}${t}${ind}${form}`);
    const t = trade(r.chance(0.78) ? 2 : 3);
    const name = compose(t, industryPart);
    const formerNames: string[] = [];
    if (core.nameChange) {
      const former = r.chance(0.4) ? compose(trade(2), industryPart) : compose(t, FORMER_INDUSTRY[core.industry.name] ?? '商务咨询');
      if (former !== name) formerNames.push(former);
    }
    if (FORBIDDEN_IN_NAMES.some((w) => name.includes(w) || formerNames.some((f) => f.includes(w)))) return null;
    return { name, formerNames };
  }

  /** First pass: every firm's name (and former name) is drawn until unused; only the draw count is kept. */
  private drawNames(): void {
    const names = new NameSet(this.firms * 1.2 + this.plan.reservedNames.length + 16);
    for (const n of this.plan.reservedNames) names.add(n);
    for (let i = 0; i < this.firms; i++) {
      const base = this.base(i);
      if (base.planned?.name) continue;
      for (let retry = 0; ; retry++) {
        if (retry > 255) throw new Error(`generator: no unused name for firm ${i}`);
        const drawn = this.nameFor(base, retry);
        if (!drawn || names.has(drawn.name) || drawn.formerNames.some((f) => names.has(f))) continue;
        names.add(drawn.name);
        for (const f of drawn.formerNames) names.add(f);
        this.retry[i] = retry;
        break;
      }
    }
  }

  core(i: number): FirmCore {
    const base = this.base(i);
    const named = this.nameFor(base, this.retry[i]!);
    if (!named) throw new Error(`generator: firm ${i} lost its name`);
    return { ...base, ...named };
  }

  /** The code a row names a firm by: its USCC, else its registration number. */
  static code(core: FirmCore): string {
    return core.uscc ?? core.regNo ?? '';
  }

  slotOf(planId: number): number {
    return this.plan.firms[planId]!.slot;
  }

  plantedPerson(k: number): Person {
    return this.codes.person(PLANTED_BASE + k, this.plan.persons[k]);
  }

  // -------------------------------------------------------------------------
  // People

  people(core: FirmCore): FirmPeople {
    if (core.planned) return this.plantedPeople(core.planned);
    const i = core.i;
    const r = rngFor(this.seed, T_HOLD, i);
    const holders: Holder[] = [];
    const used = new Set<number>();
    let sharesPeople = false;
    const person = (slot: number): { person: Person; pool: boolean } => {
      if (r.chance(POOL_SHARE)) {
        for (let k = 0; k < 4; k++) {
          const g = POOL_BASE + r.int(0, this.poolSize - 1);
          if (!used.has(g)) {
            used.add(g);
            sharesPeople = true;
            return { person: this.codes.person(g), pool: true };
          }
        }
      }
      const g = SINGLE_BASE + i * SLOTS_PER_FIRM + slot;
      used.add(g);
      return { person: this.codes.person(g), pool: false };
    };
    const addPersons = (shares: number[], from: number) => shares.forEach((pct, k) => holders.push({ kind: 'person', ...person(from + k), pct }));
    const role = core.role;

    if (role.kind === 'pyramid') {
      if (role.level === 1 && role.state) holders.push({ kind: 'body', b: this.bodyFor(core.addressDistrict), pct: 100 });
      else if (role.parent === null) addPersons(splitPercent(r, r.int(1, 2)), 0);
      else {
        const pct = r.pick([51, 55, 60, 67, 70, 75, 80, 90, 100]);
        holders.push({ kind: 'firm', j: role.parent, pct });
        if (pct < 100) addPersons(splitPercent(r, r.int(1, 2)).map((p) => (p * (100 - pct)) / 100), 0);
      }
    } else if (role.kind === 'cycle') {
      const pct = r.pick([10, 15, 20, 25, 30, 35, 40]);
      holders.push({ kind: 'firm', j: role.prev, pct });
      addPersons(r.chance(0.5) ? [100 - pct] : [60 - pct / 2, 40 - pct / 2], 0);
    } else if (role.kind === 'web') {
      // Every other member holds 2–5%; the web's controller (the first member's first holder)
      // holds most of the rest, a person of the firm's own the remainder. Holding paths multiply
      // here as in real 系族 structures, which is what path enumeration cannot cope with.
      let others = 0;
      for (let q = 0; q < role.size; q++) {
        if (q === role.pos) continue;
        const pct = r.pick([2, 3, 4, 5]);
        others += pct;
        holders.push({ kind: 'firm', j: role.first + q, pct });
      }
      const controller = SINGLE_BASE + role.first * SLOTS_PER_FIRM;
      used.add(controller);
      holders.push({ kind: 'person', person: this.codes.person(controller), pool: false, pct: Math.round((100 - others) * 0.7) });
      sharesPeople = true;
      addPersons([100 - others - Math.round((100 - others) * 0.7)], 1);
    } else {
      let n = this.holderCounts.pick(r);
      if (n === -1) n = r.int(9, 15);
      else if (n === -2) n = r.int(16, 40);
      else if (n === -3) n = r.int(41, 45);
      const shares = splitPercent(r, n);
      for (const [k, pct] of shares.entries()) {
        if (i > 0 && r.chance(core.local ? 0.09 : 0.05)) {
          let placed = false;
          for (let t = 0; t < 3 && !placed; t++) {
            const j = r.int(0, i - 1);
            if (this.holderCandidate(j) && !used.has(-1 - j)) {
              used.add(-1 - j);
              holders.push({ kind: 'firm', j, pct });
              placed = true;
            }
          }
          if (placed) continue;
        }
        if (core.local && r.chance(0.006)) {
          const b = this.bodyFor(core.addressDistrict);
          if (!used.has(-BODY_BASE - b)) {
            used.add(-BODY_BASE - b);
            holders.push({ kind: 'body', b, pct });
            continue;
          }
        }
        holders.push({ kind: 'person', ...person(k), pct });
      }
    }

    const personHolders = holders.filter((h): h is Extract<Holder, { kind: 'person' }> => h.kind === 'person');
    const legalRep = personHolders[0] && r.chance(0.75) ? personHolders[0].person : person(53).person;
    const officers: FirmPeople['officers'] = [];
    if (r.chance(core.local ? 0.85 : 0.15)) {
      const others = personHolders.map((h) => h.person).filter((p) => p.g !== legalRep.g);
      const board = holders.length >= 5 || core.industry.name === '控股';
      if (!board) {
        officers.push({ person: legalRep, role: r.pick(['执行董事兼总经理', '执行董事', '法定代表人、执行董事兼总经理', '执行董事、总经理', '经理']) });
        officers.push({ person: others[0] ?? person(54).person, role: '监事' });
      } else {
        officers.push({ person: legalRep, role: r.chance(0.4) ? '法定代表人、董事长' : '董事长' });
        for (const d of others.slice(0, 2)) officers.push({ person: d, role: '董事' });
        officers.push({ person: person(55).person, role: r.chance(0.8) ? '总经理' : '经理' });
        officers.push({ person: person(56).person, role: '监事' });
        if (r.chance(0.3)) officers.push({ person: person(57).person, role: '财务负责人' });
      }
    }
    return { holders, legalRep, officers, sharesPeople };
  }

  /** Planned holders (plan ids) as the firms and people the province has drawn. */
  plannedHolders(holders: PHolder[]): Holder[] {
    return holders.map((h) =>
      'person' in h
        ? { kind: 'person' as const, person: this.plantedPerson(h.person), pool: false, pct: h.pct }
        : 'firm' in h
          ? { kind: 'firm' as const, j: this.slotOf(h.firm), pct: h.pct }
          : { kind: 'body' as const, b: h.body, pct: h.pct },
    );
  }

  private plantedPeople(f: PlannedFirm): FirmPeople {
    return {
      holders: this.plannedHolders(f.holders),
      legalRep: this.plantedPerson(f.legalRep),
      officers: f.officers.map((o) => ({ person: this.plantedPerson(o.person), role: o.role })),
      sharesPeople: true,
    };
  }

  /** A person for a branch manager or a row that needs someone new: one per (firm, slot). */
  singlePerson(i: number, slot: number): Person {
    return this.codes.person(SINGLE_BASE + i * SLOTS_PER_FIRM + slot);
  }

  poolPerson(r: Rng): Person {
    return this.codes.person(POOL_BASE + r.int(0, this.poolSize - 1));
  }

  // -------------------------------------------------------------------------
  // Government bodies, agents, places

  private makeBodies(): Body[] {
    const province = this.jurisdiction.slice(0, 2) + '0000';
    const cities = [...new Set(this.districts.map((d) => d.slice(0, 4) + '00'))].filter((c) => division(c).cityName);
    const bodies: Body[] = [];
    const add = (code: string, place: string) =>
      bodies.push({ name: `${place}人民政府国有资产监督管理委员会`, uscc: this.codes.uscc(BODY_BASE + bodies.length, code, true, '11'), division: code });
    add(province, provinceName(province));
    for (const c of cities) add(c, division(c).cityName!);
    return bodies;
  }

  /** The state holder for a firm: its city's asset commission, or the province's. */
  bodyFor(district: string): number {
    const city = district.slice(0, 4) + '00';
    const k = this.bodies.findIndex((b) => b.division === city);
    return k >= 0 ? k : 0;
  }

  private makeAgent(k: number): Agent {
    const r = rngFor(this.seed, T_AGENT, k);
    const district = this.capitalDistricts[k % this.capitalDistricts.length]!;
    const d = division(district);
    const address = `${d.cityName ?? d.provinceName}${d.districtName ?? ''}${r.pick(['秣周东路', '江东中路', '汉中门大街', '创业路', '科创路'])}${r.int(1, 300)}号${r.pick(['创业', '科创', '人才', '总部'])}大厦${r.int(2, 18)}楼${r.pick(['A', 'B', 'C'])}${r.int(100, 999)}室`;
    return { district, address, phone: this.mobile('177', 3 * MAX_FIRMS + k) };
  }

  /**
   * Mobile numbers are a prefix and eight digits drawn through one bijection, each purpose from
   * its own range of it: no two firms share a number unless the province says they do.
   */
  private mobile(prefix: string, n: number): string {
    return prefix + String(this.mobiles.at(n)).padStart(8, '0');
  }

  /** The firm's own phone: a landline of its city, or a mobile; unique to the firm. */
  ownPhone(i: number, district: string, r: Rng): string {
    const area = areaCode(district);
    if (area && r.chance(0.6)) return `${area}${50_000_000 + this.landlines.at(i)}`;
    return this.mobile(r.pick(['138', '139', '151', '152', '186', '187']), i);
  }

  /** A second number some firms list beside the first. */
  secondPhone(i: number): string {
    return this.mobile('135', MAX_FIRMS + i);
  }

  streetAddress(district: string, r: Rng): string {
    return streetAddress(district, r);
  }
}
