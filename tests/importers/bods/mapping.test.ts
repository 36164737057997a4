import { describe, expect, it } from 'vitest';
import { entityKey, interestTarget, shareProps } from '../../../importers/bods/mapping.ts';
import type { BodsEntity } from '../../../importers/bods/statements.ts';

const entity = (over: Partial<BodsEntity>): BodsEntity => ({
  version: '0.4',
  kind: 'entity',
  statementId: 's',
  recordId: 'r',
  statementDate: '2024-01-01',
  recordStatus: 'new',
  replaces: [],
  isComponent: false,
  entityType: 'registeredEntity',
  entitySubtype: null,
  name: 'X Ltd',
  alternateNames: [],
  jurisdiction: null,
  identifiers: [],
  foundingDate: null,
  dissolutionDate: null,
  addresses: [],
  ...over,
});

describe('BODS entity keys', () => {
  it('keys a Chinese firm by the USCC among its identifiers, whatever the scheme is called', () => {
    const e = entity({
      jurisdiction: { code: 'CN', name: 'China' },
      identifiers: [
        { id: '30030096HNNZNN7BZK36', scheme: 'XI-LEI', schemeName: null },
        { id: '91330783717672584H', scheme: null, schemeName: 'RA000092' },
      ],
    });
    expect(entityKey(e, 'r')).toEqual({ key: '91330783717672584H', basis: 'uscc', unverified: false });
  });

  it('does not read a foreign firm’s number as a USCC unless it is filed under CN-SAMR', () => {
    const ids = [{ id: '91330783717672584H', scheme: 'GB-COH', schemeName: null }];
    expect(entityKey(entity({ jurisdiction: { code: 'GB', name: 'UK' }, identifiers: ids }), 'r').basis).toBe('foreign-id');
    const filed = [{ id: '91330783717672584H', scheme: 'CN-SAMR', schemeName: null }];
    expect(entityKey(entity({ jurisdiction: { code: 'HK', name: 'Hong Kong' }, identifiers: filed }), 'r').key).toBe('91330783717672584H');
  });

  it('prefers a national register’s number to the LEI, and the LEI to a number under a scheme name only', () => {
    const lei = { id: '3003005JY7KTP8L48N10', scheme: 'XI-LEI', schemeName: null };
    const ra = { id: '58931190', scheme: null, schemeName: 'RA000388' };
    const coh = { id: '07444723', scheme: 'GB-COH', schemeName: null };
    expect(entityKey(entity({ identifiers: [lei, ra, coh] }), 'r').key).toBe('X-GB-COH-07444723');
    expect(entityKey(entity({ identifiers: [ra, lei] }), 'r').key).toBe('X-XI-LEI-3003005JY7KTP8L48N10');
    expect(entityKey(entity({ identifiers: [ra] }), 'r').key).toBe('X-RA000388-58931190');
  });

  it('keys an arrangement without identifiers to its record, so two "Joint shareholding"s stay two', () => {
    const a = entityKey(entity({ entityType: 'arrangement', name: 'Joint shareholding' }), 'rec-1');
    const b = entityKey(entity({ entityType: 'arrangement', name: 'Joint shareholding' }), 'rec-2');
    expect(a.unverified).toBe(true);
    expect(a.key).not.toBe(b.key);
    // A registered firm known only by name is keyed by name and source, as every unverified firm is.
    expect(entityKey(entity({ name: 'Company A' }), 'rec-1').key).toBe(entityKey(entity({ name: 'Company A' }), 'rec-2').key);
  });
});

describe('BODS interests', () => {
  it('keeps a share range as its bounds and invents no ratio', () => {
    expect(shareProps({ exact: null, min: 75, minExclusive: false, max: 100, maxExclusive: true })).toEqual({
      ratioMin: 0.75,
      ratioMinExclusive: false,
      ratioMax: 1,
      ratioMaxExclusive: true,
      ratioText: '≥75% <100%',
    });
    expect(shareProps({ exact: 76.5, min: null, minExclusive: null, max: null, maxExclusive: null })).toEqual({ ratio: 0.765, ratioText: '76.5%' });
  });

  it('files a declared indirect interest, holds a direct share, and reads every other interest as control', () => {
    const i = { beneficialOwnershipOrControl: true, details: null, share: null, startDate: null, endDate: null };
    expect(interestTarget({ ...i, type: 'shareholding', directness: 'indirect' })).toEqual({ kind: 'filing', interestType: 'shareholding' });
    expect(interestTarget({ ...i, type: 'shareholding', directness: 'direct' })).toEqual({ kind: 'holding' });
    expect(interestTarget({ ...i, type: 'shareholding', directness: null })).toEqual({ kind: 'holding' });
    expect(interestTarget({ ...i, type: 'votingRights', directness: 'direct' })).toEqual({ kind: 'control', basis: 'voting-rights' });
    expect(interestTarget({ ...i, type: null, directness: 'unknown' })).toEqual({ kind: 'control', basis: 'unknown-interest' });
  });
});
