import type http from 'node:http';
import { z } from 'zod';
import { mayReadFullIdNumbers, type Role } from '../../accounts/roles.ts';
import type { SessionView } from '../../accounts/types.ts';
import type { AuditEntry, AuditRecord } from '../../audit/types.ts';
import { exportFormats, type ExportFormat, type ReportLocale } from '../../exporters/document.ts';
import { maskIdNumbersIn } from '../../model/idMasking.ts';
import { ReportError } from '../../reports/errors.ts';
import { exportFileName, exportReport } from '../../reports/exports.ts';
import { openReportRun } from '../../reports/runs.ts';
import type { ServerParts } from '../context.ts';
import { apiContentSecurityPolicy } from '../hardening.ts';
import { apiErrors } from '../errors.ts';
import { answer, auditUnavailable, Refusal, sessionOf, sessionWithRole } from '../endpointAnswers.ts';

/**
 * GET /exports/report-runs/<run id>?format=…&lang=zh|en: one report run as a file (reports/exports.ts
 * writes it). Beside GraphQL because a file is an HTTP download, not a JSON answer. For a signed-in
 * user who may read the run — the reports layer decides, as for Query.reportRun, and a run they may
 * not read is a 404 like one that never was — with ID numbers masked unless the reader may see them
 * (the masking of every API answer, applied to the document before any format is written). Like the
 * rejects download it needs no CSRF header, so that a plain link fetches it: no other site's page
 * sends the SameSite=Strict cookie, and none may read the answer.
 *
 * Every export is recorded (action `export`), refusals too. The entry is appended before the file
 * is written, so that the evidence bundle's manifest can name the entry that recorded it; an export
 * that cannot be recorded is not made.
 */

const EXPORT_PATH = /^\/exports\/report-runs\/([0-9A-Za-z][0-9A-Za-z_.:-]{0,199})$/;
const OPERATION = 'exportReportRun';
const readerRoles: ReadonlySet<Role> = new Set(['investigator', 'regulator', 'viewer']);

type Code = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'PASSWORD_CHANGE_REQUIRED' | 'METHOD_NOT_ALLOWED' | 'BAD_INPUT' | 'NOT_FOUND' | 'REPORT_TAMPERED' | 'AUDIT_UNAVAILABLE';

export function isReportExportEndpoint(rawPath: string): boolean {
  return EXPORT_PATH.test(rawPath);
}

const exportQuery = z.object({
  format: z.enum(exportFormats, { message: `format: ${exportFormats.join(', ')}` }),
  lang: z.enum(['zh', 'en'], { message: 'lang: zh, en' }).default('zh'),
});


/** 查询事由 in force: given with this request (header x-chuantou-reason, percent-encoded UTF-8), else the session's. */
function reasonOf(req: http.IncomingMessage, session: SessionView): string | null {
  const raw = req.headers['x-chuantou-reason'];
  if (typeof raw === 'string' && raw) {
    try {
      const text = decodeURIComponent(raw).trim();
      if (text.length > 0 && text.length <= 500) return text;
    } catch {
      // a broken encoding gives no reason, as in the API
    }
  }
  return session.reason ?? null;
}

/** RFC 6266 with RFC 5987: an ASCII name for old clients, the UTF-8 name for the rest. */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\%]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

function auditRecord(req: http.IncomingMessage, session: SessionView | null, outcome: AuditRecord['outcome'], started: number, rest: Partial<AuditRecord>): AuditRecord {
  const user = session?.user;
  return {
    actor: user ? { name: user.name, via: 'web', role: user.role } : { name: '(未登录 / anonymous)', via: 'web', role: null },
    action: 'export',
    operation: OPERATION,
    outcome,
    address: req.socket.remoteAddress ?? null,
    durationMs: Math.round(performance.now() - started),
    ...rest,
  };
}


/** Serves GET /exports/report-runs/<run id>. */
export async function serveReportExport(parts: ServerParts, rawPath: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const started = performance.now();
  const runId = EXPORT_PATH.exec(rawPath)![1]!;
  const url = new URL(req.url ?? '/', 'http://localhost');
  const asked = { format: url.searchParams.get('format'), lang: url.searchParams.get('lang') ?? undefined };
  // A GET has no body to wait for: read its end, so that http.ts's body timer stops (a PDF takes a while).
  req.resume();
  let session: SessionView | null = null;
  try {
    if (req.method !== 'GET') throw new Refusal<Code>(405, 'METHOD_NOT_ALLOWED', '请用 GET 下载 / download with GET');
    session = sessionWithRole(await sessionOf(parts, req), readerRoles);
    const query = exportQuery.safeParse(asked);
    if (!query.success) throw new Refusal<Code>(400, 'BAD_INPUT', `${apiErrors.BAD_INPUT}: ${query.error.issues.map((i) => i.message).join('; ')}`);
    const format: ExportFormat = query.data.format;
    const locale: ReportLocale = query.data.lang;
    const user = session.user;

    let opened: Awaited<ReturnType<typeof openReportRun>>;
    try {
      opened = await openReportRun(parts.graph, { name: user.name, role: user.role }, runId);
    } catch (error) {
      if (error instanceof ReportError && error.code === 'NOT_FOUND') throw new Refusal<Code>(404, 'NOT_FOUND', error.message);
      if (error instanceof ReportError && error.code === 'REPORT_TAMPERED') throw new Refusal<Code>(500, 'REPORT_TAMPERED', `${apiErrors.REPORT_TAMPERED}: ${error.message}`);
      throw error;
    }
    const reason = reasonOf(req, session);
    const fullIdNumbers = mayReadFullIdNumbers(user.role, reason);
    const document = fullIdNumbers ? opened.document : maskIdNumbersIn(opened.document);
    const shown = fullIdNumbers && JSON.stringify(maskIdNumbersIn(opened.document)) !== JSON.stringify(opened.document);

    let entry: AuditEntry;
    try {
      entry = await parts.audit.append(
        auditRecord(req, session, 'ok', started, {
          params: { runId, format, lang: locale, contentHash: opened.summary.contentHash },
          reason,
          resultCount: opened.summary.findingCount,
          detail: shown ? '显示了完整证件号码 / full ID numbers shown' : null,
        }),
      );
    } catch {
      throw auditUnavailable();
    }
    let file: Awaited<ReturnType<typeof exportReport>>;
    try {
      const stamp = { locale, exportedBy: user.name, exportedAt: entry.at };
      file = await exportReport(document, format, stamp, { seq: entry.seq, hmac: entry.hmac, at: entry.at }, opened.summary.contentHash);
    } catch (error) {
      // The entry above says the export was made: the trail must also say it was not.
      await parts.audit.append(auditRecord(req, session, 'failed', started, { params: { runId, format, lang: locale, auditSeq: entry.seq }, detail: 'EXPORT_FAILED' })).catch(() => undefined);
      throw error;
    }
    const fallback = exportFileName({ ...document, query: { ...document.query, title: 'report' } }, format);
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-length': file.bytes.length,
      'content-disposition': contentDisposition(file.fileName, fallback),
      'cache-control': 'no-store',
      'content-security-policy': apiContentSecurityPolicy,
      'x-chuantou-audit-seq': String(entry.seq),
    });
    res.end(file.bytes);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    if (error.code !== 'AUDIT_UNAVAILABLE') {
      const outcome = error.status === 401 || error.status === 403 ? 'denied' : 'failed';
      await parts.audit.append(auditRecord(req, session, outcome, started, { params: { runId, ...asked }, detail: error.code })).catch(() => undefined);
    }
    answer(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
  }
}
