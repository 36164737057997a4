// A request that meets an ended session waits for the user to sign in again and is then sent
// once more; it is never replayed without a sign-in in between, nor for a user who signed out.

import { describe, expect, it, vi } from 'vitest';
import { SessionGate } from '../../web/src/session/sessionGate.ts';

const settled = async <T>(promise: Promise<T>) => {
  const state = { done: false, error: undefined as unknown };
  promise.then(
    () => (state.done = true),
    (error: unknown) => {
      state.done = true;
      state.error = error;
    },
  );
  await new Promise((resolve) => setTimeout(resolve, 0));
  return state;
};

describe('session gate', () => {
  it('parks a request until the next sign-in and tells its listeners the session expired', async () => {
    const gate = new SessionGate();
    const listener = vi.fn();
    gate.subscribe(listener);

    const waiting = gate.waitForSignIn(gate.ticket());
    expect(gate.expired).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    expect((await settled(waiting)).done).toBe(false);

    gate.signedIn();
    expect(await settled(waiting)).toEqual({ done: true, error: undefined });
    expect(gate.expired).toBe(false);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('lets a request sent before a sign-in but answered after it go again at once', async () => {
    const gate = new SessionGate();
    const ticket = gate.ticket();
    gate.signedIn();
    expect(await settled(gate.waitForSignIn(ticket))).toEqual({ done: true, error: undefined });
    expect(gate.expired).toBe(false);
  });

  it('drops parked work when the user signs out, and refuses work sent before the sign-out', async () => {
    const gate = new SessionGate();
    const before = gate.ticket();
    const waiting = gate.waitForSignIn(before);
    gate.abandon();
    const outcome = await settled(waiting);
    expect((outcome.error as DOMException).name).toBe('AbortError');
    expect(gate.expired).toBe(false);

    // A late answer to a request of the abandoned work must not bring the overlay back.
    const late = await settled(gate.waitForSignIn(before));
    expect((late.error as DOMException).name).toBe('AbortError');
    expect(gate.expired).toBe(false);
  });

  it('lets an aborted request leave the queue without the others', async () => {
    const gate = new SessionGate();
    const controller = new AbortController();
    const aborted = gate.waitForSignIn(gate.ticket(), controller.signal);
    const kept = gate.waitForSignIn(gate.ticket());
    controller.abort();
    expect(((await settled(aborted)).error as DOMException).name).toBe('AbortError');
    expect(gate.expired).toBe(true);
    gate.signedIn();
    expect(await settled(kept)).toEqual({ done: true, error: undefined });
  });
});
