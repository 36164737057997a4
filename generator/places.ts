/**
 * Divisions, registering authorities and addresses. The generator writes place names the way
 * registers print them (江苏省南京市鼓楼区…, or without the province), from the GB/T 2260 table the
 * model carries, so the importer resolves every address and authority to the intended district.
 */
import data from '../model/data/divisions.json' with { type: 'json' };
import { resolveDivision, type ResolvedDivision } from '../model/divisions.ts';
import type { Rng } from './rng.ts';
import { BUILDINGS, ROADS } from './vocabulary.ts';

const districts = data.districts as Record<string, string>;
const provinces = data.provinces as Record<string, string>;

export function division(code: string): ResolvedDivision {
  const d = resolveDivision(code);
  if (!d || d.via !== 'exact') throw new Error(`generator: division ${code} is not a current GB/T 2260 code`);
  return d;
}

/** Current district codes under a province or city code, in code order. */
export function districtsUnder(code: string): string[] {
  const prefix = code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;
  return Object.keys(districts)
    .filter((c) => c.startsWith(prefix))
    .sort();
}

/** The one-character form in case and document numbers: 苏公经立字〔2019〕12号, 沪府〔2015〕12号. */
const ABBREVIATIONS: Record<string, string> = {
  '11': '京', '12': '津', '13': '冀', '14': '晋', '15': '蒙', '21': '辽', '22': '吉', '23': '黑', '31': '沪', '32': '苏', '33': '浙', '34': '皖',
  '35': '闽', '36': '赣', '37': '鲁', '41': '豫', '42': '鄂', '43': '湘', '44': '粤', '45': '桂', '46': '琼', '50': '渝', '51': '川', '52': '贵',
  '53': '云', '54': '藏', '61': '陕', '62': '甘', '63': '青', '64': '宁', '65': '新',
};

export function provinceAbbreviation(code: string): string {
  return ABBREVIATIONS[code.slice(0, 2)] ?? '';
}

export function provinceName(code: string): string {
  const name = provinces[code.slice(0, 2)];
  if (!name) throw new Error(`generator: no province ${code}`);
  return name;
}

/**
 * A jurisdiction's districts with weights: the capital (the first city) and the second and
 * fifth cities (Wuxi and Suzhou in Jiangsu) register more firms, and urban districts (codes
 * below 20 within their city) more than counties.
 */
export function weightedDistricts(jurisdiction: string): Array<readonly [string, number]> {
  const codes = districtsUnder(jurisdiction);
  const cities = [...new Set(codes.map((c) => c.slice(0, 4)))].sort();
  return codes.map((c) => {
    const cityRank = cities.indexOf(c.slice(0, 4));
    const cityWeight = cityRank === 0 ? 4 : cityRank === 1 || cityRank === 4 ? 2.5 : 1;
    const urban = Number(c.slice(4)) < 20 ? 1.6 : 1;
    return [c, cityWeight * urban] as const;
  });
}

/** The place a firm name starts with: 南京 for a Nanjing district, 昆山 for the county-level city. */
export function placeName(code: string): string {
  const d = division(code);
  if (d.districtName?.endsWith('市')) return d.districtName.slice(0, -1);
  if (d.cityName) return d.cityName.replace(/(市|地区|自治州|盟)$/, '');
  return d.provinceName.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
}

/** The market-regulation bureau that registers firms of a division. */
export function authorityName(code: string): string {
  const d = division(code);
  if (d.level === 'province') return `${d.provinceName}市场监督管理局`;
  const district = d.districtName ?? '';
  // A county-level city has its own bureau, named without the prefecture.
  if (district.endsWith('市')) return `${district}市场监督管理局`;
  if (!d.cityName) return `${d.provinceName}${district}市场监督管理局`;
  return `${d.cityName}${district}市场监督管理局`;
}

/** The division part of an address; many registers leave out the province, municipalities never do. */
export function addressPrefix(code: string, rng: Rng): string {
  const d = division(code);
  const cityPart = (d.cityName ?? '') + (d.districtName ?? '');
  if (!d.cityName) return d.provinceName + cityPart;
  return (rng.chance(0.45) ? d.provinceName : '') + cityPart;
}

export function streetAddress(code: string, rng: Rng): string {
  const road = rng.pick(ROADS);
  const no = rng.int(1, 599);
  const r = rng.float();
  let rest = '';
  if (r < 0.45) rest = `${rng.int(1, 12)}幢${rng.int(1, 28)}${String(rng.int(1, 20)).padStart(2, '0')}室`;
  else if (r < 0.7) rest = `${rng.pick(['金鼎', '华泰', '汇通', '新城', '国际', '环球', '未来', '星河'])}${rng.pick(BUILDINGS)}${rng.int(2, 30)}层`;
  return `${addressPrefix(code, rng)}${road}${no}号${rest}`;
}

/** Area codes of the first city of each province, for landline numbers; others get a mobile. */
const AREA_CODES: Record<string, string> = {
  '3201': '025', '3202': '0510', '3203': '0516', '3204': '0519', '3205': '0512', '3206': '0513', '3207': '0518',
  '3208': '0517', '3209': '0515', '3210': '0514', '3211': '0511', '3212': '0523', '3213': '0527',
  '1101': '010', '3101': '021', '1201': '022', '5001': '023', '4401': '020', '4403': '0755', '3301': '0571',
  '3401': '0551', '3701': '0531', '4601': '0898', '5101': '028', '4201': '027', '3501': '0591',
};

export function areaCode(code: string): string | null {
  return AREA_CODES[code.slice(0, 4)] ?? null;
}
