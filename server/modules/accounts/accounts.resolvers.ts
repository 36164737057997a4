import { z } from 'zod';
import { AccountError } from '../../../accounts/accounts.ts';
import { isRole, type Role } from '../../../accounts/roles.ts';
import type { SessionView } from '../../../accounts/types.ts';
import type { ApiContext } from '../../context.ts';
import { apiError } from '../../errors.ts';
import { parseInput } from '../../input.ts';
import { fullIdNumbersAllowed } from '../../outputMasking.ts';
import { clearSessionCookie, setSessionCookie } from '../../sessionCookie.ts';

/** Resolvers of accounts.graphql: the accounts layer does the work; these translate and set cookies. */

const roleEnum: Record<string, Role> = { SYSADMIN: 'sysadmin', AUDITOR: 'auditor', INVESTIGATOR: 'investigator', REGULATOR: 'regulator', VIEWER: 'viewer' };

const name = z.string().trim().min(1).max(64);
const password = z.string().min(1).max(256);
const reason = z.string().trim().max(500).nullable();


/** Account errors carry their own zh/en sentence and code; the client shows the sentence. */
async function accountCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AccountError) throw apiError('ACCOUNT_ERROR', error.message, { reason: error.code });
    throw error;
  }
}

function me(session: SessionView, context: ApiContext) {
  return {
    user: session.user,
    session,
    fullIdNumbers: fullIdNumbersAllowed({ session, reason: context.reason }),
    jurisdictionEnforced: context.jurisdictionEnforced,
  };
}

function signedIn(context: ApiContext): { session: SessionView; token: string } {
  if (!context.session || !context.token) throw apiError('UNAUTHENTICATED');
  return { session: context.session, token: context.token };
}

const signInMessages = {
  BAD_CREDENTIALS: '用户名或密码错误 / wrong user name or password',
  ACCOUNT_LOCKED: '连续登录失败次数过多，账户已暂时锁定 / too many failed sign-ins: the account is locked for a while',
  ACCOUNT_DISABLED: '账户已停用，请联系系统管理员 / the account is disabled; ask your system administrator',
} as const;

export const accountsResolvers = {
  Role: roleEnum,
  Query: {
    me: (_: unknown, __: unknown, context: ApiContext) => me(signedIn(context).session, context),
    users: (_: unknown, __: unknown, { accounts }: ApiContext) => accounts.listUsers(),
    mySessions: (_: unknown, __: unknown, context: ApiContext) => context.accounts.listSessions(signedIn(context).session.user.name),
  },
  Mutation: {
    signIn: async (_: unknown, args: { name: unknown; password: unknown }, context: ApiContext) => {
      const userName = parseInput(name, args.name);
      context.auditNote.actorName = userName;
      const outcome = await context.accounts.signIn(userName, parseInput(password, args.password));
      if (!outcome.ok) {
        context.auditNote.outcome = 'denied';
        context.auditNote.detail = outcome.code;
        return { ok: false, code: outcome.code, message: signInMessages[outcome.code], lockedUntil: outcome.lockedUntil ?? null, me: null };
      }
      await setSessionCookie(context.request, outcome.token, context.secureCookies);
      return { ok: true, code: null, message: null, lockedUntil: null, me: me(outcome.session, { ...context, reason: outcome.session.reason }) };
    },
    signOut: async (_: unknown, __: unknown, context: ApiContext) => {
      await context.accounts.signOut(signedIn(context).token);
      await clearSessionCookie(context.request, context.secureCookies);
      return true;
    },
    signOutEverywhere: async (_: unknown, __: unknown, context: ApiContext) => {
      const count = await context.accounts.signOutEverywhere(signedIn(context).session.user.name);
      await clearSessionCookie(context.request, context.secureCookies);
      return count;
    },
    changePassword: (_: unknown, args: { oldPassword: unknown; newPassword: unknown }, context: ApiContext) => {
      const { session, token } = signedIn(context);
      return accountCall(async () => {
        await context.accounts.changePassword(session.user.name, parseInput(password, args.oldPassword), parseInput(password, args.newPassword), token);
        return true;
      });
    },
    setQueryReason: async (_: unknown, args: { reason: unknown }, context: ApiContext) => {
      const given = parseInput(reason, args.reason ?? null);
      const session = await context.accounts.setSessionReason(signedIn(context).token, given || null);
      context.auditNote.detail = given ? `查询事由 / reason: ${given}` : '清除查询事由 / reason cleared';
      return me(session, { ...context, reason: session.reason });
    },
    createUser: (_: unknown, args: { user: { name: unknown; displayName?: unknown; role: string; jurisdiction: unknown; password: unknown } }, { accounts }: ApiContext) =>
      accountCall(() =>
        accounts.createUser({
          name: parseInput(name, args.user.name),
          displayName: args.user.displayName === undefined || args.user.displayName === null ? undefined : parseInput(name, args.user.displayName),
          role: args.user.role as Role,
          jurisdiction: parseInput(z.string().trim(), args.user.jurisdiction),
          password: parseInput(password, args.user.password),
          mustChangePassword: true,
        }),
      ),
    updateUser: (_: unknown, args: { name: unknown; changes: { displayName?: unknown; role?: string | null; jurisdiction?: unknown; disabled?: boolean | null } }, { accounts }: ApiContext) =>
      accountCall(() => {
        const c = args.changes;
        const changes: Parameters<typeof accounts.updateUser>[1] = {};
        if (c.displayName !== undefined && c.displayName !== null) changes.displayName = parseInput(name, c.displayName);
        if (c.role && isRole(c.role)) changes.role = c.role;
        if (c.jurisdiction !== undefined && c.jurisdiction !== null) changes.jurisdiction = parseInput(z.string().trim(), c.jurisdiction);
        if (c.disabled !== undefined && c.disabled !== null) changes.disabled = c.disabled;
        return accounts.updateUser(parseInput(name, args.name), changes);
      }),
    unlockUser: (_: unknown, args: { name: unknown }, { accounts }: ApiContext) => accountCall(() => accounts.unlock(parseInput(name, args.name))),
    resetPassword: (_: unknown, args: { name: unknown; newPassword: unknown }, { accounts }: ApiContext) =>
      accountCall(async () => {
        await accounts.resetPassword(parseInput(name, args.name), parseInput(password, args.newPassword));
        return true;
      }),
    signOutUser: (_: unknown, args: { name: unknown }, { accounts }: ApiContext) => accountCall(() => accounts.signOutEverywhere(parseInput(name, args.name))),
  },
};
