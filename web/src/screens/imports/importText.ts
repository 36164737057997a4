// The words of the imports screens that are pure logic, apart from the components so that unit
// tests read them without a DOM: a run's state, sizes, and why an upload was refused.

import type { ImportRunStatus } from '../../api/generated.ts';
import { inLanguage, type Lang } from '../../i18n.ts';

/** What a run's status means to its reader: RUNNING but no longer run by this server was interrupted. */
export type RunState = 'running' | 'interrupted' | 'completed' | 'failed' | 'retracted';

export function runState(status: ImportRunStatus, activeHere: boolean): RunState {
  if (status === 'RUNNING') return activeHere ? 'running' : 'interrupted';
  return status.toLowerCase() as RunState;
}

/** A size in bytes as people read it (1.2 MB), base 1024 as file managers count. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** What POST /uploads answers (server/uploads/endpoint.ts): the upload, or the refusal in the API's error shape. */
export interface UploadAnswer {
  uploadId?: string;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Refusal codes of POST /uploads the screen words itself (messages `uploadError.<code>`). */
export const UPLOAD_REFUSAL_CODES = ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'BAD_REQUEST', 'REQUEST_ABORTED', 'UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_HEADER_MISSING', 'AUDIT_UNAVAILABLE'] as const;
export type UploadRefusalCode = (typeof UPLOAD_REFUSAL_CODES)[number];

type Words = (key: `uploadError.${UploadRefusalCode | 'network' | 'http'}`, params?: Record<string, string | number>) => string;

/**
 * Why an upload was refused, in the reader's language: the code in the screen's words with the
 * server's own sentence beside it (it names the size cap, shown as people read sizes); an answer
 * without a body is the HTTP status or the network.
 */
export function uploadRefusal(answer: UploadAnswer | undefined, status: number, words: Words, lang: Lang): string {
  const error = answer?.errors?.[0];
  if (!error) return status ? words('uploadError.http', { status }) : words('uploadError.network');
  const code = error.extensions?.code ?? '';
  const server = inLanguage(error.message, lang).replace(/(\d{4,}) (字节|bytes)/, (_, n: string) => formatBytes(Number(n)));
  if (!(UPLOAD_REFUSAL_CODES as readonly string[]).includes(code)) return server;
  const ours = words(`uploadError.${code as UploadRefusalCode}`);
  return lang === 'zh' ? `${ours}（${server}）` : `${ours} (${server})`;
}
