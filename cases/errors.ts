/**
 * Why a case operation was refused. NOT_FOUND also answers a case the caller may not see: whether
 * a case exists is itself case data, so a stranger learns no more than from a case that never was.
 */
export const caseErrorMessages = {
  NOT_FOUND: '未找到该专案或其内容，或您无权访问 / no such case or item visible to you',
  EDIT_CONFLICT: '他人已修改，请重新加载后再保存 / someone else changed it since you loaded it: reload, then save again',
  USER_NOT_ELIGIBLE: '只能共享给启用的侦查员或监管人员 / a case can only be shared with an enabled investigator or regulator',
  PARTY_NOT_FOUND: '未找到该企业或人员 / no firm or person with that key',
} as const;

export type CaseErrorCode = keyof typeof caseErrorMessages;

/** Who last changed what a stale edit tried to overwrite, so the editor knows whom to ask. */
export interface EditConflict {
  currentVersion: number;
  changedBy: string;
  changedAt: string;
}

export class CaseError extends Error {
  readonly code: CaseErrorCode;
  /** The argument at fault (USER_NOT_ELIGIBLE, PARTY_NOT_FOUND), as the API names it. */
  readonly field: string | null;
  readonly conflict: EditConflict | null;
  /** Which value was at fault, or who changed what (Chinese / English), without the code's sentence. */
  readonly detail: string | null;

  constructor(code: CaseErrorCode, options: { detail?: string; field?: string; conflict?: EditConflict } = {}) {
    super(options.detail ? `${caseErrorMessages[code]}: ${options.detail}` : caseErrorMessages[code]);
    this.name = 'CaseError';
    this.code = code;
    this.field = options.field ?? null;
    this.conflict = options.conflict ?? null;
    this.detail = options.detail ?? null;
  }
}
