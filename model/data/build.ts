/**
 * Builds model/data/divisions.json from the two source datasets (see README.md):
 *
 *   npx tsx model/data/build.ts --admin DIR --history FILE
 *
 * Build-time only: the runtime model imports the JSON it writes and does no I/O.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { followHistory, isCurrentCode, type DivisionTables, type RetiredEntry } from '../divisionHistory.ts';

const here = dirname(fileURLToPath(import.meta.url));
// The sources are not shipped (about 700 KB, needed only to regenerate divisions.json, never by
// tests or at run time): each is named explicitly, fetched at the commit README.md gives.
const arg = (name: string): string => {
  const i = process.argv.indexOf(name);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1]!;
  console.error(`缺少参数 ${name}（来源见 model/data/README.md）/ missing ${name} (sources: model/data/README.md)`);
  process.exit(2);
};
const adminDir = arg('--admin');
const historyCsv = arg('--history');

type Row = { code: string; name: string };
const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(adminDir, file), 'utf8')) as T;

const provinces: Record<string, string> = {};
const cities: Record<string, string> = {};
const districts: Record<string, string> = {};
for (const p of readJson<Row[]>('provinces.json')) provinces[p.code] = p.name;
for (const c of readJson<Row[]>('cities.json')) cities[c.code] = c.name;
for (const a of readJson<Row[]>('areas.json')) {
  // 东莞市/中山市/儋州市 have no districts: modood lists the city again as its own area.
  if (a.code.endsWith('00') && a.code.slice(0, 4) in cities) continue;
  districts[a.code] = a.name;
}

// result.csv: 代码,一级行政区,二级行政区,名称,级别,状态,启用时间,变更/弃用时间,新代码
interface HistoryRow { code: string; name: string; status: string; end: number; successors: string }
const rows: HistoryRow[] = readFileSync(historyCsv, 'utf8')
  .replace(/^\uFEFF/, '')
  .split(/\r?\n/)
  .slice(1)
  .filter((l) => l.trim() !== '')
  .map((l) => {
    const f = l.split(',');
    return { code: f[0]!, name: f[3]!, status: f[5]!, end: Number(f[7] || 0), successors: f[8] ?? '' };
  });

// Codes still in use in the history but missing from the 2023 table (2024 changes, 台湾/香港/澳门).
for (const r of rows) {
  if (r.status !== '在用') continue;
  const t = { provinces, cities, districts, retired: {} };
  if (isCurrentCode(t, r.code)) continue;
  if (r.code.endsWith('0000')) provinces[r.code.slice(0, 2)] = r.name;
  else if (r.code.endsWith('00')) cities[r.code.slice(0, 4)] = r.name;
  else districts[r.code] = r.name;
}

const retired: Record<string, RetiredEntry> = {};
const tables: DivisionTables = { provinces, cities, districts, retired };
for (const r of rows) {
  if (r.status === '在用' || isCurrentCode(tables, r.code)) continue;
  const prev = retired[r.code];
  // Codes are reused: keep the most recent meaning, the one recent records carry.
  if (prev && prev[1] >= r.end) continue;
  // "code[year]" marks territory handed over earlier, not the successor at retirement.
  const successors = r.successors
    .split(';')
    .map((s) => s.trim())
    .filter((s) => /^\d{6}$/.test(s) && s !== r.code);
  retired[r.code] = [r.name, r.end, successors];
}

// A prefecture abolished without a named successor: if every county it held (retired
// with it) now lies in one city, that city is its successor. Otherwise leave it to the
// province fallback rather than guess.
for (const [code, entry] of Object.entries(retired)) {
  if (entry[2].length > 0 || !code.endsWith('00') || code.endsWith('0000')) continue;
  const prefix = code.slice(0, 4);
  const children = Object.entries(retired).filter(([c]) => c.startsWith(prefix) && !c.endsWith('00'));
  const sameYear = children.filter(([, e]) => e[1] === entry[1]);
  const use = sameYear.length > 0 ? sameYear : children;
  const citiesReached = new Set(
    use.flatMap(([c]) => followHistory(tables, c)).map((c) => c.slice(0, 4) + '00'),
  );
  if (citiesReached.size === 1) {
    const [city] = citiesReached;
    if (isCurrentCode(tables, city!)) retired[code] = [entry[0], entry[1], [city!]];
  }
}

const sortObject = <T>(o: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

const out = {
  provinces: sortObject(provinces),
  cities: sortObject(cities),
  districts: sortObject(districts),
  retired: sortObject(retired),
};
writeFileSync(join(here, 'divisions.json'), JSON.stringify(out) + '\n');
