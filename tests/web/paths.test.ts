// The address's parameters as the screens change them (web/src/paths.ts withParams).

import { describe, expect, it } from 'vitest';
import { withParams } from '../../web/src/paths.ts';

describe('changing some of the address’s parameters', () => {
  it('sets and removes those named, keeps the others, and leaves the given address as it was', () => {
    const current = new URLSearchParams('actor=张三&action=analysis&page=3');
    const next = withParams(current, { action: 'export', page: null, outcome: '', seq: '12' });
    expect(next.toString()).toBe(new URLSearchParams('actor=张三&action=export&seq=12').toString());
    expect(current.toString()).toBe(new URLSearchParams('actor=张三&action=analysis&page=3').toString());
  });

  it('a second change made from the first one’s result keeps both, as two quick filter changes must', () => {
    const first = withParams(new URLSearchParams('actor=admin'), { actor: 'test-investigator' });
    expect(withParams(first, { action: 'analysis' }).toString()).toBe('actor=test-investigator&action=analysis');
  });
});
