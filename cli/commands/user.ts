import type { Command } from 'commander';
import { Accounts, generatePassword } from '../../accounts/accounts.ts';
import { roles, roleTitles, isRole, type Role } from '../../accounts/roles.ts';
import type { UserView } from '../../accounts/types.ts';
import { resolveDivision } from '../../model/divisions.ts';
import { loadConfig } from '../../server/config.ts';
import { openCurrentGraph } from '../database.ts';
import { renderTable, terminalWidth, type TableColumn } from '../table.ts';

/**
 * `chuantou user …`: the sysadmin's account commands on the server's machine (adding the first
 * investigators before anyone can sign in to the web app, unlocking, resetting). Passwords never
 * go on the command line, where `ps` and the shell history would keep them: they come on stdin
 * (`--password-stdin`) or are generated and shown once.
 */

const roleList = roles.map((r) => `${r} (${roleTitles[r].zh})`).join(', ');

function role(value: string): Role {
  if (!isRole(value)) throw new Error(`未知角色 / unknown role "${value}": ${roles.join(' | ')}`);
  return value;
}

async function withAccounts<T>(work: (accounts: Accounts) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const graph = await openCurrentGraph(config);
  try {
    return await work(new Accounts(graph, config.accounts.policy));
  } finally {
    await graph.close();
  }
}

/** The password piped in: everything on stdin but one final line break (what `echo` and a file add). */
async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (text.length === 0) throw new Error('标准输入中没有密码 / no password on standard input');
  return text;
}

function printOnce(password: string): void {
  console.log(`生成的密码（只显示这一次，首次登录后须修改）/ generated password (shown this once; to be changed at the first sign-in):`);
  console.log(`  ${password}`);
}

function jurisdictionText(code: string): string {
  const division = resolveDivision(code);
  return division ? `${code} ${division.fullName}` : code;
}

function stateText(user: UserView): string {
  const states: string[] = [];
  if (user.disabled) states.push('已停用 disabled');
  if (user.lockedUntil) states.push(`锁定至 locked until ${user.lockedUntil}`);
  if (user.mustChangePassword) states.push('须改密码 must change password');
  return states.length > 0 ? states.join('; ') : '正常 active';
}

function userLine(user: UserView): string {
  return `${user.name}（${user.displayName}）${roleTitles[user.role].zh} / ${roleTitles[user.role].en}, ${jurisdictionText(user.jurisdiction)}, ${stateText(user)}`;
}

export function userTable(users: UserView[], width: number): string[] {
  const columns: TableColumn[] = [
    { key: 'name', title: '用户名\nname' },
    { key: 'displayName', title: '显示名\ndisplay name' },
    { key: 'role', title: '角色\nrole' },
    { key: 'jurisdiction', title: '辖区\njurisdiction' },
    { key: 'state', title: '状态\nstate' },
    { key: 'lastSignInAt', title: '最近登录\nlast sign-in' },
  ];
  const rows = users.map((u) => ({
    name: u.name,
    displayName: u.displayName,
    role: `${roleTitles[u.role].zh} ${roleTitles[u.role].en}`,
    jurisdiction: jurisdictionText(u.jurisdiction),
    state: stateText(u),
    lastSignInAt: u.lastSignInAt ?? '—',
  }));
  return renderTable(columns, rows, width);
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('用户账号：添加、列出、修改、解锁、重置密码、强制下线 / user accounts: add, list, change, unlock, reset a password, sign out everywhere');

  user
    .command('add')
    .description('添加用户 / add a user')
    .argument('<name>', '用户名（3–64 个英文字母、数字或 . _ -）/ user name (3–64 letters, digits or . _ -)')
    .requiredOption('--role <role>', `角色 / role: ${roleList}`, role)
    .requiredOption('--jurisdiction <code>', '辖区行政区划代码（6 位，GB/T 2260）/ jurisdiction division code (6 digits, GB/T 2260)')
    .option('--display-name <text>', '显示名，如姓名 / display name, e.g. the person\'s name')
    .option('--password-stdin', '从标准输入读取密码，否则生成一个并显示一次 / read the password from standard input; otherwise one is generated and shown once')
    .addHelpText('after', '\n例 / example:\n  npx chuantou user add zhangwei --role investigator --jurisdiction 320100 --display-name 张伟\n  printf %s "$PASSWORD" | npx chuantou user add liming --role regulator --jurisdiction 320000 --password-stdin')
    .action(async (name: string, opts: { role: Role; jurisdiction: string; displayName?: string; passwordStdin?: boolean }) => {
      const given = opts.passwordStdin ? await readPasswordFromStdin() : null;
      await withAccounts(async (accounts) => {
        const password = given ?? generatePassword(name, accounts.policy);
        // Whoever adds the account knows its first password: its user must choose their own.
        const created = await accounts.createUser({ name, displayName: opts.displayName, role: opts.role, jurisdiction: opts.jurisdiction, password, mustChangePassword: true });
        console.log(`已添加用户 / user added: ${userLine(created)}`);
        if (!given) printOnce(password);
      });
    });

  user
    .command('list')
    .description('列出用户 / list the users')
    .option('--format <format>', '输出格式 / output format: table | json', 'table')
    .action(async (opts: { format: string }) => {
      if (opts.format !== 'table' && opts.format !== 'json') throw new Error(`未知格式 / unknown format "${opts.format}": table | json`);
      const users = await withAccounts((accounts) => accounts.listUsers());
      if (opts.format === 'json') process.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
      else if (users.length === 0) console.log('尚无用户 / no users yet');
      else console.log(userTable(users, terminalWidth()).join('\n'));
    });

  user
    .command('set')
    .description('修改用户的角色、辖区、显示名，或停用/启用（改角色或停用会使其会话全部失效）/ change a user\'s role, jurisdiction or display name, or disable/enable them (a role change or disabling ends their sessions)')
    .argument('<name>', '用户名 / user name')
    .option('--role <role>', `角色 / role: ${roleList}`, role)
    .option('--jurisdiction <code>', '辖区行政区划代码 / jurisdiction division code')
    .option('--display-name <text>', '显示名 / display name')
    .option('--disable', '停用 / disable')
    .option('--enable', '启用 / enable')
    .action(async (name: string, opts: { role?: Role; jurisdiction?: string; displayName?: string; disable?: boolean; enable?: boolean }) => {
      if (opts.disable && opts.enable) throw new Error('--disable 与 --enable 不能同时使用 / --disable and --enable exclude each other');
      const changes = {
        ...(opts.role ? { role: opts.role } : {}),
        ...(opts.jurisdiction ? { jurisdiction: opts.jurisdiction } : {}),
        ...(opts.displayName ? { displayName: opts.displayName } : {}),
        ...(opts.disable ? { disabled: true } : opts.enable ? { disabled: false } : {}),
      };
      if (Object.keys(changes).length === 0) throw new Error('没有要修改的内容 / nothing to change: give --role, --jurisdiction, --display-name, --disable or --enable');
      const updated = await withAccounts((accounts) => accounts.updateUser(name, changes));
      console.log(`已修改 / changed: ${userLine(updated)}`);
    });

  user
    .command('unlock')
    .description('解除登录失败锁定 / lift a lockout after failed sign-ins')
    .argument('<name>', '用户名 / user name')
    .action(async (name: string) => {
      const unlocked = await withAccounts((accounts) => accounts.unlock(name));
      console.log(`已解锁 / unlocked: ${userLine(unlocked)}`);
    });

  user
    .command('reset-password')
    .description('重置密码（用户下次登录须修改；其会话全部失效）/ reset a password (to be changed at the next sign-in; all the user\'s sessions end)')
    .argument('<name>', '用户名 / user name')
    .option('--password-stdin', '从标准输入读取新密码，否则生成一个并显示一次 / read the new password from standard input; otherwise one is generated and shown once')
    .action(async (name: string, opts: { passwordStdin?: boolean }) => {
      const given = opts.passwordStdin ? await readPasswordFromStdin() : null;
      await withAccounts(async (accounts) => {
        const password = given ?? generatePassword(name, accounts.policy);
        await accounts.resetPassword(name, password);
        console.log(`已重置密码，该用户的会话已全部失效 / password reset; all of the user's sessions ended: ${name}`);
        if (!given) printOnce(password);
      });
    });

  user
    .command('sign-out-everywhere')
    .description('使用户的全部会话失效 / end all of a user\'s sessions')
    .argument('<name>', '用户名 / user name')
    .action(async (name: string) => {
      const count = await withAccounts((accounts) => accounts.signOutEverywhere(name));
      console.log(`已结束 ${count} 个会话 / ${count} session(s) ended: ${name}`);
    });
}
