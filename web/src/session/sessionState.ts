import type { Me } from '../api.ts';

/**
 * Where the app stands with its session, as plain data so the rules can be tested without a
 * browser: which screen shows, and whether the sign-in form covers the work without replacing it.
 */
export type SessionState =
  | { status: 'checking' }
  /** The server could not be asked who is signed in (not the same as "nobody is"). */
  | { status: 'unreachable'; error: unknown }
  | { status: 'signedOut'; notice: SignedOutNotice | null }
  | {
      status: 'signedIn';
      me: Me;
      /** The session ended mid-work: the sign-in form covers the work until the same user signs in again. */
      expired: boolean;
      /** The work screen has been shown; until then a required password change is a screen of its own. */
      opened: boolean;
      /** Changes when another user signs in, so nothing of the previous user's work stays mounted. */
      workspace: number;
    };

export type SignedOutNotice = 'signedOut' | 'expired';

export type SessionEvent =
  | { type: 'checked'; me: Me | null }
  | { type: 'checkFailed'; error: unknown }
  | { type: 'recheck' }
  | { type: 'signedIn'; me: Me }
  | { type: 'passwordChanged'; me: Me }
  /** The same session, updated (e.g. a 查询事由 set or cleared). */
  | { type: 'meUpdated'; me: Me }
  | { type: 'expired' }
  | { type: 'signedOut' };

export const initialSession: SessionState = { status: 'checking' };

export function sessionReducer(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'recheck':
      return { status: 'checking' };
    case 'checked':
      return event.me ? fresh(event.me, 0) : { status: 'signedOut', notice: null };
    case 'checkFailed':
      return state.status === 'checking' ? { status: 'unreachable', error: event.error } : state;
    case 'signedIn': {
      if (state.status === 'signedIn' && state.me.user.name === event.me.user.name) {
        return { ...state, me: event.me, expired: false };
      }
      return fresh(event.me, state.status === 'signedIn' ? state.workspace + 1 : 0);
    }
    case 'passwordChanged':
      return state.status === 'signedIn' ? { ...state, me: event.me, expired: false, opened: true } : state;
    case 'meUpdated':
      return state.status === 'signedIn' && state.me.user.name === event.me.user.name ? { ...state, me: event.me } : state;
    case 'expired':
      if (state.status !== 'signedIn') return state;
      // Nothing to keep before the work screen opened: the plain sign-in screen says why.
      return state.opened ? { ...state, expired: true } : { status: 'signedOut', notice: 'expired' };
    case 'signedOut':
      return { status: 'signedOut', notice: 'signedOut' };
  }
}

function fresh(me: Me, workspace: number): SessionState {
  return { status: 'signedIn', me, expired: false, opened: !me.user.mustChangePassword, workspace };
}

/** The screen under any overlay. Every role works in the workbench; which screens it may open there is shell/access.ts's. */
export type BaseScreen = 'checking' | 'unreachable' | 'signIn' | 'changePassword' | 'workbench';
/** What covers the work screen without unmounting it. */
export type Overlay = 'signIn' | 'changePassword' | null;

export function viewOf(state: SessionState): { screen: BaseScreen; overlay: Overlay } {
  switch (state.status) {
    case 'checking':
      return { screen: 'checking', overlay: null };
    case 'unreachable':
      return { screen: 'unreachable', overlay: null };
    case 'signedOut':
      return { screen: 'signIn', overlay: null };
    case 'signedIn': {
      if (!state.opened) return { screen: 'changePassword', overlay: null };
      const overlay = state.expired ? 'signIn' : state.me.user.mustChangePassword ? 'changePassword' : null;
      return { screen: 'workbench', overlay };
    }
  }
}
