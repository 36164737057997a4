import { describe, expect, it } from 'vitest';
import { dateText, excelValueText, expandExponent, plainNumber } from '../../../importers/read/cellText.ts';

describe('cell text', () => {
  it('spells exponent notation out digit for digit', () => {
    expect(expandExponent('1e-7')).toBe('0.0000001');
    expect(expandExponent('-2.5E+3')).toBe('-2500');
    expect(expandExponent('1.23e2')).toBe('123');
    expect(expandExponent('12.5e-1')).toBe('1.25');
    expect(expandExponent('0e0')).toBe('0');
    expect(expandExponent('1000.50')).toBe('1000.50');
  });

  it('writes spreadsheet numbers with the 15 digits Excel keeps, without float noise or exponents', () => {
    expect(plainNumber(0.35)).toBe('0.35');
    expect(plainNumber(0.1 + 0.2)).toBe('0.3');
    expect(plainNumber(1e-7)).toBe('0.0000001');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(-0)).toBe('0');
    expect(plainNumber(Number.NaN)).toBe('');
  });

  it('writes dates as YYYY-MM-DD, keeping the time only when it is not midnight', () => {
    expect(dateText(new Date(Date.UTC(2015, 2, 2)))).toBe('2015-03-02');
    expect(dateText(new Date(Date.UTC(2015, 2, 2, 9, 30)))).toBe('2015-03-02 09:30:00');
    // A serial stored as a fraction of a day lands a hair off the second.
    expect(dateText(new Date(Date.UTC(2015, 2, 2) - 1))).toBe('2015-03-02');
  });

  it('reads a percentage or date format on a formula result too', () => {
    expect(excelValueText({ formula: 'A1/B1', result: 0.07 }, '0%')).toBe('7%');
    expect(excelValueText({ formula: 'A1+1', result: 42065 }, 'yyyy"年"m"月"d"日"')).toBe('2015-03-02');
    expect(excelValueText({ formula: 'A1', result: Number.NaN }, undefined)).toBe('');
    expect(excelValueText(1234.5, '#,##0.00"元"')).toBe('1234.5');
  });
});
