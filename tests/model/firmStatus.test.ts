import { describe, expect, it } from 'vitest';
import { firmEnd, hasEnded } from '../../model/firmStatus.ts';

describe('the end of a firm, read from its 登记状态', () => {
  it('treats revoked and deregistered firms as ended, and nothing else', () => {
    expect(hasEnded('吊销')).toBe(true);
    expect(hasEnded('吊销，未注销')).toBe(true);
    expect(hasEnded('注销')).toBe(true);
    expect(hasEnded('存续')).toBe(false);
    expect(hasEnded('存续（在营、开业、在册）')).toBe(false);
    expect(hasEnded('迁出')).toBe(false);
    expect(hasEnded(null)).toBe(false);
  });

  it('tells revoked (吊销, even when not yet deregistered) from deregistered (注销)', () => {
    expect(firmEnd('吊销')).toBe('revoked');
    expect(firmEnd('吊销，未注销')).toBe('revoked');
    expect(firmEnd('已注销')).toBe('deregistered');
    expect(firmEnd('在业')).toBeNull();
  });
});
