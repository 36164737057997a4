import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The HMAC key of the audit chain. It is kept outside the database — given by the environment, or
 * in the data directory readable by its owner alone — so that whoever can write to Neo4j cannot
 * recompute the chain after editing it.
 */

export const AUDIT_KEY_FILE = 'audit-key';
export const AUDIT_KEY_MIN_LENGTH = 32;

export class AuditKeyError extends Error {
  constructor(
    readonly code: 'AUDIT_KEY_EXPOSED' | 'AUDIT_KEY_INVALID',
    message: string,
  ) {
    super(message);
  }
}

/**
 * CHUANTOU_AUDIT_KEY when set (at least 32 characters), else `<dataDir>/audit-key`, made on first
 * use from 32 random bytes (written as 64 hex digits, so the file's text can be moved into the
 * environment unchanged) with mode 0600. A key file that others may read or write is refused: a
 * key anyone could copy proves nothing.
 */
export function auditKey(dataDir: string, env: { CHUANTOU_AUDIT_KEY?: string | undefined } = process.env): Buffer {
  const given = env.CHUANTOU_AUDIT_KEY;
  if (given !== undefined && given !== '') {
    if (given.length < AUDIT_KEY_MIN_LENGTH) {
      throw new AuditKeyError('AUDIT_KEY_INVALID', `CHUANTOU_AUDIT_KEY 至少 ${AUDIT_KEY_MIN_LENGTH} 个字符 / CHUANTOU_AUDIT_KEY must be at least ${AUDIT_KEY_MIN_LENGTH} characters`);
    }
    return Buffer.from(given, 'utf8');
  }
  const file = path.join(dataDir, AUDIT_KEY_FILE);
  if (!fs.existsSync(file)) createKeyFile(dataDir, file);
  if (process.platform !== 'win32') {
    const mode = fs.statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new AuditKeyError(
        'AUDIT_KEY_EXPOSED',
        `审计密钥文件 ${file} 的权限为 ${mode.toString(8)}，其他用户可读写；请执行 chmod 600 ${file} / the audit key file ${file} has mode ${mode.toString(8)}, open to other users; run chmod 600 ${file}`,
      );
    }
  }
  const text = fs.readFileSync(file, 'utf8').trim();
  if (text.length < AUDIT_KEY_MIN_LENGTH) {
    throw new AuditKeyError('AUDIT_KEY_INVALID', `审计密钥文件 ${file} 内容过短（至少 ${AUDIT_KEY_MIN_LENGTH} 个字符）/ the audit key file ${file} is too short (at least ${AUDIT_KEY_MIN_LENGTH} characters)`);
  }
  return Buffer.from(text, 'utf8');
}

/**
 * Written whole under another name and linked into place, which fails if the file exists: two
 * processes starting at once end with one key, and neither ever reads a half-written one.
 */
function createKeyFile(dataDir: string, file: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, `${crypto.randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
