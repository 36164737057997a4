import { Cron } from 'croner';
import { badInput } from './errors.ts';
import type { Schedule } from './types.ts';

/**
 * When a watch re-runs: a preset (daily, weekly, monthly, each at 06:00 — before the working day,
 * so the inbox is ready when investigators arrive) or a five-field cron expression, read in an
 * IANA time zone (Asia/Shanghai unless given). Parsed and stepped by `croner`, the scheduler the
 * server ticks with, so what is accepted here is exactly what will run.
 */

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

export const presetCron: Record<Exclude<Schedule['kind'], 'cron'>, string> = {
  daily: '0 6 * * *',
  weekly: '0 6 * * 1',
  monthly: '0 6 1 * *',
};

const scheduleKinds: readonly Schedule['kind'][] = ['daily', 'weekly', 'monthly', 'cron'];

/** The canonical IANA name of a zone (`asia/shanghai` → `Asia/Shanghai`), or null for a name Intl does not know. */
function canonicalZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * Five fields only: the scheduler looks once a minute, so a seconds field would promise a
 * precision it cannot keep, and a year field would let a watch quietly stop for good.
 */
function cronJob(cron: string, timezone: string): Cron {
  return new Cron(cron, { timezone, mode: '5-part', paused: true });
}

/** A checked schedule: presets resolved to their cron expression, the zone given its canonical name. */
export function scheduleOf(input: { kind: Schedule['kind']; cron?: string | null; timezone?: string | null }): Schedule {
  if (!scheduleKinds.includes(input.kind)) {
    throw badInput([{ field: 'schedule.kind', message: `计划类型应为 daily、weekly、monthly 或 cron / the schedule kind must be daily, weekly, monthly or cron: ${String(input.kind)}` }]);
  }
  const givenZone = input.timezone?.trim() || DEFAULT_TIMEZONE;
  const timezone = canonicalZone(givenZone);
  if (timezone === null) {
    throw badInput([{ field: 'schedule.timezone', message: `未知的时区（应为 IANA 名称，如 Asia/Shanghai）/ unknown time zone (an IANA name such as Asia/Shanghai): ${givenZone}` }]);
  }
  const givenCron = input.cron?.trim().split(/\s+/).join(' ') || null;
  let cron: string;
  if (input.kind === 'cron') {
    if (givenCron === null) throw badInput([{ field: 'schedule.cron', message: '自定义计划须给出 cron 表达式 / a cron schedule needs a cron expression' }]);
    cron = givenCron;
  } else {
    cron = presetCron[input.kind];
    // A preset with another expression beside it is a contradiction, not a choice to guess at.
    if (givenCron !== null && givenCron !== cron) {
      throw badInput([{ field: 'schedule.cron', message: `预设计划 ${input.kind} 即 "${cron}"，不能另给 cron 表达式 / the preset ${input.kind} is "${cron}": give kind cron for another expression` }]);
    }
  }
  let next: Date | null;
  try {
    next = cronJob(cron, timezone).nextRun(new Date());
  } catch (error) {
    throw badInput([{ field: 'schedule.cron', message: `cron 表达式无效（应为 5 段：分 时 日 月 周）/ not a valid cron expression (five fields: minute hour day month weekday): ${cron}: ${(error as Error).message}` }]);
  }
  if (next === null) throw badInput([{ field: 'schedule.cron', message: `该 cron 表达式永不触发 / this cron expression never fires: ${cron}` }]);
  return { kind: input.kind, cron, timezone };
}

/** The first time the schedule fires strictly after `after`. */
export function nextRunAfter(schedule: Schedule, after: Date): Date {
  const next = cronJob(schedule.cron, schedule.timezone).nextRun(after);
  if (next === null) throw badInput([{ field: 'schedule.cron', message: `该计划不再触发 / this schedule no longer fires: ${schedule.cron}` }]);
  return next;
}
