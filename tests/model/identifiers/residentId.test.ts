import { describe, it, expect } from 'vitest';
import {
  maskResidentId,
  maskedCompatible,
  parseOtherPersonalId,
  parseResidentId,
  residentIdCheckChar,
} from '../../../model/identifiers/residentId.ts';

// The examples printed in GB 11643-1999 itself.
const STANDARD_EXAMPLE = '11010519491231002X';
const STANDARD_EXAMPLE_2 = '440524188001010014';

describe('resident ID number (GB 11643-1999)', () => {
  it('accepts the standard examples with division, birth date and sex', () => {
    expect(parseResidentId(STANDARD_EXAMPLE)).toEqual({
      kind: 'full',
      value: STANDARD_EXAMPLE,
      divisionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'F',
    });
    expect(parseResidentId(STANDARD_EXAMPLE_2)).toMatchObject({ kind: 'full', birthDate: '1880-01-01', sex: 'M' });
  });

  it('accepts a lower-case or full-width check X', () => {
    expect(parseResidentId('11010519491231002x')).toMatchObject({ kind: 'full', value: STANDARD_EXAMPLE });
    expect(parseResidentId('１１０１０５１９４９１２３１００２Ｘ')).toMatchObject({ kind: 'full' });
  });

  it('rejects a number whose check character is wrong', () => {
    expect(parseResidentId('110105194912310021')).toMatchObject({ kind: 'invalid', reason: 'check' });
  });

  it('rejects a birth date that is not on the calendar', () => {
    const body = '11010519490230002';
    expect(parseResidentId(body + residentIdCheckChar(body))).toMatchObject({ kind: 'invalid', reason: 'date' });
  });

  it('rejects wrong lengths and letters inside the number', () => {
    expect(parseResidentId('1101051949123100')).toMatchObject({ kind: 'invalid', reason: 'length' });
    expect(parseResidentId('1101051949123A002X')).toMatchObject({ kind: 'invalid', reason: 'charset' });
  });

  it('converts a 15-digit number to 18 digits with century 19 and a computed check character', () => {
    expect(parseResidentId('110105491231002')).toEqual({
      kind: 'legacy15',
      value: '110105491231002',
      value18: STANDARD_EXAMPLE,
      divisionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'F',
    });
  });

  it('keeps a masked number as masked with its visible prefix and suffix', () => {
    expect(parseResidentId('3201**********1234')).toEqual({
      kind: 'masked',
      value: '3201**********1234',
      prefix: '3201',
      suffix: '1234',
    });
    expect(parseResidentId('320102××××××××123x')).toMatchObject({
      kind: 'masked',
      value: '320102********123X',
      prefix: '320102',
      suffix: '123X',
    });
  });

  it('masks a number to its first and last four characters', () => {
    expect(maskResidentId(STANDARD_EXAMPLE)).toBe('1101**********002X');
  });

  it('matches a masked number to a full one only when every visible character agrees', () => {
    expect(maskedCompatible('1101**********002X', STANDARD_EXAMPLE)).toBe(true);
    expect(maskedCompatible('110105********002X', STANDARD_EXAMPLE)).toBe(true);
    expect(maskedCompatible('1101**********0021', STANDARD_EXAMPLE)).toBe(false);
    expect(maskedCompatible('3201**********002X', STANDARD_EXAMPLE)).toBe(false);
  });

  it('matches a masked number printed with a different number of stars on its visible ends', () => {
    expect(maskedCompatible('1101****002X', STANDARD_EXAMPLE)).toBe(true);
    expect(maskedCompatible('1102****002X', STANDARD_EXAMPLE)).toBe(false);
  });
});

describe('other personal documents', () => {
  it('recognises Hong Kong/Macao permits by shape', () => {
    expect(parseOtherPersonalId('H12345678')).toEqual({ kind: 'hkmo-permit', value: 'H12345678' });
    expect(parseOtherPersonalId('m1234567890')).toEqual({ kind: 'hkmo-permit', value: 'M1234567890' });
  });

  it('recognises Taiwan permits, residence permits and Chinese passports', () => {
    expect(parseOtherPersonalId('12345678').kind).toBe('tw-permit');
    expect(parseOtherPersonalId('810000199001011234').kind).toBe('residence-permit');
    expect(parseOtherPersonalId('E12345678').kind).toBe('passport');
  });

  it('takes a foreign passport on the declared document type', () => {
    expect(parseOtherPersonalId('X1234567', '外国护照').kind).toBe('passport');
    expect(parseOtherPersonalId('X1234567').kind).toBe('unknown');
  });
});
