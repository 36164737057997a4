import type { Role } from './roles.ts';

/** What the rest of the tool sees of an account: never its password hash. */
export interface UserView {
  name: string;
  displayName: string;
  role: Role;
  /** GB/T 2260 code (6 digits) the user's screens default to and, when enforced, are limited to. */
  jurisdiction: string;
  disabled: boolean;
  /** ISO time until which sign-in is refused after repeated failures; null when not locked. */
  lockedUntil: string | null;
  mustChangePassword: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

/** A signed-in session as a request sees it. The token itself is never stored, only its SHA-256. */
export interface SessionView {
  /** Stable id of the session (not the token): for listing and revoking. */
  id: string;
  user: UserView;
  createdAt: string;
  lastSeenAt: string;
  /** The earlier of the idle and the absolute expiry. */
  expiresAt: string;
  /** 查询事由 given for this session, if any. */
  reason: string | null;
}

export type SignInOutcome =
  | { ok: true; token: string; session: SessionView }
  | { ok: false; code: 'BAD_CREDENTIALS' | 'ACCOUNT_LOCKED' | 'ACCOUNT_DISABLED'; lockedUntil?: string };

/** Limits an office may tune (environment, server/config.ts); defaults follow OWASP and 等保 practice. */
export interface AccountPolicy {
  passwordMinLength: number;
  /** Previous passwords a new one may not repeat. */
  passwordHistory: number;
  lockoutAttempts: number;
  lockoutMinutes: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
}

export const defaultAccountPolicy: AccountPolicy = {
  passwordMinLength: 12,
  passwordHistory: 5,
  lockoutAttempts: 5,
  lockoutMinutes: 15,
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
};
