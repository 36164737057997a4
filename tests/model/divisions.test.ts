import { describe, it, expect } from 'vitest';
import { divisionFromAddress, isWithin, provinceOf, resolveDivision } from '../../model/divisions.ts';

describe('resolveDivision', () => {
  it('resolves a current district code exactly to its full name', () => {
    expect(resolveDivision('320106')).toEqual({
      code: '320106',
      provinceCode: '320000',
      provinceName: '江苏省',
      cityCode: '320100',
      cityName: '南京市',
      districtName: '鼓楼区',
      fullName: '江苏省南京市鼓楼区',
      level: 'district',
      via: 'exact',
    });
  });

  it('leaves the placeholder 市辖区 out of a municipality district name', () => {
    expect(resolveDivision('110101')).toMatchObject({ fullName: '北京市东城区', level: 'district', via: 'exact' });
    expect(resolveDivision('110101')?.cityName).toBeUndefined();
  });

  it('resolves retired 371200 莱芜市 through the code history to 济南', () => {
    const r = resolveDivision('371200');
    expect(r).toMatchObject({ cityCode: '370100', cityName: '济南市', via: 'history', formerName: '莱芜市' });
  });

  it('follows the history of a retired district to the district that absorbed it', () => {
    expect(resolveDivision('371202')).toMatchObject({ code: '370116', via: 'history' });
    expect(resolveDivision('320103')).toMatchObject({ code: '320104', districtName: '秦淮区', via: 'history' });
  });

  it('falls back from a development-zone code to its city', () => {
    expect(resolveDivision('320191')).toMatchObject({ code: '320100', fullName: '江苏省南京市', level: 'city', via: 'city-fallback' });
  });

  it('falls back to the province when neither code nor city is known', () => {
    expect(resolveDivision('329999')).toMatchObject({ code: '320000', level: 'province', via: 'province-fallback' });
  });

  it('reads 100000 as national-level registration', () => {
    expect(resolveDivision('100000')).toMatchObject({ provinceCode: '100000', fullName: '国家级', via: 'national' });
  });

  it('returns null, without throwing, when even the province is unknown', () => {
    expect(resolveDivision('990000')).toBeNull();
    expect(resolveDivision('not a code')).toBeNull();
  });
});

describe('provinceOf and isWithin', () => {
  it('gives the province of a district code', () => {
    expect(provinceOf('320505')).toEqual({ code: '320000', name: '江苏省' });
  });

  it('places a district inside its province, its city and itself, and not in a sibling', () => {
    expect(isWithin('320106', '320000')).toBe(true);
    expect(isWithin('320106', '320100')).toBe(true);
    expect(isWithin('320106', '320106')).toBe(true);
    expect(isWithin('320106', '320102')).toBe(false);
    expect(isWithin('320106', '370000')).toBe(false);
  });

  it('places a retired code where its territory lies now', () => {
    expect(isWithin('371200', '370100')).toBe(true);
  });

  it('does not place a code known only to city level inside one district', () => {
    expect(isWithin('320191', '320100')).toBe(true);
    expect(isWithin('320191', '320106')).toBe(false);
  });
});

describe('divisionFromAddress', () => {
  it('reads province, city and district from the start of an address', () => {
    expect(divisionFromAddress('江苏省南京市鼓楼区中山路1号')?.code).toBe('320106');
  });

  it('reads an address that starts at the city', () => {
    expect(divisionFromAddress('南京市鼓楼区中山北路88号')?.code).toBe('320106');
  });

  it('gives nothing for a district name alone that exists in several cities', () => {
    expect(divisionFromAddress('鼓楼区中山路1号')).toBeNull();
  });

  it('gives only the province when a district name is ambiguous within it', () => {
    expect(divisionFromAddress('江苏省鼓楼区中山路1号')).toMatchObject({ code: '320000', level: 'province' });
  });

  it('reads short and autonomous-region province names', () => {
    expect(divisionFromAddress('北京市朝阳区建国路1号')?.code).toBe('110105');
    expect(divisionFromAddress('上海浦东新区世纪大道1号')?.code).toBe('310115');
    expect(divisionFromAddress('内蒙古自治区呼和浩特市新城区')?.code).toBe('150102');
    expect(divisionFromAddress('广西南宁市青秀区民族大道')?.code).toBe('450103');
  });

  it('does not mistake a road named after a city for a division', () => {
    expect(divisionFromAddress('上海市南京东路100号')).toMatchObject({ code: '310000', level: 'province' });
  });

  it('reads a county-level city without its prefecture', () => {
    expect(divisionFromAddress('昆山市前进中路1号')?.code).toBe('320583');
  });

  it('reads a retired district name through the history once its city is known', () => {
    expect(divisionFromAddress('南京市白下区太平南路1号')).toMatchObject({ code: '320104', via: 'history' });
  });

  it('returns null for text that does not start with a division', () => {
    expect(divisionFromAddress('中山路1号')).toBeNull();
  });
});
