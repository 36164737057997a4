import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { Accounts } from '../../accounts/accounts.ts';
import { runCli } from '../support/cli.ts';
import { freshGraph, testNeo4jEnv, TEST_KEY_SECRET } from '../support/graph.ts';

/** `chuantou user …` as a sysadmin runs it on the server's machine: passwords never on the command line. */

let graph: Graph;
let dataDir: string;

function chuantou(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  return runCli(args, { ...testNeo4jEnv(), CHUANTOU_DATA_DIR: dataDir, CHUANTOU_KEY_SECRET: TEST_KEY_SECRET, COLUMNS: '200', ...options.env }, { input: options.input });
}

beforeAll(async () => {
  graph = await freshGraph();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-user-cli-'));
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('chuantou user', () => {
  it('adds a user with the password from stdin, who can then sign in and must choose their own', async () => {
    const added = await chuantou(['user', 'add', 'zhangwei', '--role', 'investigator', '--jurisdiction', '320106', '--display-name', '张伟', '--password-stdin'], {
      input: 'Gulou-case-2026\n',
    });
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^已添加用户 \/ user added: zhangwei（张伟）侦查员 \/ Investigator, 320106 江苏省南京市鼓楼区/);
    // The password was given: nothing is generated, and it is not echoed.
    expect(added.stdout).not.toContain('Gulou-case-2026');
    expect(added.stdout).not.toContain('生成的密码');

    const outcome = await new Accounts(graph).signIn('zhangwei', 'Gulou-case-2026');
    expect(outcome.ok && outcome.session.user).toMatchObject({ role: 'investigator', jurisdiction: '320106', mustChangePassword: true });
  }, 120_000);

  it('generates a password when none is piped in and prints it once', async () => {
    const added = await chuantou(['user', 'add', 'liming', '--role', 'regulator', '--jurisdiction', '320000']);
    expect(added.code).toBe(0);
    const password = /生成的密码.*\n {2}(\S+)\n/.exec(added.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect((await new Accounts(graph).signIn('liming', password!)).ok).toBe(true);
  }, 120_000);

  it('lists the users as a table, roles and states in Chinese and English', async () => {
    await chuantou(['user', 'set', 'liming', '--disable']);
    const listed = await chuantou(['user', 'list']);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.split('\n').filter((l) => /^[+|]/.test(l));
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(200);
    const cells = (name: string) => lines.find((l) => l.startsWith(`| ${name} `))!.split('|').map((c) => c.trim());
    expect(lines[1]).toMatch(/^\| 用户名 +\| 显示名 +\| 角色 +\| 辖区 +\| 状态 /);
    expect(cells('zhangwei').slice(1, 5)).toEqual(['zhangwei', '张伟', '侦查员 Investigator', '320106 江苏省南京市鼓楼区']);
    expect(cells('zhangwei')[5]).toBe('须改密码 must change password');
    expect(cells('liming').slice(3, 6)).toEqual(['监管人员 Regulator', '320000 江苏省', '已停用 disabled; 须改密码 must change password']);

    const json = JSON.parse((await chuantou(['user', 'list', '--format', 'json'])).stdout);
    expect(json.map((u: { name: string; disabled: boolean }) => [u.name, u.disabled])).toEqual([['liming', true], ['zhangwei', false]]);
    expect(JSON.stringify(json)).not.toContain('argon2');
  }, 120_000);

  it('refuses a bad role, a bad jurisdiction and a weak password with a coded message, writing nothing', async () => {
    const role = await chuantou(['user', 'add', 'wangwu', '--role', 'root', '--jurisdiction', '320000', '--password-stdin'], { input: 'Gulou-case-2026' });
    expect(role.code).not.toBe(0);
    expect(role.stderr).toContain('未知角色 / unknown role');
    const jurisdiction = await chuantou(['user', 'add', 'wangwu', '--role', 'viewer', '--jurisdiction', '329900', '--password-stdin'], { input: 'Gulou-case-2026' });
    expect(jurisdiction.stderr).toMatch(/\[JURISDICTION_INVALID\]: 辖区应为现行的 6 位行政区划代码/);
    const weak = await chuantou(['user', 'add', 'wangwu', '--role', 'viewer', '--jurisdiction', '320000', '--password-stdin'], { input: 'wangwu2026\n' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/\[PASSWORD_TOO_SHORT\]: 密码太短/);
    expect(await new Accounts(graph).getUser('wangwu')).toBeNull();
  }, 120_000);
});
