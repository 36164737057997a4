import { describe, expect, it } from 'vitest';
import { isPerson } from '../../../importers/kinds/parties.ts';

describe('isPerson', () => {
  it('takes a firm type that mentions natural persons for a firm', () => {
    expect(isPerson('有限责任公司(自然人投资或控股)', null, '南京甲控股有限公司')).toBe(false);
    expect(isPerson('自然人股东', null, '王五')).toBe(true);
  });

  it('takes a valid ID number for a person even when it also passes the USCC check, unless the name is a firm’s', () => {
    // 320106198001011233 is a valid resident ID; the name decides.
    expect(isPerson(null, '320106198001011233', '张三')).toBe(true);
    expect(isPerson(null, '91320106MA1X000101', '南京甲控股有限公司')).toBe(false);
  });

  it('without type or identifier, a short name with no organisation word is a person', () => {
    expect(isPerson(null, null, '欧阳娜娜')).toBe(true);
    expect(isPerson(null, null, '国资委')).toBe(false);
  });
});
