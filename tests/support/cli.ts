import { spawn } from 'node:child_process';

/**
 * `chuantou …` as a user runs it: its own process, the environment given on top of this one's.
 * With `timeoutMs`, a command still running then (a server that should have refused to start) is
 * stopped, and its code is null. With `input`, that text is the command's standard input (a
 * password given with --password-stdin); otherwise it is empty.
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv, options: { timeoutMs?: number; input?: string } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/chuantou.mjs', ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    // Without input the command meets the end of its input at once, as with </dev/null.
    // A command that exits before reading it must not fail the test with EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : null;
    child.on('exit', () => timer && clearTimeout(timer));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * `fn` over the items, at most `limit` at a time, the results in the items' order. A `chuantou`
 * child spends its first seconds loading its modules on one core: independent commands run two at
 * a time keep both cores of the CI machine busy, where one after the other leaves one idle.
 */
export async function mapAtMost<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
