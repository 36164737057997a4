import fs from 'node:fs';
import type http from 'node:http';
import { pipeline } from 'node:stream';
import type { AuditRecord } from '../../audit/types.ts';
import type { Role } from '../../accounts/roles.ts';
import type { SessionView } from '../../accounts/types.ts';
import type { ServerParts } from '../context.ts';
import { apiContentSecurityPolicy, CSRF_HEADER } from '../hardening.ts';
import { answer, auditUnavailable, Refusal, sessionOf, sessionWithRole } from '../endpointAnswers.ts';
import { UploadRefusal } from './store.ts';

/**
 * The two HTTP endpoints of imports beside GraphQL, whose JSON bodies cannot carry a file and
 * should not carry a rejects file: POST /uploads (one file, multipart/form-data, streamed to disk)
 * and GET /import-runs/<run>/rejects.csv. Both are for a signed-in investigator, found by the
 * session cookie as the API finds them (accounts.session), and both are recorded in the audit
 * trail, refusals too. An upload also needs the CSRF header the API needs, because it changes
 * what the server holds; the download does not, so that a plain link can fetch it: no other
 * site's page sends the SameSite=Strict cookie, and none may read the answer.
 */

export const UPLOADS_PATH = '/uploads';
const REJECTS_PATH = /^\/import-runs\/(run-[0-9A-Za-z-]{1,80})\/rejects\.csv$/;
const investigators: ReadonlySet<Role> = new Set(['investigator']);

type Code = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'PASSWORD_CHANGE_REQUIRED' | 'CSRF_HEADER_MISSING' | 'METHOD_NOT_ALLOWED' | 'NOT_FOUND' | 'AUDIT_UNAVAILABLE' | UploadRefusal['code'];

/** Whether the path is one of these endpoints (http.ts routes it here). */
export function isImportsEndpoint(rawPath: string): boolean {
  return rawPath === UPLOADS_PATH || REJECTS_PATH.test(rawPath);
}


function auditRecord(req: http.IncomingMessage, session: SessionView | null, operation: string, outcome: AuditRecord['outcome'], started: number, rest: Partial<AuditRecord>): AuditRecord {
  const user = session?.user;
  return {
    actor: user ? { name: user.name, via: 'web', role: user.role } : { name: '(未登录 / anonymous)', via: 'web', role: null },
    action: operation === 'upload' ? 'import' : 'export',
    operation,
    outcome,
    address: req.socket.remoteAddress ?? null,
    durationMs: Math.round(performance.now() - started),
    ...rest,
  };
}


async function upload(parts: ServerParts, req: http.IncomingMessage, res: http.ServerResponse, started: number): Promise<void> {
  let session: SessionView | null = null;
  try {
    if (req.method !== 'POST') throw new Refusal<Code>(405, 'METHOD_NOT_ALLOWED', '请用 POST 上传 / upload with POST');
    session = await sessionOf(parts, req);
    if (!req.headers[CSRF_HEADER]) throw new Refusal<Code>(403, 'CSRF_HEADER_MISSING', `请求缺少 ${CSRF_HEADER} 头 / the request lacks the ${CSRF_HEADER} header`);
    const user = sessionWithRole(session, investigators).user;
    const record = await parts.imports.uploads.receive(req, user.name);
    try {
      await parts.audit.append(
        auditRecord(req, session, 'upload', 'ok', started, { params: { uploadId: record.id, fileName: record.fileName, bytes: record.bytes, sha256: record.sha256 }, resultCount: 1 }),
      );
    } catch {
      // An upload that cannot be recorded is not kept.
      parts.imports.uploads.remove(record);
      throw auditUnavailable();
    }
    answer(res, 201, { uploadId: record.id, fileName: record.fileName, bytes: record.bytes, sha256: record.sha256 });
  } catch (error) {
    const refusal = error instanceof Refusal || error instanceof UploadRefusal ? error : null;
    if (!refusal) throw error;
    if (refusal.code !== 'AUDIT_UNAVAILABLE') {
      const outcome = refusal.status === 401 || refusal.status === 403 ? 'denied' : 'failed';
      const fileName = req.headers['content-length'] ? { declaredBytes: Number(req.headers['content-length']) } : {};
      await parts.audit.append(auditRecord(req, session, 'upload', outcome, started, { params: fileName, detail: refusal.code })).catch(() => undefined);
    }
    // Refused before a byte of the body was read: the connection closes rather than read what
    // may be gigabytes for nothing. Refused midway, the rest is read and dropped (store.ts), so
    // the client still sending reads the answer instead of a reset.
    if (req.readableFlowing === null) res.setHeader('connection', 'close');
    answer(res, refusal.status, { errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
  }
}

async function rejects(parts: ServerParts, runId: string, req: http.IncomingMessage, res: http.ServerResponse, started: number): Promise<void> {
  let session: SessionView | null = null;
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new Refusal<Code>(405, 'METHOD_NOT_ALLOWED', '请用 GET 下载 / download with GET');
    session = await sessionOf(parts, req);
    sessionWithRole(session, investigators);
    const file = await parts.imports.rejectsFile(runId);
    if (!file) throw new Refusal<Code>(404, 'NOT_FOUND', '该导入批次没有问题行文件 / the run has no rejects file');
    const size = fs.statSync(file).size;
    try {
      await parts.audit.append(auditRecord(req, session, 'downloadRejects', 'ok', started, { params: { runId, bytes: size } }));
    } catch {
      throw auditUnavailable();
    }
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-length': size,
      'content-disposition': `attachment; filename="${runId}-rejects.csv"`,
      'cache-control': 'no-store',
      'content-security-policy': apiContentSecurityPolicy,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    pipeline(fs.createReadStream(file), res, () => undefined);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    if (error.code !== 'AUDIT_UNAVAILABLE') {
      await parts.audit.append(auditRecord(req, session, 'downloadRejects', error.status === 404 ? 'failed' : 'denied', started, { params: { runId }, detail: error.code })).catch(() => undefined);
    }
    answer(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
  }
}

/** Serves POST /uploads and GET /import-runs/<run>/rejects.csv. */
export async function serveImportsEndpoint(parts: ServerParts, rawPath: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const started = performance.now();
  const run = REJECTS_PATH.exec(rawPath);
  if (run) await rejects(parts, run[1]!, req, res, started);
  else await upload(parts, req, res, started);
}
