// Recent work (web/src/session/recentWork.ts): kept per user in localStorage, newest first, once
// per thing and screen, at most ten, and never anything but what finds the thing again.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetRecent, RECENT_LIMIT, recentWorkUser, rememberRecent } from '../../web/src/session/recentWork.ts';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

let storage: MemoryStorage;
const stored = (user: string) => JSON.parse(storage.getItem(`chuantou.recent.${user}`) ?? '[]') as Record<string, unknown>[];
const firm = (n: number) => ({ key: `9132000000000000${String(n).padStart(2, '0')}`, name: `南京测试${n}有限公司`, kind: 'COMPANY' as const, screen: 'profile' as const });

beforeEach(() => {
  storage = new MemoryStorage();
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
  recentWorkUser(null);
});
afterEach(() => {
  recentWorkUser(null);
  Reflect.deleteProperty(globalThis, 'localStorage');
});

describe('recent work', () => {
  it('records nothing while nobody is signed in', () => {
    rememberRecent(firm(1));
    expect(storage.items.size).toBe(0);
  });

  it('keeps each user’s list apart, newest first, once per thing and screen', () => {
    recentWorkUser('zhang');
    rememberRecent(firm(1), new Date('2026-12-07T08:00:00Z'));
    rememberRecent(firm(2), new Date('2026-12-07T08:01:00Z'));
    rememberRecent(firm(1), new Date('2026-12-07T08:02:00Z'));
    rememberRecent({ ...firm(1), screen: 'penetration' }, new Date('2026-12-07T08:03:00Z'));
    recentWorkUser('li');
    rememberRecent(firm(3));

    expect(stored('zhang').map((i) => [i.key, i.screen, i.at])).toEqual([
      [firm(1).key, 'penetration', '2026-12-07T08:03:00.000Z'],
      [firm(1).key, 'profile', '2026-12-07T08:02:00.000Z'],
      [firm(2).key, 'profile', '2026-12-07T08:01:00.000Z'],
    ]);
    expect(stored('li').map((i) => i.key)).toEqual([firm(3).key]);

    forgetRecent();
    expect(stored('li')).toEqual([]);
    expect(stored('zhang')).toHaveLength(3);
  });

  it(`keeps the last ${RECENT_LIMIT} only`, () => {
    recentWorkUser('zhang');
    for (let n = 0; n < RECENT_LIMIT + 3; n++) rememberRecent(firm(n));
    expect(stored('zhang').map((i) => i.key)).toEqual(Array.from({ length: RECENT_LIMIT }, (_, i) => firm(RECENT_LIMIT + 2 - i).key));
  });

  it('keeps only key, name, kind, screen and time, whatever a caller passes or storage held', () => {
    recentWorkUser('zhang');
    const person = { key: 'P-1', name: '王建国', kind: 'PERSON' as const, screen: 'profile' as const, idNumber: '320115196209225537' };
    rememberRecent(person);
    expect(Object.keys(stored('zhang')[0]!).sort()).toEqual(['at', 'key', 'kind', 'name', 'screen']);
    expect(JSON.stringify(stored('zhang'))).not.toContain('320115196209225537');

    // A list written by hand (or another version) with extra fields loses them on the next write.
    storage.setItem('chuantou.recent.li', JSON.stringify([{ ...firm(9), at: '2026-12-01T00:00:00Z', idNumber: '320115196209225537' }, { junk: true }]));
    recentWorkUser('li');
    rememberRecent(firm(8));
    expect(stored('li').map((i) => i.key)).toEqual([firm(8).key, firm(9).key]);
    expect(JSON.stringify(stored('li'))).not.toContain('320115196209225537');
  });
});
