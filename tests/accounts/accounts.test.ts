import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { AccountError, Accounts, ensureFirstSysadmin, type AccountErrorCode } from '../../accounts/accounts.ts';
import type { Role } from '../../accounts/roles.ts';
import { defaultAccountPolicy, type AccountPolicy, type SessionView } from '../../accounts/types.ts';
import { freshGraph } from '../support/graph.ts';
import { exportStore } from '../support/storeDump.ts';

/**
 * Accounts and sessions against the real database, with a clock the test moves: who can sign
 * in, for how long, and what ends a session.
 */

const policy: AccountPolicy = { ...defaultAccountPolicy, lockoutAttempts: 3, lockoutMinutes: 15, sessionIdleMinutes: 30, sessionMaxHours: 12, passwordHistory: 3 };
const PASSWORD = 'Jiangsu-2026!';
const MINUTE = 60_000;

let graph: Graph;
let now = new Date('2026-03-02T08:00:00.000Z');
const clock = () => now;
const advance = (minutes: number) => (now = new Date(now.getTime() + minutes * MINUTE));
let accounts: Accounts;

beforeAll(async () => {
  graph = await freshGraph();
  accounts = new Accounts(graph, policy, clock);
});
afterAll(() => graph.close());

async function user(name: string, role: Role = 'investigator', password = PASSWORD) {
  return accounts.createUser({ name, role, jurisdiction: '320100', password });
}

async function signedIn(name: string, password = PASSWORD): Promise<{ token: string; session: SessionView }> {
  const outcome = await accounts.signIn(name, password);
  if (!outcome.ok) throw new Error(`sign-in as ${name} failed: ${outcome.code}`);
  return outcome;
}

/** The nodes of a label as stored, every property (tests/support/storeDump.ts). */
async function storedNodes(label: string) {
  return (await exportStore(graph)).nodes.filter((n) => n.labels.includes(label));
}

async function refusal(work: Promise<unknown>): Promise<AccountErrorCode> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AccountError) return error.code;
    throw error;
  }
  throw new Error('expected an AccountError');
}

describe('users', () => {
  it('creates a user whose name is unique regardless of case, and never shows the password hash', async () => {
    const created = await accounts.createUser({ name: 'ZhangWei', displayName: '张伟', role: 'investigator', jurisdiction: '320106', password: PASSWORD });
    expect(created).toEqual({
      name: 'ZhangWei',
      displayName: '张伟',
      role: 'investigator',
      jurisdiction: '320106',
      disabled: false,
      lockedUntil: null,
      mustChangePassword: false,
      createdAt: now.toISOString(),
      lastSignInAt: null,
    });
    expect(await accounts.getUser('zhangwei')).toEqual(created);
    expect(await refusal(user('zhangWEI'))).toBe('USER_EXISTS');
    expect(JSON.stringify(await accounts.listUsers())).not.toContain('argon2');
  });

  it('refuses a malformed name, an unknown role and a jurisdiction model/ does not know as current', async () => {
    expect(await refusal(user('张伟'))).toBe('USER_NAME_INVALID');
    expect(await refusal(user('ab'))).toBe('USER_NAME_INVALID');
    expect(await refusal(accounts.createUser({ name: 'someone', role: 'root' as Role, jurisdiction: '320000', password: PASSWORD }))).toBe('ROLE_INVALID');
    for (const jurisdiction of ['32', '329900', '371200', 'abcdef']) {
      // 371200 is 莱芜市, merged into 济南 in 2019: a retired code is not a jurisdiction to store.
      expect(await refusal(accounts.createUser({ name: 'someone', role: 'regulator', jurisdiction, password: PASSWORD })), jurisdiction).toBe('JURISDICTION_INVALID');
    }
    expect((await accounts.createUser({ name: 'national', role: 'regulator', jurisdiction: '100000', password: PASSWORD })).jurisdiction).toBe('100000');
  });

  it('applies the password policy when a user is created', async () => {
    expect(await refusal(user('shortpw', 'viewer', 'Ab1-xyz'))).toBe('PASSWORD_TOO_SHORT');
    expect(await refusal(user('liming', 'viewer', 'LiMing-2026!'))).toBe('PASSWORD_CONTAINS_NAME');
    const error = await user('weakpw', 'viewer', 'weakpw').catch((e: AccountError) => e);
    expect((error as AccountError).problems).toEqual(['PASSWORD_TOO_SHORT', 'PASSWORD_CONTAINS_NAME', 'PASSWORD_WEAK']);
    expect((error as AccountError).message).toMatch(/^密码太短.* \/ the password is too short/);
    expect(await accounts.getUser('shortpw')).toBeNull();
  });

  it('stores the password only as an argon2id PHC string with the parameters', async () => {
    await user('phcuser');
    const stored = (await storedNodes('User')).find((n) => n.props.nameKey === 'phcuser')!;
    expect(stored.props.passwordHash).toMatch(/^\$argon2id\$v=19\$m=65536,p=1,t=3\$/);
    expect(JSON.stringify(stored.props)).not.toContain(PASSWORD);
  });
});

describe('passwords', () => {
  it('a changed password must not repeat the last ones, and the old one must match', async () => {
    await user('wangfang');
    expect(await refusal(accounts.changePassword('wangfang', 'Wrong-2026!', 'Second-pass-1'))).toBe('WRONG_PASSWORD');
    expect(await refusal(accounts.changePassword('wangfang', PASSWORD, PASSWORD))).toBe('PASSWORD_REUSED');
    await accounts.changePassword('wangfang', PASSWORD, 'Second-pass-1');
    await accounts.changePassword('wangfang', 'Second-pass-1', 'Third-pass-22');
    // passwordHistory 3: the current one and the two before it.
    expect(await refusal(accounts.changePassword('wangfang', 'Third-pass-22', PASSWORD))).toBe('PASSWORD_REUSED');
    expect(await refusal(accounts.changePassword('wangfang', 'Third-pass-22', 'Second-pass-1'))).toBe('PASSWORD_REUSED');
    expect(await refusal(accounts.changePassword('wangfang', 'Third-pass-22', 'wangfang-pass-4'))).toBe('PASSWORD_CONTAINS_NAME');
    await accounts.changePassword('wangfang', 'Third-pass-22', 'Fourth-pass-333');
    // The first one has left the history of three.
    await accounts.changePassword('wangfang', 'Fourth-pass-333', PASSWORD);
    expect((await accounts.signIn('wangfang', PASSWORD)).ok).toBe(true);
  });

  it('a sysadmin reset applies the policy, makes the user change it at the next sign-in, and ends every session', async () => {
    await user('resetme');
    const { token } = await signedIn('resetme');
    expect(await refusal(accounts.resetPassword('resetme', PASSWORD))).toBe('PASSWORD_REUSED');
    await accounts.resetPassword('resetme', 'Temporary-2026');
    expect(await accounts.session(token)).toBeNull();
    expect((await accounts.signIn('resetme', PASSWORD)).ok).toBe(false);
    const after = await signedIn('resetme', 'Temporary-2026');
    expect(after.session.user.mustChangePassword).toBe(true);
    await accounts.changePassword('resetme', 'Temporary-2026', 'My-own-pass-2026', after.token);
    expect((await accounts.getUser('resetme'))!.mustChangePassword).toBe(false);
  });

  it('changing one\'s own password ends the other sessions and keeps the one that changed it', async () => {
    await user('twodevices');
    const desk = await signedIn('twodevices');
    const laptop = await signedIn('twodevices');
    await accounts.changePassword('twodevices', PASSWORD, 'Changed-pass-2026', desk.token);
    expect(await accounts.session(desk.token)).not.toBeNull();
    expect(await accounts.session(laptop.token)).toBeNull();
  });
});

describe('signing in', () => {
  it('a right password opens a session that the token finds; a wrong one, an unknown user and a malformed name are all BAD_CREDENTIALS', async () => {
    await user('signer', 'regulator');
    const ok = await signedIn('Signer');
    expect(ok.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ok.session.user).toMatchObject({ name: 'signer', role: 'regulator', lastSignInAt: now.toISOString() });
    expect(await accounts.session(ok.token)).toEqual(ok.session);
    expect(await accounts.signIn('signer', 'Wrong-2026!')).toEqual({ ok: false, code: 'BAD_CREDENTIALS' });
    expect(await accounts.signIn('nobody', PASSWORD)).toEqual({ ok: false, code: 'BAD_CREDENTIALS' });
    expect(await accounts.signIn('名字', PASSWORD)).toEqual({ ok: false, code: 'BAD_CREDENTIALS' });
    expect(await accounts.session('not-a-token')).toBeNull();
    expect(await accounts.session('A'.repeat(43))).toBeNull();
  });

  it('an unknown user costs the same argon2 work as a wrong password, so timing does not tell who exists', async () => {
    await user('timed');
    const time = async (name: string) => {
      const started = performance.now();
      await accounts.signIn(name, 'Wrong-2026!');
      return performance.now() - started;
    };
    await time('nosuchuser'); // the decoy hash is made once per process
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 2; i++) {
      known.push(await time('timed'));
      unknown.push(await time('nosuchuser'));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // argon2 at 64 MiB takes tens of milliseconds at least; without the decoy an unknown name answers in a few.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    await accounts.unlock('timed');
  });

  it('locks the account after policy.lockoutAttempts failures, for lockoutMinutes, without checking passwords meanwhile', async () => {
    await user('guessed');
    expect((await accounts.signIn('guessed', 'Wrong-1-aaaa')).ok).toBe(false);
    expect(await accounts.signIn('guessed', 'Wrong-2-aaaa')).toEqual({ ok: false, code: 'BAD_CREDENTIALS' });
    const third = await accounts.signIn('guessed', 'Wrong-3-aaaa');
    const until = new Date(now.getTime() + 15 * MINUTE).toISOString();
    expect(third).toEqual({ ok: false, code: 'ACCOUNT_LOCKED', lockedUntil: until });
    // Locked: even the right password is refused, and trying does not extend the lock.
    expect(await accounts.signIn('guessed', PASSWORD)).toEqual({ ok: false, code: 'ACCOUNT_LOCKED', lockedUntil: until });
    expect((await accounts.getUser('guessed'))!.lockedUntil).toBe(until);
    advance(14);
    expect((await accounts.signIn('guessed', 'Wrong-4-aaaa')).ok).toBe(false);
    expect((await accounts.getUser('guessed'))!.lockedUntil).toBe(until);
    advance(1);
    expect((await accounts.getUser('guessed'))!.lockedUntil).toBeNull();
    expect((await accounts.signIn('guessed', PASSWORD)).ok).toBe(true);
  });

  it('failures sent at once each count: parallel guessing does not get more tries before the lock', async () => {
    await user('parallel');
    const outcomes = await Promise.all(['Wrong-1-bbbb', 'Wrong-2-bbbb', 'Wrong-3-bbbb'].map((p) => accounts.signIn('parallel', p)));
    expect(outcomes.filter((o) => !o.ok && o.code === 'ACCOUNT_LOCKED')).toHaveLength(1);
    expect((await accounts.getUser('parallel'))!.lockedUntil).not.toBeNull();
  });

  it('a sysadmin can lift a lockout before its time; a success resets the count of failures', async () => {
    await user('unlockme');
    for (let i = 0; i < 3; i++) await accounts.signIn('unlockme', 'Wrong-pass-2026');
    expect((await accounts.signIn('unlockme', PASSWORD)).ok).toBe(false);
    expect((await accounts.unlock('unlockme')).lockedUntil).toBeNull();
    expect((await accounts.signIn('unlockme', PASSWORD)).ok).toBe(true);
    // Two failures, a success, two failures: never three in a row, never locked.
    for (const password of ['Wrong-a-2026', 'Wrong-b-2026', PASSWORD, 'Wrong-c-2026', 'Wrong-d-2026']) await accounts.signIn('unlockme', password);
    expect((await accounts.getUser('unlockme'))!.lockedUntil).toBeNull();
  });

  it('a disabled user is told so only with the right password, and cannot sign in', async () => {
    await user('leaver');
    await accounts.updateUser('leaver', { disabled: true });
    expect(await accounts.signIn('leaver', PASSWORD)).toEqual({ ok: false, code: 'ACCOUNT_DISABLED' });
    expect(await accounts.signIn('leaver', 'Wrong-pass-2026')).toEqual({ ok: false, code: 'BAD_CREDENTIALS' });
  });
});

describe('sessions', () => {
  it('end after sessionIdleMinutes without use; use keeps them alive (lastSeenAt written at most once a minute)', async () => {
    await user('idler');
    const { token, session } = await signedIn('idler');
    expect(session.expiresAt).toBe(new Date(now.getTime() + 30 * MINUTE).toISOString());
    advance(29);
    const used = await accounts.session(token);
    expect(used!.lastSeenAt).toBe(now.toISOString());
    expect(used!.expiresAt).toBe(new Date(now.getTime() + 30 * MINUTE).toISOString());
    now = new Date(now.getTime() + 30_000);
    // Half a minute later: answered, but not written again.
    expect((await accounts.session(token))!.lastSeenAt).toBe(new Date(now.getTime() - 30_000).toISOString());
    advance(29.5);
    expect(await accounts.session(token)).toBeNull();
  });

  it('end at sessionMaxHours however active they are', async () => {
    await user('busy');
    const { token } = await signedIn('busy');
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      advance(20);
      expect(await accounts.session(token), `after ${minutes + 20} minutes`).not.toBeNull();
    }
    advance(20);
    expect(await accounts.session(token)).toBeNull();
  });

  it('sign out ends one session; sign out everywhere ends all and counts them', async () => {
    await user('traveller');
    const a = await signedIn('traveller');
    const b = await signedIn('traveller');
    const c = await signedIn('traveller');
    expect((await accounts.listSessions('traveller')).map((s) => s.id).sort()).toEqual([a.session.id, b.session.id, c.session.id].sort());
    await accounts.signOut(a.token);
    expect(await accounts.session(a.token)).toBeNull();
    expect(await accounts.session(b.token)).not.toBeNull();
    expect(await accounts.signOutEverywhere('traveller')).toBe(2);
    expect(await accounts.session(b.token)).toBeNull();
    expect(await accounts.session(c.token)).toBeNull();
    expect(await accounts.listSessions('traveller')).toEqual([]);
    expect(await accounts.signOutEverywhere('traveller')).toBe(0);
    expect(await refusal(accounts.signOutEverywhere('nosuchuser'))).toBe('USER_NOT_FOUND');
  });

  it('a disabled user\'s sessions die at once, and stay dead when the user is enabled again', async () => {
    await user('suspended');
    const { token } = await signedIn('suspended');
    await accounts.updateUser('suspended', { disabled: true });
    expect(await accounts.session(token)).toBeNull();
    await accounts.updateUser('suspended', { disabled: false });
    expect(await accounts.session(token)).toBeNull();
    expect((await accounts.signIn('suspended', PASSWORD)).ok).toBe(true);
  });

  it('a role change ends the user\'s sessions; a jurisdiction or display name change does not', async () => {
    await user('promoted', 'viewer');
    const { token } = await signedIn('promoted');
    const moved = await accounts.updateUser('promoted', { jurisdiction: '320000', displayName: '李明' });
    expect(moved).toMatchObject({ jurisdiction: '320000', displayName: '李明', role: 'viewer' });
    expect((await accounts.session(token))!.user.jurisdiction).toBe('320000');
    await accounts.updateUser('promoted', { role: 'investigator' });
    expect(await accounts.session(token)).toBeNull();
    expect((await signedIn('promoted')).session.user.role).toBe('investigator');
  });

  it('carry a 查询事由 once given, until withdrawn', async () => {
    await user('reasoner');
    const { token } = await signedIn('reasoner');
    expect((await accounts.setSessionReason(token, '  苏公经侦立字〔2026〕17号 ')).reason).toBe('苏公经侦立字〔2026〕17号');
    expect((await accounts.session(token))!.reason).toBe('苏公经侦立字〔2026〕17号');
    expect((await accounts.setSessionReason(token, null)).reason).toBeNull();
    expect(await refusal(accounts.setSessionReason(token, 'x'.repeat(501)))).toBe('REASON_INVALID');
    await accounts.signOut(token);
    expect(await refusal(accounts.setSessionReason(token, '案件'))).toBe('SESSION_NOT_FOUND');
  });

  it('the token is not stored in the database, only its SHA-256', async () => {
    await user('tokenholder');
    const { token } = await signedIn('tokenholder');
    const sessions = (await storedNodes('Session')).filter((n) => n.props.user === 'tokenholder');
    expect(sessions).toHaveLength(1);
    expect(Object.keys(sessions[0]!.props).sort()).toEqual(['absoluteExpiry', 'createdAt', 'id', 'lastSeenAt', 'tokenHash', 'user']);
    expect(sessions[0]!.props.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    // Nothing anywhere in the graph holds the token, in base64url or as hex bytes.
    const everything = JSON.stringify(await exportStore(graph));
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(Buffer.from(token, 'base64url').toString('hex'));
    expect(everything).not.toContain(Buffer.from(token, 'base64url').toString('base64'));
  });
});

describe('sysadmins', () => {
  it('the last enabled sysadmin can be neither disabled nor demoted; with a second one, either can', async () => {
    await user('root1', 'sysadmin');
    expect(await refusal(accounts.updateUser('root1', { disabled: true }))).toBe('LAST_SYSADMIN');
    expect(await refusal(accounts.updateUser('root1', { role: 'auditor' }))).toBe('LAST_SYSADMIN');
    expect((await accounts.getUser('root1'))).toMatchObject({ role: 'sysadmin', disabled: false });
    await user('root2', 'sysadmin');
    await accounts.updateUser('root2', { disabled: true });
    // A disabled sysadmin does not count.
    expect(await refusal(accounts.updateUser('root1', { role: 'viewer' }))).toBe('LAST_SYSADMIN');
    await accounts.updateUser('root2', { disabled: false });
    expect((await accounts.updateUser('root1', { role: 'auditor' })).role).toBe('auditor');
    expect(await refusal(accounts.updateUser('root2', { disabled: true }))).toBe('LAST_SYSADMIN');
  });

  it('two demotions at once cannot leave no sysadmin', async () => {
    await user('racer1', 'sysadmin');
    await user('racer2', 'sysadmin');
    const sysadmins = async () => (await accounts.listUsers()).filter((u) => u.role === 'sysadmin' && !u.disabled).map((u) => u.name);
    for (const name of await sysadmins()) if (!['racer1', 'racer2'].includes(name)) await accounts.updateUser(name, { role: 'auditor' });
    const results = await Promise.allSettled([accounts.updateUser('racer1', { role: 'viewer' }), accounts.updateUser('racer2', { role: 'viewer' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await sysadmins()).toHaveLength(1);
  });
});

describe('ensureFirstSysadmin', () => {
  it('creates a sysadmin when there is none, once, and never again', async () => {
    await graph.writeInBatches('admin/deleteAll');
    const first = await ensureFirstSysadmin(accounts, {});
    expect(first.created).toBe(true);
    expect(first.name).toBe('admin');
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(await accounts.getUser('admin')).toMatchObject({ role: 'sysadmin', mustChangePassword: true, disabled: false });
    const outcome = await accounts.signIn('admin', first.generatedPassword!);
    expect(outcome.ok && outcome.session.user.mustChangePassword).toBe(true);

    expect(await ensureFirstSysadmin(accounts, { password: 'Another-admin-2026' })).toEqual({ created: false, name: 'admin' });
    expect(await ensureFirstSysadmin(accounts, { name: 'root' })).toEqual({ created: false, name: 'root' });
    expect((await accounts.listUsers()).map((u) => u.name)).toEqual(['admin']);
    expect((await accounts.signIn('admin', 'Another-admin-2026')).ok).toBe(false);
  });

  it('takes the password from the environment when given (no change required), under the policy', async () => {
    await graph.writeInBatches('admin/deleteAll');
    expect(await refusal(ensureFirstSysadmin(accounts, { password: 'admin' }))).toBe('PASSWORD_TOO_SHORT');
    const given = await ensureFirstSysadmin(accounts, { name: 'chief', password: 'Office-admin-2026' });
    expect(given).toEqual({ created: true, name: 'chief' });
    expect(await accounts.getUser('chief')).toMatchObject({ role: 'sysadmin', mustChangePassword: false });
    expect((await accounts.signIn('chief', 'Office-admin-2026')).ok).toBe(true);
  });
});
