import crypto from 'node:crypto';
import argon2 from 'argon2';
import type { AccountErrorCode } from './errors.ts';
import type { AccountPolicy } from './types.ts';

/**
 * argon2id with 64 MiB, 3 passes, one lane: RFC 9106's second recommended setting, above OWASP's
 * minimum (19 MiB, 2 passes). One lane, because a server verifies many sign-ins at once and each
 * lane would take one of its few cores. About a fifth of a second per hash on a small server:
 * slow for a guesser, unnoticed by a person signing in. Hashes made with weaker parameters are
 * made again at the next successful sign-in (argon2.needsRehash).
 */
export const passwordHashing = { type: argon2.argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 1 } as const;

/** Longer input only costs hashing time; no one types a 257-character password. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * The password as it is hashed: NFKC-normalised (NIST SP 800-63B §5.1.1.2), so that digits and
 * letters typed in a Chinese input method's full-width mode (１２３ＡＢＣ) are the same password as
 * their half-width forms.
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(normalisePassword(password), passwordHashing);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, normalisePassword(password));
  } catch {
    // A stored value that is not a PHC string matches nothing.
    return false;
  }
}

export function hashNeedsUpgrade(hash: string): boolean {
  return argon2.needsRehash(hash, passwordHashing);
}

let decoy: Promise<string> | null = null;

/**
 * Spends the time of one verification when there is no user to verify against, so that the time
 * of an answer does not tell whether a user name exists.
 */
export async function verifyDecoy(password: string): Promise<void> {
  decoy ??= argon2.hash(crypto.randomBytes(32), passwordHashing);
  await verifyPassword(await decoy, password);
}

/** Character classes a password draws from; every character that is not an ASCII letter or digit (CJK included) is "other". */
function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
}

/** At or above this length a password needs no mix of character classes. */
export const PASSPHRASE_LENGTH = 16;

/**
 * What is wrong with a new password, before it is compared with the user's previous ones (that
 * needs their hashes: Accounts does it). Length is what makes a password hard to guess (NIST SP
 * 800-63B), so a passphrase of 16 characters or more is accepted as it is; a shorter one must mix
 * three of the four character classes, as 等保 practice (GB/T 22239, 身份鉴别) asks of passwords.
 * The user name must not appear in it, in any case. Lengths count characters after NFKC.
 */
export function passwordProblems(name: string, password: string, policy: AccountPolicy): AccountErrorCode[] {
  const text = normalisePassword(password);
  const length = [...text].length;
  const problems: AccountErrorCode[] = [];
  if (length < policy.passwordMinLength) problems.push('PASSWORD_TOO_SHORT');
  if (length > PASSWORD_MAX_LENGTH) problems.push('PASSWORD_TOO_LONG');
  const nameKey = name.normalize('NFKC').trim().toLowerCase();
  if (nameKey.length > 0 && text.toLowerCase().includes(nameKey)) problems.push('PASSWORD_CONTAINS_NAME');
  if (length < PASSPHRASE_LENGTH && characterClasses(text) < 3) problems.push('PASSWORD_WEAK');
  return problems;
}

/** Letters and digits that cannot be mistaken for one another when read off a screen (no 0/O, 1/l/I). */
const READABLE = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * A random password for a new or reset account, shown once: at least 20 characters (about 116
 * bits) and as long as the policy's minimum, passing the policy for this user.
 */
export function generatePassword(name: string, policy: AccountPolicy): string {
  const length = Math.max(20, policy.passwordMinLength);
  for (;;) {
    let password = '';
    for (let i = 0; i < length; i++) password += READABLE[crypto.randomInt(READABLE.length)];
    if (passwordProblems(name, password, policy).length === 0) return password;
  }
}
