import { describe, expect, it } from 'vitest';
import { redactedForAudit } from '../../audit/redaction.ts';

describe('redactedForAudit', () => {
  it('hides anything named like a password, secret, token or API key, at any depth, and keeps entity keys', () => {
    expect(redactedForAudit({ options: { password: 'p', keySecret: 's', apiKey: 'k', key: '91320106MA1X000202', name: 'alice', nested: [{ newPassword: 'x' }] } })).toEqual({
      options: { password: '[已隐去 / redacted]', keySecret: '[已隐去 / redacted]', apiKey: '[已隐去 / redacted]', key: '91320106MA1X000202', name: 'alice', nested: [{ newPassword: '[已隐去 / redacted]' }] },
    });
  });
});
