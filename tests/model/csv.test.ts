import { describe, expect, it } from 'vitest';
import { csvCell } from '../../model/csv.ts';

describe('csvCell', () => {
  it('defuses text a spreadsheet would run as a formula, quotes by RFC 4180, and writes numbers and booleans as they are', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('+86 25 1234')).toBe("'+86 25 1234");
    expect(csvCell('-1+1,x')).toBe(`"'-1+1,x"`);
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
  });
});
