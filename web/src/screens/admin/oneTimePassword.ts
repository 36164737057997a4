// The password a sysadmin hands over for a new or reset account: made in the browser, sent once to
// the server (createUser, resetPassword), shown once and never stored. The user must change it at
// the next sign-in. Same rules as the CLI's (accounts/passwords.ts generatePassword): readable
// characters, at least 20 of them, three character classes, not containing the user's name.

/** Letters and digits that cannot be mistaken for one another when read off a screen (no 0/O, 1/l/I). */
const READABLE = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
export const ONE_TIME_PASSWORD_LENGTH = 20;

/** A uniformly random index below `n` (rejection sampling: no modulo bias). */
function randomBelow(n: number, random: (bytes: Uint8Array) => void): number {
  const limit = 256 - (256 % n);
  const byte = new Uint8Array(1);
  for (;;) {
    random(byte);
    if (byte[0]! < limit) return byte[0]! % n;
  }
}

export function acceptable(name: string, password: string): boolean {
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/].filter((c) => c.test(password)).length;
  const nameKey = name.normalize('NFKC').trim().toLowerCase();
  return password.length >= ONE_TIME_PASSWORD_LENGTH && classes === 3 && !(nameKey && password.toLowerCase().includes(nameKey));
}

export function oneTimePassword(name: string, random: (bytes: Uint8Array) => void = (b) => crypto.getRandomValues(b)): string {
  for (;;) {
    let password = '';
    for (let i = 0; i < ONE_TIME_PASSWORD_LENGTH; i++) password += READABLE[randomBelow(READABLE.length, random)];
    if (acceptable(name, password)) return password;
  }
}
