/**
 * Why an account operation was refused. The code is for programs (the server's error
 * extensions, the CLI's exit message, tests); the message is for the person, Chinese first.
 */
export const accountErrorMessages = {
  PASSWORD_TOO_SHORT: '密码太短 / the password is too short',
  PASSWORD_TOO_LONG: '密码太长（最多 256 个字符）/ the password is too long (at most 256 characters)',
  PASSWORD_CONTAINS_NAME: '密码不得包含用户名 / the password must not contain the user name',
  PASSWORD_REUSED: '不得使用最近用过的密码 / the password must not repeat a recent one',
  PASSWORD_WEAK:
    '密码须包含大写字母、小写字母、数字、其他字符中的至少三类，或长度不少于 16 个字符 / the password needs three of: upper-case letters, lower-case letters, digits, other characters — or at least 16 characters',
  WRONG_PASSWORD: '原密码不正确 / the current password is wrong',
  ACCOUNT_LOCKED: '登录失败次数过多，账号已暂时锁定 / too many failed sign-ins: the account is locked for a while',
  USER_EXISTS: '用户名已存在（不区分大小写）/ a user of that name exists (names ignore case)',
  USER_NOT_FOUND: '用户不存在 / no such user',
  USER_NAME_INVALID:
    '用户名应为 3–64 个英文字母、数字或 . _ -，以字母或数字开头 / a user name is 3–64 letters, digits or . _ -, beginning with a letter or digit',
  DISPLAY_NAME_INVALID: '显示名应为 1–64 个字符，不含控制字符 / a display name is 1–64 characters without control characters',
  JURISDICTION_INVALID: '辖区应为现行的 6 位行政区划代码（GB/T 2260）/ the jurisdiction must be a current 6-digit division code (GB/T 2260)',
  ROLE_INVALID: '未知角色 / unknown role',
  LAST_SYSADMIN: '不能停用或降级最后一个启用的系统管理员 / the last enabled system administrator cannot be disabled or given another role',
  SESSION_NOT_FOUND: '会话不存在或已过期，请重新登录 / the session does not exist or has expired: sign in again',
  REASON_INVALID: '查询事由应为 1–500 个字符，不含控制字符 / a reason is 1–500 characters without control characters',
} as const;

export type AccountErrorCode = keyof typeof accountErrorMessages;

export class AccountError extends Error {
  readonly code: AccountErrorCode;
  /** Every problem found (a new password may have several; a form shows them all), the code first. */
  readonly problems: AccountErrorCode[];

  /** `detail` (Chinese / English too) says which value was at fault, e.g. the name that exists. */
  constructor(code: AccountErrorCode, detail?: string, problems: AccountErrorCode[] = [code]) {
    super(detail ? `${accountErrorMessages[code]}: ${detail}` : accountErrorMessages[code]);
    this.name = 'AccountError';
    this.code = code;
    this.problems = problems;
  }
}
