// The one-time password the accounts screen hands over: long, readable, of three character classes,
// never containing the user's name — what the server's password policy accepts for any account.

import { describe, expect, it } from 'vitest';
import { acceptable, ONE_TIME_PASSWORD_LENGTH, oneTimePassword } from '../../web/src/screens/admin/oneTimePassword.ts';

describe('one-time password', () => {
  it('is 20 readable characters of upper case, lower case and digits, different each time', () => {
    const made = Array.from({ length: 200 }, () => oneTimePassword('test-clerk'));
    for (const password of made) {
      expect(password).toMatch(new RegExp(`^[A-HJ-NP-Za-km-z2-9]{${ONE_TIME_PASSWORD_LENGTH}}$`));
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[2-9]/);
    }
    expect(new Set(made).size).toBe(made.length);
  });

  it('draws again when a draw contains the user’s name or lacks a character class', () => {
    // A source that first yields only 'a' (one class), then the name, then a good mix.
    const draws = ['aaaaaaaaaaaaaaaaaaaa', 'Bob2bobXYZabc23456Kk', 'Xy3Xy3Xy3Xy3Xy3Xy3Xy'];
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
    const bytes = draws.join('').split('').map((c) => alphabet.indexOf(c));
    let next = 0;
    const password = oneTimePassword('bob', (out) => {
      out[0] = bytes[next++]!;
    });
    expect(password).toBe(draws[2]);
    expect(acceptable('bob', draws[1]!)).toBe(false);
  });
});
