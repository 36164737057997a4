// Which screen shows for a session: sign-in without one, a required password change before any
// work, the role's screen after; a session that ends mid-work covers the work instead of replacing it.

import { describe, expect, it } from 'vitest';
import type { Me, Role } from '../../web/src/api.ts';
import { initialSession, sessionReducer, viewOf, type SessionEvent, type SessionState } from '../../web/src/session/sessionState.ts';

function me(role: Role, options: { name?: string; mustChangePassword?: boolean; reason?: string | null } = {}): Me {
  return {
    user: { name: options.name ?? `test-${role}`, displayName: '测试', role, jurisdiction: '320000', mustChangePassword: options.mustChangePassword ?? false },
    session: { expiresAt: '2026-01-01T00:00:00Z', reason: options.reason ?? null },
    fullIdNumbers: role === 'investigator' && Boolean(options.reason),
  };
}

const run = (...events: SessionEvent[]): SessionState => events.reduce(sessionReducer, initialSession);

describe('session state', () => {
  it('asks first, then shows sign-in without a session and the work screen with one', () => {
    expect(viewOf(initialSession)).toEqual({ screen: 'checking', overlay: null });
    expect(viewOf(run({ type: 'checked', me: null }))).toEqual({ screen: 'signIn', overlay: null });
    expect(viewOf(run({ type: 'checked', me: me('investigator') }))).toEqual({ screen: 'workbench', overlay: null });
    expect(viewOf(run({ type: 'checked', me: me('regulator') }))).toEqual({ screen: 'workbench', overlay: null });
  });

  it('gives every role the workbench (which screens it may open there is the access table’s)', () => {
    for (const role of ['sysadmin', 'auditor', 'viewer'] as const) {
      expect(viewOf(run({ type: 'checked', me: null }, { type: 'signedIn', me: me(role) }))).toEqual({ screen: 'workbench', overlay: null });
    }
  });

  it('puts a required password change before any work', () => {
    const state = run({ type: 'checked', me: null }, { type: 'signedIn', me: me('investigator', { mustChangePassword: true }) });
    expect(viewOf(state)).toEqual({ screen: 'changePassword', overlay: null });
    const changed = sessionReducer(state, { type: 'passwordChanged', me: me('investigator') });
    expect(viewOf(changed)).toEqual({ screen: 'workbench', overlay: null });
  });

  it('covers the work with the sign-in form when the session ends, and keeps the same workspace after the same user signs in', () => {
    const working = run({ type: 'checked', me: me('investigator', { reason: '案 1' }) });
    const expired = sessionReducer(working, { type: 'expired' });
    expect(viewOf(expired)).toEqual({ screen: 'workbench', overlay: 'signIn' });

    const back = sessionReducer(expired, { type: 'signedIn', me: me('investigator') });
    expect(viewOf(back)).toEqual({ screen: 'workbench', overlay: null });
    expect(back.status === 'signedIn' && working.status === 'signedIn' && back.workspace === working.workspace).toBe(true);
    // The new session has no reason yet: the header must not claim full ID numbers.
    expect(back.status === 'signedIn' && back.me.fullIdNumbers).toBe(false);
  });

  it('gives another user a fresh workspace', () => {
    const working = run({ type: 'checked', me: me('investigator', { name: 'a' }) }, { type: 'expired' });
    const other = sessionReducer(working, { type: 'signedIn', me: me('investigator', { name: 'b' }) });
    expect(other.status === 'signedIn' && working.status === 'signedIn' && other.workspace !== working.workspace).toBe(true);
  });

  it('asks for a password change over the work when a re-sign-in requires one', () => {
    const expired = run({ type: 'checked', me: me('investigator') }, { type: 'expired' });
    const back = sessionReducer(expired, { type: 'signedIn', me: me('investigator', { mustChangePassword: true }) });
    expect(viewOf(back)).toEqual({ screen: 'workbench', overlay: 'changePassword' });
  });

  it('sends a session that ends during the first password change to the plain sign-in page', () => {
    const state = run({ type: 'checked', me: me('regulator', { mustChangePassword: true }) }, { type: 'expired' });
    expect(state).toEqual({ status: 'signedOut', notice: 'expired' });
  });

  it('ignores an expiry reported after signing out, and says so after signing out', () => {
    const out = run({ type: 'checked', me: me('investigator') }, { type: 'signedOut' });
    expect(out).toEqual({ status: 'signedOut', notice: 'signedOut' });
    expect(sessionReducer(out, { type: 'expired' })).toBe(out);
  });

  it('updates the session in place when the reason changes', () => {
    const working = run({ type: 'checked', me: me('investigator') });
    const updated = sessionReducer(working, { type: 'meUpdated', me: me('investigator', { reason: '（2026）苏公经立字 12 号' }) });
    expect(updated.status === 'signedIn' && updated.me.fullIdNumbers).toBe(true);
    expect(viewOf(updated)).toEqual({ screen: 'workbench', overlay: null });
  });
});
