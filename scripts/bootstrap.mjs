#!/usr/bin/env node
// `npm start`, `npm test` and `npm run bench` on a fresh machine: install what is missing, then hand over to the
// CLI (start) or the test runner (test). Plain JavaScript with no dependencies, because it runs
// before node_modules exists.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`失败 / failed: ${command} ${args.join(' ')} (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

/** npm packages: installed when node_modules is missing or was installed from another lock file. */
function ensureNodeModules() {
  const lock = fs.readFileSync(path.join(root, 'package-lock.json'));
  const hash = crypto.createHash('sha256').update(lock).digest('hex');
  const stamp = path.join(root, 'node_modules', '.chuantou-lock-sha256');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) return;
  console.log('正在安装 npm 依赖… / installing npm packages…');
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
  fs.writeFileSync(stamp, hash);
}

function have(command, args = ['--version']) {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/** Java 17 and Maven start the database; they are the machine's, so only checked here. */
function checkJava() {
  if (!have('java', ['-version']) || !have('mvn')) {
    console.error('需要 Java 17 与 Maven（用于从 Maven Central 获取并运行 Neo4j）/ Java 17 and Maven are required to fetch and run Neo4j');
    process.exit(1);
  }
}

/**
 * Browser tests and PDF reports drive Debian's Chromium; Chinese text needs a CJK font to render,
 * and the report tests read PDFs back with poppler-utils (pdftotext, pdffonts, pdftoppm).
 * `start` installs what PDF reports need when it can (as root) and otherwise says how, and starts
 * anyway: everything but the PDF export works without it.
 */
function ensureChromium({ required, withPoppler }) {
  const hasFont = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout?.trim();
  const missing = [];
  if (!fs.existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!hasFont) missing.push('fonts-noto-cjk', 'fontconfig');
  if (withPoppler && !fs.existsSync('/usr/bin/pdftotext')) missing.push('poppler-utils');
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.error(`PDF 报告与浏览器测试需要：sudo apt-get install ${missing.join(' ')} / PDF reports and browser tests need: apt-get install ${missing.join(' ')}`);
    if (required) process.exit(1);
    return;
  }
  console.log(`正在安装 ${missing.join(' ')}… / installing ${missing.join(' ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const steps = [['update', '-q'], ['install', '-y', '-q', '--no-install-recommends', ...missing]];
  if (required) for (const args of steps) run('apt-get', args, { env });
  else if (!steps.every((args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0)) {
    console.error('未能安装，PDF 导出不可用，其余功能正常 / could not install them: PDF export is unavailable, everything else works');
  }
}

/** Runs a child in the foreground; a signal to this process is passed on and its exit awaited. */
function handOver(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

const minutes = (ms) => {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
};

/** Where the time went: the ten slowest test files, so a slow newcomer is seen the day it lands. */
function printTimes(r, wallMs) {
  const files = (r.testResults ?? [])
    .filter((f) => Number.isFinite(f.startTime) && Number.isFinite(f.endTime))
    .map((f) => ({ file: path.relative(root, f.name), ms: f.endTime - f.startTime }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10);
  console.log(`\n最慢的测试文件 / slowest test files:`);
  for (const f of files) console.log(`  ${minutes(f.ms).padStart(12)}  ${f.file}`);
  console.log(`用时 / wall time: ${minutes(wallMs)} (测试运行，不含安装 / the test run, installs not counted)`);
}

/** Prints the times, then the plain closing line CI reads (last), and fails a run that executed no test. */
function summarize(resultsFile, wallMs) {
  if (!fs.existsSync(resultsFile)) {
    console.log(`用时 / wall time: ${minutes(wallMs)} (测试运行，不含安装 / the test run, installs not counted)`);
    return 1;
  }
  const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  printTimes(r, wallMs);
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  if (r.numTotalTests === 0) {
    console.error('没有执行任何测试 / no test was executed');
    return 1;
  }
  return r.numFailedTests > 0 || !r.success ? 1 : 0;
}

ensureNodeModules();
checkJava();
if (mode === 'start') {
  ensureChromium({ required: false, withPoppler: false });
  process.exit(await handOver(process.execPath, [path.join(root, 'bin', 'chuantou.mjs'), 'start', ...process.argv.slice(3)]));
} else if (mode === 'test') {
  ensureChromium({ required: true, withPoppler: true });
  const resultsFile = path.join(root, '.test-data', 'vitest-results.json');
  fs.rmSync(resultsFile, { force: true });
  const started = Date.now();
  const code = await handOver(process.execPath, [
    path.join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${resultsFile}`,
    ...process.argv.slice(3),
  ]);
  const summaryCode = summarize(resultsFile, Date.now() - started);
  process.exit(code !== 0 ? code : summaryCode);
} else if (mode === 'bench') {
  // Benchmarks start a Neo4j of their own under .bench/; they never touch .data/.
  // Query timings on: the analyses benchmark splits each figure into the server's time and the rest.
  // A larger heap: bulk-loading a 1m province holds its converted records in memory (more than 12 GB).
  const nodeOptions = [process.env.NODE_OPTIONS, '--max-old-space-size=18432'].filter(Boolean).join(' ');
  process.exit(await handOver(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'bench', 'run.ts'), ...process.argv.slice(3)], { ...process.env, CHUANTOU_QUERY_TIMINGS: '1', NODE_OPTIONS: nodeOptions }));
} else {
  console.error('usage: node scripts/bootstrap.mjs start|test|bench');
  process.exit(2);
}
