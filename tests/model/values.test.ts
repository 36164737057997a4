import { describe, it, expect } from 'vitest';
import { parseDate, parseMoney, parseRatio, ratioToFraction } from '../../model/values.ts';

describe('parseRatio', () => {
  it('reads a percent sign, half- or full-width', () => {
    expect(parseRatio('35%')).toEqual({ value: 35, unit: 'percent' });
    expect(parseRatio('３５％')).toEqual({ value: 35, unit: 'percent' });
    expect(parseRatio('35.5 %')).toEqual({ value: 35.5, unit: 'percent' });
  });

  it('reads a bare number above 1 as percent', () => {
    expect(parseRatio('35')).toEqual({ value: 35, unit: 'percent' });
  });

  it('leaves a bare number of at most 1 ambiguous for the importer to decide per column', () => {
    expect(parseRatio('0.35')).toEqual({ value: 0.35, unit: 'ambiguous' });
    expect(parseRatio('1')).toEqual({ value: 1, unit: 'ambiguous' });
    expect(ratioToFraction(parseRatio('0.35')!, 'fraction')).toBe(0.35);
    expect(ratioToFraction(parseRatio('35%')!, 'fraction')).toBe(0.35);
  });

  it('reads a written fraction as a fraction', () => {
    expect(parseRatio('1/4')).toEqual({ value: 0.25, unit: 'fraction' });
  });

  it('rejects text, negative values and more than 100%', () => {
    expect(parseRatio('约三成')).toBeNull();
    expect(parseRatio('-5%')).toBeNull();
    expect(parseRatio('150%')).toBeNull();
    expect(parseRatio('')).toBeNull();
  });
});

describe('parseMoney', () => {
  it.each([
    ['1000万元人民币', 1000, 'CNY'],
    ['1,000万', 1000, 'CNY'],
    ['500万美元', 500, 'USD'],
    ['100万元', 100, 'CNY'],
    ['50.5万人民币', 50.5, 'CNY'],
    ['1000000元', 100, 'CNY'],
    ['人民币1000万元', 1000, 'CNY'],
    ['1.5亿元', 15000, 'CNY'],
    ['300万港元', 300, 'HKD'],
    ['１０００万元', 1000, 'CNY'],
  ])('reads %s as %d 万 %s', (text, amountWan, currency) => {
    expect(parseMoney(text)).toEqual({ amountWan, currency, text });
  });

  it('reads a bare number only when the column says its unit', () => {
    expect(parseMoney('1000')).toBeNull();
    expect(parseMoney('1000', { defaultUnit: 'wan' })?.amountWan).toBe(1000);
    expect(parseMoney('1000000', { defaultUnit: 'yuan' })?.amountWan).toBe(100);
  });

  it('rejects unreadable and self-contradicting amounts', () => {
    expect(parseMoney('若干')).toBeNull();
    expect(parseMoney('500万美元人民币')).toBeNull();
  });
});

describe('parseDate', () => {
  it.each(['2015年3月2日', '2015-03-02', '2015/3/2', '20150302', '2015.3.2', '2015年03月02日', '２０１５年３月２日', '2015-03-02 00:00:00'])(
    'reads %s as 2015-03-02',
    (text) => {
      expect(parseDate(text)).toBe('2015-03-02');
    },
  );

  it('rejects impossible calendar dates', () => {
    expect(parseDate('2015-02-30')).toBeNull();
    expect(parseDate('2015-02-29')).toBeNull();
    expect(parseDate('2016-02-29')).toBe('2016-02-29');
    expect(parseDate('2015-13-01')).toBeNull();
  });

  it('leaves Excel serial numbers to the importer', () => {
    expect(parseDate('42065')).toBeNull();
  });
});
