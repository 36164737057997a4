import { Cron } from 'croner';
import type { Role } from '../accounts/roles.ts';
import type { AuditActor, AuditSink } from '../audit/types.ts';
import type { Graph } from '../cypher/run.ts';
import { dateTimeParam } from '../cypher/values.ts';
import { diffReportRuns, hasChanges } from './diff.ts';
import { ReportError } from './errors.ts';
import { addInboxItem } from './inbox.ts';
import { previousReportRun, runSavedQuery } from './runs.ts';
import { getSavedQuery, nameKeyOf } from './savedQueries.ts';
import type { Reader, ReportSettings } from './canonical.ts';
import { nextRunAfter } from './schedule.ts';
import type { ReportRunSummary, RunDiff, SavedQuery, Schedule } from './types.ts';

/**
 * Watches: saved queries the server re-runs on their schedule, putting what changed since the
 * previous run in the owner's inbox. The due time (`nextRunAt`) lives on the saved query in the
 * graph, so every server instance sees the same one; an instance runs a watch only under a lease
 * it took in one locked Cypher write (cypher/reports/watchClaimDue.cypher), so two instances
 * never run the same watch twice, and a lease left by an instance that died lapses by itself.
 * After a run the next one is the schedule's next slot after now: slots missed while no server
 * ran are made up by one run, not one per slot.
 */

const systemActor: AuditActor = { name: 'system', via: 'system', role: null };

const dateTimeOf = (date: Date) => dateTimeParam(date.toISOString());

/**
 * Schedules a saved query (or, with null, stops watching it): its owner only, on the version they
 * loaded (EDIT_CONFLICT otherwise, naming who changed it). The first run is the schedule's first
 * slot after `now`.
 */
export async function setSchedule(graph: Graph, owner: Reader, queryId: string, version: number, schedule: Schedule | null, now: Date = new Date()): Promise<SavedQuery> {
  const [row] = await graph.write<{ saved: boolean; version: number; updatedBy: string | null; updatedAt: string }>('reports/watchSetSchedule', {
    id: queryId,
    user: nameKeyOf(owner.name),
    expectedVersion: version,
    kind: schedule?.kind ?? null,
    cron: schedule?.cron ?? null,
    timezone: schedule?.timezone ?? null,
    nextRunAt: schedule ? dateTimeOf(nextRunAfter(schedule, now)) : null,
    now: dateTimeOf(now),
  });
  if (!row) {
    // Not the owner's: one it may see is refused as such, any other is not found (getSavedQuery says so).
    await getSavedQuery(graph, owner, queryId);
    throw new ReportError('FORBIDDEN', '只有查询的所有者可以设置计划 / only the owner schedules a saved query');
  }
  if (!row.saved) {
    throw new ReportError('EDIT_CONFLICT', `第 ${row.version} 版由 ${row.updatedBy} 保存 / version ${row.version} saved by ${row.updatedBy}`, {
      currentVersion: row.version,
      changedBy: row.updatedBy,
      changedAt: row.updatedAt,
    });
  }
  return getSavedQuery(graph, owner, queryId);
}

interface Claim {
  id: string;
  claimed: boolean;
  nextRunAt: string;
  kind: Schedule['kind'] | null;
  cron: string | null;
  timezone: string | null;
  ownerName: string | null;
  ownerRole: Role | null;
  ownerJurisdiction: string | null;
  ownerDisabled: boolean;
}

export interface WatchSchedulerOptions {
  /** Names this server instance in the leases it takes (host, process, start). */
  instanceId: string;
  /** Where each scheduled run is recorded, as `analysis` `watch:<queryId>` by `system`. */
  audit: AuditSink;
  clock?: () => Date;
  /** How long a claim holds without renewal: an instance that dies mid-run blocks its watch this long. */
  leaseMs?: number;
  /** Where a pass that could not run at all is reported (a lost database connection). */
  log?: (line: string) => void;
}

/** Five minutes: long enough that renewing it (every third of it) costs nothing, short enough that a crashed instance's watch is soon picked up. */
const DEFAULT_LEASE_MS = 5 * 60_000;

export class WatchScheduler {
  private readonly instanceId: string;
  private readonly audit: AuditSink;
  private readonly clock: () => Date;
  private readonly leaseMs: number;
  private readonly log: (line: string) => void;
  private job: Cron | null = null;
  private pass: Promise<void> | null = null;
  private stopping = false;

  constructor(
    private readonly graph: Graph,
    private readonly settings: ReportSettings,
    options: WatchSchedulerOptions,
  ) {
    this.instanceId = options.instanceId;
    this.audit = options.audit;
    this.clock = options.clock ?? (() => new Date());
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.log = options.log ?? ((line) => console.error(line));
  }

  /** Looks for due watches now — what was missed while no server ran — and then every minute. */
  start(): void {
    if (this.job) return;
    this.stopping = false;
    // unref: the HTTP server is what keeps the process alive; the scheduler never should.
    this.job = new Cron('* * * * *', { unref: true }, () => this.tick());
    void this.tick();
  }

  /** Stops ticking and waits for the watch being run, so the graph can be closed after it. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.job?.stop();
    this.job = null;
    await this.pass;
  }

  /** One pass at a time: a tick that finds the last one still running leaves the work to it. */
  private tick(): Promise<void> {
    if (this.pass) return this.pass;
    this.pass = this.runDue()
      .then(() => undefined)
      .catch((error: unknown) => this.log(`定时查询未能执行 / the watches could not run: ${(error as Error)?.stack ?? String(error)}`))
      .finally(() => {
        this.pass = null;
      });
    return this.pass;
  }

  /**
   * What one tick does: claims due watches one at a time and runs each, until none is left that
   * this instance may take. Returns the runs made. A watch that fails is audited as failed and
   * waits for its next slot; only a failure to reach the database at all rejects. Once `stop` is
   * called no further watch is claimed.
   */
  async runDue(now: Date = this.clock()): Promise<ReportRunSummary[]> {
    const seen: string[] = [];
    const runs: ReportRunSummary[] = [];
    while (!this.stopping) {
      const [claim] = await this.graph.write<Claim>('reports/watchClaimDue', {
        now: dateTimeOf(now),
        leaseUntil: dateTimeOf(new Date(now.getTime() + this.leaseMs)),
        instance: this.instanceId,
        skip: seen,
      });
      if (!claim) break;
      seen.push(claim.id);
      if (!claim.claimed) continue;
      const run = await this.runClaimed(claim, now);
      if (run) runs.push(run);
    }
    return runs;
  }

  private async runClaimed(claim: Claim, now: Date): Promise<ReportRunSummary | null> {
    const started = Date.now();
    const renewal = setInterval(() => {
      this.graph
        .write('reports/watchRenewLease', { id: claim.id, instance: this.instanceId, leaseUntil: dateTimeOf(new Date(this.clock().getTime() + this.leaseMs)) })
        .catch((error: unknown) => this.log(`定时查询租约未能续期 / a watch's lease could not be renewed: ${claim.id}: ${String(error)}`));
    }, Math.max(1000, Math.floor(this.leaseMs / 3)));
    renewal.unref();

    let outcome: 'ok' | 'denied' | 'failed' = 'ok';
    let detail: string;
    let run: ReportRunSummary | null = null;
    try {
      if (!claim.ownerName || !claim.ownerRole) {
        outcome = 'failed';
        detail = 'OWNER_NOT_FOUND';
      } else if (claim.ownerDisabled) {
        // A disabled account's watches wait: nobody would read what they found.
        outcome = 'denied';
        detail = 'OWNER_DISABLED';
      } else {
        // As a run from the web: the analyses default to the owner's jurisdiction, so a watch finds what its owner's own run would.
        const settings = { ...this.settings, jurisdiction: claim.ownerJurisdiction ?? this.settings.jurisdiction };
        const made = await runSavedQuery(this.graph, { name: claim.ownerName, role: claim.ownerRole, via: 'system' }, claim.id, 'schedule', settings);
        run = made;
        detail = await this.tellOwner(claim.ownerName, made);
      }
    } catch (error) {
      outcome = 'failed';
      const e = error as Error & { code?: unknown };
      // A run made before the comparison failed stays named in the audit entry (its runId).
      detail = typeof e?.code === 'string' ? `${e.code}: ${e.message}` : String(e?.message ?? error);
    } finally {
      clearInterval(renewal);
    }

    const next = this.nextSlot(claim, now);
    try {
      await this.graph.write('reports/watchFinish', {
        id: claim.id,
        instance: this.instanceId,
        claimedNextRunAt: dateTimeParam(claim.nextRunAt),
        nextRunAt: next ? dateTimeOf(next) : null,
      });
    } catch (error) {
      // The lease lapses by itself; the watch is then due again and runs once more.
      this.log(`定时查询未能记下下次运行 / a watch's next run could not be recorded: ${claim.id}: ${String(error)}`);
    }

    await this.audit
      .append({
        actor: systemActor,
        action: 'analysis',
        operation: `watch:${claim.id}`,
        outcome,
        params: { queryId: claim.id, owner: claim.ownerName, dueAt: claim.nextRunAt, runId: run?.id ?? null, nextRunAt: next?.toISOString() ?? null },
        resultCount: run?.findingCount ?? null,
        durationMs: Date.now() - started,
        detail: detail.slice(0, 500),
      })
      .catch((error: unknown) => this.log(`定时查询未能写入审计 / a watch's run could not be audited: ${claim.id}: ${String(error)}`));
    return run;
  }

  /** The schedule's next slot after this pass; null (the watch stops) for a schedule that no longer fires. */
  private nextSlot(claim: Claim, now: Date): Date | null {
    if (!claim.kind || !claim.cron || !claim.timezone) return null;
    try {
      return nextRunAfter({ kind: claim.kind, cron: claim.cron, timezone: claim.timezone }, now);
    } catch (error) {
      this.log(`定时查询的计划不再有效，已停止 / a watch's schedule no longer fires and was stopped: ${claim.id}: ${String(error)}`);
      return null;
    }
  }

  /** Compares the run with the one before it and, when anything changed, puts the diff in the owner's inbox. Returns the audit note. */
  private async tellOwner(owner: string, run: ReportRunSummary): Promise<string> {
    if (run.queryId === null) return 'no saved query';
    const [current, previous] = await Promise.all([previousReportRun(this.graph, run.queryId, run.number + 1), previousReportRun(this.graph, run.queryId, run.number)]);
    if (!previous || !current) return 'first run: nothing to compare with';
    const diff: RunDiff = await diffReportRuns(this.graph, { id: previous.summary.id, document: previous.document }, { id: current.summary.id, document: current.document });
    if (!hasChanges(diff)) return `no changes since run ${previous.summary.number}`;
    const itemId = await addInboxItem(this.graph, owner, { queryId: run.queryId, queryTitle: current.document.query.title, runId: run.id, diff }, this.clock());
    return itemId ? `changes since run ${previous.summary.number}: inbox item ${itemId}` : 'changes, but the owner account is gone';
  }
}
