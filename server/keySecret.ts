import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';

/**
 * The secret behind person keys (model/keys.ts). Keys are HMACs so that an ID number cannot be
 * recovered from a key by trying every plausible number. Unless CHUANTOU_KEY_SECRET is set, each
 * data directory gets its own secret on first use; keep it with the database (backups include it).
 */
export function keySecret(config: Config): string {
  if (config.keySecret) return config.keySecret;
  const file = path.join(config.local.dataDir, 'key-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.local.dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString('hex');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  return secret;
}
