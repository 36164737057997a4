/**
 * A synthetic Jiangsu province of any size, written as the two CSV files the importer reads
 * (企业登记 registrations, 股东及出资 shareholders), for the import benchmark.
 *
 *   npx tsx bench/syntheticProvince.ts --firms 100000 --out DIR [--seed N]
 *
 * Deterministic and streaming: every firm and every person is a pure function of (seed, index),
 * so a shareholder that is an earlier firm or a recurring person is recomputed from its index
 * instead of being remembered, and memory stays flat at a million firms. Rows go to disk in
 * chunks as they are made.
 *
 * The mix is what makes an import expensive in practice, not just large: about 60% of people
 * appear with a full valid ID (so they recur across firms and their nodes collect provenance),
 * the rest masked (scoped to one firm); about a fifth of firms sit at shared registration-agent
 * addresses whose sizes are skewed, so a few address nodes are linked to thousands of firms;
 * about a quarter of holders are firms, mostly firms registered earlier in the same file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { usccCheckChar, USCC_ALPHABET } from '../model/identifiers/uscc.ts';
import { maskResidentId, residentIdCheckChar } from '../model/identifiers/residentId.ts';
import { resolveDivision, type ResolvedDivision } from '../model/divisions.ts';
import { mix, Rng } from '../generator/rng.ts';

export const SYNTHETIC_SEED = 0x5eed_2026;

// Headers a registry export uses (importers/mappings/ recognises them); the values of each row
// below follow this order.
const REGISTRATION_HEADERS = [
  '统一社会信用代码', '企业名称', '曾用名', '企业类型', '登记状态', '法定代表人', '法定代表人证件号码',
  '注册资本', '成立日期', '登记机关', '住所', '经营范围',
] as const;
const SHAREHOLDER_HEADERS = [
  '企业统一社会信用代码', '企业名称', '股东名称', '股东类型', '股东证照号码', '持股比例', '认缴出资额',
] as const;

// ---------------------------------------------------------------------------
// Randomness: one small generator per entity, seeded from (seed, kind, index).

// ---------------------------------------------------------------------------
// Vocabulary

const JIANGSU_DISTRICTS: ReadonlyArray<readonly [string, number]> = [
  ['320102', 6], ['320104', 5], ['320105', 8], ['320106', 8], ['320111', 3], ['320113', 3],
  ['320114', 3], ['320115', 5], ['320505', 4], ['320506', 3], ['320508', 3], ['320583', 3],
  ['320585', 2], ['320213', 3], ['320214', 3], ['320211', 2], ['320402', 3], ['320411', 3],
  ['320302', 2], ['320311', 2], ['320613', 2], ['321002', 2], ['320812', 2], ['320902', 2],
  ['321102', 2], ['321202', 2], ['321302', 2], ['320703', 2],
];
const OTHER_DISTRICTS = ['110105', '310115', '330106', '440305', '370102', '340104', '420106'] as const;
const HOUSEHOLD_DIVISIONS = ['320102', '320104', '320105', '320106', '320103', '320115', '320505', '320583', '320213', '320402', '320302', '321002', '340104', '370102', '410105', '130102'] as const;
const TRADE_FIRST = [...'鑫恒德华金瑞宏博中嘉盛聚富万永同景润安乾泓裕致鼎融启信丰源卓悦亿诚益锦弘泰宸'];
const TRADE_SECOND = [...'泰隆信鼎丰达远诚禾世财通邦安创程和元裕盛航源昌利祥辉晟'];
const INDUSTRIES: ReadonlyArray<readonly [{ name: string; scope: string }, number]> = [
  [{ name: '投资管理', scope: '投资管理；投资咨询；资产管理（不得以公开方式募集资金）。（依法须经批准的项目，经相关部门批准后方可开展经营活动）' }, 8],
  [{ name: '财富管理', scope: '财富管理咨询；企业管理咨询；经济信息咨询（不含投资类金融信息咨询）。' }, 4],
  [{ name: '信息科技', scope: '信息技术开发、技术咨询、技术服务；计算机软硬件销售；网络工程。' }, 6],
  [{ name: '贸易', scope: '金属材料、建筑材料、日用百货、五金交电销售；自营和代理各类商品及技术的进出口业务。' }, 6],
  [{ name: '供应链管理', scope: '供应链管理服务；国内货物运输代理；仓储服务（不含危险品）。' }, 3],
  [{ name: '建筑工程', scope: '房屋建筑工程、市政工程、装饰装修工程施工；建筑材料销售。' }, 4],
  [{ name: '商务咨询', scope: '商务信息咨询；企业管理咨询；会务服务；展览展示服务。' }, 4],
  [{ name: '文化传媒', scope: '文化艺术交流活动策划；广告设计、制作、代理、发布。' }, 3],
  [{ name: '机械制造', scope: '通用机械设备制造、加工、销售；机电设备安装。' }, 3],
  [{ name: '餐饮管理', scope: '餐饮管理；餐饮服务；食品销售。' }, 2],
];
const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['王', 10], ['李', 10], ['张', 9], ['刘', 8], ['陈', 8], ['杨', 5], ['赵', 4], ['黄', 4], ['周', 4],
  ['吴', 4], ['徐', 4], ['孙', 3], ['胡', 3], ['朱', 3], ['高', 3], ['林', 2], ['何', 2], ['郭', 2],
  ['马', 2], ['罗', 2], ['沈', 2], ['顾', 2], ['钱', 1], ['陆', 1], ['蒋', 1], ['范', 1], ['葛', 1],
  ['袁', 1], ['许', 1], ['邓', 1], ['冯', 1], ['韩', 1], ['曹', 1], ['彭', 1], ['曾', 1], ['谢', 1],
];
const GIVEN_MALE = [...'伟强军磊洋勇杰涛斌超明刚平辉鹏华飞建国海峰志宏文波亮俊晨浩宇鑫林东阳龙锋'];
const GIVEN_FEMALE = [...'芳娜敏静丽艳娟霞秀英玲燕红梅琳萍婷雪慧颖洁琴云兰倩佳欣月晓莉'];
const ROADS = ['中山路', '中山北路', '北京东路', '汉中路', '江东中路', '龙蟠路', '长江路', '珠江路', '人民路', '解放路', '建设路', '新华路', '和平路', '胜利路', '友谊路', '创业路', '科技路', '金融街', '滨江大道', '太湖大道', '星湖街', '金鸡湖大道'];
const AGENT_PARKS = ['创业园', '科创中心', '总部基地', '众创空间', '孵化器', '商务秘书园'];

const divisionCache = new Map<string, ResolvedDivision>();
function division(code: string): ResolvedDivision {
  let d = divisionCache.get(code);
  if (!d) {
    d = resolveDivision(code) ?? undefined;
    if (!d) throw new Error(`syntheticProvince: division ${code} does not resolve`);
    divisionCache.set(code, d);
  }
  return d;
}

function authority(code: string): string {
  const d = division(code);
  const district = d.districtName ?? '';
  if (district.endsWith('市')) return `${district}市场监督管理局`;
  return `${d.cityName ?? d.provinceName}${district}市场监督管理局`;
}

function placeName(code: string): string {
  const d = division(code);
  if (d.districtName?.endsWith('市')) return d.districtName.slice(0, -1);
  return (d.cityName ?? d.provinceName).replace(/(省|市)$/, '');
}

function cityPart(code: string): string {
  const d = division(code);
  return (d.cityName ?? d.provinceName) + (d.districtName ?? '');
}

// ---------------------------------------------------------------------------
// Entities as functions of their index

const ORG_SPACE = 31n ** 8n;

/**
 * 8 code characters unique per n (n times a prime, modulo 31^8, is a bijection), followed by one
 * free character. BigInt because the product passes 2^53.
 */
function orgCode(n: number, rng: Rng): string {
  let v = (BigInt(n) * 2_654_435_761n + 104_729n) % ORG_SPACE;
  let out = '';
  for (let i = 0; i < 8; i++) {
    out += USCC_ALPHABET.charAt(Number(v % 31n));
    v /= 31n;
  }
  return out + rng.pick([...USCC_ALPHABET]);
}

function uscc(divisionCode: string, org: string): string {
  const first17 = `91${divisionCode}${org}`;
  return first17 + usccCheckChar(first17)!;
}

export interface SyntheticPerson {
  name: string;
  id: string;
}

export function personAt(seed: number, index: number): SyntheticPerson {
  const r = new Rng(mix(mix(seed, 2), index));
  const male = r.chance(0.65);
  const given = male ? GIVEN_MALE : GIVEN_FEMALE;
  const name = r.weighted(SURNAMES) + r.pick(given) + (r.chance(0.7) ? r.pick(given) : '');
  const born = r.int(1950, 2000);
  let seq = r.int(0, 99) * 10 + r.int(0, 4) * 2 + (male ? 1 : 0);
  seq %= 1000;
  const first17 = `${r.pick(HOUSEHOLD_DIVISIONS)}${born}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
  return { name, id: first17 + residentIdCheckChar(first17)! };
}

interface FirmIdentity {
  uscc: string;
  name: string;
}

/** Firms outside the province (holders only, never registered here): indices apart from the province's. */
const OUTSIDE_OFFSET = 2 ** 30;

export function firmIdentityAt(seed: number, index: number, outside = false): FirmIdentity & { divisionCode: string; industry: { name: string; scope: string }; rng: Rng } {
  const r = new Rng(mix(mix(seed, outside ? 3 : 1), index));
  const divisionCode = outside ? r.pick(OTHER_DISTRICTS) : r.weighted(JIANGSU_DISTRICTS);
  const industry = r.weighted(INDUSTRIES);
  const trade = r.pick(TRADE_FIRST) + r.pick(TRADE_SECOND) + (r.chance(0.3) ? r.pick(TRADE_SECOND) : '');
  const form = r.weighted<string>([['有限公司', 12], ['有限责任公司', 2], ['股份有限公司', 1]]);
  const place = placeName(divisionCode);
  const name = r.chance(0.08) ? `${trade}${industry.name}（${place}）${form}` : `${place}${trade}${industry.name}${form}`;
  return { uscc: uscc(divisionCode, orgCode(outside ? OUTSIDE_OFFSET + index : index, r)), name, divisionCode, industry, rng: r };
}

function clusterAddress(seed: number, cluster: number): string {
  const r = new Rng(mix(mix(seed, 4), cluster));
  const code = r.weighted(JIANGSU_DISTRICTS);
  return `${cityPart(code)}${r.pick(ROADS)}${r.int(1, 399)}号${r.pick(AGENT_PARKS)}${r.int(1, 9)}楼`;
}

function dateText(r: Rng): string {
  const y = r.int(1998, 2024);
  const m = r.int(1, 12);
  const d = r.int(1, 28);
  return r.chance(0.6) ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : `${y}年${m}月${d}日`;
}

function capitalText(r: Rng, wan: number, usd: boolean): string {
  if (usd) return `${wan}万美元`;
  const n = wan >= 1000 && r.chance(0.3) ? String(wan).replace(/\B(?=(\d{3})+$)/g, ',') : String(wan);
  return r.weighted<string>([[`${n}万元人民币`, 5], [`${n}万元`, 3], [`${n}万人民币`, 1]]);
}

/** 100% in n shares (multiples of 5, or of 0.5 for a tenth of firms), largest first. */
function splitPercent(r: Rng, n: number): number[] {
  if (n === 1) return [100];
  const step = r.chance(0.1) ? 0.5 : 5;
  const slots = Math.round(100 / step);
  const cuts = new Set<number>();
  while (cuts.size < n - 1) cuts.add(r.int(1, slots - 1));
  const sorted = [...cuts].sort((a, b) => a - b);
  const parts = sorted.map((c, i) => (c - (i === 0 ? 0 : sorted[i - 1]!)) * step);
  parts.push((slots - sorted[sorted.length - 1]!) * step);
  return parts.sort((a, b) => b - a);
}

// ---------------------------------------------------------------------------
// Writing

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Appends lines and hands them to the file a megabyte at a time. */
class ChunkedWriter {
  private fd: number;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;

  constructor(readonly file: string, headers: readonly string[]) {
    this.fd = fs.openSync(file, 'w');
    fs.writeSync(this.fd, headers.join(',') + '\n');
  }

  row(cells: readonly string[]): void {
    const line = cells.map(csvField).join(',') + '\n';
    this.buffer.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size > 1 << 20) this.flush();
  }

  flush(): void {
    if (this.buffer.length > 0) fs.writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

export interface SyntheticProvince {
  registrations: string;
  shareholders: string;
  firms: number;
  rows: { registrations: number; shareholders: number; total: number };
}

export function writeSyntheticProvince(options: { dir: string; firms: number; seed?: number }): SyntheticProvince {
  const seed = options.seed ?? SYNTHETIC_SEED;
  const n = options.firms;
  // People recur: drawing from a population a little smaller than the number of firms makes a
  // full-ID person appear on about three rows on average, some on many.
  const population = Math.max(50, Math.round(n * 0.9));
  const clusters = Math.max(20, Math.round(n / 150));
  const outsideFirms = Math.max(10, Math.round(n / 40));
  fs.mkdirSync(options.dir, { recursive: true });
  const registrations = new ChunkedWriter(path.join(options.dir, 'registrations.csv'), REGISTRATION_HEADERS);
  const shareholders = new ChunkedWriter(path.join(options.dir, 'shareholders.csv'), SHAREHOLDER_HEADERS);

  for (let i = 0; i < n; i++) {
    const firm = firmIdentityAt(seed, i);
    const r = firm.rng;
    const usd = r.chance(0.04);
    const wan = r.pick([10, 50, 100, 100, 200, 300, 500, 500, 1000, 1000, 2000, 3000, 5000, 10000]);
    const repPerson = personAt(seed, r.int(0, population - 1));
    const repFull = r.chance(0.6);
    const rep = { name: repPerson.name, id: repFull ? repPerson.id : maskResidentId(repPerson.id) };
    // Shell clusters: a few agent addresses take most of the clustered firms (u² skews towards 0).
    const address = r.chance(0.22)
      ? clusterAddress(seed, Math.floor(clusters * r.float() ** 2))
      : `${r.chance(0.4) ? division(firm.divisionCode).provinceName : ''}${cityPart(firm.divisionCode)}${r.pick(ROADS)}${r.int(1, 999)}号${r.chance(0.5) ? `${r.int(1, 20)}幢${r.int(1, 30)}${String(r.int(1, 20)).padStart(2, '0')}室` : ''}`;

    const count = r.weighted<number>([[1, 35], [2, 35], [3, 15], [4, 10], [5, 5]]);
    const shares = splitPercent(r, count);
    const holders: string[][] = [];
    const used = new Set<string>();
    let persons = 0;
    for (const [h, pct] of shares.entries()) {
      let row: string[] | null = null;
      if (h === 0 && r.chance(0.5)) {
        row = [rep.name, '自然人股东', rep.id];
      } else if (r.chance(0.25)) {
        const holder = i > 0 && r.chance(0.85) ? firmIdentityAt(seed, r.int(0, i - 1)) : firmIdentityAt(seed, r.int(0, outsideFirms - 1), true);
        if (holder.uscc !== firm.uscc) row = [holder.name, r.pick(['企业法人', '法人股东', '有限责任公司']), holder.uscc];
      }
      if (!row || used.has(row[0]!)) {
        for (;;) {
          const p = personAt(seed, r.int(0, population - 1));
          if (used.has(p.name)) continue;
          row = [p.name, '自然人股东', r.chance(0.6) ? p.id : maskResidentId(p.id)];
          break;
        }
      }
      used.add(row[0]!);
      if (row[1] === '自然人股东') persons++;
      const amount = Math.round(wan * pct) / 100;
      holders.push([firm.uscc, firm.name, row[0]!, row[1]!, row[2]!, `${pct}%`, usd ? `${amount}万美元` : `${amount}万元`]);
    }
    const companyType = usd
      ? '有限责任公司(台港澳与境内合资)'
      : firm.name.endsWith('股份有限公司')
        ? '股份有限公司(非上市、自然人投资或控股)'
        : persons === holders.length
          ? persons === 1
            ? '有限责任公司(自然人独资)'
            : '有限责任公司(自然人投资或控股)'
          : '其他有限责任公司';
    const former = r.chance(0.05) ? `${placeName(firm.divisionCode)}${r.pick(TRADE_FIRST)}${r.pick(TRADE_SECOND)}${firm.industry.name}有限公司` : '';
    registrations.row([
      firm.uscc, firm.name, former, companyType,
      r.weighted<string>([['存续', 80], ['在业', 5], ['吊销', 8], ['注销', 5], ['迁出', 2]]),
      rep.name, rep.id, capitalText(r, wan, usd), dateText(r), authority(firm.divisionCode), address, firm.industry.scope,
    ]);
    for (const h of holders) shareholders.row(h);
  }
  registrations.close();
  shareholders.close();
  return {
    registrations: registrations.file,
    shareholders: shareholders.file,
    firms: n,
    rows: { registrations: registrations.rows, shareholders: shareholders.rows, total: registrations.rows + shareholders.rows },
  };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const firms = Number(arg('--firms') ?? 10_000);
  const out = arg('--out') ?? path.join('.bench', `province-${firms}`);
  const province = writeSyntheticProvince({ dir: out, firms, seed: arg('--seed') ? Number(arg('--seed')) : undefined });
  process.stdout.write(`${province.registrations}\n${province.shareholders}\n${province.rows.total} rows (${province.rows.registrations} + ${province.rows.shareholders})\n`);
}
