import { describe, it, expect } from 'vitest';
import { normalizeUscc, parseUscc, usccCheckChar } from '../../../model/identifiers/uscc.ts';

describe('USCC (GB 32100-2015)', () => {
  it('accepts the published example codes and splits them into their parts', () => {
    expect(parseUscc('91350100M000100Y43')).toEqual({
      ok: true,
      value: '91350100M000100Y43',
      departmentCode: '9',
      categoryCode: '1',
      divisionCode: '350100',
      organisationCode: 'M000100Y4',
    });
    const second = parseUscc('91110000802100433B');
    expect(second.ok).toBe(true);
    expect(second.ok && second.divisionCode).toBe('110000');
  });

  it('computes the check character from the first 17 characters', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('91110000802100433')).toBe('B');
  });

  it('rejects a USCC whose check character is wrong', () => {
    expect(parseUscc('91350100M000100Y44')).toMatchObject({ ok: false, reason: 'check' });
  });

  it('rejects a USCC with one altered body character as a check failure', () => {
    expect(parseUscc('91350200M000100Y43')).toMatchObject({ ok: false, reason: 'check' });
    expect(parseUscc('91110000802100434B')).toMatchObject({ ok: false, reason: 'check' });
  });

  it('rejects characters outside the alphabet (I, O, Z, S, V) as a charset failure', () => {
    expect(parseUscc('91350100M0001O0Y43')).toMatchObject({ ok: false, reason: 'charset' });
  });

  it('rejects codes that are not 18 characters long', () => {
    expect(parseUscc('91350100M000100Y4')).toMatchObject({ ok: false, reason: 'length' });
    expect(parseUscc('')).toMatchObject({ ok: false, reason: 'length' });
  });

  it('reads full-width, lower-case and spaced spellings of a valid code', () => {
    expect(normalizeUscc(' ９１３５０１００ｍ０００１００ｙ４３ ')).toBe('91350100M000100Y43');
    expect(parseUscc('9135 0100 m000 100y 43').ok).toBe(true);
  });

  it('returns null for a check character request on a malformed body', () => {
    expect(usccCheckChar('91350100M000100')).toBeNull();
    expect(usccCheckChar('91350100M00010OY4')).toBeNull();
  });
});
