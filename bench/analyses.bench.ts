import neo4j from 'neo4j-driver';
import { connect, queryTimings, type Graph } from '../cypher/run.ts';
import { int } from '../cypher/values.ts';
import { analyses, runAnalysis, type AnalysisSettings } from '../analyses/index.ts';
import type { Truth } from '../generator/index.ts';
import { benchQuery, markdownTable, type BenchRow, type Benchmark } from './bench.ts';
import { loadProvince } from './province.ts';

/**
 * The analyses on a generated province (generator/, seed 1) loaded with bulk-load into a Neo4j of
 * this benchmark's own: each analysis's latency (p50/p95 over a sample of start entities, or one
 * whole-province run) next to a naive Cypher query for the same question (bench/cypher/naive/),
 * measured in the same run on the same database. See BENCHMARKS.md for the goals.
 */

/** Start entities per sample; the naive queries get fewer, since some take seconds each. */
const SAMPLE = 100;
const NAIVE_SAMPLE = 20;
/** A naive query still running after this is stopped and counted at this time (shown as "≥"). */
const NAIVE_TIMEOUT_MS = 20_000;
const WHOLE_RUNS = 5;

interface Timing {
  p50: number;
  p95: number;
  n: number;
  timeouts: number;
}

function percentiles(ms: number[], timeouts = 0): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), n: sorted.length, timeouts };
}

/**
 * Where one measured figure's time went: per query file, the calls and the server's own time
 * (cypher/run.ts records them with CHUANTOU_QUERY_TIMINGS, which `npm run bench` sets); the rest
 * of the wall time is round trips, the driver and the analysis's TypeScript.
 */
const profile: string[][] = [];

/**
 * The analysis on every item, after one untimed pass over them: the pages they touch are then in
 * the page cache for the timed pass and for the naive query after it, so that both are measured
 * on a warm cache — a cold one measures the disk (a first, cold pass at 1M firms: p95 72 ms for
 * beneficial owners on pyramid bottoms, against 36 ms warm).
 */
async function timeEach<T>(label: string, items: T[], fn: (item: T) => Promise<unknown>): Promise<Timing> {
  for (const item of new Set(items)) await fn(item);
  const ms: number[] = [];
  const before = new Map([...queryTimings].map(([k, v]) => [k, { ...v }]));
  for (const item of items) {
    const started = performance.now();
    await fn(item);
    ms.push(performance.now() - started);
  }
  const wall = ms.reduce((a, b) => a + b, 0);
  let server = 0;
  let calls = 0;
  const files: string[] = [];
  for (const [name, t] of queryTimings) {
    const b = before.get(name) ?? { calls: 0, ms: 0 };
    if (t.calls === b.calls) continue;
    server += t.ms - b.ms;
    calls += t.calls - b.calls;
    files.push(`${name.replace(/^analyses\//, '')} ${t.calls - b.calls}× ${Math.round(t.ms - b.ms)} ms`);
  }
  const per = (v: number) => Math.round((v / items.length) * 10) / 10;
  profile.push([label, String(items.length), String(per(wall)), String(per(server)), String(per(wall - server)), String(Math.round((calls / items.length) * 10) / 10), files.join('; ')]);
  return percentiles(ms);
}

/** The naive query per item, each under a transaction timeout; a timed-out one counts as the timeout. */
async function timeNaive(graph: Graph, query: string, paramsList: Record<string, unknown>[]): Promise<Timing> {
  const ms: number[] = [];
  let timeouts = 0;
  for (const params of paramsList) {
    const session = graph.driver.session({ defaultAccessMode: neo4j.session.READ });
    const started = performance.now();
    try {
      await session.executeRead((tx) => tx.run(query, params), { timeout: NAIVE_TIMEOUT_MS });
      ms.push(performance.now() - started);
    } catch (error) {
      if (!/timeout|terminated|TransactionTimedOut/i.test(String((error as Error).message) + String((error as { code?: string }).code))) throw error;
      timeouts++;
      ms.push(NAIVE_TIMEOUT_MS);
    } finally {
      await session.close();
    }
  }
  return percentiles(ms, timeouts);
}

const ms = (v: number) => Math.round(v * 10) / 10;
const naiveText = (t: Timing, v: number) => (t.timeouts > 0 && v >= NAIVE_TIMEOUT_MS ? `≥ ${NAIVE_TIMEOUT_MS}` : ms(v));

function rows(metric: string, ours: Timing, naive: Timing | null, goal: string): BenchRow[] {
  const note = (t: Timing, who: string) => `${who}: ${t.n} runs${t.timeouts > 0 ? `, ${t.timeouts} stopped at ${NAIVE_TIMEOUT_MS / 1000} s` : ''}`;
  return (['p50', 'p95'] as const).map((q) => ({
    metric: `${metric} ${q} (ms)`,
    value: ms(ours[q]),
    baseline: naive ? naiveText(naive, naive[q]) : null,
    ratio: naive ? ms(naive[q] / ours[q]) : null,
    note: [note(ours, 'analysis'), naive ? note(naive, 'naive') : 'no naive baseline', q === 'p95' ? `goal: ${goal}` : ''].filter(Boolean).join('; '),
  }));
}

/** Pairs of firms known to be linked (a planted controller's firms), and pairs chosen far apart. */
function pathPairs(truth: Truth, firms: string[]): { from: string; to: string }[] {
  const linked = truth.planted.flaggedControllers.flatMap((c) => c.flaggedFirms.slice(1).map((to) => ({ from: c.flaggedFirms[0]!, to })));
  const spread = firms.slice(0, firms.length / 2).map((from, i) => ({ from, to: firms[firms.length - 1 - i]! }));
  return [...linked, ...spread].slice(0, SAMPLE);
}

const benchmark: Benchmark = {
  name: 'analyses',
  description: 'each analysis beside a naive Cypher query for the same question, on a generated province loaded by bulk-load',
  async run(ctx) {
    const { truth, server } = await loadProvince(ctx);
    const graph = connect({ uri: server.uri, ...server.auth });
    const settings: AnalysisSettings = { jurisdiction: truth.jurisdiction.code };
    const out: BenchRow[] = [];
    const registered = (name: string) => name in analyses;
    try {
      const keysOf = async (query: string) =>
        (await graph.driver.executeQuery(benchQuery(query), { n: int(SAMPLE) }, { routing: 'READ' })).records.map((r) => r.get('key') as string);
      const deep = await keysOf('samples/deepFirms');
      const cyclic = await keysOf('samples/cyclicFirms');
      const webs = await keysOf('samples/webFirms');
      const spreadRecord = (await graph.driver.executeQuery(benchQuery('samples/spread'), { n: int(SAMPLE) }, { routing: 'READ' })).records[0]!;
      const firms = spreadRecord.get('firms') as string[];
      const persons = spreadRecord.get('persons') as string[];
      ctx.log(`samples: ${deep.length} deep, ${cyclic.length} on rings, ${webs.length} in webs, ${firms.length} firms, ${persons.length} persons`);

      // Compile the naive query's plan, so its first timed run does not pay for it.
      await timeNaive(graph, benchQuery('naive/beneficialOwners'), firms.slice(0, 3).map((firm) => ({ firm })));

      const naiveBo = benchQuery('naive/beneficialOwners');
      const stopLoad = ctx.otherLoad();
      const boSamples: [string, string[], number, string][] = [
        ['bottoms of pyramids of ≥ 4 levels', deep, NAIVE_SAMPLE, 'p95 ≤ 50 ms and ≥ 10× the naive query'],
        ['on cross-holding rings of 2–4 firms', cyclic, NAIVE_SAMPLE, 'p95 ≤ 50 ms and ≥ 10× the naive query'],
        // Fewer naive runs: on a web most of them run into the timeout.
        ['in cross-holding webs of 4–6 firms', webs, NAIVE_SAMPLE / 2, 'p95 ≤ 50 ms and ≥ 10× the naive query'],
        ['ordinary firms', firms, NAIVE_SAMPLE, '—'],
      ];
      for (const [label, sample, naiveRuns, goal] of boSamples.filter(([, sample]) => sample.length > 0)) {
        out.push(
          ...rows(
            `beneficial-owners, ${label}`,
            await timeEach(`beneficial-owners, ${label}`, sample, (firm) => runAnalysis(graph, 'beneficial-owners', { firm }, settings)),
            await timeNaive(graph, naiveBo, sample.slice(0, naiveRuns).map((firm) => ({ firm }))),
            goal,
          ),
        );
      }
      const entities = [...firms.slice(0, SAMPLE / 2), ...persons.slice(0, SAMPLE / 2)];
      if (registered('neighborhood')) {
        out.push(
          ...rows(
            'neighborhood, 2 hops, capped',
            await timeEach('neighborhood', entities, (key) => runAnalysis(graph, 'neighborhood', { key, depth: 2 }, settings)),
            await timeNaive(graph, benchQuery('naive/neighborhood'), entities.slice(0, NAIVE_SAMPLE).map((key) => ({ key }))),
            'p95 ≤ 100 ms',
          ),
        );
      }
      if (registered('paths')) {
        const pairs = pathPairs(truth, firms);
        out.push(
          ...rows(
            'paths, ≤ 6 hops, hubs pruned',
            await timeEach('paths', pairs, (p) => runAnalysis(graph, 'paths', { ...p, maxHops: 6 }, settings)),
            await timeNaive(graph, benchQuery('naive/paths'), pairs.slice(0, NAIVE_SAMPLE)),
            'p95 ≤ 200 ms',
          ),
        );
      }
      const province = truth.jurisdiction.code.slice(0, 2);
      const wholeProvince: { analysis: string; params: Record<string, unknown>; naive: string | null; naiveParams: Record<string, unknown>; goal: string }[] = [
        { analysis: 'flagged-controllers', params: {}, naive: 'naive/flaggedControllers', naiveParams: {}, goal: '≤ 2 s' },
        { analysis: 'out-of-province-venues', params: {}, naive: 'naive/outOfProvinceVenues', naiveParams: { province }, goal: '≤ 2 s' },
        { analysis: 'keyword-screen', params: {}, naive: 'naive/keywordScreen', naiveParams: { keywords: ['交易所', '交易中心', '交易市场', '贵金属', '金融', '资产管理', '理财', '基金', '投资管理', '财富管理', '网贷', 'P2P'] }, goal: '—' },
        { analysis: 'shell-clusters', params: {}, naive: 'naive/shellClusters', naiveParams: {}, goal: '—' },
        { analysis: 'unapproved-changes', params: {}, naive: null, naiveParams: {}, goal: '—' },
        { analysis: 'bo-mismatch', params: {}, naive: null, naiveParams: {}, goal: '—' },
      ];
      for (const w of wholeProvince.filter((x) => registered(x.analysis))) {
        // The naive query once untimed too (timeEach warms the analysis): its plan compiled.
        if (w.naive) await timeNaive(graph, benchQuery(w.naive), [w.naiveParams]);
        const runs = Array.from({ length: WHOLE_RUNS }, () => w.params);
        out.push(
          ...rows(
            `${w.analysis}, whole province`,
            await timeEach(w.analysis, runs, (params) => runAnalysis(graph, w.analysis, params, settings)),
            w.naive ? await timeNaive(graph, benchQuery(w.naive), [w.naiveParams, w.naiveParams]) : null,
            w.goal,
          ),
        );
      }
      out.push({ metric: 'CPU used by other processes (mean busy cores)', value: Math.round(stopLoad() * 100) / 100 });
      if (profile.length > 0 && queryTimings.size > 0) {
        ctx.detail(
          `Analyses profile, ${ctx.size.label}: mean per run, the server's time against the wall time`,
          markdownTable(['figure', 'runs', 'wall ms', 'server ms', 'rest ms (round trips, driver, TypeScript)', 'queries per run', 'query files (calls, server ms in all)'], profile.splice(0)),
        );
      }
      return out;
    } finally {
      await graph.close();
      await server.stop();
    }
  },
};

export default benchmark;
