import type { Role } from '../accounts/roles.ts';
import type { EntityRef } from '../analyses/envelope.ts';
import type { RunTrigger } from '../exporters/document.ts';

/**
 * The shapes the reports layer hands to its two doors (the server and the CLI): saved queries,
 * their runs, the difference between two runs and the inbox a watch fills. Stored in the graph as
 * `SavedQuery`, `ReportRun` and `InboxItem` nodes (cypher/reports/), joined to users by name key
 * and to the imported data by nothing: a run carries its whole report document.
 *
 * Times leave as ISO 8601 strings.
 */

export interface ReportUser {
  /** Account name, or "cli:<os user>" for the command line. */
  name: string;
  displayName: string;
}

/** Who besides the owner may see a saved query and its runs: every user of a role, and named users. */
export interface SharedWith {
  roles: Role[];
  users: ReportUser[];
}

/** When a watch re-runs: a preset or a cron expression, in a time zone (IANA, default Asia/Shanghai). */
export interface Schedule {
  kind: 'daily' | 'weekly' | 'monthly' | 'cron';
  /** The cron expression the kind stands for (presets resolved: daily = "0 6 * * *" …). */
  cron: string;
  timezone: string;
}

export interface SavedQuery {
  id: string;
  title: string;
  description: string | null;
  analysis: string;
  /** Parameters as the user gave them (defaults are filled in by each run, and recorded there). */
  params: Record<string, unknown>;
  owner: ReportUser;
  sharedWith: SharedWith;
  /** The case (专案) the query belongs to, if any. */
  caseId: string | null;
  schedule: Schedule | null;
  /** When the watch is next due; null when not scheduled. */
  nextRunAt: string | null;
  /** Raised by every change; a change made on a stale version is refused (EDIT_CONFLICT). */
  version: number;
  createdAt: string;
  updatedAt: string;
  lastRun: ReportRunSummary | null;
}

export interface ReportRunSummary {
  id: string;
  queryId: string | null;
  /** 1 for the query's first run. */
  number: number;
  ranAt: string;
  ranBy: string;
  trigger: RunTrigger;
  findingCount: number;
  exhaustive: boolean;
  /** SHA-256 (hex) of the report document's canonical JSON (RFC 8785). */
  contentHash: string;
}

/**
 * What changed for one finding, in investigators' terms. Codes:
 * - CONTROL_CROSSED_25 / CONTROL_CROSSED_50: an effective share moved across 25% or 50% (either way)
 * - NEWLY_FLAGGED: a firm on the finding's evidence is newly on a list (涉案 / flagged)
 * - NEW_LOCAL_MEMBER: an out-of-province venue has a new local member or agent
 * - NEW_PATH: a path between two parties that was not there
 * - OWNER_REPLACED: a beneficial owner or controller gone and another arrived
 * - SCORE_CHANGED: the ranking figure moved without crossing a threshold
 * - FACTS_CHANGED: another figure of the row changed (named in `field`)
 * - EVIDENCE_CHANGED: the same figures on different chains
 */
export const changeCodes = [
  'CONTROL_CROSSED_25',
  'CONTROL_CROSSED_50',
  'NEWLY_FLAGGED',
  'NEW_LOCAL_MEMBER',
  'NEW_PATH',
  'OWNER_REPLACED',
  'SCORE_CHANGED',
  'FACTS_CHANGED',
  'EVIDENCE_CHANGED',
] as const;
export type ChangeCode = (typeof changeCodes)[number];

export interface FindingChange {
  code: ChangeCode;
  /** The fact or entity the change is about (a fact name, an entity key). */
  field: string | null;
  before: string | number | boolean | null;
  after: string | number | boolean | null;
  /** One sentence, 中文 / English. */
  text: string;
}

export interface RunDiff {
  fromRunId: string;
  toRunId: string;
  newFindings: EntityRef[];
  goneFindings: EntityRef[];
  changedFindings: { subject: EntityRef; changes: FindingChange[] }[];
  unchangedCount: number;
  /** Keys of the earlier run that now answer as another key (a person merged by an import): not gone, not new. */
  resolvedAliases: { from: string; to: string }[];
}

export interface InboxItem {
  id: string;
  queryId: string;
  queryTitle: string;
  runId: string;
  createdAt: string;
  readAt: string | null;
  diff: RunDiff;
}
