import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AUDIT_KEY_FILE, auditKey } from '../../audit/key.ts';

/** The chain's key lives outside the database, readable by its owner alone, or comes from the environment. */

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-audit-key-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('auditKey', () => {
  it('creates <dataDir>/audit-key from 32 random bytes with mode 0600, and reads the same key after', () => {
    const dataDir = path.join(tmp, 'fresh', 'data');
    const key = auditKey(dataDir, {});
    const file = path.join(dataDir, AUDIT_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(key.length).toBe(64);
    expect(auditKey(dataDir, {}).equals(key)).toBe(true);
    expect(fs.readdirSync(dataDir)).toEqual([AUDIT_KEY_FILE]);
  });

  it('refuses a key file others may read, saying how to fix it', () => {
    const dataDir = path.join(tmp, 'exposed');
    auditKey(dataDir, {});
    fs.chmodSync(path.join(dataDir, AUDIT_KEY_FILE), 0o644);
    expect(() => auditKey(dataDir, {})).toThrow(expect.objectContaining({ code: 'AUDIT_KEY_EXPOSED', message: expect.stringContaining('chmod 600') }));
  });

  it('takes CHUANTOU_AUDIT_KEY when set, writing no file, and refuses one shorter than 32 characters', () => {
    const dataDir = path.join(tmp, 'env');
    const given = 'k'.repeat(32);
    expect(auditKey(dataDir, { CHUANTOU_AUDIT_KEY: given }).toString('utf8')).toBe(given);
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(() => auditKey(dataDir, { CHUANTOU_AUDIT_KEY: 'short' })).toThrow(expect.objectContaining({ code: 'AUDIT_KEY_INVALID' }));
  });

  it('the text of the key file, moved into the environment, is the same key', () => {
    const dataDir = path.join(tmp, 'moved');
    const fromFile = auditKey(dataDir, {});
    const text = fs.readFileSync(path.join(dataDir, AUDIT_KEY_FILE), 'utf8').trim();
    expect(auditKey(path.join(tmp, 'elsewhere'), { CHUANTOU_AUDIT_KEY: text }).equals(fromFile)).toBe(true);
  });
});
