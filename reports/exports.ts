import type { ExportFormat, ExportStamp, ReportDocument } from '../exporters/document.ts';
import { reportCsv, reportXlsx } from '../exporters/table.ts';
import { reportHtml } from '../exporters/printable.ts';
import { reportPdf } from '../exporters/pdf.ts';
import { networkSvg } from '../exporters/networkSvg.ts';
import { reportGraphml } from '../exporters/graphml.ts';
import { reportFtm } from '../exporters/ftm.ts';
import { reportBods } from '../exporters/bods.ts';
import { evidenceBundle, type BundleFile } from '../exporters/bundle.ts';
import { canonicalJson, contentHash } from './canonical.ts';

/**
 * One report run as a file: the door (API endpoint, CLI) names the format, this picks the writer
 * and says what the file is called and what it is. The document given is exported as it is: a
 * door that must mask ID numbers masks the document before it comes here, so every format,
 * the bundle's JSON included, carries exactly what the reader may see.
 */

export interface ExportedFile {
  bytes: Buffer;
  /** `<title>-<run number>.<ext>`, safe as a file name on Windows as on Unix. */
  fileName: string;
  contentType: string;
}

/** The audit entry that recorded the export: the bundle's manifest names it. */
export interface ExportAuditEntry {
  seq: number;
  hmac: string;
  at: string;
}

const kinds: Record<ExportFormat, { extension: string; contentType: string }> = {
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8' },
  xlsx: { extension: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  html: { extension: 'html', contentType: 'text/html; charset=utf-8' },
  pdf: { extension: 'pdf', contentType: 'application/pdf' },
  svg: { extension: 'svg', contentType: 'image/svg+xml; charset=utf-8' },
  graphml: { extension: 'graphml', contentType: 'application/graphml+xml; charset=utf-8' },
  // FollowTheMoney's own tools (ftm, Aleph) read and write line-delimited entities as *.ftm.json.
  ftm: { extension: 'ftm.json', contentType: 'application/x-ndjson; charset=utf-8' },
  bods: { extension: 'bods.json', contentType: 'application/json; charset=utf-8' },
  json: { extension: 'json', contentType: 'application/json; charset=utf-8' },
  bundle: { extension: 'zip', contentType: 'application/zip' },
};

/** What the evidence bundle holds, under these names (fixed, so that a checker knows where to look). */
const bundleParts: { format: Exclude<ExportFormat, 'bundle' | 'csv' | 'html' | 'ftm' | 'bods'>; name: string }[] = [
  { format: 'pdf', name: 'report.pdf' },
  { format: 'xlsx', name: 'report.xlsx' },
  { format: 'svg', name: 'network.svg' },
  { format: 'graphml', name: 'network.graphml' },
  { format: 'json', name: 'report.json' },
];

// Windows refuses these characters, control characters, and these device names whatever the extension.
const forbiddenInFileName = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const deviceNames = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const MAX_TITLE_CHARACTERS = 80;

/** The title part of a file name: forbidden characters replaced, no trailing dot or space, no device name, not too long. */
export function fileNameStem(title: string): string {
  let stem = title.normalize('NFC').replace(forbiddenInFileName, '_').replace(/\s+/g, ' ').trim();
  stem = Array.from(stem).slice(0, MAX_TITLE_CHARACTERS).join('');
  stem = stem.replace(/[. ]+$/, '').replace(/^[. ]+/, '');
  // "NUL.x-1.csv" is the device too: Windows reads the name up to its first dot.
  if (stem === '' || deviceNames.test(stem.split('.')[0]!.trim())) stem = `report${stem ? `-${stem}` : ''}`;
  return stem;
}

export function exportFileName(document: ReportDocument, format: ExportFormat): string {
  return `${fileNameStem(document.query.title)}-${document.run.number}.${kinds[format].extension}`;
}

async function fileBytes(document: ReportDocument, format: Exclude<ExportFormat, 'bundle'>, stamp: ExportStamp, runContentHash: string): Promise<Buffer> {
  switch (format) {
    case 'csv':
      return reportCsv(document, stamp);
    case 'xlsx':
      return reportXlsx(document, { ...stamp, contentHash: runContentHash });
    case 'html':
      return Buffer.from(reportHtml(document, stamp), 'utf8');
    case 'pdf':
      return reportPdf(document, stamp);
    case 'svg':
      return Buffer.from(networkSvg(document.network, stamp.locale), 'utf8');
    case 'graphml':
      return Buffer.from(reportGraphml(document), 'utf8');
    case 'ftm':
      return Buffer.from(reportFtm(document), 'utf8');
    case 'bods':
      return Buffer.from(JSON.stringify(reportBods(document), null, 2), 'utf8');
    case 'json':
      // Canonical (RFC 8785): unmasked, its SHA-256 is the run's content hash.
      return Buffer.from(canonicalJson(document), 'utf8');
  }
}

/**
 * The report run as one file of the format. A bundle needs the audit entry that recorded the
 * export (its manifest names it); the door appends that entry before it asks for the bundle.
 *
 * `runContentHash` is the hash the run was stored with, written into the XLSX and the bundle's
 * manifest: it names the run whatever the copy. When the door masked ID numbers, the copy's
 * report.json is the masked document and hashes to something else; the manifest still checks
 * every file, and the audit entry it names ties the copy to the run. Left out, the document's own
 * hash (a document exported unmasked is the run itself).
 */
export async function exportReport(
  document: ReportDocument,
  format: ExportFormat,
  stamp: ExportStamp,
  auditEntry?: ExportAuditEntry,
  runContentHash: string = contentHash(document),
): Promise<ExportedFile> {
  const { contentType } = kinds[format];
  const fileName = exportFileName(document, format);
  if (format !== 'bundle') return { bytes: await fileBytes(document, format, stamp, runContentHash), fileName, contentType };
  if (!auditEntry) throw new Error('证据包须记载记录本次导出的审计条目 / an evidence bundle needs the audit entry that recorded the export');
  const files: BundleFile[] = [];
  // One after another: the PDF holds a Chromium page, and the XLSX the whole table, in memory.
  for (const part of bundleParts) files.push({ name: part.name, bytes: await fileBytes(document, part.format, stamp, runContentHash) });
  const bytes = await evidenceBundle(files, { ...stamp, runId: document.run.id, contentHash: runContentHash, auditEntry });
  return { bytes, fileName, contentType };
}
