import { describe, expect, it } from 'vitest';
import { generatePassword, passwordProblems } from '../../accounts/accounts.ts';
import { hashPassword, verifyPassword } from '../../accounts/passwords.ts';
import { defaultAccountPolicy } from '../../accounts/types.ts';

/** The password policy, on its own (the web form shows these codes before anything is sent), and the hash format. */

const policy = defaultAccountPolicy;

describe('password policy', () => {
  it('accepts a mix of three character classes at the minimum length, or a long passphrase of one class', () => {
    expect(passwordProblems('zhangwei', 'Jiangsu-2026', policy)).toEqual([]);
    expect(passwordProblems('zhangwei', 'correct horse battery staple', policy)).toEqual([]);
    // CJK characters are "other": a Chinese phrase with digits and letters mixes three classes.
    expect(passwordProblems('zhangwei', '南京鼓楼区2026abc', policy)).toEqual([]);
  });

  it('refuses a password shorter than the policy says', () => {
    expect(passwordProblems('zhangwei', 'Ab1-xyz', policy)).toEqual(['PASSWORD_TOO_SHORT']);
    expect(passwordProblems('zhangwei', 'Ab1-xyz', { ...policy, passwordMinLength: 8 })).toEqual(['PASSWORD_TOO_SHORT']);
    expect(passwordProblems('zhangwei', 'Ab1-xyzw', { ...policy, passwordMinLength: 8 })).toEqual([]);
  });

  it('refuses a password containing the user name, in any case', () => {
    expect(passwordProblems('zhangwei', 'ZhangWei-2026', policy)).toEqual(['PASSWORD_CONTAINS_NAME']);
    expect(passwordProblems('ZhangWei', 'my-zhangwei-pass-2026', policy)).toEqual(['PASSWORD_CONTAINS_NAME']);
  });

  it('refuses a short password of fewer than three character classes, listing every problem', () => {
    expect(passwordProblems('zhangwei', 'jiangsunanjing', policy)).toEqual(['PASSWORD_WEAK']);
    expect(passwordProblems('zhangwei', 'Jiangsunanjing', policy)).toEqual(['PASSWORD_WEAK']);
    expect(passwordProblems('zhangwei', 'zhangwei', policy)).toEqual(['PASSWORD_TOO_SHORT', 'PASSWORD_CONTAINS_NAME', 'PASSWORD_WEAK']);
  });

  it('counts full-width characters typed in a Chinese input method as their half-width forms', () => {
    // NFKC: ＺＨＡＮＧＷＥＩ is the user name, ２０２６ digits.
    expect(passwordProblems('zhangwei', 'ＺＨＡＮＧＷＥＩ-２０２６', policy)).toEqual(['PASSWORD_CONTAINS_NAME']);
  });

  it('generates passwords that pass the policy, at least 20 characters and as long as the minimum', () => {
    for (let i = 0; i < 50; i++) expect(passwordProblems('admin', generatePassword('admin', policy), policy)).toEqual([]);
    expect(generatePassword('admin', policy)).toHaveLength(20);
    expect(generatePassword('admin', { ...policy, passwordMinLength: 32 })).toHaveLength(32);
    expect(generatePassword('admin', policy)).not.toBe(generatePassword('admin', policy));
  });
});

describe('password hashes', () => {
  it('are argon2id PHC strings with 64 MiB, 3 passes and one lane (above OWASP\'s minimum), salted per hash', async () => {
    const hash = await hashPassword('Jiangsu-2026');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=1,t=3\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    const [, , , params] = hash.split('$');
    const p = Object.fromEntries(params!.split(',').map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]));
    expect(p.m).toBeGreaterThanOrEqual(19_456);
    expect(p.t).toBeGreaterThanOrEqual(2);
    expect(p.p).toBe(1);
    expect(await hashPassword('Jiangsu-2026')).not.toBe(hash);
    expect(await verifyPassword(hash, 'Jiangsu-2026')).toBe(true);
    expect(await verifyPassword(hash, 'jiangsu-2026')).toBe(false);
    expect(await verifyPassword(hash, 'Ｊｉａｎｇｓｕ－２０２６')).toBe(true);
    expect(await verifyPassword('not a hash', 'Jiangsu-2026')).toBe(false);
  });
});
