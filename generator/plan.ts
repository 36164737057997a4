/**
 * The planted patterns and the decoys beside them: small, hand-shaped groups of firms and people
 * whose expected answers go to truth.json. The plan is built before any row is written and is the
 * only part of the province held in memory; its firms take reserved slots spread through the file
 * (world.ts), everything else is drawn per index.
 *
 * Firms here are named by plan ids and people by planted-person numbers; names and codes are only
 * known once the world has drawn them, so truth entries keep ids until the end (truth.ts).
 */
import { division, districtsUnder, placeName, provinceAbbreviation, provinceName, streetAddress, weightedDistricts } from './places.ts';
import { Rng, rngFor, tag } from './rng.ts';
import { parseUscc } from '../model/identifiers/uscc.ts';
import { Codes, PLANTED_BASE, type Person, type PersonOverride } from './identities.ts';
import { INVESTMENT_INDUSTRIES, OTHER_PROVINCES, UNKNOWN_LIST_TYPES, VENUE_KINDS } from './vocabulary.ts';

export type PHolder = { person: number; pct: number } | { firm: number; pct: number } | { body: number; pct: number };

export interface PlannedFlag {
  listType: string;
  caseNo: string;
  filedOn: string;
  amountWan: number | null;
  victims: number | null;
  source: string;
  note: string;
}

export interface PlannedFirm {
  id: number;
  /** The firm index it takes in the province (assigned by assignSlots). */
  slot: number;
  name?: string;
  formerNames?: string[];
  industry: string;
  /** Replaces the organisational form: '商品交易中心有限公司' for venues. */
  nameForm?: string;
  /** A fixed place prefix ('江苏' for a province-registered venue). */
  namePlace?: string;
  /** Registering division: a district, or a province code for a province-level registration. */
  district: string;
  /** Where the registered address is, when the registration is province-level. */
  addressDistrict: string;
  local: boolean;
  established: string;
  status: string;
  capitalWan: number;
  holders: PHolder[];
  legalRep: number;
  officers: { person: number; role: string }[];
  address?: string;
  phone?: string;
  operatingAddress?: string;
  stateOwned?: boolean;
  changes: { item: string; before: string; after: string; on: string }[];
  flags: PlannedFlag[];
  /**
   * How the shareholder file writes the firm's ratios: 'percent' always `35%` (the demo's
   * walkthrough, which its tests read back); 'ambiguous' two holders, the second written as a
   * fraction (`0.4` beside `60%`); 'derived' no ratio, only subscribed amounts that add up to the
   * registered capital. Otherwise the file's mix of `35%` and `35`.
   */
  ratioSpelling?: 'percent' | 'ambiguous' | 'derived';
}

export interface PlannedMembership {
  venue: number;
  member: number;
  memberType: string;
  memberNo: string;
  address: string;
  from: string;
  /** Background rows the bad-row injector may garble; rows behind truth entries are never touched. */
  free: boolean;
}

export interface PlannedApproval {
  venue: number;
  authority: string;
  documentNo: string;
  approvedOn: string;
  province: string;
  passed: '是' | '否';
  category: string;
  free: boolean;
}

export interface PlannedRelation {
  subject: number;
  type: string;
  object: number;
  basis: string;
  from: string;
  source: string;
}

export interface PlannedBranch {
  head: number;
  district: string;
  premises: string;
  manager: number;
  established: string;
  suffix: string;
}

export interface PlannedBorrower {
  platform: number;
  borrower: number;
  filedOn: string;
  amountWan: number;
}

/** A firm of the later shareholder snapshot, with the holders the snapshot lists for it. */
export interface PlannedSnapshotFirm {
  firm: number;
  change: 'unchanged' | 'dropped' | 'replaced';
  holders: PHolder[];
  /** The holders of the first file the snapshot does not repeat: closed at its date. */
  closed: PHolder[];
}

export interface PlannedFiling {
  firm: number;
  person: number;
  interestType: string;
  pct: number | null;
  from: string;
}

/** Truth entries with plan ids (truth.ts resolves them to names and codes). */
export interface PlanTruth {
  flaggedControllers: { person: number; via: 'chain' | 'nominee' | 'legal-rep'; firms: number[]; chains?: { firm: number; path: number[]; ratios: number[] }[] }[];
  flaggedControllerDecoys: { person: number; via: 'chain' | 'nominee' | 'legal-rep'; firms: number[]; why: string; shownId?: boolean }[];
  venues: { venue: number; province: string; approved: boolean; passed: boolean | null; decoy: 'no-footprint' | 'local-approved' | null }[];
  changeChecks: { firm: number; item: string; before: string; after: string; on: string; approval: { documentNo: string; approvedOn: string } | null }[];
  shellClusters: { kind: 'address' | 'phone'; key: string; firms: number[]; people: number[]; from: string; to: string }[];
  selfFinancing: { platform: number; controllers: number[]; borrowers: number[]; selfBorrowers: number[]; decoy: boolean }[];
  beneficialOwners: { firm: number; rule: 'cn-2024' | 'cn-2017'; owners: { person: number; ratio: number; exact: string }[]; decoys: { person: number; ratio: number; exact: string; why: string }[] }[];
  /** Firms a later snapshot replaced the beneficial owner of: the former owner and the successor. */
  replacedOwners: { firm: number; former: number; successor: number; pct: number }[];
}

export interface Plan {
  firms: PlannedFirm[];
  bySlot: Map<number, PlannedFirm>;
  persons: PersonOverride[];
  memberships: PlannedMembership[];
  approvals: PlannedApproval[];
  relations: PlannedRelation[];
  branches: PlannedBranch[];
  borrowers: PlannedBorrower[];
  filings: PlannedFiling[];
  truth: PlanTruth;
  /** The later shareholder file: as of which date, and the firms it lists. */
  snapshot: { asOf: string; firms: PlannedSnapshotFirm[] };
  /**
   * How many firms were planned before the real-export classes: their slots stay where they were
   * when those were added (assignSlots), so adding them left every earlier firm as it was.
   */
  baseFirms: number;
  /** The province whose venues failed the inter-ministerial acceptance. */
  failedProvince: string;
  /** Names no drawn firm may take. */
  reservedNames: string[];
}

const T_PLAN = tag('plan');
const T_REAL = tag('plan-real-exports');

/** The date of the later shareholder file: holdings it does not repeat end here. */
export const SNAPSHOT_AS_OF = '2024-06-30';

export interface PlanOptions {
  seed: number;
  firms: number;
  jurisdiction: string;
  demo: boolean;
  codes: Codes;
}

export class PlanBuilder {
  rng: Rng;
  readonly plan: Plan;
  private readonly local: Array<readonly [string, number]>;
  private readonly capitalDistricts: string[];
  private readonly others: string[];
  private caseNo = 0;
  private docNo = 0;

  constructor(private readonly o: PlanOptions) {
    this.rng = rngFor(o.seed, T_PLAN);
    this.local = weightedDistricts(o.jurisdiction);
    const all = districtsUnder(o.jurisdiction);
    this.capitalDistricts = all.filter((c) => c.startsWith(all[0]!.slice(0, 4)));
    const jp = o.jurisdiction.slice(0, 2);
    this.others = OTHER_PROVINCES.map(([c]) => c).filter((c) => !c.startsWith(jp));
    const failedProvince = this.others[3 + (o.seed % 3)] ?? this.others[0]!;
    this.plan = {
      firms: [],
      bySlot: new Map(),
      persons: [],
      memberships: [],
      approvals: [],
      relations: [],
      branches: [],
      borrowers: [],
      filings: [],
      failedProvince,
      reservedNames: [],
      truth: { flaggedControllers: [], flaggedControllerDecoys: [], venues: [], changeChecks: [], shellClusters: [], selfFinancing: [], beneficialOwners: [], replacedOwners: [] },
      snapshot: { asOf: SNAPSHOT_AS_OF, firms: [] },
      baseFirms: 0,
    };
  }

  // -------------------------------------------------------------------------
  // Building blocks

  /**
   * A planted person. Numbers whose ID would also pass the USCC check are skipped (left unused):
   * a relations file has no party-type column, and such a number reads as a firm's code there.
   */
  person(override: PersonOverride = {}): number {
    if (!override.id) {
      while (parseUscc(this.o.codes.residentId(PLANTED_BASE + this.plan.persons.length)).ok) this.plan.persons.push({ masked: false });
    }
    this.plan.persons.push({ masked: false, ...override });
    return this.plan.persons.length - 1;
  }

  /** A co-holder or nominee: about two in five appear masked, as in the rest of the register. */
  extra(): number {
    return this.person({ masked: this.rng.chance(0.4) });
  }

  identity(k: number): Person {
    return this.o.codes.person(PLANTED_BASE + k, this.plan.persons[k]);
  }

  localDistrict(): string {
    return this.rng.weighted(this.local);
  }

  otherDistrict(province: string): string {
    return this.rng.pick(districtsUnder(province));
  }

  date(fromYear: number, toYear: number): string {
    const y = this.rng.int(fromYear, toYear);
    return `${y}-${String(this.rng.int(1, 12)).padStart(2, '0')}-${String(this.rng.int(1, 28)).padStart(2, '0')}`;
  }

  firm(spec: Partial<PlannedFirm> & { holders: PHolder[]; legalRep: number }): number {
    const id = this.plan.firms.length;
    const district = spec.district ?? this.localDistrict();
    const f: PlannedFirm = {
      id,
      slot: -1,
      industry: spec.industry ?? this.rng.pick(INVESTMENT_INDUSTRIES),
      district,
      addressDistrict: spec.addressDistrict ?? district,
      local: spec.local ?? true,
      established: spec.established ?? this.date(2012, 2021),
      status: spec.status ?? '存续',
      capitalWan: spec.capitalWan ?? this.rng.pick([500, 1000, 2000, 3000, 5000, 10000]),
      officers: spec.officers ?? [{ person: spec.legalRep, role: this.rng.pick(['执行董事兼总经理', '法定代表人、执行董事兼总经理', '执行董事']) }],
      changes: spec.changes ?? [],
      flags: spec.flags ?? [],
      ...spec,
    };
    if (f.name) this.plan.reservedNames.push(f.name, ...(f.formerNames ?? []));
    this.plan.firms.push(f);
    return id;
  }

  flag(listType = '非法集资案件', filedFrom = 2018): PlannedFlag {
    const year = this.rng.int(filedFrom, 2023);
    const abbr = provinceAbbreviation(this.o.jurisdiction);
    const no = ++this.caseNo;
    return {
      listType,
      caseNo: listType === '非法集资案件' ? `${abbr}公经立字〔${year}〕${String(no).padStart(4, '0')}号` : `${abbr}金整〔${year}〕${no}号`,
      filedOn: `${year}-${String(this.rng.int(1, 12)).padStart(2, '0')}-${String(this.rng.int(1, 28)).padStart(2, '0')}`,
      amountWan: this.rng.pick([800, 1500, 3200, 5000, 12000, 26000, 48000]),
      victims: this.rng.int(60, 4800),
      source: `${provinceName(this.o.jurisdiction)}公安厅`,
      note: '',
    };
  }

  /** A flagged firm with its own holders; the controller's link to it is added by the caller. */
  flaggedFirm(holders: PHolder[], legalRep: number, extra: Partial<PlannedFirm> = {}): number {
    return this.firm({ holders, legalRep, flags: [this.flag()], status: this.rng.pick(['吊销', '存续', '吊销，未注销']), ...extra });
  }

  private documentNo(province: string, year: number): string {
    const abbr = provinceAbbreviation(province);
    return `${abbr}${this.rng.pick(['政复', '府函', '金管复'])}〔${year}〕${++this.docNo}号`;
  }

  approval(venue: number, province: string, on: string, category: string, free: boolean): PlannedApproval {
    const passed = province.slice(0, 2) === this.plan.failedProvince.slice(0, 2) ? '否' : '是';
    const a: PlannedApproval = {
      venue,
      authority: this.rng.chance(0.6) ? `${provinceName(province)}人民政府` : `${provinceName(province)}地方金融监督管理局`,
      documentNo: this.documentNo(province, Number(on.slice(0, 4))),
      approvedOn: on,
      province: provinceName(province),
      passed,
      category,
      free,
    };
    this.plan.approvals.push(a);
    return a;
  }

  venue(province: string, approved: boolean, decoy: PlanTruth['venues'][number]['decoy'] = null): number {
    const local = province.slice(0, 2) === this.o.jurisdiction.slice(0, 2);
    const kind = this.rng.pick(VENUE_KINDS);
    const rep = this.person();
    const established = this.date(2010, 2016);
    // Venues are registered with the province's bureau: the name starts with the province.
    const v = this.firm({
      industry: '商务咨询',
      nameForm: kind.form,
      namePlace: placeName(province.slice(0, 2) + '0000'),
      district: province.slice(0, 2) + '0000',
      addressDistrict: local ? this.capitalDistricts[0]! : this.otherDistrict(province),
      local,
      established,
      capitalWan: this.rng.pick([5000, 10000, 20000, 30000]),
      holders: [{ person: rep, pct: 60 }, { person: this.extra(), pct: 40 }],
      legalRep: rep,
    });
    if (approved) this.approval(v, province, established, kind.category, false);
    const passed = approved ? province.slice(0, 2) !== this.plan.failedProvince.slice(0, 2) : null;
    this.plan.truth.venues.push({ venue: v, province, approved, passed, decoy });
    return v;
  }

  /** A member firm of a venue: local ones operate at an address in the jurisdiction. */
  member(venue: number, venueProvince: string, local: boolean, type: string, free = false): number {
    const district = local ? this.localDistrict() : this.otherDistrict(venueProvince);
    const rep = this.person({ masked: this.rng.chance(0.3) });
    const m = this.firm({
      industry: this.rng.pick(['贵金属经营', '投资咨询', '商务咨询', '电子商务']),
      district,
      local,
      holders: [{ person: rep, pct: 100 }],
      legalRep: rep,
    });
    const n = this.plan.memberships.filter((x) => x.venue === venue).length + 1;
    this.plan.memberships.push({
      venue,
      member: m,
      memberType: type,
      memberNo: `${/代理/.test(type) ? 'A' : /居间|经纪/.test(type) ? 'B' : /授权/.test(type) ? 'S' : 'M'}${String(100 + n * 7).padStart(4, '0')}`,
      address: streetAddress(district, this.rng),
      from: this.date(2016, 2020),
      free,
    });
    return m;
  }

  // -------------------------------------------------------------------------
  // Patterns

  build(): Plan {
    const s = Math.max(1, Math.min(50, Math.floor(this.o.firms / 10_000)));
    if (this.o.demo) this.demoStory();
    this.beneficialOwnerFixtures();
    for (let k = 0; k < s; k++) {
      for (let c = 0; c < 2; c++) if (!(this.o.demo && k === 0 && c === 0)) this.chainController();
      for (let c = 0; c < 2; c++) this.nomineeController();
      const legalReps = [this.legalRepController(), this.legalRepController()];
      this.maskedSameNameDecoy(legalReps[0]!);
      this.sameNameDecoy();
      this.brokenChainDecoy();
      this.venues();
      for (let c = 0; c < 2; c++) if (!(this.o.demo && k === 0 && c === 0)) this.addressCluster();
      this.phoneCluster();
      this.selfFinancing(false);
      this.selfFinancing(true);
    }
    this.realExports(s);
    return this.plan;
  }

  /**
   * Classes of input that real exports bring (ratios only a firm's sum can read, holdings given
   * as subscribed amounts, list types no vocabulary knows, a later snapshot that ends holdings).
   * Planned after everything else and from a generator of their own, so adding them left every
   * earlier firm, person and draw of the plan as it was.
   */
  private realExports(s: number): void {
    this.plan.baseFirms = this.plan.firms.length;
    this.rng = rngFor(this.o.seed, T_REAL);
    this.ratioFixtures();
    this.unknownListTypes(1 + Math.floor(s / 10));
    this.snapshotFirms(Math.max(2, s));
  }

  /**
   * Beneficial owners that only a right reading of the ratio column finds: `0.4` beside `60%`
   * (40%, since only that sums to 100%; read as 0.4% the owner is lost), and holders with no
   * ratio but subscribed amounts of 600万 and 400万 in a capital of 1000万.
   */
  private ratioFixtures(): void {
    for (const spelling of ['ambiguous', 'derived'] as const) {
      const major = this.person();
      const minor = this.person();
      const f = this.firm({
        industry: this.rng.pick(['商务咨询', '贸易', '信息科技']),
        holders: [{ person: major, pct: 60 }, { person: minor, pct: 40 }],
        legalRep: major,
        capitalWan: 1000,
        established: this.date(2016, 2020),
        ratioSpelling: spelling,
      });
      const exact = spelling === 'ambiguous' ? ['0.6', '0.4 (written 0.4 beside 60%: only 40% sums to 100%)'] : ['600万 / 1000万', '400万 / 1000万'];
      for (const rule of ['cn-2024', 'cn-2017'] as const) {
        this.plan.truth.beneficialOwners.push({ firm: f, rule, owners: [{ person: major, ratio: 0.6, exact: exact[0]! }, { person: minor, ratio: 0.4, exact: exact[1]! }], decoys: [] });
      }
    }
  }

  /** Firms on a list whose type no vocabulary knows: imported, and reported by the spelling. */
  private unknownListTypes(perSpelling: number): void {
    const abbr = provinceAbbreviation(this.o.jurisdiction);
    for (const listType of UNKNOWN_LIST_TYPES) {
      for (let k = 0; k < perSpelling; k++) {
        const rep = this.extra();
        const year = this.rng.int(2019, 2023);
        this.firm({
          industry: this.rng.pick(['投资咨询', '商务咨询', '电子商务']),
          holders: [{ person: rep, pct: 100 }],
          legalRep: rep,
          flags: [{ listType, caseNo: `${abbr}金关〔${year}〕${++this.caseNo}号`, filedOn: this.date(year, year), amountWan: null, victims: null, source: '地方金融监督管理局', note: '' }],
        });
      }
    }
  }

  /**
   * Firms the later shareholder file (as of SNAPSHOT_AS_OF) lists: some as they were, some with a
   * holder dropped (its share gone to the largest holder; a person or a firm), and some whose
   * beneficial owner was replaced by a newcomer with the same stake.
   */
  private snapshotFirms(n: number): void {
    const add = (firm: number, change: PlannedSnapshotFirm['change'], holders: PHolder[], closed: PHolder[]) => this.plan.snapshot.firms.push({ firm, change, holders, closed });
    const established = () => this.date(2014, 2021);
    for (let k = 0; k < n; k++) {
      const rep = this.person();
      const other = this.extra();
      const holders: PHolder[] = [{ person: rep, pct: 70 }, { person: other, pct: 30 }];
      add(this.firm({ holders, legalRep: rep, established: established() }), 'unchanged', holders, []);
    }
    for (let k = 0; k < n; k++) {
      const a = this.person();
      const b = this.extra();
      let c: PHolder;
      if (k % 2 === 0) c = { person: this.extra(), pct: 20 };
      else {
        const owner = this.extra();
        c = { firm: this.firm({ industry: '实业投资', holders: [{ person: owner, pct: 100 }], legalRep: owner, established: this.date(2010, 2013) }), pct: 20 };
      }
      const f = this.firm({ holders: [{ person: a, pct: 50 }, { person: b, pct: 30 }, c], legalRep: a, established: established() });
      add(f, 'dropped', [{ person: a, pct: 70 }, { person: b, pct: 30 }], [c]);
    }
    for (let k = 0; k < n; k++) {
      const former = this.person();
      const successor = this.person();
      const other = this.extra();
      const f = this.firm({ holders: [{ person: former, pct: 60 }, { person: other, pct: 40 }], legalRep: former, established: established() });
      add(f, 'replaced', [{ person: successor, pct: 60 }, { person: other, pct: 40 }], [{ person: former, pct: 60 }]);
      this.plan.truth.replacedOwners.push({ firm: f, former, successor, pct: 60 });
      for (const rule of ['cn-2024', 'cn-2017'] as const) {
        this.plan.truth.beneficialOwners.push({
          firm: f,
          rule,
          owners: [{ person: successor, ratio: 0.6, exact: `0.6 (since ${SNAPSHOT_AS_OF})` }, { person: other, ratio: 0.4, exact: '0.4' }],
          decoys: [{ person: former, ratio: 0.6, exact: `0.6 until ${SNAPSHOT_AS_OF}`, why: `the snapshot of ${SNAPSHOT_AS_OF} no longer lists this holder: the holding ended then` }],
        });
      }
    }
  }

  /**
   * The demo's walkthrough (demo/README.md; the browser and start tests look for these names and
   * figures): 王建国 → 80% 江苏汇金控股集团 → 60% 南京鑫融投资管理 → 70% 南京鑫融财富管理.
   */
  private demoStory(): void {
    const wang = this.person({ name: '王建国', id: '320115196209225537' });
    const wangWife = this.person({ name: '王丽华', id: '320102196509257504' });
    const zhaoMin = this.person({ name: '赵敏', masked: true });
    const sunQiang = this.person({ name: '孙强' });
    const chenJing = this.person({ name: '陈静', masked: true });
    const liuMing = this.person({ name: '刘明' });
    const huijin = this.firm({
      name: '江苏汇金控股集团有限公司', industry: '控股', district: '320000', addressDistrict: '320105', established: '2012-05-18', capitalWan: 10000,
      status: '存续', legalRep: wang, address: '南京市建邺区江东中路228号1幢2201室',
      holders: [{ person: wang, pct: 80 }, { person: wangWife, pct: 20 }],
      officers: [{ person: wang, role: '法定代表人、董事长' }, { person: wangWife, role: '董事' }],
    });
    const xinrongInvest = this.firm({
      name: '南京鑫融投资管理有限公司', industry: '投资管理', district: '320105', established: '2014-08-06', capitalWan: 5000, status: '存续',
      legalRep: liuMing, address: '南京市建邺区江东中路228号1幢2203室',
      holders: [{ firm: huijin, pct: 60 }, { person: zhaoMin, pct: 25 }, { person: sunQiang, pct: 15 }],
      officers: [{ person: liuMing, role: '执行董事兼总经理' }, { person: sunQiang, role: '监事' }],
    });
    const xinrongWealth = this.firm({
      name: '南京鑫融财富管理有限公司', formerNames: ['南京鑫融投资咨询有限公司'], industry: '财富管理', district: '320106', established: '2016-03-02',
      capitalWan: 3000, status: '吊销', legalRep: chenJing, address: '江苏省南京市鼓楼区中山北路88号1206室',
      holders: [{ firm: xinrongInvest, pct: 70 }, { person: chenJing, pct: 30 }],
      changes: [{ item: '名称变更', before: '南京鑫融投资咨询有限公司', after: '南京鑫融财富管理有限公司', on: '2017-09-12' }],
      flags: [{ ...this.flag(), filedOn: '2019-05-06', amountWan: 26000, victims: 3120 }],
    });
    const liXiuying = this.person({ name: '李秀英', id: '320106196906114940' });
    this.firm({
      name: '无锡德隆供应链管理有限公司', industry: '供应链管理', district: '320214', established: '2017-11-20', capitalWan: 2000, status: '存续',
      legalRep: liXiuying, holders: [{ firm: huijin, pct: 55 }, { person: liXiuying, pct: 45 }],
    });
    // Two more flagged firms majority-held by the group make 王建国 a controller behind three.
    const more = [0, 1].map(() => {
      const rep = this.extra();
      const pct = this.rng.pick([51, 60, 65]);
      return this.flaggedFirm([{ firm: huijin, pct }, { person: rep, pct: 100 - pct }], rep, { district: this.rng.pick(this.capitalDistricts) });
    });
    this.plan.truth.flaggedControllers.push({
      person: wang,
      via: 'chain',
      firms: [xinrongWealth, ...more],
      chains: [
        { firm: xinrongWealth, path: [huijin, xinrongInvest, xinrongWealth], ratios: [0.8, 0.6, 0.7] },
        ...more.map((f) => ({ firm: f, path: [huijin, f], ratios: [0.8, this.plan.firms[f]!.holders[0]!.pct / 100] })),
      ],
    });
    this.plan.truth.beneficialOwners.push(
      ...(['cn-2024', 'cn-2017'] as const).map((rule) => ({
        firm: xinrongWealth,
        rule,
        owners: [
          { person: wang, ratio: 0.336, exact: '0.8 × 0.6 × 0.7' },
          { person: chenJing, ratio: 0.3, exact: '0.3' },
        ],
        decoys: [{ person: zhaoMin, ratio: 0.175, exact: '0.25 × 0.7', why: 'below 25%' }],
      })),
    );
    this.plan.filings.push({ firm: xinrongWealth, person: wang, interestType: '间接持股', pct: 33.6, from: '2016-03-02' });

    // A cross-holding cycle: 实业 → 30% 贸易 → 25% 科技 → 20% 实业.
    const zhouHaifeng = this.person({ name: '周海峰' });
    const zhouLi = this.person({ name: '周丽', masked: true });
    const shiye = this.firm({ name: '常州天润实业有限公司', industry: '实业', district: '320402', established: '2013-04-09', capitalWan: 3000, legalRep: zhouHaifeng, holders: [] });
    const maoyi = this.firm({ name: '常州天润贸易有限公司', industry: '贸易', district: '320411', established: '2015-06-15', capitalWan: 1000, legalRep: zhouHaifeng, holders: [] });
    const keji = this.firm({ name: '常州天润科技有限公司', industry: '信息科技', district: '320411', established: '2016-09-01', capitalWan: 500, legalRep: zhouLi, holders: [] });
    this.plan.firms[shiye]!.holders = [{ person: zhouHaifeng, pct: 50 }, { person: zhouLi, pct: 30 }, { firm: keji, pct: 20 }];
    this.plan.firms[maoyi]!.holders = [{ firm: shiye, pct: 30 }, { person: zhouHaifeng, pct: 70 }];
    this.plan.firms[keji]!.holders = [{ firm: maoyi, pct: 25 }, { person: zhouLi, pct: 75 }];

    this.addressCluster({ address: '南京市建邺区江东中路108号1幢1506室', people: [this.person({ name: '钱志宏' }), this.person({ name: '葛红梅', masked: true })], district: '320105', firms: 8, from: '2016-01-10' });
  }

  /** The firm and its holders for a controller's holding company. */
  private holding(controller: number, pct: number, industry = '控股'): number {
    const other = this.extra();
    return this.firm({ industry, holders: [{ person: controller, pct }, { person: other, pct: 100 - pct }], legalRep: controller, established: this.date(2010, 2015) });
  }

  private chainController(): void {
    const p = this.person();
    const top = this.rng.pick([60, 70, 80, 90]);
    const h = this.holding(p, top);
    const firms: number[] = [];
    const chains: { firm: number; path: number[]; ratios: number[] }[] = [];
    for (let k = 0; k < 3; k++) {
      const pct = this.rng.pick([51, 55, 60, 70, 80]);
      const rep = this.extra();
      const f = this.flaggedFirm([{ firm: h, pct }, { person: rep, pct: 100 - pct }], rep);
      firms.push(f);
      chains.push({ firm: f, path: [h, f], ratios: [top / 100, pct / 100] });
    }
    // One more through a second holding level: control runs down a chain of majorities.
    const h2 = this.firm({ industry: '投资管理', holders: [{ firm: h, pct: 70 }, { person: this.extra(), pct: 30 }], legalRep: this.extra(), established: this.date(2013, 2016) });
    const rep = this.extra();
    const f = this.flaggedFirm([{ firm: h2, pct: 60 }, { person: rep, pct: 40 }], rep);
    firms.push(f);
    chains.push({ firm: f, path: [h, h2, f], ratios: [top / 100, 0.7, 0.6] });
    this.plan.truth.flaggedControllers.push({ person: p, via: 'chain', firms, chains });
  }

  private nomineeController(): void {
    const p = this.person();
    const firms: number[] = [];
    for (let k = 0; k < 3; k++) {
      const nominee = this.extra();
      const pct = this.rng.pick([80, 90, 100]);
      const holders: PHolder[] = pct === 100 ? [{ person: nominee, pct }] : [{ person: nominee, pct }, { person: this.extra(), pct: 100 - pct }];
      const f = this.flaggedFirm(holders, nominee);
      firms.push(f);
      this.plan.relations.push({
        subject: p,
        type: this.rng.pick(['代持', '代持（委托持股）', '股权代持']),
        object: f,
        basis: this.rng.pick(['代持协议', '询问笔录', '资金流水及代持协议']),
        from: this.plan.firms[f]!.established,
        source: `${provinceName(this.o.jurisdiction)}公安厅经侦总队`,
      });
    }
    this.plan.truth.flaggedControllers.push({ person: p, via: 'nominee', firms });
  }

  private legalRepController(): number {
    const p = this.person();
    const firms: number[] = [];
    const n = this.rng.int(3, 4);
    for (let k = 0; k < n; k++) {
      const a = this.extra();
      const b = this.extra();
      const f = this.flaggedFirm([{ person: a, pct: 60 }, { person: b, pct: 40 }], p, {
        officers: [{ person: p, role: '法定代表人、执行董事兼总经理' }, { person: b, role: '监事' }],
      });
      firms.push(f);
    }
    this.plan.truth.flaggedControllers.push({ person: p, via: 'legal-rep', firms });
    return p;
  }

  /** A flagged firm whose representative shares a controller's name and a compatible masked number. */
  private maskedSameNameDecoy(controller: number): void {
    const c = this.identity(controller);
    const d = this.person({ name: c.name, id: c.id, masked: true });
    const a = this.extra();
    const f = this.flaggedFirm([{ person: a, pct: 100 }], d);
    this.plan.truth.flaggedControllerDecoys.push({
      person: d,
      via: 'legal-rep',
      firms: [f],
      shownId: true,
      why: `same name and a masked number compatible with a controller's; a masked number is not an identity, so this firm is not theirs`,
    });
  }

  /** Two strangers of one name, each behind two flagged firms: merged on the name they would make four. */
  private sameNameDecoy(): void {
    const first = this.person();
    const second = this.person({ name: this.identity(first).name });
    for (const p of [first, second]) {
      const firms = [0, 1].map(() => {
        const a = this.extra();
        return this.flaggedFirm([{ person: a, pct: 70 }, { person: this.extra(), pct: 30 }], p);
      });
      this.plan.truth.flaggedControllerDecoys.push({ person: p, via: 'legal-rep', firms, why: 'legal representative of two flagged firms only; shares the name of a stranger (different ID number) behind two others' });
    }
  }

  /** A majority chain broken at one level: exactly 50% is not a majority, and 80% × 60% × 50% = 24%. */
  private brokenChainDecoy(): void {
    const p = this.person();
    const h1 = this.holding(p, 80, '实业投资');
    const h2 = this.firm({ industry: '投资管理', holders: [{ firm: h1, pct: 60 }, { person: this.extra(), pct: 40 }], legalRep: this.extra(), established: this.date(2012, 2015) });
    const firms = [0, 1, 2].map(() => {
      const other = this.extra();
      return this.flaggedFirm([{ firm: h2, pct: 50 }, { person: other, pct: 50 }], other);
    });
    this.plan.truth.flaggedControllerDecoys.push({ person: p, via: 'chain', firms, why: 'the chain breaks at the last level (exactly 50%, not a majority) and the effective stake is 0.8 × 0.6 × 0.5 = 24% < 25%' });
  }

  private venues(): void {
    const j = this.o.jurisdiction.slice(0, 2) + '0000';
    const passing = this.others.filter((p) => p.slice(0, 2) !== this.plan.failedProvince.slice(0, 2));
    const pick = () => this.rng.pick(passing);

    // Approved elsewhere, operating here through members, a branch and an operating address.
    const p1 = pick();
    const a1 = this.venue(p1, true);
    this.member(a1, p1, true, '综合类会员');
    this.member(a1, p1, true, '代理商');
    this.member(a1, p1, false, '居间商');
    const branchDistrict = this.localDistrict();
    this.plan.branches.push({ head: a1, district: branchDistrict, premises: streetAddress(branchDistrict, this.rng), manager: this.person(), established: this.date(2017, 2020), suffix: '分公司' });
    const p2 = pick();
    const a2 = this.venue(p2, true);
    this.member(a2, p2, true, '授权服务机构');
    this.plan.firms[a2]!.operatingAddress = streetAddress(this.rng.pick(this.capitalDistricts), this.rng);

    // Without an approval, and from the province that failed the acceptance: their local members.
    const p3 = pick();
    const b = this.venue(p3, false);
    this.member(b, p3, true, '会员');
    this.member(b, p3, true, '经纪会员');
    const c = this.venue(this.plan.failedProvince, true);
    this.member(c, this.plan.failedProvince, true, '代理商');
    this.member(c, this.plan.failedProvince, true, '授权服务机构');

    // Decoy: approved elsewhere, members only in its own province, nothing here.
    const p4 = pick();
    const d = this.venue(p4, true, 'no-footprint');
    this.member(d, p4, false, '会员');
    this.member(d, p4, false, '代理商');

    // A local venue without approval, and a local firm named like a venue that has one.
    const e = this.venue(j, false);
    this.member(e, j, true, '会员');
    this.member(e, j, true, '代理商');
    const f = this.venue(j, true, 'local-approved');
    this.member(f, j, true, '会员');
    this.member(f, j, true, '居间商');
    this.venueChanges(f, j);

    // Background: approved venues here and elsewhere, with members on both sides; these rows may be garbled.
    for (const province of [j, pick()]) {
      const v = this.venue(province, true);
      this.plan.approvals[this.plan.approvals.length - 1]!.free = true;
      for (const type of ['会员', '代理商', '授权服务机构']) this.member(v, province, this.rng.chance(0.6), type, true);
    }
  }

  /** Changes of an approved local venue: two made without approval, one with. */
  private venueChanges(venue: number, province: string): void {
    const v = this.plan.firms[venue]!;
    const on = (from: number) => this.date(from, from + 2);
    const capital = v.capitalWan;
    v.capitalWan = capital * 2;
    v.address = streetAddress(v.addressDistrict, this.rng);
    const changes = [
      { item: '注册资本变更', before: `${capital}万元人民币`, after: `${capital * 2}万元人民币`, on: on(2017), approved: false },
      { item: '住所变更', before: streetAddress(v.addressDistrict, this.rng), after: v.address, on: on(2019), approved: false },
      { item: '法定代表人变更', before: this.identity(this.extra()).name, after: this.identity(v.legalRep).name, on: on(2020), approved: true },
    ];
    for (const ch of changes) {
      let approval: { documentNo: string; approvedOn: string } | null = null;
      if (ch.approved) {
        const at = this.date(Number(ch.on.slice(0, 4)) - 1, Number(ch.on.slice(0, 4)) - 1);
        const a = this.approval(venue, province, at, `变更审批（${ch.item.replace(/变更$/, '')}）`, false);
        approval = { documentNo: a.documentNo, approvedOn: a.approvedOn };
      }
      v.changes.push({ item: ch.item, before: ch.before, after: ch.after, on: ch.on });
      this.plan.truth.changeChecks.push({ firm: venue, item: ch.item, before: ch.before, after: ch.after, on: ch.on, approval });
    }
  }

  /** Many investment-type firms at one room, set up within three months by the same few people. */
  private addressCluster(fixed?: { address: string; people: number[]; district: string; firms: number; from: string }): void {
    const district = fixed?.district ?? this.rng.pick(this.capitalDistricts);
    const address = fixed?.address ?? `${division(district).cityName ?? ''}${division(district).districtName ?? ''}${this.rng.pick(['江东中路', '中山路', '龙蟠路', '汉中路'])}${this.rng.int(10, 300)}号${this.rng.int(1, 9)}幢${this.rng.int(10, 28)}${String(this.rng.int(1, 20)).padStart(2, '0')}室`;
    const people = fixed?.people ?? [this.person(), this.person({ masked: this.rng.chance(0.5) }), this.person()].slice(0, this.rng.int(2, 3));
    const n = fixed?.firms ?? this.rng.int(6, 10);
    const start = fixed?.from ?? this.date(2015, 2019);
    const firms: number[] = [];
    const dates: string[] = [];
    for (let k = 0; k < n; k++) {
      const rep = people[k % people.length]!;
      const other = people[(k + 1) % people.length]!;
      const established = addDaysIso(start, Math.floor((k * 88) / Math.max(1, n - 1)));
      dates.push(established);
      firms.push(
        this.firm({
          industry: INVESTMENT_INDUSTRIES[k % INVESTMENT_INDUSTRIES.length]!,
          district,
          address,
          established,
          status: k % 2 === 0 ? '吊销' : '存续',
          holders: [{ person: rep, pct: 90 }, { person: other, pct: 10 }],
          legalRep: rep,
          officers: [{ person: rep, role: '执行董事兼总经理' }, { person: other, role: '监事' }],
        }),
      );
    }
    this.plan.truth.shellClusters.push({ kind: 'address', key: address, firms, people, from: dates[0]!, to: dates[dates.length - 1]! });
  }

  /** Firms at different addresses sharing one mobile number and the same two people. */
  private phoneCluster(): void {
    const phone = `166${String(10_000_000 + this.rng.int(0, 89_999_999)).padStart(8, '0')}`;
    const people = [this.person(), this.person()];
    const n = this.rng.int(5, 7);
    const start = this.date(2016, 2020);
    const firms: number[] = [];
    const dates: string[] = [];
    for (let k = 0; k < n; k++) {
      const established = addDaysIso(start, k * 19);
      dates.push(established);
      const rep = people[k % 2]!;
      firms.push(this.firm({ industry: this.rng.pick(['投资咨询', '财富管理', '商务咨询']), phone, established, holders: [{ person: rep, pct: 100 }], legalRep: rep, status: this.rng.pick(['存续', '吊销']) }));
    }
    this.plan.truth.shellClusters.push({ kind: 'phone', key: phone, firms, people, from: dates[0]!, to: dates[dates.length - 1]! });
  }

  /**
   * A lending platform and its borrowers (disclosed as a list of type 'P2P平台借款人'). In the
   * planted case its controller also controls two of the borrowers; the decoy's are strangers.
   */
  private selfFinancing(decoy: boolean): void {
    const c = this.person();
    const platform = this.firm({ industry: '金融信息服务', holders: [{ person: c, pct: 70 }, { person: this.extra(), pct: 30 }], legalRep: c, established: this.date(2013, 2016), capitalWan: 5000 });
    const borrowers: number[] = [];
    const self: number[] = [];
    if (!decoy) {
      const rep = this.extra();
      self.push(this.firm({ industry: this.rng.pick(['贸易', '建筑工程', '实业']), holders: [{ person: c, pct: 80 }, { person: rep, pct: 20 }], legalRep: rep }));
      const owner = this.extra();
      self.push(this.firm({ industry: this.rng.pick(['贸易', '供应链管理']), holders: [{ person: owner, pct: 100 }], legalRep: c, officers: [{ person: c, role: '法定代表人、执行董事' }] }));
      borrowers.push(...self);
    }
    for (let k = 0; k < 3; k++) {
      const rep = this.extra();
      borrowers.push(this.firm({ industry: this.rng.pick(['贸易', '建筑工程', '餐饮管理', '农业发展']), holders: [{ person: rep, pct: 100 }], legalRep: rep }));
    }
    for (const b of borrowers) this.plan.borrowers.push({ platform, borrower: b, filedOn: this.date(2017, 2019), amountWan: this.rng.pick([200, 500, 800, 1500]) });
    this.plan.truth.selfFinancing.push({ platform, controllers: [c], borrowers, selfBorrowers: self, decoy });
  }

  /**
   * Firms whose beneficial owners can be checked by hand, including the rules' edges: exactly 25%
   * (an owner under the 2024 rule's ≥, not the 2017 rule's >), 24.99%, 30% × 75% + 10% × 25% that
   * floating point must still see as 25%, and a cross-holding where integrated ownership solves
   * e = d + e·a (Y1 ↔ Y2: 5/9, 5/18, 1/3, 1/6, 1/9).
   */
  private beneficialOwnerFixtures(): void {
    const both = ['cn-2024', 'cn-2017'] as const;
    const add = (firm: number, rule: (typeof both)[number], owners: PlanTruth['beneficialOwners'][number]['owners'], decoys: PlanTruth['beneficialOwners'][number]['decoys'] = []) =>
      this.plan.truth.beneficialOwners.push({ firm, rule, owners, decoys });

    if (!this.o.demo) {
      const p1 = this.person();
      const w = this.person();
      const a = this.firm({ industry: '控股', holders: [{ person: p1, pct: 80 }, { person: w, pct: 20 }], legalRep: p1, established: '2011-04-18' });
      const s = this.person({ masked: true });
      const t = this.person();
      const b = this.firm({ industry: '投资管理', holders: [{ firm: a, pct: 60 }, { person: s, pct: 25 }, { person: t, pct: 15 }], legalRep: t, established: '2013-07-01' });
      const z = this.person();
      const c = this.firm({ industry: '财富管理', holders: [{ firm: b, pct: 70 }, { person: z, pct: 30 }], legalRep: z, established: '2016-02-15' });
      for (const rule of both) {
        add(c, rule, [{ person: p1, ratio: 0.336, exact: '0.8 × 0.6 × 0.7' }, { person: z, ratio: 0.3, exact: '0.3' }], [{ person: s, ratio: 0.175, exact: '0.25 × 0.7', why: 'below 25%' }]);
      }
    }

    // T: P2 holds 30% of X1 (75% of T) and 10% of X2 (25% of T): 0.225 + 0.025 = 0.25 exactly.
    const p2 = this.person();
    const p3 = this.person();
    const p4 = this.person();
    const x1 = this.firm({ industry: '投资管理', holders: [{ person: p3, pct: 70 }, { person: p2, pct: 30 }], legalRep: p3, established: '2012-03-01' });
    const x2 = this.firm({ industry: '实业投资', holders: [{ person: p4, pct: 90 }, { person: p2, pct: 10 }], legalRep: p4, established: '2012-06-01' });
    const t = this.firm({ industry: '贸易', holders: [{ firm: x1, pct: 75 }, { firm: x2, pct: 25 }], legalRep: p3, established: '2015-05-20' });
    add(t, 'cn-2024', [{ person: p3, ratio: 0.525, exact: '0.7 × 0.75' }, { person: p2, ratio: 0.25, exact: '0.3 × 0.75 + 0.1 × 0.25' }], [{ person: p4, ratio: 0.225, exact: '0.9 × 0.25', why: 'below 25%' }]);
    add(t, 'cn-2017', [{ person: p3, ratio: 0.525, exact: '0.7 × 0.75' }], [
      { person: p2, ratio: 0.25, exact: '0.3 × 0.75 + 0.1 × 0.25', why: 'exactly 25% is not more than 25%' },
      { person: p4, ratio: 0.225, exact: '0.9 × 0.25', why: 'below 25%' },
    ]);

    // U: a direct holder at exactly 25%.
    const q1 = this.person();
    const q2 = this.person();
    const u = this.firm({ industry: '商务咨询', holders: [{ person: q1, pct: 75 }, { person: q2, pct: 25 }], legalRep: q1, established: '2018-08-08' });
    add(u, 'cn-2024', [{ person: q1, ratio: 0.75, exact: '0.75' }, { person: q2, ratio: 0.25, exact: '0.25' }]);
    add(u, 'cn-2017', [{ person: q1, ratio: 0.75, exact: '0.75' }], [{ person: q2, ratio: 0.25, exact: '0.25', why: 'exactly 25% is not more than 25%' }]);

    // V: 24.99% is below both thresholds.
    const r1 = this.person();
    const r2 = this.person();
    const v = this.firm({ industry: '信息科技', holders: [{ person: r1, pct: 75.01 }, { person: r2, pct: 24.99 }], legalRep: r1, established: '2019-01-10' });
    for (const rule of both) add(v, rule, [{ person: r1, ratio: 0.7501, exact: '0.7501' }], [{ person: r2, ratio: 0.2499, exact: '0.2499', why: 'below 25%' }]);

    // Y1 ↔ Y2: Y1 = P5 50%, Y2 20%, P6 30%; Y2 = Y1 50%, P7 50%.
    const p5 = this.person();
    const p6 = this.person();
    const p7 = this.person();
    const y1 = this.firm({ industry: '实业', holders: [], legalRep: p5, established: '2014-10-10' });
    const y2 = this.firm({ industry: '贸易', holders: [], legalRep: p7, established: '2015-03-03' });
    this.plan.firms[y1]!.holders = [{ person: p5, pct: 50 }, { firm: y2, pct: 20 }, { person: p6, pct: 30 }];
    this.plan.firms[y2]!.holders = [{ firm: y1, pct: 50 }, { person: p7, pct: 50 }];
    for (const rule of both) {
      add(y1, rule, [{ person: p5, ratio: 5 / 9, exact: '0.5 / 0.9' }, { person: p6, ratio: 1 / 3, exact: '0.3 / 0.9' }], [{ person: p7, ratio: 1 / 9, exact: '0.1 / 0.9', why: 'below 25%' }]);
      add(y2, rule, [{ person: p7, ratio: 5 / 9, exact: '0.5 / 0.9' }, { person: p5, ratio: 5 / 18, exact: '0.25 / 0.9' }], [{ person: p6, ratio: 1 / 6, exact: '0.15 / 0.9', why: 'below 25%' }]);
    }
  }
}

export function addDaysIso(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const t = new Date(Date.UTC(y!, m! - 1, d!) + days * 86_400_000);
  return t.toISOString().slice(0, 10);
}

/** Reserved slots are the last ten of every fifty firms: planted firms are spread through the file. */
export function reservedSlot(r: number): number {
  return Math.floor(r / 10) * 50 + 40 + (r % 10);
}

export function reservedCount(firms: number): number {
  return Math.floor(firms / 50) * 10 + Math.max(0, (firms % 50) - 40);
}

/**
 * Spreads the planted firms over the reserved slots: the firms planned first (plan.baseFirms) as
 * they always were, the later ones over the reserved slots left between them.
 */
export function assignSlots(plan: Plan, firms: number): void {
  const available = reservedCount(firms);
  const k = plan.firms.length;
  if (k > available) throw new Error(`generator: ${firms} firms leave ${available} slots for ${k} planted firms; generate at least ${Math.ceil((k * 50) / 10)} firms`);
  const base = plan.baseFirms || k;
  const used = new Set<number>();
  for (const f of plan.firms.slice(0, base)) {
    const r = Math.floor((f.id * available) / base);
    used.add(r);
    f.slot = reservedSlot(r);
    plan.bySlot.set(f.slot, f);
  }
  const left: number[] = [];
  for (let r = 0; r < available; r++) if (!used.has(r)) left.push(r);
  const later = plan.firms.slice(base);
  later.forEach((f, j) => {
    f.slot = reservedSlot(left[Math.floor((j * left.length) / later.length)]!);
    plan.bySlot.set(f.slot, f);
  });
}
