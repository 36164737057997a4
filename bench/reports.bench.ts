import { connect } from '../cypher/run.ts';
import { runAnalysis, type AnalysisSettings } from '../analyses/index.ts';
import { reportPdf } from '../exporters/pdf.ts';
import { diffReportRuns, diffRuns } from '../reports/diff.ts';
import { openReportRun, runAdHocReport, type Runner } from '../reports/runs.ts';
import type { BenchRow, Benchmark } from './bench.ts';
import { loadProvince } from './province.ts';

/**
 * Reports on a generated province: a report run (the analysis, its data sources, the canonical
 * document, its SHA-256, stored) next to the same analysis alone; the PDF of its 1,000 findings;
 * the diff of two runs of 10,000 findings. The keyword screen gives as many findings as asked for
 * (`limit`) at any size, so the figures are about the report, not the analysis.
 * Goals (issue 13): the report adds ≤ 50% to the analysis; the PDF of 1,000 findings ≤ 15 s; the
 * diff ≤ 1 s. Runs are deleted afterwards: a kept province stays as it was loaded.
 */

const RUNS = 3;

const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

const benchmark: Benchmark = {
  name: 'reports',
  description: 'a report run beside its analysis alone, the PDF of 1,000 findings and the diff of two runs of 10,000 findings',
  async run(ctx) {
    const { truth, server } = await loadProvince(ctx);
    const graph = connect({ uri: server.uri, ...server.auth });
    const settings: AnalysisSettings = { jurisdiction: truth.jurisdiction.code };
    const reportSettings = { ...settings, office: '基准测试 / benchmark' };
    const runner: Runner = { name: 'bench', role: 'investigator', via: 'cli' };
    const out: BenchRow[] = [];
    try {
      const screen = { limit: 1000 };
      await runAnalysis(graph, 'keyword-screen', screen, settings); // warm the page cache and the plans
      const alone: number[] = [];
      const report: number[] = [];
      let runId = '';
      for (let i = 0; i < RUNS; i++) {
        alone.push((await timed(() => runAnalysis(graph, 'keyword-screen', screen, settings))).ms);
        const r = await timed(() => runAdHocReport(graph, runner, { analysis: 'keyword-screen', params: screen, title: 'bench' }, 'cli', reportSettings));
        report.push(r.ms);
        runId = r.value.id;
      }
      const { document, summary } = await openReportRun(graph, runner, runId);
      out.push({
        metric: `report run of keyword-screen, ${summary.findingCount} findings, median of ${RUNS} (ms)`,
        value: Math.round(median(report)),
        baseline: Math.round(median(alone)),
        ratio: Math.round((median(report) / median(alone)) * 100) / 100,
        note: 'baseline: the analysis alone; goal: ≤ 1.5× (the report adds ≤ 50%)',
      });
      const opened = await timed(() => openReportRun(graph, runner, runId));
      out.push({ metric: `open a run of ${summary.findingCount} findings as it was, hash re-checked (ms)`, value: Math.round(opened.ms) });
      const pdf = await timed(() => reportPdf(document, { locale: 'zh', exportedBy: 'bench', exportedAt: new Date().toISOString() }));
      out.push({
        metric: `PDF of ${document.envelope.findings.length} findings (ms)`,
        value: Math.round(pdf.ms),
        baseline: 15_000,
        note: `goal: ≤ 15 s; ${Math.round(pdf.value.length / 1024)} KiB`,
      });

      // Two runs of 10,000 findings that differ: the second reads more index hits.
      const big = async (maxHits: number) => {
        const s = await runAdHocReport(graph, runner, { analysis: 'keyword-screen', params: { limit: 10_000, maxHits }, title: 'bench diff' }, 'cli', reportSettings);
        return { id: s.id, document: (await openReportRun(graph, runner, s.id)).document };
      };
      const before = await big(12_000);
      const after = await big(20_000);
      const pure = await timed(async () => diffRuns(before, after, new Map()));
      const whole = await timed(() => diffReportRuns(graph, before, after));
      const d = whole.value;
      const counts = `${before.document.envelope.findings.length} → ${after.document.envelope.findings.length} findings: ${d.newFindings.length} new, ${d.goneFindings.length} gone, ${d.changedFindings.length} changed`;
      out.push({ metric: 'diff of two runs, comparison alone (ms)', value: Math.round(pure.ms), note: counts });
      out.push({ metric: 'diff of two runs, with the merged-person lookup (ms)', value: Math.round(whole.ms), baseline: 1000, note: 'goal: ≤ 1 s' });
      return out;
    } finally {
      await graph.driver.executeQuery("MATCH (r:ReportRun) WHERE r.ranBy = 'bench' DETACH DELETE r");
      await graph.close();
      await server.stop();
    }
  },
};

export default benchmark;
