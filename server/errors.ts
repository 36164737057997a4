import { GraphQLError } from 'graphql';

/**
 * Errors the API means to show: each has a stable code for clients and a message (Chinese first,
 * then English) that tells the reader what to do. Anything else is masked by graphql-yoga as an
 * unexpected error, so internals never reach the browser.
 */
export const apiErrors = {
  NOT_FOUND: '未找到该实体，请检查代码或重新搜索 / no entity with that key; check the code or search again',
  BAD_INPUT: '参数有误 / invalid input',
  DATABASE_UNAVAILABLE: '数据库暂时无法连接，请稍后重试 / the database cannot be reached; try again shortly',
} as const;

export type ApiErrorCode = keyof typeof apiErrors;

export function apiError(code: ApiErrorCode, detail?: string): GraphQLError {
  return new GraphQLError(detail ? `${apiErrors[code]}: ${detail}` : apiErrors[code], { extensions: { code } });
}
