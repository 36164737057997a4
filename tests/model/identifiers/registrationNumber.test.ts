import { describe, it, expect } from 'vitest';
import { iso7064Mod11_10CheckDigit, parseRegistrationNumber } from '../../../model/identifiers/registrationNumber.ts';

describe('15-digit registration number 注册号', () => {
  it('computes ISO 7064 MOD 11,10 as in the published example (79462 → 3)', () => {
    expect(iso7064Mod11_10CheckDigit('79462')).toBe('3');
  });

  it('reads the registering division from the first six digits and flags a valid check digit', () => {
    const body = '32010600012345';
    const number = body + iso7064Mod11_10CheckDigit(body)!;
    expect(parseRegistrationNumber(number)).toEqual({ ok: true, value: number, divisionCode: '320106', checkValid: true });
  });

  it('keeps a number whose check digit does not verify, flagged rather than rejected', () => {
    const body = '32010600012345';
    const wrong = (Number(iso7064Mod11_10CheckDigit(body)) + 1) % 10;
    const r = parseRegistrationNumber(body + wrong);
    expect(r).toMatchObject({ ok: true, divisionCode: '320106', checkValid: false });
  });

  it('rejects a wrong length and non-digits', () => {
    expect(parseRegistrationNumber('3201060001234')).toMatchObject({ ok: false, reason: 'length' });
    expect(parseRegistrationNumber('32010600012345A')).toMatchObject({ ok: false, reason: 'charset' });
  });

  it('reads full-width digits and stray spaces', () => {
    expect(parseRegistrationNumber('３２０１０６ 000123456').ok).toBe(true);
  });
});
