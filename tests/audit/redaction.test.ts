import { describe, expect, it } from 'vitest';
import { redactedForAudit } from '../../audit/redaction.ts';

describe('redactedForAudit', () => {
  it('hides anything named like a password, secret, token or API key, at any depth, and keeps entity keys', () => {
    expect(redactedForAudit({ options: { password: 'p', keySecret: 's', apiKey: 'k', key: '91320106MA1X000202', name: 'alice', nested: [{ newPassword: 'x' }] } })).toEqual({
      options: { password: '[已隐去 / redacted]', keySecret: '[已隐去 / redacted]', apiKey: '[已隐去 / redacted]', key: '91320106MA1X000202', name: 'alice', nested: [{ newPassword: '[已隐去 / redacted]' }] },
    });
  });
});

describe('bulk parameters', () => {
  it('records a long text or list by its start, its size and its SHA-256, not whole', () => {
    const canvas = 'x'.repeat(5000);
    const elements = Array.from({ length: 250 }, (_, i) => ({ key: `k${i}` }));
    const recorded = redactedForAudit({ canvas, elements }) as { canvas: string; elements: unknown[] };
    expect(recorded.canvas).toMatch(/^x{1000}…\[共 5000 字 \/ 5000 characters; sha256 [0-9a-f]{64}\]$/);
    expect(recorded.elements).toHaveLength(101);
    expect(recorded.elements[100]).toMatch(/共 250 项/);
    expect(redactedForAudit({ note: 'short' })).toEqual({ note: 'short' });
  });
});
