import crypto from 'node:crypto';
import type { Graph } from '../cypher/run.ts';
import { int } from '../cypher/values.ts';
import { NATIONAL_CODE, resolveDivision } from '../model/divisions.ts';
import { AccountError } from './errors.ts';
import { generatePassword, hashNeedsUpgrade, hashPassword, passwordProblems, verifyDecoy, verifyPassword } from './passwords.ts';
import { isRole, type Role } from './roles.ts';
import { defaultAccountPolicy, type AccountPolicy, type SessionView, type SignInOutcome, type UserView } from './types.ts';

export { AccountError, accountErrorMessages, type AccountErrorCode } from './errors.ts';
export { generatePassword, passwordHashing, passwordProblems } from './passwords.ts';

/**
 * User accounts and their sessions, in the graph as `User` and `Session` nodes (cypher/accounts/).
 * Times are stored as epoch milliseconds, which compare in Cypher without time-zone questions,
 * and leave this module as ISO strings. A session's token is handed to the client once and
 * stored only as its SHA-256: whoever reads the database (a backup, a dump) cannot sign in with it.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A session's lastSeenAt is written at most this often: one write per request would double the load of reading. */
const TOUCH_INTERVAL = MINUTE;
const REASON_MAX_LENGTH = 500;
const DISPLAY_NAME_MAX_LENGTH = 64;

/**
 * Account names are ASCII (letters, digits, . _ -), as a police number (警号), a staff number or a
 * pinyin name is: no two names that look alike can be different accounts, and every terminal and
 * log shows them. The person's name in Chinese is the display name.
 */
const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

interface StoredUser {
  name: string;
  displayName: string;
  role: Role;
  jurisdiction: string;
  disabled: boolean;
  lockedUntil: number | null;
  mustChangePassword: boolean;
  createdAt: number;
  lastSignInAt: number | null;
}

interface StoredSession {
  id: string;
  createdAt: number;
  lastSeenAt: number;
  absoluteExpiry: number;
  reason: string | null;
  revokedAt: number | null;
}

/** The name as stored (NFKC, trimmed) and its key (lower-cased), or USER_NAME_INVALID. */
export function normaliseUserName(name: string): { name: string; nameKey: string } {
  const normalised = typeof name === 'string' ? name.normalize('NFKC').trim() : '';
  if (!USER_NAME.test(normalised)) throw new AccountError('USER_NAME_INVALID', JSON.stringify(String(name)));
  return { name: normalised, nameKey: normalised.toLowerCase() };
}

/**
 * A jurisdiction is a current GB/T 2260 code model/ knows (province, city or district), or the
 * national code for an office that screens the whole country. A retired code is refused rather
 * than followed to its successor: the administrator should see and type the code that is stored.
 */
export function checkJurisdiction(code: string): string {
  const c = typeof code === 'string' ? code.trim() : '';
  const division = /^\d{6}$/.test(c) ? resolveDivision(c) : null;
  if (!division || (division.via !== 'exact' && c !== NATIONAL_CODE) || division.code !== c) {
    throw new AccountError('JURISDICTION_INVALID', JSON.stringify(String(code)));
  }
  return c;
}

function checkRole(role: string): Role {
  if (!isRole(role)) throw new AccountError('ROLE_INVALID', JSON.stringify(String(role)));
  return role;
}

function checkDisplayName(displayName: string): string {
  const d = typeof displayName === 'string' ? displayName.normalize('NFKC').trim() : '';
  if (d.length === 0 || [...d].length > DISPLAY_NAME_MAX_LENGTH || CONTROL.test(d)) {
    throw new AccountError('DISPLAY_NAME_INVALID', JSON.stringify(String(displayName)));
  }
  return d;
}

function checkPassword(name: string, password: string, policy: AccountPolicy): void {
  if (typeof password !== 'string') throw new AccountError('PASSWORD_TOO_SHORT');
  const [first, ...more] = passwordProblems(name, password, policy);
  if (first) {
    const detail = first === 'PASSWORD_TOO_SHORT' ? `至少 ${policy.passwordMinLength} 个字符 / at least ${policy.passwordMinLength} characters` : undefined;
    throw new AccountError(first, detail, [first, ...more]);
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null | undefined) => (typeof ms === 'number' ? iso(ms) : null);

export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 32 random bytes, base64url: what a token looks like, checked before any database lookup. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export class Accounts {
  readonly policy: AccountPolicy;

  constructor(
    private readonly graph: Graph,
    policy: AccountPolicy = defaultAccountPolicy,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.policy = { ...policy };
  }

  private now(): number {
    return this.clock().getTime();
  }

  /** Sessions not seen since this time have expired by idling. */
  private idleSince(now: number): number {
    return now - this.policy.sessionIdleMinutes * MINUTE;
  }

  private userView(u: StoredUser, now = this.now()): UserView {
    return {
      name: u.name,
      displayName: u.displayName,
      role: u.role,
      jurisdiction: u.jurisdiction,
      disabled: u.disabled === true,
      lockedUntil: typeof u.lockedUntil === 'number' && u.lockedUntil > now ? iso(u.lockedUntil) : null,
      mustChangePassword: u.mustChangePassword === true,
      createdAt: iso(u.createdAt),
      lastSignInAt: isoOrNull(u.lastSignInAt),
    };
  }

  /** The end of a session: idle expiry or absolute expiry (the stored one, or the policy's if that is now shorter). */
  private sessionEnd(s: StoredSession): number {
    return Math.min(s.lastSeenAt + this.policy.sessionIdleMinutes * MINUTE, s.absoluteExpiry, s.createdAt + this.policy.sessionMaxHours * HOUR);
  }

  private sessionView(s: StoredSession, u: StoredUser, now: number): SessionView {
    return {
      id: s.id,
      user: this.userView(u, now),
      createdAt: iso(s.createdAt),
      lastSeenAt: iso(s.lastSeenAt),
      expiresAt: iso(this.sessionEnd(s)),
      reason: s.reason ?? null,
    };
  }

  private async stored(nameKey: string): Promise<{ user: StoredUser; passwordHash: string; previousPasswordHashes: string[] } | null> {
    const [row] = await this.graph.read<{ user: StoredUser; passwordHash: string; previousPasswordHashes: string[] }>('accounts/user', { nameKey });
    return row ?? null;
  }

  private async existing(name: string) {
    const { nameKey } = normaliseUserName(name);
    const found = await this.stored(nameKey);
    if (!found) throw new AccountError('USER_NOT_FOUND', JSON.stringify(name));
    return { nameKey, ...found };
  }

  async createUser(input: { name: string; displayName?: string; role: Role; jurisdiction: string; password: string; mustChangePassword?: boolean }): Promise<UserView> {
    const { name, nameKey } = normaliseUserName(input.name);
    const role = checkRole(input.role);
    const jurisdiction = checkJurisdiction(input.jurisdiction);
    const displayName = input.displayName === undefined || input.displayName.trim() === '' ? name : checkDisplayName(input.displayName);
    checkPassword(name, input.password, this.policy);
    const passwordHash = await hashPassword(input.password);
    const [row] = await this.graph.write<{ created: boolean; user: StoredUser }>('accounts/createUser', {
      nameKey,
      name,
      displayName,
      role,
      jurisdiction,
      passwordHash,
      mustChangePassword: input.mustChangePassword ?? false,
      now: int(this.now()),
    });
    if (!row?.created) throw new AccountError('USER_EXISTS', JSON.stringify(name));
    return this.userView(row.user);
  }

  async listUsers(): Promise<UserView[]> {
    const now = this.now();
    return (await this.graph.read<{ user: StoredUser }>('accounts/users')).map((r) => this.userView(r.user, now));
  }

  async getUser(name: string): Promise<UserView | null> {
    let nameKey: string;
    try {
      ({ nameKey } = normaliseUserName(name));
    } catch {
      return null;
    }
    const found = await this.stored(nameKey);
    return found ? this.userView(found.user) : null;
  }

  /**
   * Changes role, jurisdiction, display name or disabled state in one transaction. Disabling a
   * user or changing their role ends their sessions: a session must not keep powers its user no
   * longer has. The last enabled sysadmin can be neither disabled nor given another role.
   */
  async updateUser(name: string, changes: { role?: Role; jurisdiction?: string; displayName?: string; disabled?: boolean }): Promise<UserView> {
    const { nameKey } = normaliseUserName(name);
    const role = changes.role === undefined ? null : checkRole(changes.role);
    const jurisdiction = changes.jurisdiction === undefined ? null : checkJurisdiction(changes.jurisdiction);
    const displayName = changes.displayName === undefined ? null : checkDisplayName(changes.displayName);
    const disabled = changes.disabled === undefined ? null : changes.disabled === true;
    const now = this.now();
    const user = await this.graph.inWriteTransaction(async (run) => {
      await run('accounts/lockSysadmins', {});
      const [guard] = await run('accounts/otherEnabledSysadmins', { nameKey });
      const [before] = await run('accounts/user', { nameKey });
      if (!before) throw new AccountError('USER_NOT_FOUND', JSON.stringify(name));
      const old = before.user as StoredUser;
      const wasEnabledSysadmin = old.role === 'sysadmin' && !old.disabled;
      const staysEnabledSysadmin = (role ?? old.role) === 'sysadmin' && !(disabled ?? old.disabled);
      if (wasEnabledSysadmin && !staysEnabledSysadmin && (guard?.otherEnabledSysadmins as number) === 0) throw new AccountError('LAST_SYSADMIN', JSON.stringify(old.name));
      const [after] = await run('accounts/updateUser', { nameKey, role, jurisdiction, displayName, disabled });
      const roleChanged = role !== null && role !== old.role;
      const disabledNow = disabled === true && !old.disabled;
      if (roleChanged || disabledNow) {
        await run('accounts/revokeUserSessions', { user: nameKey, keepTokenHash: null, now: int(now), idleSince: int(this.idleSince(now)) });
      }
      return after!.user as StoredUser;
    });
    return this.userView(user, now);
  }

  async unlock(name: string): Promise<UserView> {
    const { nameKey } = normaliseUserName(name);
    const [row] = await this.graph.write<{ user: StoredUser }>('accounts/unlock', { nameKey });
    if (!row) throw new AccountError('USER_NOT_FOUND', JSON.stringify(name));
    return this.userView(row.user);
  }

  /** Whether the new password repeats the current one or one of those before it (policy.passwordHistory in all). */
  private async reused(password: string, current: string, previous: string[]): Promise<boolean> {
    const remembered = [current, ...previous].slice(0, Math.max(1, this.policy.passwordHistory));
    for (const hash of remembered) if (await verifyPassword(hash, password)) return true;
    return false;
  }

  private async replacePassword(
    found: { nameKey: string; user: StoredUser; passwordHash: string; previousPasswordHashes: string[] },
    newPassword: string,
    mustChangePassword: boolean,
    keepTokenHash: string | null,
  ): Promise<void> {
    checkPassword(found.user.name, newPassword, this.policy);
    if (await this.reused(newPassword, found.passwordHash, found.previousPasswordHashes)) {
      throw new AccountError('PASSWORD_REUSED', `最近 ${this.policy.passwordHistory} 个 / the last ${this.policy.passwordHistory}`);
    }
    const passwordHash = await hashPassword(newPassword);
    const previousPasswordHashes = [found.passwordHash, ...found.previousPasswordHashes].slice(0, Math.max(0, this.policy.passwordHistory - 1));
    const now = this.now();
    await this.graph.inWriteTransaction(async (run) => {
      await run('accounts/setPassword', { nameKey: found.nameKey, passwordHash, previousPasswordHashes, mustChangePassword, now: int(now) });
      await run('accounts/revokeUserSessions', { user: found.nameKey, keepTokenHash, now: int(now), idleSince: int(this.idleSince(now)) });
    });
  }

  /** A sysadmin sets a new password: the policy applies, the user must change it at the next sign-in, and every session ends. */
  async resetPassword(name: string, newPassword: string): Promise<void> {
    await this.replacePassword(await this.existing(name), newPassword, true, null);
  }

  /**
   * The user changes their own password: the old one must match (a wrong one counts towards the
   * lockout, so a stolen session cannot be used to guess it), and every other session ends.
   */
  async changePassword(name: string, oldPassword: string, newPassword: string, keepSessionToken?: string): Promise<void> {
    const found = await this.existing(name);
    const now = this.now();
    if (typeof found.user.lockedUntil === 'number' && found.user.lockedUntil > now) throw new AccountError('ACCOUNT_LOCKED', iso(found.user.lockedUntil));
    if (!(await verifyPassword(found.passwordHash, oldPassword))) {
      await this.recordFailure(found.nameKey, now);
      throw new AccountError('WRONG_PASSWORD');
    }
    await this.replacePassword(found, newPassword, false, keepSessionToken ? tokenHash(keepSessionToken) : null);
  }

  private async recordFailure(nameKey: string, now: number): Promise<string | null> {
    const [row] = await this.graph.write<{ lockedUntil: number | null }>('accounts/recordFailedSignIn', {
      nameKey,
      now: int(now),
      lockoutAttempts: int(this.policy.lockoutAttempts),
      lockedUntil: int(now + this.policy.lockoutMinutes * MINUTE),
    });
    return isoOrNull(row?.lockedUntil);
  }

  /**
   * Signs a user in. An unknown name, a malformed one and a wrong password all answer
   * BAD_CREDENTIALS after the same argon2 work, so neither the answer nor its time tells whether
   * the name exists. A locked account answers ACCOUNT_LOCKED without checking the password (the
   * guesser learns nothing and costs no hashing); a disabled one answers ACCOUNT_DISABLED only to
   * whoever knows its password. The failure that reaches policy.lockoutAttempts locks the account
   * for policy.lockoutMinutes and already answers ACCOUNT_LOCKED.
   */
  async signIn(name: string, password: string): Promise<SignInOutcome> {
    let nameKey: string | null = null;
    try {
      nameKey = normaliseUserName(name).nameKey;
    } catch {
      nameKey = null;
    }
    const pass = typeof password === 'string' ? password : '';
    const found = nameKey ? await this.stored(nameKey) : null;
    if (!nameKey || !found) {
      await verifyDecoy(pass);
      return { ok: false, code: 'BAD_CREDENTIALS' };
    }
    const now = this.now();
    if (typeof found.user.lockedUntil === 'number' && found.user.lockedUntil > now) {
      return { ok: false, code: 'ACCOUNT_LOCKED', lockedUntil: iso(found.user.lockedUntil) };
    }
    if (!(await verifyPassword(found.passwordHash, pass))) {
      const lockedUntil = await this.recordFailure(nameKey, now);
      return lockedUntil ? { ok: false, code: 'ACCOUNT_LOCKED', lockedUntil } : { ok: false, code: 'BAD_CREDENTIALS' };
    }
    if (found.user.disabled) return { ok: false, code: 'ACCOUNT_DISABLED' };

    const token = crypto.randomBytes(32).toString('base64url');
    const [row] = await this.graph.write<{ session: StoredSession; user: StoredUser }>('accounts/openSession', {
      nameKey,
      id: crypto.randomUUID(),
      tokenHash: tokenHash(token),
      now: int(now),
      idleSince: int(this.idleSince(now)),
      absoluteExpiry: int(now + this.policy.sessionMaxHours * HOUR),
    });
    if (!row) {
      // Locked by concurrent failures, or disabled, between the check above and now.
      const again = await this.stored(nameKey);
      if (again?.user.disabled) return { ok: false, code: 'ACCOUNT_DISABLED' };
      const lockedUntil = isoOrNull(again?.user.lockedUntil);
      return lockedUntil ? { ok: false, code: 'ACCOUNT_LOCKED', lockedUntil } : { ok: false, code: 'BAD_CREDENTIALS' };
    }
    if (hashNeedsUpgrade(found.passwordHash)) {
      await this.graph.write('accounts/rehashPassword', { nameKey, oldHash: found.passwordHash, newHash: await hashPassword(pass) });
    }
    return { ok: true, token, session: this.sessionView(row.session, row.user, now) };
  }

  /** The session and its user as stored, when the token names a live one (not revoked, not expired, user enabled). */
  private async live(token: string, now: number): Promise<{ session: StoredSession; user: StoredUser } | null> {
    if (typeof token !== 'string' || !TOKEN.test(token)) return null;
    const [row] = await this.graph.read<{ session: StoredSession; user: StoredUser }>('accounts/session', { tokenHash: tokenHash(token) });
    if (!row) return null;
    const { session, user } = row;
    if (session.revokedAt !== null && session.revokedAt !== undefined) return null;
    if (now >= this.sessionEnd(session)) return null;
    if (user.disabled) return null;
    return row;
  }

  /**
   * The live session a token names, or null. Using it moves its idle expiry: lastSeenAt is
   * written at most once a minute, so a session may idle out up to a minute early, never late.
   */
  async session(token: string): Promise<SessionView | null> {
    const now = this.now();
    const row = await this.live(token, now);
    if (!row) return null;
    const session = { ...row.session };
    if (now - session.lastSeenAt >= TOUCH_INTERVAL) {
      await this.graph.write('accounts/touchSession', { id: session.id, now: int(now) });
      session.lastSeenAt = now;
    }
    return this.sessionView(session, row.user, now);
  }

  /** Gives (or, with null or blank, withdraws) the session's 查询事由. */
  async setSessionReason(token: string, reason: string | null): Promise<SessionView> {
    // Kept as written (no NFKC): it is quoted in the audit trail and must read as the user typed it.
    const text = reason === null || reason === undefined ? '' : String(reason).trim();
    if ([...text].length > REASON_MAX_LENGTH || CONTROL.test(text)) throw new AccountError('REASON_INVALID');
    const now = this.now();
    const row = await this.live(token, now);
    if (!row) throw new AccountError('SESSION_NOT_FOUND');
    const [set] = await this.graph.write<{ reason: string | null }>('accounts/setSessionReason', { id: row.session.id, reason: text === '' ? null : text });
    return this.sessionView({ ...row.session, reason: set?.reason ?? null }, row.user, now);
  }

  async signOut(token: string): Promise<void> {
    if (typeof token !== 'string' || !TOKEN.test(token)) return;
    await this.graph.write('accounts/revokeSession', { tokenHash: tokenHash(token), now: int(this.now()) });
  }

  /** Ends every session of the user; returns how many were live. */
  async signOutEverywhere(name: string): Promise<number> {
    const { nameKey } = await this.existing(name);
    const now = this.now();
    const [row] = await this.graph.write<{ revoked: number }>('accounts/revokeUserSessions', {
      user: nameKey,
      keepTokenHash: null,
      now: int(now),
      idleSince: int(this.idleSince(now)),
    });
    return row?.revoked ?? 0;
  }

  /** The user's live sessions, oldest first. */
  async listSessions(name: string): Promise<SessionView[]> {
    const { nameKey } = await this.existing(name);
    const now = this.now();
    const rows = await this.graph.read<{ session: StoredSession; user: StoredUser }>('accounts/userSessions', {
      user: nameKey,
      now: int(now),
      idleSince: int(this.idleSince(now)),
    });
    return rows.filter((r) => now < this.sessionEnd(r.session)).map((r) => this.sessionView(r.session, r.user, now));
  }

  async sysadminExists(): Promise<boolean> {
    const [row] = await this.graph.read<{ exists: boolean }>('accounts/sysadminExists');
    return row?.exists === true;
  }
}

/**
 * The first start of an install: when no sysadmin exists, creates one ('admin' unless named),
 * with the password given (CHUANTOU_ADMIN_PASSWORD) or a generated one that the caller prints
 * once and that must be changed at the first sign-in. There is no default password that would
 * open every install. Once a sysadmin exists, never again.
 */
export async function ensureFirstSysadmin(
  accounts: Accounts,
  options: { name?: string; password?: string; jurisdiction?: string },
): Promise<{ created: boolean; name: string; generatedPassword?: string }> {
  const name = options.name ?? 'admin';
  if (await accounts.sysadminExists()) return { created: false, name };
  const generatedPassword = options.password ? undefined : generatePassword(name, accounts.policy);
  try {
    const user = await accounts.createUser({
      name,
      displayName: '系统管理员',
      role: 'sysadmin',
      // A sysadmin sees no case data; the jurisdiction only fills defaults. National until set.
      jurisdiction: options.jurisdiction ?? NATIONAL_CODE,
      password: options.password ?? generatedPassword!,
      mustChangePassword: generatedPassword !== undefined,
    });
    return { created: true, name: user.name, ...(generatedPassword ? { generatedPassword } : {}) };
  } catch (error) {
    // Another process starting at the same moment created it first.
    if (error instanceof AccountError && error.code === 'USER_EXISTS' && (await accounts.sysadminExists())) return { created: false, name };
    throw error;
  }
}
