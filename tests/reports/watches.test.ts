import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Accounts } from '../../accounts/accounts.ts';
import type { AuditEntry, AuditRecord, AuditSink } from '../../audit/types.ts';
import type { Graph } from '../../cypher/run.ts';
import type { Reader, ReportSettings } from '../../reports/canonical.ts';
import { ReportError } from '../../reports/errors.ts';
import { listInbox, markInboxItemRead } from '../../reports/inbox.ts';
import { listReportRuns } from '../../reports/runs.ts';
import { createSavedQuery, getSavedQuery, shareSavedQuery } from '../../reports/savedQueries.ts';
import { nextRunAfter, scheduleOf } from '../../reports/schedule.ts';
import type { SavedQuery, Schedule } from '../../reports/types.ts';
import { setSchedule, WatchScheduler } from '../../reports/watches.ts';
import { loadFixtures } from '../support/fixtures.ts';
import { TEST_SETTINGS } from '../support/graph.ts';
import { ensureTestUser } from '../support/server.ts';

/**
 * Watches (reports/watches.ts): saved queries the server re-runs on schedule, on the network
 * fixture (tests/fixtures/analyses/paths/README.md). The watch asks for the beneficial owners of
 * 测试径乙 (B); tests/fixtures/watches/shareMoved.cypher then moves 径人二's stake in B from 15%
 * to 30%. An investigator owns the watches; a colleague is shared one and must still get nothing
 * in their inbox.
 */

const B = '91320100MA1TP0002R';
const settings: ReportSettings = { ...TEST_SETTINGS, office: null };
const owner: Reader = { name: 'watch-owner', role: 'investigator' };
const colleague: Reader = { name: 'watch-colleague', role: 'investigator' };
const HOUR = 3600_000;
const DAY = 24 * HOUR;

let graph: Graph;

/** An audit sink that keeps what it is given, to see what the scheduler recorded. */
class RecordingAudit implements AuditSink {
  readonly records: AuditRecord[] = [];
  async append(record: AuditRecord): Promise<AuditEntry> {
    this.records.push(record);
    return { ...record, seq: this.records.length, at: new Date().toISOString(), hmac: '' };
  }
  of(queryId: string): AuditRecord[] {
    return this.records.filter((r) => r.operation === `watch:${queryId}`);
  }
}

function scheduler(instanceId: string, audit: AuditSink): WatchScheduler {
  return new WatchScheduler(graph, settings, { instanceId, audit, log: (line) => expect.fail(line) });
}

/** A watch on B's beneficial owners, scheduled as of `scheduledAt` (its first run is the slot after). */
async function watch(title: string, schedule: Schedule, scheduledAt: Date): Promise<SavedQuery> {
  const query = await createSavedQuery(graph, owner, { title, analysis: 'beneficial-owners', params: { firm: B } });
  return setSchedule(graph, owner, query.id, query.version, schedule, scheduledAt);
}

async function runCount(queryId: string): Promise<number> {
  return (await listReportRuns(graph, owner, queryId, { first: 100, after: null })).nodes.length;
}

async function lease(queryId: string): Promise<{ leaseOwner: string | null; leaseUntil: unknown }> {
  const { records } = await graph.driver.executeQuery('MATCH (q:SavedQuery {id: $id}) RETURN q.leaseOwner AS leaseOwner, q.leaseUntil AS leaseUntil', { id: queryId });
  return records[0]!.toObject() as { leaseOwner: string | null; leaseUntil: unknown };
}

async function refusal(work: Promise<unknown>): Promise<ReportError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReportError);
  return error as ReportError;
}

const fieldsOf = (error: ReportError) => (error.detail as { fields: { field: string }[] }).fields.map((f) => f.field);

beforeAll(async () => {
  graph = await loadFixtures(path.resolve('tests/fixtures/analyses/paths'), ['registrations', 'shareholders']);
  const accounts = new Accounts(graph);
  for (const user of [owner, colleague]) await ensureTestUser(accounts, user.role, { name: user.name });
});
afterAll(async () => {
  await graph?.close();
});

describe('schedules', () => {
  it('resolve the presets to 06:00 in Asia/Shanghai and refuse a bad cron expression or zone with BAD_INPUT', async () => {
    expect(scheduleOf({ kind: 'daily' })).toEqual({ kind: 'daily', cron: '0 6 * * *', timezone: 'Asia/Shanghai' });
    expect(scheduleOf({ kind: 'weekly', timezone: null })).toEqual({ kind: 'weekly', cron: '0 6 * * 1', timezone: 'Asia/Shanghai' });
    expect(scheduleOf({ kind: 'monthly', timezone: 'europe/berlin' })).toEqual({ kind: 'monthly', cron: '0 6 1 * *', timezone: 'Europe/Berlin' });
    expect(scheduleOf({ kind: 'cron', cron: ' 30  8 * * 1-5 ' })).toEqual({ kind: 'cron', cron: '30 8 * * 1-5', timezone: 'Asia/Shanghai' });
    // 06:00 in Shanghai (UTC+8) is 22:00 UTC the day before; Monday 7 December 2026 → Tuesday's.
    expect(nextRunAfter(scheduleOf({ kind: 'daily' }), new Date('2026-12-07T22:00:00Z')).toISOString()).toBe('2026-12-08T22:00:00.000Z');
    expect(nextRunAfter(scheduleOf({ kind: 'weekly' }), new Date('2026-12-07T12:00:00Z')).toISOString()).toBe('2026-12-13T22:00:00.000Z');
    expect(nextRunAfter(scheduleOf({ kind: 'monthly' }), new Date('2026-12-07T12:00:00Z')).toISOString()).toBe('2026-12-31T22:00:00.000Z');

    const bad: [Parameters<typeof scheduleOf>[0], string][] = [
      [{ kind: 'cron', cron: 'every day' }, 'schedule.cron'],
      [{ kind: 'cron', cron: '61 * * * *' }, 'schedule.cron'],
      [{ kind: 'cron', cron: '0 0 6 * * *' }, 'schedule.cron'], // seconds: the scheduler looks once a minute
      [{ kind: 'cron', cron: '0 6 30 2 *' }, 'schedule.cron'], // 30 February never comes
      [{ kind: 'cron', cron: null }, 'schedule.cron'],
      [{ kind: 'daily', cron: '0 7 * * *' }, 'schedule.cron'],
      [{ kind: 'daily', timezone: 'Mars/Olympus' }, 'schedule.timezone'],
      [{ kind: 'daily', timezone: '+08:00' }, 'schedule.timezone'],
      [{ kind: 'hourly' as Schedule['kind'] }, 'schedule.kind'],
    ];
    for (const [input, field] of bad) {
      const error = await refusal(Promise.resolve().then(() => scheduleOf(input)));
      expect(error.code).toBe('BAD_INPUT');
      expect(fieldsOf(error)).toEqual([field]);
    }
  });

  it('are set by the owner only, on the version they loaded, with the first run at the next slot', async () => {
    const query = await createSavedQuery(graph, owner, { title: '乙的受益所有人', analysis: 'beneficial-owners', params: { firm: B } });
    await shareSavedQuery(graph, owner, query.id, { roles: [], users: [colleague.name] });
    const at = new Date('2026-12-07T12:00:00Z');
    const scheduled = await setSchedule(graph, owner, query.id, 2, scheduleOf({ kind: 'daily' }), at);
    expect(scheduled).toMatchObject({ version: 3, schedule: { kind: 'daily', cron: '0 6 * * *', timezone: 'Asia/Shanghai' } });
    expect(new Date(scheduled.nextRunAt!).toISOString()).toBe('2026-12-07T22:00:00.000Z');

    expect((await refusal(setSchedule(graph, owner, query.id, 2, null, at))).code).toBe('EDIT_CONFLICT');
    expect((await refusal(setSchedule(graph, colleague, query.id, 3, null, at))).code).toBe('FORBIDDEN');
    expect((await refusal(setSchedule(graph, { name: 'watch-stranger', role: 'investigator' }, query.id, 3, null, at))).code).toBe('NOT_FOUND');

    const unscheduled = await setSchedule(graph, owner, query.id, 3, null, at);
    expect(unscheduled).toMatchObject({ version: 4, schedule: null, nextRunAt: null });
  });
});

describe('the scheduler', () => {
  it('runs a due watch once when two instances look at the same time, and releases the lease', async () => {
    const now = new Date();
    const query = await watch('两个实例', scheduleOf({ kind: 'daily' }), new Date(now.getTime() - 2 * DAY));
    const audit = new RecordingAudit();
    const [first, second] = await Promise.all([scheduler('instance-a', audit).runDue(now), scheduler('instance-b', audit).runDue(now)]);

    expect(first.length + second.length).toBe(1);
    expect(await runCount(query.id)).toBe(1);
    expect(await lease(query.id)).toEqual({ leaseOwner: null, leaseUntil: null });
    const after = await getSavedQuery(graph, owner, query.id);
    expect(new Date(after.nextRunAt!).getTime()).toBe(nextRunAfter(after.schedule!, now).getTime());
    expect(audit.of(query.id)).toMatchObject([
      { actor: { name: 'system', via: 'system', role: null }, action: 'analysis', outcome: 'ok', detail: expect.stringMatching(/^first run/) },
    ]);
    // Due no more: a third look finds nothing to do.
    expect(await scheduler('instance-c', audit).runDue(now)).toEqual([]);
  });

  it('runs a watch that came due three slots ago once on start, and its next run moves past now', async () => {
    const query = await watch('停机期间到期', scheduleOf({ kind: 'cron', cron: '0 * * * *' }), new Date(Date.now() - 3 * HOUR - 60_000));
    expect(new Date(query.nextRunAt!).getTime()).toBeLessThan(Date.now() - 2 * HOUR);
    const audit = new RecordingAudit();
    const watches = scheduler('instance-start', audit);
    watches.start();
    await expect.poll(() => audit.of(query.id).length, { timeout: 15_000, interval: 100 }).toBe(1);
    await watches.stop();

    expect(await runCount(query.id)).toBe(1);
    const after = await getSavedQuery(graph, owner, query.id);
    expect(new Date(after.nextRunAt!).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(after.nextRunAt!).getTime()).toBeLessThanOrEqual(Date.now() + HOUR);
    expect(audit.of(query.id)).toMatchObject([{ outcome: 'ok' }]);
  });

  it('audits a failing run as failed, keeps going and tries again at the next slot', async () => {
    const now = new Date();
    const query = await watch('会失败的查询', scheduleOf({ kind: 'daily' }), new Date(now.getTime() - 2 * DAY));
    // A query whose analysis no longer exists (as after an upgrade that renamed it): its run is refused.
    await graph.driver.executeQuery(`MATCH (q:SavedQuery {id: $id}) SET q.analysis = 'retired-analysis'`, { id: query.id });
    const audit = new RecordingAudit();
    expect(await scheduler('instance-fail', audit).runDue(now)).toEqual([]);

    expect(audit.of(query.id)).toMatchObject([{ outcome: 'failed', detail: expect.stringMatching(/^BAD_INPUT/) }]);
    const after = await getSavedQuery(graph, owner, query.id);
    expect(new Date(after.nextRunAt!).getTime()).toBe(nextRunAfter(after.schedule!, now).getTime());
    expect(await lease(query.id)).toEqual({ leaseOwner: null, leaseUntil: null });
  });
});

describe('the inbox', () => {
  it("gets one item with the diff when a run finds a change, only in the owner's inbox, and none for a run without changes", async () => {
    const start = new Date();
    const query = await watch('乙的受益所有人（监视）', scheduleOf({ kind: 'daily' }), new Date(start.getTime() - 2 * DAY));
    await shareSavedQuery(graph, owner, query.id, { roles: [], users: [colleague.name] });
    const audit = new RecordingAudit();
    const watches = scheduler('instance-inbox', audit);
    /** The scheduler's pass at the watch's next due time, as the clock would bring it. */
    const runWhenDue = async () => {
      const due = new Date((await getSavedQuery(graph, owner, query.id)).nextRunAt!);
      const runs = await watches.runDue(new Date(due.getTime() + 1000));
      expect(runs.map((r) => r.queryId)).toContain(query.id);
      return runs.find((r) => r.queryId === query.id)!;
    };
    const inboxOf = async (reader: Reader) => (await listInbox(graph, reader, { first: 10, after: null })).nodes.filter((i) => i.queryId === query.id);

    await watches.runDue(start);
    await runWhenDue();
    expect(await inboxOf(owner)).toEqual([]);
    expect(audit.of(query.id).map((r) => r.detail)).toEqual([expect.stringMatching(/^first run/), expect.stringMatching(/^no changes/)]);

    await graph.driver.executeQuery(fs.readFileSync(path.resolve('tests/fixtures/watches/shareMoved.cypher'), 'utf8'));
    const changed = await runWhenDue();

    const [item, ...more] = await inboxOf(owner);
    expect(more).toEqual([]);
    expect(item).toMatchObject({ queryTitle: '乙的受益所有人（监视）', runId: changed.id, readAt: null, diff: { toRunId: changed.id } });
    // What moved, in investigators' terms: 径人二 up across 25%, 测试径丙 down across 50%.
    expect(item!.diff).toMatchObject({ newFindings: [], goneFindings: [], unchangedCount: 1 });
    const changes = item!.diff.changedFindings.map((f) => [f.subject.name, f.changes.map((c) => [c.code, c.before, c.after])]);
    expect(changes.sort()).toEqual([
      ['径人二', [['CONTROL_CROSSED_25', 0.15, 0.3]]],
      ['测试径丙有限公司', [['CONTROL_CROSSED_50', 0.6, 0.45]]],
    ].sort());
    expect(await inboxOf(colleague)).toEqual([]);
    expect((await refusal(markInboxItemRead(graph, colleague, item!.id))).code).toBe('NOT_FOUND');

    const read = await markInboxItemRead(graph, owner, item!.id);
    expect(read.readAt).not.toBeNull();
    expect((await listInbox(graph, owner, { first: 10, after: null }, true)).nodes.map((i) => i.id)).not.toContain(item!.id);

    // Once more without a change: nothing new arrives.
    await runWhenDue();
    expect((await inboxOf(owner)).map((i) => i.id)).toEqual([item!.id]);
  });
});
