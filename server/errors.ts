import { GraphQLError } from 'graphql';
import { AnalysisError } from '../analyses/envelope.ts';

/**
 * Errors the API means to show: each has a stable code for clients and a message (Chinese first,
 * then English) that tells the reader what to do. Anything else is masked by graphql-yoga as an
 * unexpected error, so internals never reach the browser.
 */
export const apiErrors = {
  NOT_FOUND: '未找到该实体，请检查代码或重新搜索 / no entity with that key; check the code or search again',
  BAD_INPUT: '参数有误 / invalid input',
  DATABASE_UNAVAILABLE: '数据库暂时无法连接，请稍后重试 / the database cannot be reached; try again shortly',
  UNAUTHENTICATED: '请先登录 / sign in first',
  FORBIDDEN: '您的角色无权执行此操作 / your role may not do this',
  OUTSIDE_JURISDICTION: '超出您的管辖范围 / outside your jurisdiction',
  ACCOUNT_ERROR: '账户操作未完成 / the account change was not made',
  PASSWORD_CHANGE_REQUIRED: '请先修改初始密码 / change the password you were given first',
  IMPORT_BUSY: '服务器正在处理另一个导入批次，请待其结束后再试 / the server is busy with another import run; try again when it has finished',
  QUERY_TIMEOUT: '查询超过服务器时限，请缩小范围（层数、实体数、日期）后重试 / the query ran past the server’s time limit; narrow it (depth, entities, dates) and try again',
  EDIT_CONFLICT: '他人已修改，请重新加载后再保存 / someone else changed it since you loaded it; reload, then save again',
  REPORT_TAMPERED: '报告内容与其散列不符，可能已被改动，请告知管理员 / the report no longer matches its content hash: it may have been altered; tell the administrator',
  PERSISTED_QUERY_NOT_FOUND: '服务器不认识该预存操作，请刷新页面（界面与服务器版本不一致）/ the server does not know this persisted operation; reload the page (the app and the server are of different versions)',
} as const;

export type ApiErrorCode = keyof typeof apiErrors;

const statusOf: Partial<Record<ApiErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, OUTSIDE_JURISDICTION: 403, BAD_INPUT: 400, ACCOUNT_ERROR: 400, IMPORT_BUSY: 409, EDIT_CONFLICT: 409, PERSISTED_QUERY_NOT_FOUND: 400 };

export function apiError(code: ApiErrorCode, detail?: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(detail ? `${apiErrors[code]}: ${detail}` : apiErrors[code], {
    extensions: { code, ...extensions, ...(statusOf[code] ? { http: { status: statusOf[code] } } : {}) },
  });
}

/** An analysis's refusal as the API's: NOT_FOUND, or BAD_INPUT with its reason and, for a name several entities bear, the candidates. */
export function analysisApiError(error: unknown): unknown {
  if (!(error instanceof AnalysisError)) return error;
  if (error.code === 'NOT_FOUND') return apiError('NOT_FOUND', error.message);
  return apiError('BAD_INPUT', error.message, { reason: error.code, ...(error.candidates.length > 0 ? { candidates: error.candidates } : {}) });
}
