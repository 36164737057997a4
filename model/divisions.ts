/**
 * GB/T 2260 administrative divisions: resolve the division codes found in USCCs,
 * registration numbers and ID numbers, and the division names that begin addresses.
 *
 * Real codes are often not in the current table (retired codes, 市辖区 XX01 codes,
 * development zones): they resolve through the code history, then fall back from
 * 6 to 4 to 2 digits. Nothing here throws on an unknown code.
 */
import data from './data/divisions.json' with { type: 'json' };
import { followHistory, isCurrentCode, type DivisionTables, type RetiredEntry } from './divisionHistory.ts';
import { compact } from './text.ts';

const tables: DivisionTables = {
  provinces: data.provinces as Record<string, string>,
  cities: data.cities as Record<string, string>,
  districts: data.districts as Record<string, string>,
  retired: data.retired as unknown as Record<string, RetiredEntry>,
};

export type DivisionLevel = 'province' | 'city' | 'district';
export type DivisionVia = 'exact' | 'history' | 'city-fallback' | 'province-fallback' | 'national';

export interface ResolvedDivision {
  /** The current 6-digit code the input resolved to. */
  code: string;
  provinceCode: string;
  provinceName: string;
  cityCode?: string;
  /** Absent for the placeholder cities of municipalities and 省直辖县级行政区划. */
  cityName?: string;
  districtName?: string;
  /** e.g. '江苏省南京市鼓楼区'. */
  fullName: string;
  level: DivisionLevel;
  via: DivisionVia;
  /** The retired name the input carried, when it resolved through the history (e.g. '莱芜市'). */
  formerName?: string;
}

/** Placeholder prefecture names that never appear in an address or a full name. */
const PLACEHOLDER_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

export const NATIONAL_CODE = '100000';

function normalizeCode(raw: string): string | null {
  const c = compact(raw);
  if (/^\d{6}$/.test(c)) return c;
  if (/^\d{2}$/.test(c)) return c + '0000';
  if (/^\d{4}$/.test(c)) return c + '00';
  return null;
}

/** Resolution of a code that is in the current tables. */
function exact(code: string, via: DivisionVia): ResolvedDivision | null {
  if (!isCurrentCode(tables, code)) return null;
  const provinceCode = code.slice(0, 2) + '0000';
  const provinceName = tables.provinces[code.slice(0, 2)];
  if (!provinceName) return null;
  if (code.endsWith('0000')) {
    return { code, provinceCode, provinceName, fullName: provinceName, level: 'province', via };
  }
  const cityCode = code.slice(0, 4) + '00';
  const rawCity = tables.cities[code.slice(0, 4)];
  const cityName = rawCity && !PLACEHOLDER_CITY.test(rawCity) ? rawCity : undefined;
  const base = { provinceCode, provinceName, cityCode, ...(cityName ? { cityName } : {}) };
  if (code.endsWith('00')) {
    return { code, ...base, fullName: provinceName + (cityName ?? ''), level: 'city', via };
  }
  const districtName = tables.districts[code]!;
  return {
    code,
    ...base,
    districtName,
    fullName: provinceName + (cityName ?? '') + districtName,
    level: 'district',
    via,
  };
}

/** The narrowest current division containing all the given current codes. */
function commonAncestor(codes: readonly string[]): string | null {
  const first = codes[0];
  if (!first) return null;
  if (codes.every((c) => c === first)) return first;
  const city = first.slice(0, 4);
  if (codes.every((c) => c.startsWith(city)) && isCurrentCode(tables, city + '00')) return city + '00';
  const province = first.slice(0, 2);
  if (codes.every((c) => c.startsWith(province))) return province + '0000';
  return null;
}

function viaHistory(code: string): ResolvedDivision | null {
  const entry = tables.retired[code];
  if (!entry) return null;
  const target = commonAncestor(followHistory(tables, code));
  if (!target) return null;
  const r = exact(target, 'history');
  return r ? { ...r, formerName: entry[0] } : null;
}

function national(): ResolvedDivision {
  return {
    code: NATIONAL_CODE,
    provinceCode: NATIONAL_CODE,
    provinceName: '国家级',
    fullName: '国家级',
    level: 'province',
    via: 'national',
  };
}

export function resolveDivision(raw: string): ResolvedDivision | null {
  const code = normalizeCode(raw);
  if (!code) return null;
  if (code === NATIONAL_CODE) return national();
  const direct = exact(code, 'exact') ?? viaHistory(code);
  if (direct) return direct;
  if (!code.endsWith('00')) {
    const city = code.slice(0, 4) + '00';
    const r = exact(city, 'city-fallback') ?? viaHistory(city);
    if (r) return { ...r, via: 'city-fallback' };
  }
  if (!code.endsWith('0000')) {
    const r = exact(code.slice(0, 2) + '0000', 'province-fallback');
    if (r) return r;
  }
  return null;
}

export function provinceOf(raw: string): { code: string; name: string } | null {
  const r = resolveDivision(raw);
  return r ? { code: r.provinceCode, name: r.provinceName } : null;
}

/**
 * Whether a code lies inside a jurisdiction (a province, city or district code).
 * Decided on resolved current codes, so a retired code counts where its territory is
 * now. A code known only to city level is not within one of that city's districts:
 * it cannot be shown to be. The national code '100000' as jurisdiction contains
 * everything resolvable.
 */
export function isWithin(raw: string, jurisdictionRaw: string): boolean {
  const j = resolveDivision(jurisdictionRaw);
  const c = resolveDivision(raw);
  if (!j || !c) return false;
  if (j.via === 'national') return true;
  if (c.via === 'national') return false;
  switch (j.level) {
    case 'province':
      return c.provinceCode === j.provinceCode;
    case 'city':
      return c.level !== 'province' && c.cityCode === j.cityCode;
    case 'district':
      return c.level === 'district' && c.code === j.code;
  }
}

// ---------------------------------------------------------------------------
// Addresses

interface NameEntry {
  name: string;
  code: string;
  level: DivisionLevel;
  /** A retired division: only trusted once a province or city has narrowed the scope. */
  retired: boolean;
  /** A short form (南京 for 南京市): a city's is only trusted with context, see below. */
  short: boolean;
}

const PROVINCE_SUFFIX = /(省|市|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$/;

function buildNameIndex(): NameEntry[] {
  const out: NameEntry[] = [];
  for (const [pp, name] of Object.entries(tables.provinces)) {
    const code = pp + '0000';
    out.push({ name, code, level: 'province', retired: false, short: false });
    const short = name.replace(PROVINCE_SUFFIX, '');
    if (short !== name && short.length >= 2) out.push({ name: short, code, level: 'province', retired: false, short: true });
  }
  for (const [ppcc, name] of Object.entries(tables.cities)) {
    if (PLACEHOLDER_CITY.test(name)) continue;
    const code = ppcc + '00';
    out.push({ name, code, level: 'city', retired: false, short: false });
    const short = name.replace(/(市|地区)$/, '');
    if (short !== name && short.length >= 2) out.push({ name: short, code, level: 'city', retired: false, short: true });
  }
  for (const [code, name] of Object.entries(tables.districts)) {
    out.push({ name, code, level: 'district', retired: false, short: false });
  }
  const currentNames = new Set(out.map((e) => e.name));
  for (const [code, [name]] of Object.entries(tables.retired)) {
    if (code.endsWith('0000') || currentNames.has(name)) continue;
    out.push({ name, code, level: code.endsWith('00') ? 'city' : 'district', retired: true, short: false });
  }
  return out;
}

/** The names by their first character: an address position only meets the names it could start. */
let namesByFirstChar: Map<string, NameEntry[]> | null = null;

function namesStartingWith(char: string): readonly NameEntry[] {
  if (!namesByFirstChar) {
    namesByFirstChar = new Map();
    for (const e of buildNameIndex()) {
      const list = namesByFirstChar.get(e.name.charAt(0));
      if (list) list.push(e);
      else namesByFirstChar.set(e.name.charAt(0), [e]);
    }
  }
  return namesByFirstChar.get(char) ?? [];
}

const LEVEL_RANK: Record<DivisionLevel, number> = { province: 0, city: 1, district: 2 };

/**
 * Registering authorities repeat on every row of their district (a few hundred distinct texts in
 * a province), so their divisions are remembered; bounded so a file of unique addresses cannot
 * grow it without end.
 */
const CACHE_LIMIT = 20_000;
const addressCache = new Map<string, ResolvedDivision | null>();

/**
 * The division an address starts with, as far as it is unambiguous.
 * '江苏省南京市鼓楼区…' and '南京市鼓楼区…' give the district; '鼓楼区…' alone names
 * districts in four cities and gives null; '江苏省鼓楼区…' (南京 or 徐州) gives only 江苏省.
 */
export function divisionFromAddress(address: string): ResolvedDivision | null {
  const cached = addressCache.get(address);
  if (cached !== undefined) return cached && { ...cached };
  const found = findDivision(address);
  if (addressCache.size >= CACHE_LIMIT) addressCache.clear();
  addressCache.set(address, found);
  return found && { ...found };
}

function findDivision(address: string): ResolvedDivision | null {
  const text = compact(address);
  let pos = 0;
  let province: string | null = null;
  let city: string | null = null;
  let districts: NameEntry[] = [];

  const inScope = (e: NameEntry): boolean => {
    if (city) return e.code.startsWith(city.slice(0, 4));
    if (province) return e.code.startsWith(province.slice(0, 2));
    return true;
  };

  while (pos < text.length && districts.length === 0) {
    const at = pos;
    const matches = namesStartingWith(text.charAt(at)).filter((e) => {
      if (!text.startsWith(e.name, at)) return false;
      if (e.level === 'province') return province === null && city === null;
      if (e.level === 'city' && city !== null) return false;
      if (!inScope(e)) return false;
      if (e.retired && province === null && city === null) return false;
      return true;
    });
    // A short city name (南京) without a province before it is only a division when a
    // district of that city follows; otherwise it may be a road or a trade name.
    const usable = matches.filter((e) => {
      if (!(e.level === 'city' && e.short && province === null)) return true;
      const after = at + e.name.length;
      return namesStartingWith(text.charAt(after)).some(
        (d) => d.level === 'district' && !d.retired && d.code.startsWith(e.code.slice(0, 4)) && text.startsWith(d.name, after),
      );
    });
    if (usable.length === 0) break;
    const longest = Math.max(...usable.map((e) => e.name.length));
    const best = usable
      .filter((e) => e.name.length === longest)
      .sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
    const top = best[0]!;
    if (top.level === 'province') province = top.code;
    else if (top.level === 'city') {
      const sameLevel = best.filter((e) => e.level === 'city');
      if (new Set(sameLevel.map((e) => e.code)).size > 1) break;
      city = top.code;
    } else {
      districts = best.filter((e) => e.level === 'district');
    }
    pos += longest;
  }

  const resolveEntry = (code: string, retired: boolean): ResolvedDivision | null => {
    const r = resolveDivision(code);
    if (!r) return null;
    return retired ? r : { ...r, via: 'exact' };
  };

  const uniqueDistricts = [...new Map(districts.map((d) => [d.code, d])).values()];
  if (uniqueDistricts.length === 1) {
    const d = uniqueDistricts[0]!;
    return resolveEntry(d.code, d.retired);
  }
  if (uniqueDistricts.length > 1) {
    const resolved = uniqueDistricts.map((d) => resolveDivision(d.code)?.code ?? d.code);
    const common = commonAncestor(resolved);
    if (common) return resolveEntry(common, false);
  }
  if (city) return resolveEntry(city, tables.retired[city] !== undefined);
  if (province) return resolveEntry(province, false);
  return null;
}
