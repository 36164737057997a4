import type { AnalysisSettings } from '../analyses/index.ts';
import type { Graph } from '../cypher/run.ts';
import type { Accounts } from '../accounts/accounts.ts';
import type { RequestIdentity } from './requestIdentity.ts';
import type { AuditTrail } from '../audit/trail.ts';
import type { Imports } from './uploads/imports.ts';

/** What the server is built from, once: the graph and the modules every request goes through. */
export interface ServerParts {
  graph: Graph;
  settings: AnalysisSettings;
  accounts: Accounts;
  audit: AuditTrail;
  /** Origins allowed to call the API from another site; empty means none (CORS off). */
  corsOrigins: string[];
  /** When true, a user may only query inside their own jurisdiction. */
  jurisdictionEnforced: boolean;
  /** Session cookies carry Secure (set when users reach the server through HTTPS). */
  secureCookies: boolean;
  /** Uploaded files and the imports the server runs from them (server/uploads/). */
  imports: Imports;
  /** The office named on the cover of printed reports (CHUANTOU_OFFICE); none when absent. */
  office?: string | null;
}

/**
 * What a resolver tells the audit plugin about the operation it ran, beyond what the plugin sees
 * itself: who tried to sign in, which analysis ran, what it found.
 */
export interface AuditNote {
  /** For operations without a session (signing in): the name that was tried. */
  actorName?: string;
  outcome?: 'ok' | 'denied' | 'failed';
  detail?: string;
  fullIdNumbersShown?: boolean;
}

/** What every resolver gets: the server's parts and who is asking (server/requestIdentity.ts). */
export interface ApiContext extends ServerParts, RequestIdentity {
  /** The Fetch request (its cookieStore sets and clears the session cookie). */
  request: Request;
  auditNote: AuditNote;
}
