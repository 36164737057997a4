import { describe, expect, it } from 'vitest';
import { maskIdNumbersIn, maskIdNumbersInText } from '../../model/idMasking.ts';

const ID = '11010519491231002X';

describe('ID number masking on the way out', () => {
  it('masks 18- and 15-digit resident ID numbers wherever they stand in a text', () => {
    expect(maskIdNumbersInText(`身份证 ${ID}，旧证 110105491231005。`)).toBe(`身份证 1101**********002X，旧证 1101*******1005。`);
  });

  it('leaves USCCs, registration numbers, amounts and masked numbers alone', () => {
    // 320102000112341: a registration number whose digits also read as a 1900s birth date (check digit valid).
    for (const text of ['91320106MA1X000202', '320106000012345', '320102000112341', '12345678901234567890', '3201**********1233', '9132010282202524XA']) {
      expect(maskIdNumbersInText(text)).toBe(text);
    }
  });

  it('masks inside objects graphql-js builds without a prototype, arrays and keys, and leaves other values as they are', () => {
    const data = Object.assign(Object.create(null), { person: Object.assign(Object.create(null), { idNumber: ID, ratio: 0.5 }), list: [ID], [ID]: true });
    expect(JSON.parse(JSON.stringify(maskIdNumbersIn(data)))).toEqual({ person: { idNumber: '1101**********002X', ratio: 0.5 }, list: ['1101**********002X'], '1101**********002X': true });
  });
});
