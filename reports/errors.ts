/**
 * Why a reports operation was refused. NOT_FOUND also answers a saved query or run the caller may
 * not see: that one exists is itself case data, so a stranger learns no more than from one that
 * never was. REPORT_TAMPERED: a stored run no longer matches the SHA-256 recorded when it was made.
 */
export const reportErrorMessages = {
  NOT_FOUND: '未找到该报告查询或报告运行，或您无权访问 / no such saved query or report run visible to you',
  EDIT_CONFLICT: '他人已修改，请重新加载后再保存 / someone else changed it since you loaded it: reload, then save again',
  BAD_INPUT: '输入有误 / bad input',
  FORBIDDEN: '无权执行此操作 / you may not do this',
  REPORT_TAMPERED: '报告运行的存储内容与其内容哈希不符，可能已被篡改 / the stored report run does not match its content hash: it may have been tampered with',
} as const;

export type ReportErrorCode = keyof typeof reportErrorMessages;

/** Who last changed what a stale edit tried to overwrite, so the editor knows whom to ask. */
export interface EditConflict {
  currentVersion: number;
  changedBy: string;
  changedAt: string;
}

/** The argument at fault, as the API's `fields` extension names it (`params.minFirms`, `sharedWith.users.0`). */
export interface FieldProblem {
  field: string;
  message: string;
}

export class ReportError extends Error {
  readonly code: ReportErrorCode;
  /**
   * What the doors pass on: an EditConflict for EDIT_CONFLICT, `{ field, fields }` for BAD_INPUT,
   * `{ runId, expected, found }` for REPORT_TAMPERED.
   */
  readonly detail?: unknown;

  /** `text` says which value was at fault (Chinese / English), after the code's sentence. */
  constructor(code: ReportErrorCode, text?: string, detail?: unknown) {
    super(text ? `${reportErrorMessages[code]}: ${text}` : reportErrorMessages[code]);
    this.name = 'ReportError';
    this.code = code;
    this.detail = detail;
  }
}

/** BAD_INPUT naming every field at fault, the first one as `field`. */
export function badInput(problems: FieldProblem[]): ReportError {
  return new ReportError(
    'BAD_INPUT',
    problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; '),
    { field: problems[0]?.field ?? '', fields: problems },
  );
}
