import { z } from 'zod';
import { parseDate, percentText } from '../../model/values.ts';
import type { PassContext, PassFinding, RunPass } from './index.ts';

/**
 * A shareholder or officer table declared a snapshot (`import --snapshot 2024-06-30`, or a column
 * such as 快照日期 / 数据日期 giving the date per row) lists every holder and every role of the firms
 * it names as of that date. For each firm it names, a holding or role it does not repeat — still
 * open on that date — is closed at the date (validTo, exclusive: as of the date it is gone); firms
 * it does not name are left alone. Each closure is listed in the run's report (SNAPSHOT_CLOSED)
 * with the firm, the holder or role and the date; retracting the run reopens them.
 */

/** The rows of a part (from…to, both included) and the day they are a snapshot of. */
export interface SnapshotRange {
  from: number;
  to: number;
  date: string;
}

/** What a snapshot part of a shareholder or officer file closes. */
const closedTypes: Record<string, string[]> = {
  shareholders: ['HOLDS_SHARES'],
  // The legal representative only where the firm's rows name one (officers.ts: a 法定代表人 role).
  officers: ['OFFICER_OF', 'LEGAL_REPRESENTATIVE_OF'],
};

export const snapshotKinds = Object.keys(closedTypes);

export class SnapshotDateError extends Error {
  readonly code = 'SNAPSHOT_DATE_INVALID';
}

const snapshotDateSchema = z.string().transform((text, ctx) => {
  const iso = parseDate(text);
  if (iso === null) ctx.addIssue({ code: 'custom', message: 'not a date' });
  else if (iso > new Date().toISOString().slice(0, 10)) ctx.addIssue({ code: 'custom', message: 'in the future' });
  return iso ?? '';
});

/** `--snapshot` as given ('2024-06-30', '2024/6/30', '2024年6月30日') → 'YYYY-MM-DD', or a clear error. */
export function snapshotDate(text: string): string {
  const parsed = snapshotDateSchema.safeParse(text);
  if (parsed.success) return parsed.data;
  const future = parsed.error.issues.some((i) => i.message === 'in the future');
  throw new SnapshotDateError(
    future
      ? `快照日期 ${text} 晚于今天：快照是某一天已有的股东和人员名单 / the snapshot date ${text} is after today: a snapshot lists the holders and officers of a day that has come`
      : `快照日期无法识别：“${text}”，请写作 2024-06-30 / the snapshot date "${text}" is not a date; write it as 2024-06-30`,
  );
}

/**
 * The snapshot day of each row of a part, collected while the rows are read (also those before a
 * resumed run's checkpoint, so the pass knows every row of the part) as ranges of rows.
 */
export class SnapshotRows {
  private readonly list: SnapshotRange[] = [];

  /**
   * @param column the part's snapshot-date column, if it has one
   * @param fallback the `--snapshot` date, for rows whose cell is blank
   */
  constructor(
    private readonly column: number | undefined,
    private readonly fallback: string | null,
  ) {}

  /** For a part of a snapshot kind with a date from the settings or a column; else null. */
  static of(kind: string, columns: Map<string, number>, fallback: string | null | undefined): SnapshotRows | null {
    if (!snapshotKinds.includes(kind)) return null;
    const column = columns.get('snapshotDate');
    return column === undefined && !fallback ? null : new SnapshotRows(column, fallback ?? null);
  }

  /** Notes the row's date; 'invalid' when its cell holds something that is no date (the row is then no snapshot row). */
  note(row: number, cells: string[]): 'invalid' | null {
    const text = this.column === undefined ? '' : (cells[this.column] ?? '').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    const parsed = text ? parseDate(text) : null;
    const date = text ? parsed : this.fallback;
    if (date) {
      const last = this.list.at(-1);
      if (last && last.date === date && last.to === row - 1) last.to = row;
      else this.list.push({ from: row, to: row, date });
    }
    return text && !parsed ? 'invalid' : null;
  }

  ranges(): SnapshotRange[] {
    return this.list;
  }
}

interface Closure {
  firmKey: string;
  firmName: string;
  type: 'HOLDS_SHARES' | 'OFFICER_OF' | 'LEGAL_REPRESENTATIVE_OF';
  holderName: string;
  role: string | null;
  ratio: number | null;
  date: string;
  prov: string;
}

function finding(c: Closure, partName: string): PassFinding {
  if (c.type === 'HOLDS_SHARES') {
    const held = c.ratio === null ? '' : `（${percentText(c.ratio)}）`;
    return {
      code: 'SNAPSHOT_CLOSED',
      prov: c.prov,
      column: '股东 / holder',
      value: c.holderName,
      detail:
        `${c.firmName}（${c.firmKey}）的股东 ${c.holderName}${held} 未列于 ${partName} 截至 ${c.date} 的股东名单，持股于 ${c.date} 结束` +
        ` / ${c.holderName}${c.ratio === null ? '' : ` (${percentText(c.ratio)})`} is not among the holders of ${c.firmName} (${c.firmKey}) that ${partName} lists as of ${c.date}: the holding ends on ${c.date}`,
    };
  }
  const role = c.type === 'LEGAL_REPRESENTATIVE_OF' ? '法定代表人' : (c.role ?? '');
  return {
    code: 'SNAPSHOT_CLOSED',
    prov: c.prov,
    column: '职务 / role',
    value: `${c.holderName} ${role}`,
    detail:
      `${c.firmName}（${c.firmKey}）的 ${c.holderName} 担任 ${role} 未列于 ${partName} 截至 ${c.date} 的人员名单，任职于 ${c.date} 结束` +
      ` / ${c.holderName} as ${role} of ${c.firmName} (${c.firmKey}) is not among the officers that ${partName} lists as of ${c.date}: the office ends on ${c.date}`,
  };
}

/** Rows of every part without a date column: one range over all of them. */
const ALL_ROWS = 2 ** 31 - 1;

export const snapshotsPass: RunPass = {
  name: 'snapshots',
  async run(graph, ctx: PassContext) {
    const findings: PassFinding[] = [];
    for (const [kind, types] of Object.entries(closedTypes)) {
      const parts = ctx.parts
        .filter((part) => part.kind === kind)
        .map((part) => ({
          name: part.name,
          prefix: `${ctx.prefix}${part.fileNo}:${part.sheet ? `${part.sheet}!` : ''}`,
          ranges: part.snapshotRows ?? (part.snapshot ? [{ from: 0, to: ALL_ROWS, date: part.snapshot }] : []),
        }))
        .filter((part) => part.ranges.length > 0);
      if (parts.length === 0) continue;
      const closures = await graph.writeInBatches<Closure>('passes/snapshotClose', {
        parts: parts.map(({ prefix, ranges }) => ({ prefix, ranges: ranges.map((r) => ({ from: r.from, to: r.to, date: r.date })) })),
        types,
        runId: ctx.runId,
      });
      const names = [...new Set(parts.map((p) => p.name))].join('、');
      findings.push(...closures.map((c) => finding(c, names)));
    }
    return { findings };
  },
};
