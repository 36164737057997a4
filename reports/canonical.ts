import crypto from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Role } from '../accounts/roles.ts';
import type { AnalysisSettings } from '../analyses/index.ts';
import type { ReportDocument } from '../exporters/document.ts';

/**
 * A report run's content as one exact text: RFC 8785 canonical JSON (keys sorted, numbers and
 * strings in one spelling), so the SHA-256 of a document is the same wherever it is computed —
 * here when the run is stored, when it is opened again, and by anyone checking an exported copy.
 */

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('nothing to serialise: the value is undefined');
  return text;
}

/** SHA-256 (hex) of the document's canonical JSON. */
export function contentHash(document: ReportDocument): string {
  return sha256Hex(canonicalJson(document));
}

export function sha256Hex(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Who reads: an account name ("cli:<os user>" for the CLI) and the role it acts in. */
export interface Reader {
  name: string;
  role: Role;
}

/** Who runs a report, and through which door ("system": the watch scheduler, on the owner's behalf). */
export interface Runner extends Reader {
  via: 'web' | 'cli' | 'system';
}

/** What the deployment configures for report runs: the analyses' settings and the office on the cover (CHUANTOU_OFFICE). */
export interface ReportSettings extends AnalysisSettings {
  office: string | null;
}
