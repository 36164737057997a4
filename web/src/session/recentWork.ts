import { useSyncExternalStore } from 'react';

/**
 * What the user opened lately (profiles, charts), for the home screen's "recent work", kept in
 * this browser's localStorage under the user's name. Only what finds the thing again is kept —
 * key, name, kind, screen, time — never an ID number or anything else from the record: the list
 * outlives the session, and the browser may be shared.
 */

export type RecentScreen = 'profile' | 'penetration' | 'explorer';

export interface RecentEntry {
  key: string;
  name: string;
  kind: 'COMPANY' | 'PERSON';
  screen: RecentScreen;
}

export interface RecentItem extends RecentEntry {
  /** When it was opened: ISO 8601. */
  at: string;
}

export const RECENT_LIMIT = 10;
const STORAGE_PREFIX = 'chuantou.recent.';

let user: string | null = null;
const listeners = new Set<() => void>();
let snapshot: { user: string | null; items: RecentItem[] } = { user: null, items: [] };

function storageKey(name: string): string {
  return `${STORAGE_PREFIX}${name}`;
}

function isItem(value: unknown): value is RecentItem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.key === 'string' &&
    typeof v.name === 'string' &&
    (v.kind === 'COMPANY' || v.kind === 'PERSON') &&
    (v.screen === 'profile' || v.screen === 'penetration' || v.screen === 'explorer') &&
    typeof v.at === 'string'
  );
}

/** Reads one user's list; anything unreadable (another version, a hand edit, storage off) is no list. */
function read(name: string | null): RecentItem[] {
  if (!name) return [];
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(storageKey(name)) ?? '[]');
    // Rebuilt field by field, so nothing but the five fields (and the time) is ever shown or kept.
    return Array.isArray(parsed) ? parsed.filter(isItem).slice(0, RECENT_LIMIT).map(({ key, name: n, kind, screen, at }) => ({ key, name: n, kind, screen, at })) : [];
  } catch {
    return [];
  }
}

function refresh(): void {
  snapshot = { user, items: read(user) };
  for (const listener of listeners) listener();
}

/**
 * The shell says who is signed in (null: nobody); recent work is then theirs. Called while the
 * shell renders, before any screen below it records on mounting, so it tells no listener: the
 * screens that show the list are mounted afresh for each user (the workspace key) and read it then.
 */
export function recentWorkUser(name: string | null): void {
  if (name === user) return;
  user = name;
  snapshot = { user, items: read(user) };
}

/**
 * Records that the signed-in user opened `entry` now: it goes to the top of their list (once per
 * thing and screen), the list keeps the last RECENT_LIMIT. Does nothing when nobody is signed in
 * or storage is unavailable (policy on some government machines).
 */
export function rememberRecent(entry: RecentEntry, now: Date = new Date()): void {
  if (!user) return;
  const item: RecentItem = { key: entry.key, name: entry.name, kind: entry.kind, screen: entry.screen, at: now.toISOString() };
  const items = [item, ...read(user).filter((i) => !(i.key === item.key && i.screen === item.screen))].slice(0, RECENT_LIMIT);
  try {
    globalThis.localStorage?.setItem(storageKey(user), JSON.stringify(items));
  } catch {
    return;
  }
  refresh();
}

/** Empties the signed-in user's list. */
export function forgetRecent(): void {
  if (!user) return;
  try {
    globalThis.localStorage?.removeItem(storageKey(user));
  } catch {
    return;
  }
  refresh();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of the same user records too.
  const onStorage = (event: StorageEvent) => {
    if (user && event.key === storageKey(user)) refresh();
  };
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    listeners.delete(listener);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}

/** The signed-in user's recent work, newest first; re-renders when it changes. */
export function useRecentWork(): RecentItem[] {
  return useSyncExternalStore(subscribe, () => snapshot.items);
}
