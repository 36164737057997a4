import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, portInUse } from '../../neo4j/localServer.ts';
import { ApiClient } from '../support/server.ts';

/**
 * `npm start` as a user runs it, in its own process group like a terminal's foreground job:
 * Ctrl-C (SIGINT to the group) must stop Neo4j and the server, free both ports and leave no process.
 */

const dataDir = path.resolve(`.test-data/npm-start-${process.pid}`);



function processesInGroup(pgid: number): string[] {
  const out = spawnSync('ps', ['-o', 'pid=,args=', '-g', String(pgid)], { encoding: 'utf8' }).stdout;
  return out.split('\n').map((l) => l.trim()).filter(Boolean);
}

let child: ChildProcess | null = null;

async function startUntilReady(env: NodeJS.ProcessEnv): Promise<{ output: () => string }> {
  let output = '';
  child = spawn('npm', ['start'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 240_000;
  while (!output.includes('已就绪 / ready')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not become ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { output: () => output };
}

/** Resolves with how npm ended: npm re-raises the SIGINT it got, so a clean stop reads 'SIGINT' (or 0). */
async function interruptAndWait(): Promise<string> {
  const running = child!;
  const exited = new Promise<string>((resolve) => running.once('exit', (code, signal) => resolve(signal ?? String(code))));
  process.kill(-running.pid!, 'SIGINT');
  const code = await exited;
  // npm itself exits when its child does; give the rest of the group a moment to be reaped.
  const deadline = Date.now() + 30_000;
  while (processesInGroup(running.pid!).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  return code;
}

afterAll(() => {
  if (child?.pid && processesInGroup(child.pid).length > 0) process.kill(-child.pid, 'SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('serves the UI with the demo loaded, and Ctrl-C stops Neo4j and the server leaving no process and no port taken', async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    const boltPort = await freePort();
    const httpPort = await freePort();
    const env = {
      ...process.env,
      CHUANTOU_DATA_DIR: dataDir,
      CHUANTOU_NEO4J_BOLT_PORT: String(boltPort),
      PORT: String(httpPort),
      CHUANTOU_NEO4J_HEAP: '512m',
      CHUANTOU_NEO4J_PAGECACHE: '256m',
    };

    const first = await startUntilReady(env);
    expect(first.output()).toContain('演示数据已导入 / demo loaded');
    // How to sign in is printed: the administrator's and the demo investigator's first passwords.
    const admin = /用户名 \/ user: admin\n\s+初始密码 \/ password: (\S+)/.exec(first.output());
    const demo = /用户名 \/ user: demo\n\s+初始密码 \/ password: (\S+)/.exec(first.output());
    expect(admin, first.output()).not.toBeNull();
    expect(demo, first.output()).not.toBeNull();
    expect(admin![1]).not.toBe(demo![1]);
    expect(first.output()).toContain(`http://127.0.0.1:${httpPort}/`);
    const page = await fetch(`http://127.0.0.1:${httpPort}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const pgid = child!.pid!;
    expect(processesInGroup(pgid).some((p) => p.includes('chuantou.neo4j.Launcher'))).toBe(true);

    expect(['0', 'SIGINT']).toContain(await interruptAndWait());
    expect(processesInGroup(pgid)).toEqual([]);
    expect(await portInUse(boltPort)).toBe(false);
    expect(await portInUse(httpPort)).toBe(false);

    // A second start finds the data of the first: no demo import, the same firms searchable.
    const second = await startUntilReady(env);
    expect(second.output()).not.toContain('演示数据已导入');
    expect(second.output()).not.toContain('初始密码');
    // The README's walkthrough: sign in as demo with the printed password, change it, search.
    const client = new ApiClient(fetch, `http://127.0.0.1:${httpPort}`);
    const anonymous = await client.gql('{ search(text: "鑫融财富") { nodes { entity { name } } } }');
    expect(anonymous.status).toBe(401);
    const signedIn = await client.signIn('demo', demo![1]);
    expect(signedIn.data!.signIn).toMatchObject({ ok: true, me: { user: { mustChangePassword: true } } });
    const changed = await client.gql('mutation($o: String!) { changePassword(oldPassword: $o, newPassword: "Walkthrough-2026-jiangsu!") }', { o: demo![1] });
    expect(changed.data, JSON.stringify(changed.errors)).toEqual({ changePassword: true });
    const found = await client.gql('{ search(text: "鑫融财富") { nodes { entity { name } } } }');
    expect(found.data!.search.nodes[0]!.entity.name).toBe('南京鑫融财富管理有限公司');
    expect(['0', 'SIGINT']).toContain(await interruptAndWait());
    expect(await portInUse(boltPort)).toBe(false);
  }, 600_000);
});
