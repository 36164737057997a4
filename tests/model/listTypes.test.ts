import { describe, expect, it } from 'vitest';
import { extendVocabulary, listTypeKey, parseListTypeVocabulary, shippedListTypes, vocabularyFromStored } from '../../model/listTypes.ts';

/**
 * List types are a vocabulary: office spellings resolve to one canonical type each, distinct types
 * never merge, and an extension adds spellings without ever moving one to another type.
 */

const codeOf = (text: string) => shippedListTypes.resolve(text)?.code ?? null;

describe('the shipped list-type vocabulary', () => {
  it('maps the office spellings of DOMAIN.md §4 to their canonical types, keeping 清理整顿 apart from 取缔', () => {
    expect(codeOf('非法集资立案')).toBe('ILLEGAL_FUNDRAISING_CASE');
    expect(codeOf('涉嫌非法集资')).toBe('ILLEGAL_FUNDRAISING_CASE');
    expect(codeOf('立案')).toBe('ILLEGAL_FUNDRAISING_CASE');
    expect(codeOf('案件')).toBe('ILLEGAL_FUNDRAISING_CASE');
    expect(codeOf('非法集资案件')).toBe('ILLEGAL_FUNDRAISING_CASE');
    expect(codeOf('取缔')).toBe('BANNED');
    expect(codeOf('清理整顿')).toBe('RECTIFICATION');
    expect(codeOf('举报')).toBe('TIP_OFF');
    expect(codeOf('借款人披露')).toBe('P2P_BORROWER_DISCLOSURE');
    expect(codeOf('失信被执行人')).toBe('DISHONEST_JUDGMENT_DEBTOR');
    expect(codeOf('经侦在办')).toBeNull();
  });

  it('matches after name normalisation: width, spaces, brackets, quotes, traditional characters, a trailing 名单', () => {
    expect(codeOf(' 涉嫌　非法集资 ')).toBe('ILLEGAL_FUNDRAISING_CASE');
    expect(codeOf('“微盘”交易平台')).toBe('MICRO_TRADING_PLATFORM');
    expect(codeOf('違規交易場所')).toBe('VIOLATING_VENUE');
    expect(codeOf('违法违规交易场所名单')).toBe('VIOLATING_VENUE');
    expect(codeOf('ｐ２ｐ借款人')).toBe('P2P_BORROWER_DISCLOSURE');
    expect(codeOf('Tip-Off')).toBe('TIP_OFF');
    expect(listTypeKey('（非法集资）立案')).toBe('(非法集资)立案');
  });

  it('keeps the flagging types of the screens, in order, and every type distinct', () => {
    expect(shippedListTypes.withMeaning('flagging').map((t) => t.name)).toEqual(['非法集资案件', '取缔类', '整改类', '违规交易场所', '微盘平台', '举报线索']);
    expect(shippedListTypes.withMeaning('disclosure').map((t) => t.name)).toEqual(['P2P平台借款人']);
    expect(shippedListTypes.resolve('合规类')?.meaning).toBe('context');
    expect(shippedListTypes.source).toBe('shipped');
  });

  it('refuses a vocabulary in which one spelling means two types', () => {
    const broken = shippedListTypes.toJSON();
    broken.types.find((t) => t.code === 'BANNED')!.spellings.push('清理整顿');
    expect(() => parseListTypeVocabulary(broken, 'database')).toThrow(/清理整顿.*RECTIFICATION.*BANNED/);
  });

  it('reads the database’s vocabulary when there is one, the shipped seed when not', () => {
    expect(vocabularyFromStored([])).toBe(shippedListTypes);
    const stored = vocabularyFromStored([{ ...shippedListTypes.toJSON(), version: 7 }]);
    expect(stored.version).toBe(7);
    expect(stored.source).toBe('database');
  });
});

describe('extending the vocabulary', () => {
  it('adds a spelling to a type named by code, name or spelling, and a new type; the version goes up once', () => {
    const { vocabulary, changes } = extendVocabulary(shippedListTypes, {
      spellings: [
        { spelling: '经侦在办', type: '非法集资案件' },
        { spelling: '在办案件', type: 'ILLEGAL_FUNDRAISING_CASE' },
        { spelling: '整改对象', type: '清理整顿' },
      ],
      types: [{ code: 'KEY_CONCERN', name: '重点关注', meaning: 'context', spellings: ['重点关注对象'] }],
    });
    expect(vocabulary.version).toBe(shippedListTypes.version + 1);
    expect(vocabulary.resolve('经侦在办')?.code).toBe('ILLEGAL_FUNDRAISING_CASE');
    expect(vocabulary.resolve('整改对象')?.code).toBe('RECTIFICATION');
    expect(vocabulary.resolve('重点关注对象')).toMatchObject({ code: 'KEY_CONCERN', nameEn: '重点关注', meaning: 'context' });
    expect(changes.map((c) => c.code).sort()).toEqual(['ILLEGAL_FUNDRAISING_CASE', 'KEY_CONCERN', 'RECTIFICATION']);
    // The seed itself is untouched.
    expect(shippedListTypes.resolve('经侦在办')).toBeNull();
  });

  it('changes nothing, not even the version, when the extension repeats what is there', () => {
    const { vocabulary, changes } = extendVocabulary(shippedListTypes, { spellings: [{ spelling: '取缔', type: '取缔类' }], types: [] });
    expect(vocabulary).toBe(shippedListTypes);
    expect(changes).toEqual([]);
  });

  it('never moves a spelling to another type, renames a type or changes its meaning', () => {
    expect(() => extendVocabulary(shippedListTypes, { spellings: [{ spelling: '清理整顿', type: '取缔类' }], types: [] })).toThrow(
      expect.objectContaining({ code: 'LIST_TYPE_CONFLICT', message: expect.stringContaining('RECTIFICATION') }),
    );
    expect(() => extendVocabulary(shippedListTypes, { spellings: [], types: [{ code: 'BANNED', name: '取缔类', meaning: 'context', spellings: [] }] })).toThrow(
      expect.objectContaining({ code: 'LIST_TYPE_CONFLICT' }),
    );
    expect(() => extendVocabulary(shippedListTypes, { spellings: [{ spelling: '某写法', type: '没有的类型' }], types: [] })).toThrow(
      expect.objectContaining({ code: 'LIST_TYPE_UNRESOLVED' }),
    );
    expect(() => extendVocabulary(shippedListTypes, { spellings: [], types: [{ code: 'NEW_ONE', name: '新类型', spellings: [] }] })).toThrow(/meaning/);
  });
});
