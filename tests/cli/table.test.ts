import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cellText, renderTable, wrapText } from '../../cli/table.ts';

/** Terminal tables: widths in display columns (a Chinese character takes two), never wider than asked. */

describe('terminal tables', () => {
  it('wraps Chinese text by display width: a full-width character counts two columns', () => {
    expect(wrapText('南京鑫融财富管理有限公司', 8)).toEqual(['南京鑫融', '财富管理', '有限公司']);
    expect(wrapText('every path of up to 6 hops', 12)).toEqual(['every path', 'of up to 6', 'hops']);
    for (const line of wrapText('王建国 —80%→ 江苏汇金控股集团有限公司 —60%→ 南京鑫融投资管理有限公司', 15)) expect(stringWidth(line)).toBeLessThanOrEqual(15);
  });

  it('draws no line wider than the width, however long the cells, and names the columns it had no room for', () => {
    const columns = ['name', 'key', 'effectiveRatio', 'rulesMet', 'roles', 'identifier', 'note'].map((key) => ({ key, title: key }));
    const rows = [
      { name: '江苏汇金控股集团有限公司', key: '91320100MA1TA0005E', effectiveRatio: '48%', rulesMet: 'threshold', roles: '执行董事; 总经理', identifier: '3201**********1234', note: 'x'.repeat(300) },
      { name: '王建国', key: 'P-JTMKSYAJQXLSUHPZYDEBQYEG', effectiveRatio: '80%', rulesMet: 'threshold; control', roles: '', identifier: null, note: null },
    ];
    for (const width of [40, 60, 100, 160]) {
      const lines = renderTable(columns, rows, width);
      for (const line of lines) expect(stringWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
      expect(lines.join('\n')).toContain('江苏汇金');
    }
    expect(renderTable(columns, rows, 40).join('')).toContain('未显示的列');
    expect(renderTable(columns, rows, 160).join('')).not.toContain('未显示的列');
  });

  it('keeps escape codes and control characters of imported text out of the terminal', () => {
    expect(cellText('\u001b[31m红色\u001b[0m有限公司\r\n')).toBe('红色有限公司 \n');
    expect(renderTable([{ key: 'a', title: 'a' }], [{ a: '\u001b[2J清屏' }], 30).join('\n')).not.toContain('\u001b');
  });
});
