/**
 * Where requests wait while the session has ended mid-work (idle timeout, signed out elsewhere).
 * A request answered UNAUTHENTICATED parks here instead of failing, so the screen that sent it
 * keeps its state; the app shows the sign-in overlay, and once the user has signed in again the
 * parked requests are sent once more. Nothing is retried without a sign-in in between.
 */

/** What the gate knew when a request was sent: lets a late answer tell what happened since. */
export interface GateTicket {
  readonly signIns: number;
  readonly abandons: number;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
  detach: () => void;
}

function aborted(): DOMException {
  return new DOMException('The work this request belonged to was given up', 'AbortError');
}

export class SessionGate {
  private signIns = 0;
  private abandons = 0;
  private waiting: Waiter[] = [];
  private listeners = new Set<() => void>();
  private expiredNow = false;

  /** True from the first UNAUTHENTICATED answer until the next sign-in or sign-out. */
  get expired(): boolean {
    return this.expiredNow;
  }

  ticket(): GateTicket {
    return { signIns: this.signIns, abandons: this.abandons };
  }

  /**
   * For a request sent with `ticket` and answered UNAUTHENTICATED: resolves when it should be sent
   * again, rejects with an AbortError when its work was given up (signed out) or its signal aborts.
   */
  waitForSignIn(ticket: GateTicket, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted || ticket.abandons !== this.abandons) return Promise.reject(aborted());
    // Sent with the old session but answered after the user signed in again: just send it again.
    if (ticket.signIns !== this.signIns) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.waiting = this.waiting.filter((w) => w !== waiter);
        reject(aborted());
      };
      const waiter: Waiter = {
        resolve,
        reject,
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
      if (!this.expiredNow) {
        this.expiredNow = true;
        this.notify();
      }
    });
  }

  /** The same user signed in again: the parked requests go out once more. */
  signedIn(): void {
    this.signIns += 1;
    this.release((w) => w.resolve());
  }

  /** The user signed out (or chose another account): parked work is dropped, not replayed for someone else. */
  abandon(): void {
    this.abandons += 1;
    this.release((w) => w.reject(aborted()));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private release(settle: (waiter: Waiter) => void): void {
    const waiting = this.waiting;
    this.waiting = [];
    const wasExpired = this.expiredNow;
    this.expiredNow = false;
    for (const waiter of waiting) {
      waiter.detach();
      settle(waiter);
    }
    if (wasExpired) this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
