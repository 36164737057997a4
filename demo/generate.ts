/**
 * Generates the demo province (Jiangsu, 320000): about 300 firms and their shareholders,
 * as the two UTF-8 CSV files committed beside this script.
 *
 *   npx tsx demo/generate.ts [--out DIR]      (default: demo/)
 *
 * Deterministic: a fixed seed drives a small PRNG, so the same script writes the same
 * bytes (tests/demo/generate.test.ts checks the committed files against a fresh run).
 * Everything is invented; codes are computed to be valid, not looked up.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { usccCheckChar, USCC_ALPHABET } from '../model/identifiers/uscc.ts';
import { maskResidentId, residentIdCheckChar } from '../model/identifiers/residentId.ts';
import { resolveDivision } from '../model/divisions.ts';

export const DEMO_SEED = 0x2015_0302;

export const REGISTRATION_HEADERS = [
  '统一社会信用代码', '企业名称', '曾用名', '企业类型', '登记状态', '法定代表人', '法定代表人证件号码',
  '注册资本', '成立日期', '登记机关', '住所', '经营范围',
] as const;
export const SHAREHOLDER_HEADERS = [
  '企业统一社会信用代码', '企业名称', '股东名称', '股东类型', '股东证照号码', '持股比例', '认缴出资额',
] as const;

/** The ownership chain the README points at: person → group → investment manager → wealth manager. */
export const DEMO_CHAIN = [
  { holder: '王建国', firm: '江苏汇金控股集团有限公司', ratio: '80%' },
  { holder: '江苏汇金控股集团有限公司', firm: '南京鑫融投资管理有限公司', ratio: '60%' },
  { holder: '南京鑫融投资管理有限公司', firm: '南京鑫融财富管理有限公司', ratio: '70%' },
] as const;

// ---------------------------------------------------------------------------
// Randomness

/** mulberry32: tiny, fast, and the same sequence on every platform. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }
}

// ---------------------------------------------------------------------------
// Vocabulary

/** Registering districts, weighted towards Nanjing where the demo story sits. */
const JIANGSU_DISTRICTS: ReadonlyArray<readonly [string, number]> = [
  ['320102', 6], ['320104', 5], ['320105', 8], ['320106', 8], ['320111', 3], ['320113', 3],
  ['320114', 3], ['320115', 5], ['320505', 4], ['320506', 3], ['320508', 3], ['320583', 3],
  ['320585', 2], ['320213', 3], ['320214', 3], ['320211', 2], ['320402', 3], ['320411', 3],
  ['320302', 2], ['320311', 2], ['320613', 2], ['321002', 2],
];
const OTHER_DISTRICTS = ['110105', '310115', '330106', '440305', '370102'] as const;
/** Household-registration divisions for ID numbers; 320103 白下区 was retired in 2013, as old IDs show. */
const HOUSEHOLD_DIVISIONS = ['320102', '320104', '320105', '320106', '320103', '320115', '320505', '320583', '320213', '320402', '320302', '321002', '340104', '370102'] as const;

const TRADE_FIRST = '鑫恒德华金瑞宏博中嘉盛聚富万永同景润安乾泓裕致鼎融启信丰源卓悦亿诚益锦弘泰宸';
const TRADE_SECOND = '泰隆信鼎丰达远诚禾世财通邦安创程和元裕盛航源昌利祥辉晟';
const RESERVED_TRADE_NAMES = new Set(['鑫融', '汇金', '天润']);

interface Industry {
  name: string;
  scope: string;
  weight: number;
}
const INDUSTRIES: readonly Industry[] = [
  { name: '投资管理', weight: 8, scope: '投资管理；投资咨询；资产管理（不得以公开方式募集资金，不得公开交易证券类产品和金融衍生品）。（依法须经批准的项目，经相关部门批准后方可开展经营活动）' },
  { name: '财富管理', weight: 4, scope: '财富管理咨询；企业管理咨询；经济信息咨询（不含投资类金融信息咨询）。（依法须经批准的项目，经相关部门批准后方可开展经营活动）' },
  { name: '资产管理', weight: 4, scope: '资产管理；股权投资；项目投资；投资咨询。（依法须经批准的项目，经相关部门批准后方可开展经营活动）' },
  { name: '投资咨询', weight: 3, scope: '投资咨询；商务信息咨询；企业营销策划。（依法须经批准的项目，经相关部门批准后方可开展经营活动）' },
  { name: '商务咨询', weight: 4, scope: '商务信息咨询；企业管理咨询；会务服务；展览展示服务。' },
  { name: '信息科技', weight: 5, scope: '信息技术开发、技术咨询、技术服务；计算机软硬件销售；网络工程。' },
  { name: '网络科技', weight: 4, scope: '网络技术开发；互联网信息服务；电子产品销售；广告设计、制作。' },
  { name: '贸易', weight: 5, scope: '金属材料、建筑材料、日用百货、五金交电销售；自营和代理各类商品及技术的进出口业务。' },
  { name: '供应链管理', weight: 3, scope: '供应链管理服务；国内货物运输代理；仓储服务（不含危险品）；农副产品销售。' },
  { name: '建筑工程', weight: 4, scope: '房屋建筑工程、市政工程、装饰装修工程施工；建筑材料销售。' },
  { name: '电子商务', weight: 3, scope: '电子商务平台运营；日用品、服装、食品销售；物流信息咨询。' },
  { name: '融资租赁', weight: 2, scope: '融资租赁业务；租赁业务；向国内外购买租赁财产；租赁财产的残值处理及维修。' },
  { name: '文化传媒', weight: 3, scope: '文化艺术交流活动策划；影视策划；广告设计、制作、代理、发布。' },
  { name: '餐饮管理', weight: 2, scope: '餐饮管理；餐饮服务；食品销售。' },
  { name: '物业管理', weight: 2, scope: '物业管理；房屋租赁；停车场服务；保洁服务。' },
  { name: '新材料科技', weight: 2, scope: '新材料技术研发；化工产品（不含危险化学品）销售；技术进出口。' },
  { name: '机械制造', weight: 2, scope: '通用机械设备制造、加工、销售；机电设备安装。' },
  { name: '贵金属经营', weight: 1, scope: '黄金、白银饰品及贵金属制品销售；贵金属投资咨询。（依法须经批准的项目，经相关部门批准后方可开展经营活动）' },
  { name: '商品交易中心', weight: 1, scope: '为商品现货交易提供场所及配套服务；电子商务平台运营；商品信息咨询。' },
];

const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['王', 10], ['李', 10], ['张', 9], ['刘', 8], ['陈', 8], ['杨', 5], ['赵', 4], ['黄', 4], ['周', 4],
  ['吴', 4], ['徐', 4], ['孙', 3], ['胡', 3], ['朱', 3], ['高', 3], ['林', 2], ['何', 2], ['郭', 2],
  ['马', 2], ['罗', 2], ['沈', 2], ['顾', 2], ['钱', 1], ['陆', 1], ['蒋', 1], ['范', 1], ['葛', 1],
];
const GIVEN_MALE = '伟强军磊洋勇杰涛斌超明刚平辉鹏华飞建国海峰志宏文波亮俊晨浩';
const GIVEN_FEMALE = '芳娜敏静丽艳娟霞秀英玲燕红梅琳萍婷雪慧颖洁琴云兰倩';
const ROADS = ['中山路', '中山北路', '北京东路', '汉中路', '江东中路', '龙蟠路', '长江路', '珠江路', '人民路', '解放路', '建设路', '新华路', '和平路', '胜利路', '友谊路', '创业路', '科技路', '金融街', '滨江大道', '太湖大道'];

// ---------------------------------------------------------------------------
// Entities

interface Person {
  name: string;
  /** Full 18-digit number, or the masked form the public source printed. */
  id: string;
}

interface Firm {
  name: string;
  uscc: string;
  formerNames: string[];
  companyType: string;
  status: string;
  legalRep: Person;
  capitalWan: number;
  currency: 'CNY' | 'USD';
  capitalText: string;
  established: string;
  establishedText: string;
  authority: string;
  address: string;
  scope: string;
  holders: Holding[];
}

interface Holding {
  holder: { kind: 'person'; person: Person } | { kind: 'firm'; firm: Firm };
  percent: number;
}

function gb11714Check(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body8.charAt(i)) * weights[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

class DemoBuilder {
  readonly rng: Rng;
  readonly firms: Firm[] = [];
  private readonly usedNames = new Set<string>();
  private readonly usedUscc = new Set<string>();
  private readonly usedPersonNames = new Set<string>();
  readonly persons: Person[] = [];

  constructor(seed: number) {
    this.rng = new Rng(seed);
  }

  residentId(sex: 'M' | 'F', birthYear: number): string {
    const r = this.rng;
    const division = r.pick(HOUSEHOLD_DIVISIONS);
    const month = String(r.int(1, 12)).padStart(2, '0');
    const day = String(r.int(1, 28)).padStart(2, '0');
    let seq = r.int(0, 99) * 10 + r.int(0, 4) * 2;
    if (sex === 'M') seq += 1;
    const first17 = `${division}${birthYear}${month}${day}${String(seq).padStart(3, '0')}`;
    return first17 + residentIdCheckChar(first17)!;
  }

  /** About 60% of people appear with their full number, the rest only masked. */
  person(named?: { name: string; sex: 'M' | 'F'; born: number; full: boolean }): Person {
    const r = this.rng;
    const sex: 'M' | 'F' = named?.sex ?? (r.chance(0.65) ? 'M' : 'F');
    const name = named?.name;
    const full = named?.full;
    let n = name;
    while (!n || (name === undefined && this.usedPersonNames.has(n))) {
      const given = sex === 'M' ? GIVEN_MALE : GIVEN_FEMALE;
      n = r.weighted(SURNAMES) + r.pick([...given]) + (r.chance(0.7) ? r.pick([...given]) : '');
    }
    this.usedPersonNames.add(n);
    const id = this.residentId(sex, named?.born ?? r.int(1958, 1996));
    const p: Person = { name: n, id: (full ?? r.chance(0.6)) ? id : maskResidentId(id) };
    this.persons.push(p);
    return p;
  }

  uscc(division: string, established: string): string {
    const r = this.rng;
    for (;;) {
      let org: string;
      if (established < '2015-10-01') {
        // Firms older than the USCC carry their old organisation code, with its GB 11714 check.
        const body = String(r.int(10_000_000, 99_999_999));
        org = body + gb11714Check(body);
      } else {
        org = 'MA';
        for (let i = 0; i < 7; i++) org += r.pick([...USCC_ALPHABET]);
      }
      const first17 = `91${division}${org}`;
      const code = first17 + usccCheckChar(first17)!;
      if (!this.usedUscc.has(code)) {
        this.usedUscc.add(code);
        return code;
      }
    }
  }

  date(fromYear: number, toYear: number): { iso: string; text: string } {
    const r = this.rng;
    const y = r.int(fromYear, toYear);
    const m = r.int(1, 12);
    const d = r.int(1, 28);
    const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return { iso, text: r.chance(0.6) ? iso : `${y}年${m}月${d}日` };
  }

  capital(currency: 'CNY' | 'USD', wan: number): string {
    const r = this.rng;
    if (currency === 'USD') return `${wan}万美元`;
    // Thousands separators as some exports print them ('1,000万'); done by hand, not by locale.
    const n = wan >= 1000 && r.chance(0.3) ? String(wan).replace(/\B(?=(\d{3})+$)/g, ',') : String(wan);
    return r.weighted<string>([
      [`${n}万元人民币`, 5],
      [`${n}万元`, 3],
      [`${n}万人民币`, 1],
      [`${wan * 10000}元`, wan <= 100 ? 1 : 0],
    ]);
  }

  authority(division: string): string {
    const d = resolveDivision(division);
    if (!d || d.via !== 'exact') throw new Error(`demo: division ${division} is not current`);
    if (d.level === 'province') return `${d.provinceName}市场监督管理局`;
    const city = d.cityName ?? '';
    const district = d.districtName ?? '';
    // A county-level city has its own bureau, named without the prefecture.
    if (district.endsWith('市')) return `${district}市场监督管理局`;
    if (!city) return `${d.provinceName}${district}市场监督管理局`;
    return `${city}${district}市场监督管理局`;
  }

  address(division: string): string {
    const r = this.rng;
    const d = resolveDivision(division)!;
    const road = r.pick(ROADS);
    const no = r.int(1, 399);
    const room = r.chance(0.5) ? `${r.int(1, 12)}幢${r.int(1, 28)}${String(r.int(1, 20)).padStart(2, '0')}室` : '';
    const cityPart = (d.cityName ?? d.provinceName) + (d.districtName ?? '');
    // Many registers omit the province; municipalities always start with it.
    const prefix = d.cityName && r.chance(0.6) ? '' : d.cityName ? d.provinceName : '';
    return `${prefix}${cityPart}${road}${no}号${room}`;
  }

  /** City (or county-level city) prefix for a firm name: 南京, 苏州, 昆山 … */
  placeName(division: string): string {
    const d = resolveDivision(division)!;
    if (d.districtName?.endsWith('市')) return d.districtName.slice(0, -1);
    if (d.cityName) return d.cityName.replace(/市$/, '');
    return d.provinceName.replace(/(省|市)$/, '');
  }

  firmName(division: string, industry: Industry): string {
    const r = this.rng;
    for (;;) {
      const trade = r.pick([...TRADE_FIRST]) + r.pick([...TRADE_SECOND]);
      if (trade.charAt(0) === trade.charAt(1) || RESERVED_TRADE_NAMES.has(trade)) continue;
      const place = this.placeName(division);
      const form = industry.name === '商品交易中心' ? '有限公司' : r.weighted<string>([['有限公司', 12], ['有限责任公司', 2], ['股份有限公司', 1]]);
      // The place may also stand in brackets after the trade name: 鑫融投资管理（南京）有限公司.
      const name = r.chance(0.08) ? `${trade}${industry.name}（${place}）${form}` : `${place}${trade}${industry.name}${form}`;
      if (!this.usedNames.has(name)) {
        this.usedNames.add(name);
        return name;
      }
    }
  }

  addFirm(spec: {
    name?: string;
    division: string;
    industry?: Industry;
    established?: string;
    establishedText?: string;
    capitalWan?: number;
    currency?: 'CNY' | 'USD';
    status?: string;
    formerNames?: string[];
    legalRep?: Person;
    address?: string;
  }): Firm {
    const r = this.rng;
    const industry = spec.industry ?? r.weighted(INDUSTRIES.map((i) => [i, i.weight] as const));
    const name = spec.name ?? this.firmName(spec.division, industry);
    this.usedNames.add(name);
    const date = spec.established
      ? { iso: spec.established, text: spec.establishedText ?? spec.established }
      : this.date(2005, 2023);
    const currency = spec.currency ?? (r.chance(0.04) ? 'USD' : 'CNY');
    const capitalWan = spec.capitalWan ?? r.pick([10, 50, 100, 100, 200, 300, 500, 500, 1000, 1000, 2000, 3000, 5000, 10000]);
    const status =
      spec.status ?? r.weighted<string>([['存续', 80], ['在业', 5], ['吊销', 8], ['注销', 5], ['迁出', 2]]);
    const firm: Firm = {
      name,
      uscc: this.uscc(spec.division, date.iso),
      formerNames: spec.formerNames ?? [],
      companyType: '',
      status,
      legalRep: spec.legalRep ?? this.person(),
      capitalWan,
      currency,
      capitalText: this.capital(currency, capitalWan),
      established: date.iso,
      establishedText: date.text,
      authority: this.authority(spec.division),
      address: spec.address ?? this.address(spec.division),
      scope: industry.scope,
      holders: [],
    };
    this.firms.push(firm);
    return firm;
  }
}

/** Split 100% into n integer shares, the first the largest. */
function splitPercent(rng: Rng, n: number): number[] {
  if (n === 1) return [100];
  const cuts = new Set<number>();
  while (cuts.size < n - 1) cuts.add(rng.int(1, 19) * 5);
  const sorted = [...cuts].sort((a, b) => a - b);
  const parts = sorted.map((c, i) => c - (i === 0 ? 0 : sorted[i - 1]!));
  parts.push(100 - sorted[sorted.length - 1]!);
  return parts.sort((a, b) => b - a);
}

function companyTypeOf(firm: Firm): string {
  if (firm.currency === 'USD') return '有限责任公司(台港澳与境内合资)';
  if (firm.name.endsWith('股份有限公司')) return '股份有限公司(非上市、自然人投资或控股)';
  const persons = firm.holders.filter((h) => h.holder.kind === 'person').length;
  const firms = firm.holders.length - persons;
  if (firms === 0) return persons === 1 ? '有限责任公司(自然人独资)' : '有限责任公司(自然人投资或控股)';
  if (persons === 0) return firms === 1 ? '有限责任公司(非自然人投资或控股的法人独资)' : '其他有限责任公司';
  return '有限责任公司(自然人投资或控股)';
}

// ---------------------------------------------------------------------------

function buildDemo(seed: number): DemoBuilder {
  const b = new DemoBuilder(seed);
  const r = b.rng;
  const industry = (name: string): Industry => INDUSTRIES.find((i) => i.name === name)!;

  // The chain to look at: 王建国 → 江苏汇金控股集团 → 南京鑫融投资管理 → 南京鑫融财富管理.
  const wang = b.person({ name: '王建国', sex: 'M', born: 1962, full: true });
  const wangWife = b.person({ name: '王丽华', sex: 'F', born: 1965, full: true });
  const zhaoMin = b.person({ name: '赵敏', sex: 'F', born: 1978, full: false });
  const sunQiang = b.person({ name: '孙强', sex: 'M', born: 1981, full: true });
  const chenJing = b.person({ name: '陈静', sex: 'F', born: 1986, full: false });
  const liuMing = b.person({ name: '刘明', sex: 'M', born: 1975, full: true });
  const huijin = b.addFirm({
    name: '江苏汇金控股集团有限公司', division: '320000', industry: industry('投资管理'),
    established: '2012-05-18', establishedText: '2012年5月18日', capitalWan: 10000, currency: 'CNY',
    status: '存续', legalRep: wang, address: '南京市建邺区江东中路228号1幢2201室',
  });
  const xinrongInvest = b.addFirm({
    name: '南京鑫融投资管理有限公司', division: '320105', industry: industry('投资管理'),
    established: '2014-08-06', capitalWan: 5000, currency: 'CNY', status: '存续', legalRep: liuMing,
    address: '南京市建邺区江东中路228号1幢2203室',
  });
  const xinrongWealth = b.addFirm({
    name: '南京鑫融财富管理有限公司', division: '320106', industry: industry('财富管理'),
    established: '2016-03-02', establishedText: '2016年3月2日', capitalWan: 3000, currency: 'CNY',
    status: '吊销', formerNames: ['南京鑫融投资咨询有限公司'], legalRep: chenJing,
    address: '江苏省南京市鼓楼区中山北路88号1206室',
  });
  huijin.holders.push({ holder: { kind: 'person', person: wang }, percent: 80 }, { holder: { kind: 'person', person: wangWife }, percent: 20 });
  xinrongInvest.holders.push(
    { holder: { kind: 'firm', firm: huijin }, percent: 60 },
    { holder: { kind: 'person', person: zhaoMin }, percent: 25 },
    { holder: { kind: 'person', person: sunQiang }, percent: 15 },
  );
  xinrongWealth.holders.push(
    { holder: { kind: 'firm', firm: xinrongInvest }, percent: 70 },
    { holder: { kind: 'person', person: chenJing }, percent: 30 },
  );

  // A firm held by both a firm and a person.
  const liXiuying = b.person({ name: '李秀英', sex: 'F', born: 1969, full: true });
  const delong = b.addFirm({
    name: '无锡德隆供应链管理有限公司', division: '320214', industry: industry('供应链管理'),
    established: '2017-11-20', capitalWan: 2000, currency: 'CNY', status: '存续', legalRep: liXiuying,
  });
  delong.holders.push({ holder: { kind: 'firm', firm: huijin }, percent: 55 }, { holder: { kind: 'person', person: liXiuying }, percent: 45 });

  // A cross-holding cycle: 实业 → 贸易 → 科技 → 实业.
  const zhouHaifeng = b.person({ name: '周海峰', sex: 'M', born: 1970, full: true });
  const zhouLi = b.person({ name: '周丽', sex: 'F', born: 1973, full: false });
  const trShiye = b.addFirm({
    name: '常州天润实业有限公司', division: '320402', industry: industry('贸易'),
    established: '2013-04-09', capitalWan: 3000, currency: 'CNY', status: '存续', legalRep: zhouHaifeng,
  });
  const trMaoyi = b.addFirm({
    name: '常州天润贸易有限公司', division: '320411', industry: industry('贸易'),
    established: '2015-06-15', establishedText: '2015年6月15日', capitalWan: 1000, currency: 'CNY', status: '存续', legalRep: zhouHaifeng,
  });
  const trKeji = b.addFirm({
    name: '常州天润科技有限公司', division: '320411', industry: industry('信息科技'),
    established: '2016-09-01', capitalWan: 500, currency: 'CNY', status: '存续', legalRep: zhouLi,
  });
  trShiye.holders.push(
    { holder: { kind: 'person', person: zhouHaifeng }, percent: 50 },
    { holder: { kind: 'person', person: zhouLi }, percent: 30 },
    { holder: { kind: 'firm', firm: trKeji }, percent: 20 },
  );
  trMaoyi.holders.push({ holder: { kind: 'firm', firm: trShiye }, percent: 30 }, { holder: { kind: 'person', person: zhouHaifeng }, percent: 70 });
  trKeji.holders.push({ holder: { kind: 'firm', firm: trMaoyi }, percent: 25 }, { holder: { kind: 'person', person: zhouLi }, percent: 75 });

  // Firms that may hold random firms: the group and its investment arm, never held back.
  const parentFirms: Firm[] = [huijin, xinrongInvest];

  // A shell cluster: eight investment-type firms at one address behind two people.
  const shellAddress = '南京市建邺区江东中路108号1幢1506室';
  const shellPeople = [b.person({ name: '钱志宏', sex: 'M', born: 1983, full: true }), b.person({ name: '葛红梅', sex: 'F', born: 1988, full: false })];
  for (let i = 0; i < 8; i++) {
    const rep = shellPeople[i % 2]!;
    const f = b.addFirm({
      division: '320105', industry: industry(r.pick(['投资管理', '财富管理', '资产管理', '投资咨询'])),
      legalRep: rep, address: shellAddress, capitalWan: r.pick([1000, 2000, 5000]), currency: 'CNY',
      status: r.chance(0.5) ? '吊销' : '存续', established: `2016-0${1 + (i % 9)}-1${i}`,
    });
    f.holders.push({ holder: { kind: 'person', person: rep }, percent: 90 }, { holder: { kind: 'person', person: shellPeople[(i + 1) % 2]! }, percent: 10 });
  }

  // Firms registered in other provinces that hold Jiangsu firms.
  const outside: Firm[] = [];
  for (const division of OTHER_DISTRICTS) {
    for (let i = 0; i < 2; i++) {
      const f = b.addFirm({ division, industry: industry(r.pick(['投资管理', '资产管理', '贸易', '信息科技'])) });
      const n = r.int(1, 2);
      for (const pct of splitPercent(r, n)) f.holders.push({ holder: { kind: 'person', person: b.person() }, percent: pct });
      outside.push(f);
    }
  }

  // The rest of the province, in order of establishment so that corporate holders are
  // always older than what they hold: no cycles besides the deliberate one.
  const pool: Person[] = [];
  const specialCount = b.firms.length;
  const firstRandomPerson = b.persons.length;
  const randomFirms: Firm[] = [];
  while (b.firms.length < 300) {
    const division = r.weighted(JIANGSU_DISTRICTS);
    // Some people run several firms.
    const earlier = b.persons.slice(firstRandomPerson);
    const legalRep = earlier.length > 30 && r.chance(0.15) ? r.pick(earlier) : undefined;
    randomFirms.push(b.addFirm({ division, ...(legalRep ? { legalRep } : {}) }));
  }
  randomFirms.sort((x, y) => (x.established < y.established ? -1 : x.established > y.established ? 1 : 0));
  b.firms.splice(specialCount, randomFirms.length, ...randomFirms);

  for (const [index, firm] of randomFirms.entries()) {
    const n = r.weighted<number>([[1, 3], [2, 4], [3, 3], [4, 1]]);
    const shares = splitPercent(r, n);
    const usedHolders = new Set<object>();
    for (const [i, pct] of shares.entries()) {
      const older = randomFirms.slice(0, index).filter((f) => f.established < firm.established);
      const corporate = r.chance(0.22);
      let holder: Holding['holder'] | null = null;
      if (corporate) {
        const candidates = [...(r.chance(0.3) ? parentFirms : []), ...outside, ...older].filter(
          (f) => f.established < firm.established && !usedHolders.has(f),
        );
        if (candidates.length > 0) {
          const f = r.pick(candidates);
          holder = { kind: 'firm', firm: f };
          usedHolders.add(f);
        }
      }
      if (!holder) {
        // People recur: some hold or run several firms.
        let p: Person | undefined;
        if (i === 0) p = firm.legalRep;
        else if (pool.length > 20 && r.chance(0.35)) p = r.pick(pool);
        if (!p || usedHolders.has(p)) p = b.person();
        holder = { kind: 'person', person: p };
        usedHolders.add(p);
        pool.push(p);
      }
      firm.holders.push({ holder, percent: pct });
    }
    // A few people hold stakes in several firms of the group's orbit.
    if (index % 37 === 5 && firm.holders.length >= 2 && !usedHolders.has(wang)) {
      const last = firm.holders[firm.holders.length - 1]!;
      last.holder = { kind: 'person', person: wang };
    }
  }

  for (const f of b.firms) f.companyType = companyTypeOf(f);
  return b;
}

// ---------------------------------------------------------------------------
// CSV

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return [headers, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

function amountText(firm: Firm, percent: number): string {
  const amount = Math.round(firm.capitalWan * percent) / 100;
  return firm.currency === 'USD' ? `${amount}万美元` : `${amount}万元`;
}

export interface DemoFiles {
  registrations: string;
  shareholders: string;
}

export function generateDemo(seed: number = DEMO_SEED): DemoFiles {
  const b = buildDemo(seed);
  const registrations = b.firms.map((f) => [
    f.uscc, f.name, f.formerNames.join('；'), f.companyType, f.status, f.legalRep.name, f.legalRep.id,
    f.capitalText, f.establishedText, f.authority, f.address, f.scope,
  ]);
  const shareholders = b.firms.flatMap((f) =>
    f.holders.map((h) =>
      h.holder.kind === 'person'
        ? [f.uscc, f.name, h.holder.person.name, '自然人股东', h.holder.person.id, `${h.percent}%`, amountText(f, h.percent)]
        : [f.uscc, f.name, h.holder.firm.name, '企业法人', h.holder.firm.uscc, `${h.percent}%`, amountText(f, h.percent)],
    ),
  );
  return {
    registrations: csv(REGISTRATION_HEADERS, registrations),
    shareholders: csv(SHAREHOLDER_HEADERS, shareholders),
  };
}

export function writeDemo(outDir: string, seed: number = DEMO_SEED): { registrations: string; shareholders: string } {
  const files = generateDemo(seed);
  mkdirSync(outDir, { recursive: true });
  const registrations = path.join(outDir, 'registrations.csv');
  const shareholders = path.join(outDir, 'shareholders.csv');
  writeFileSync(registrations, files.registrations, 'utf8');
  writeFileSync(shareholders, files.shareholders, 'utf8');
  return { registrations, shareholders };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  const i = process.argv.indexOf('--out');
  const out = i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : path.dirname(fileURLToPath(import.meta.url));
  const written = writeDemo(out);
  process.stdout.write(`wrote ${written.registrations}\nwrote ${written.shareholders}\n`);
}
