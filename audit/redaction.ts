/**
 * Parameters as the trail records them: anything named like a password, secret or token replaced,
 * at any depth, by either door. ("key" stays: a firm's or a person's key is what an auditor needs
 * to see.)
 */
const secretName = /password|passphrase|secret|token|api_?key/i;
const REDACTED = '[已隐去 / redacted]';

export function redactedForAudit(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactedForAudit);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, secretName.test(k) ? REDACTED : redactedForAudit(v)]));
  }
  return value;
}
