import crypto from 'node:crypto';

/**
 * Parameters as the trail records them: anything named like a password, secret or token replaced,
 * at any depth, by either door. ("key" stays: a firm's or a person's key is what an auditor needs
 * to see.) Bulk values (a saved canvas, a long note) are cut to their start with their size and
 * SHA-256, so one save does not put megabytes into every copy of the trail, yet the auditor can
 * still prove which content was sent.
 */
const secretName = /password|passphrase|secret|token|api_?key/i;
const REDACTED = '[已隐去 / redacted]';
const MAX_STRING = 1000;
const MAX_ITEMS = 100;

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

export function redactedForAudit(value: unknown): unknown {
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_ITEMS).map(redactedForAudit);
    if (value.length <= MAX_ITEMS) return kept;
    return [...kept, `…[共 ${value.length} 项，其余未记录 / ${value.length} items, the rest not recorded; sha256 ${sha256(JSON.stringify(value))}]`];
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, secretName.test(k) ? REDACTED : redactedForAudit(v)]));
  }
  if (typeof value === 'string' && value.length > MAX_STRING) {
    return `${value.slice(0, MAX_STRING)}…[共 ${value.length} 字 / ${value.length} characters; sha256 ${sha256(value)}]`;
  }
  return value;
}
