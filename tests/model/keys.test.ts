import { describe, it, expect } from 'vitest';
import { base32, firmKey, personKey } from '../../model/keys.ts';
import { iso7064Mod11_10CheckDigit } from '../../model/identifiers/registrationNumber.ts';

const SECRET = 'test-secret';
const ID = '11010519491231002X';

describe('firmKey', () => {
  it('uses a valid USCC as the key', () => {
    expect(firmKey({ uscc: '91350100m000100y43', name: 'x', source: 's' })).toEqual({
      key: '91350100M000100Y43',
      basis: 'uscc',
      unverified: false,
    });
  });

  it('falls back to a 15-digit registration number when the USCC fails its check', () => {
    const reg = '32010600012345' + iso7064Mod11_10CheckDigit('32010600012345');
    expect(firmKey({ uscc: '91350100M000100Y44', registrationNumber: reg, name: 'x', source: 's' })).toEqual({
      key: reg,
      basis: 'registration-number',
      unverified: false,
    });
  });

  it('keys a firm without codes by normalised name and source, marked unverified', () => {
    const a = firmKey({ name: '鑫融投资管理（南京）有限公司', source: 'list.xlsx' });
    const b = firmKey({ name: '鑫融投资管理(南京) 有限公司', source: 'list.xlsx' });
    expect(a).toEqual(b);
    expect(a.basis).toBe('unverified');
    expect(a.unverified).toBe(true);
    expect(a.key).toMatch(/^U-[A-Z2-7]{20}$/);
  });

  it('gives the same name from two sources two different unverified keys', () => {
    expect(firmKey({ name: '鑫融', source: 'a' }).key).not.toBe(firmKey({ name: '鑫融', source: 'b' }).key);
  });

  it('keys a foreign firm by its register and number, verified, when it has no Chinese code', () => {
    expect(firmKey({ foreignId: { scheme: 'GB-COH', id: '07444723' }, name: 'CHRINON LTD', source: 'bods' })).toEqual({
      key: 'X-GB-COH-07444723',
      basis: 'foreign-id',
      unverified: false,
    });
  });

  it('gives one foreign key whatever the spacing and case of the number', () => {
    const a = firmKey({ foreignId: { scheme: 'RA000336', id: 'HRB 7517' }, name: 'x', source: 'a' });
    const b = firmKey({ foreignId: { scheme: 'ra000336', id: 'hrb7517' }, name: 'y', source: 'b' });
    expect(a.key).toBe('X-RA000336-HRB7517');
    expect(b).toEqual(a);
  });

  it('prefers a valid USCC to a foreign identifier, and a foreign identifier to the name', () => {
    expect(firmKey({ uscc: '91350100M000100Y43', foreignId: { scheme: 'XI-LEI', id: '3003' }, name: 'x', source: 's' }).basis).toBe('uscc');
    expect(firmKey({ uscc: '91350100M000100Y44', foreignId: { scheme: 'XI-LEI', id: '3003' }, name: 'x', source: 's' }).key).toBe('X-XI-LEI-3003');
    expect(firmKey({ foreignId: { scheme: ' ', id: '3003' }, name: 'x', source: 's' }).basis).toBe('unverified');
  });
});

describe('personKey', () => {
  it('derives the key from a full ID number without the number appearing in it', () => {
    const k = personKey({ idNumber: ID, name: '张三', secret: SECRET });
    expect(k.basis).toBe('id');
    expect(k.key).toMatch(/^P-[A-Z2-7]{24}$/);
    expect(k.key).not.toContain(ID);
    expect(k.key).not.toContain('110105');
    expect(k.key).not.toContain('19491231');
  });

  it('gives the same person under two firms the same key when the ID is full', () => {
    const a = personKey({ idNumber: ID, name: '张三', scopeFirmKey: 'FIRM-A', secret: SECRET });
    const b = personKey({ idNumber: ID, name: '张 三', scopeFirmKey: 'FIRM-B', secret: SECRET });
    expect(a).toEqual(b);
  });

  it('treats a 15-digit ID as the 18-digit number it converts to', () => {
    expect(personKey({ idNumber: '110105491231002', name: '张三', secret: SECRET })).toEqual(
      personKey({ idNumber: ID, name: '张三', secret: SECRET }),
    );
  });

  it('scopes a person with a masked ID to the firm that names them', () => {
    const a = personKey({ idNumber: '1101**********002X', name: '张三', scopeFirmKey: 'FIRM-A', secret: SECRET });
    const b = personKey({ idNumber: '1101**********002X', name: '张三', scopeFirmKey: 'FIRM-B', secret: SECRET });
    expect(a.basis).toBe('scoped');
    expect(a.key).not.toBe(b.key);
    expect(personKey({ name: '张三', scopeFirmKey: 'FIRM-A', secret: SECRET })).toEqual(a);
  });

  it('depends on the secret, so keys cannot be recomputed from ID numbers alone', () => {
    expect(personKey({ idNumber: ID, name: '张三', secret: 'other' }).key).not.toBe(
      personKey({ idNumber: ID, name: '张三', secret: SECRET }).key,
    );
  });

  it('refuses to key a person with neither a full ID nor a firm', () => {
    expect(() => personKey({ idNumber: '1101**********002X', name: '张三', secret: SECRET })).toThrow(/scopeFirmKey/);
  });
});

describe('base32', () => {
  it('encodes as RFC 4648 without padding', () => {
    expect(base32(new TextEncoder().encode('foobar'))).toBe('MZXW6YTBOI');
  });
});
