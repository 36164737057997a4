import { describe, it, expect } from 'vitest';
import { displayName, normalizeName } from '../../model/names.ts';

describe('normalizeName', () => {
  it('equates full-width brackets with half-width ones and ignores spaces', () => {
    expect(normalizeName('鑫融投资管理（南京）有限公司')).toBe(normalizeName('鑫融投资管理(南京) 有限公司'));
    expect(normalizeName('鑫融投资管理（南京）有限公司')).toBe('鑫融投资管理(南京)有限公司');
  });

  it('folds square and lenticular brackets to round ones', () => {
    expect(normalizeName('鑫融【南京】投资')).toBe('鑫融(南京)投资');
    expect(normalizeName('鑫融[南京]投资')).toBe('鑫融(南京)投资');
  });

  it('simplifies traditional Hong Kong and Taiwan characters', () => {
    expect(normalizeName('橫華國際金融')).toBe('横华国际金融');
    expect(normalizeName('滙豐')).toBe(normalizeName('匯豐'));
  });

  it('upper-cases Latin letters, including full-width ones', () => {
    expect(normalizeName('ａｂｃ Capital 有限公司')).toBe('ABCCAPITAL有限公司');
  });
});

describe('displayName', () => {
  it('trims and collapses spaces but keeps the registered characters', () => {
    expect(displayName('  鑫融投资管理（南京）　 有限公司 ')).toBe('鑫融投资管理（南京） 有限公司');
    expect(displayName('橫華國際金融')).toBe('橫華國際金融');
  });
});
