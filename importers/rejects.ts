import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';

/**
 * The catalogue of reasons a row (or one value in it) is not taken as given. A clerk reads the
 * rejects file, so every code has a sentence in Chinese and English saying what to fix.
 * `reject` drops the row; `flag` keeps the row and records what was set aside or marked;
 * `inference` keeps the row and says what the importer decided that the row did not say itself
 * (a reading of an ambiguous value, a name resolved to a person, a holding closed by a snapshot).
 */
export const rejectCodes = {
  USCC_CHECK_FAILED: {
    severity: 'reject',
    zh: '统一社会信用代码校验位错误（GB 32100），无法确定企业身份，请核对代码',
    en: 'the USCC check character is wrong (GB 32100), so the firm cannot be keyed; check the code',
  },
  USCC_MALFORMED: {
    severity: 'reject',
    zh: '统一社会信用代码应为18位且只含规定字符（不含 I、O、Z、S、V）',
    en: 'a USCC has 18 characters from the GB 32100 alphabet (no I, O, Z, S, V)',
  },
  FIRM_NAME_MISSING: {
    severity: 'reject',
    zh: '企业名称为空，且没有可用的统一社会信用代码或注册号',
    en: 'the firm has no name and no usable USCC or registration number',
  },
  HOLDER_NAME_MISSING: {
    severity: 'reject',
    zh: '股东名称为空',
    en: 'the shareholder name is empty',
  },
  RATIO_INVALID: {
    severity: 'reject',
    zh: '持股比例无法识别或超出 0–100%',
    en: 'the holding ratio cannot be read or is outside 0–100%',
  },
  RATIO_AMBIGUOUS: {
    severity: 'inference',
    zh: '持股比例为不带单位的 1 以下数字，可读作百分数也可读作小数；按该企业持股合计 100% 的读法判断，无法判断时按本列（本文件）惯例',
    en: 'the ratio is a bare number ≤ 1, a percent or a fraction; read so that the firm’s holdings sum to 100%, else by the column’s (file’s) convention',
  },
  RATIO_DERIVED: {
    severity: 'inference',
    zh: '未给持股比例，已按认缴出资额除以注册资本（与之不符或缺失时除以各股东认缴合计）推算',
    en: 'no ratio was given; derived as the subscribed amount over the registered capital (over all holders’ subscribed total where they differ or it is missing)',
  },
  // Found over the graph after the rows, like the two above, not in one row's cells (no row is at
  // fault on its own); what follows from it is inferred: ownership is computed on the holdings
  // scaled to 100% (analyses/integratedOwnership.ts).
  HOLDINGS_OVER_100: {
    severity: 'inference',
    zh: '该企业现有股东持股合计明显超过 100%（可能重复登记或新旧股东并存），穿透计算时按比例折算为 100%；请核对来源',
    en: 'the firm’s current holdings sum to clearly more than 100% (a holder listed twice, or old and new holders both current); ownership is computed on them scaled to 100%; check the sources',
  },
  REFERENCED_ID_INVALID: {
    severity: 'flag',
    zh: '所引用主体的证照号码校验不通过，已按名称匹配并标记为无效号码',
    en: 'the referenced party’s identifier fails its check; matched by name and marked invalid',
  },
  DATE_INVALID: {
    severity: 'flag',
    zh: '日期无法识别，该值未导入（行其余内容已导入）',
    en: 'the date cannot be read; the value was left out (the rest of the row was imported)',
  },
  MONEY_INVALID: {
    severity: 'flag',
    zh: '金额无法识别，该值未导入（行其余内容已导入）',
    en: 'the amount cannot be read; the value was left out (the rest of the row was imported)',
  },
  PERSON_NAME_MISSING: {
    severity: 'reject',
    zh: '人员姓名为空',
    en: 'the person’s name is empty',
  },
  PARTY_NAME_MISSING: {
    severity: 'reject',
    zh: '关系的主体或对象名称为空',
    en: 'the subject or object of the relation has no name',
  },
  PERSON_UNIDENTIFIED: {
    severity: 'reject',
    zh: '人员没有完整有效的身份证号码，无法与同名者区分，为免错误归属未导入',
    en: 'the person has no full valid ID number and cannot be told from a same-name stranger; not imported to avoid a wrong attribution',
  },
  CHANGE_ITEM_MISSING: {
    severity: 'reject',
    zh: '变更事项为空',
    en: 'the change record does not say what changed',
  },
  LIST_TYPE_MISSING: {
    severity: 'reject',
    zh: '名单类型为空',
    en: 'the list type is empty',
  },
  LIST_SUBJECT_MISSING: {
    severity: 'reject',
    zh: '名单行既无企业代码或名称，也无人员姓名',
    en: 'the list row names neither a firm (code or name) nor a person',
  },
  // A flag, not an inference: the importer decided nothing (the type is stored as written and no
  // screen counts it); a person has to say what the spelling means. The run's report lists each
  // unknown spelling once with its rows (ImportSummary.unknownListTypes).
  LIST_TYPE_UNKNOWN: {
    severity: 'flag',
    tally: true,
    zh: '名单类型不在名单类型词表中：已按原写法导入，但任何分析都不把它计为涉案；请在名单类型文件中把该写法映射到标准类型（列：写法,类型），用 import --list-types 文件 导入',
    en: 'the list type is not in the list-type vocabulary: imported as written, but no screen counts it as a flag; map the spelling to a canonical type in a list-types file (columns 写法,类型 — spelling,type) and import with --list-types FILE',
  },
  RELATION_TYPE_UNKNOWN: {
    severity: 'reject',
    zh: '关系类型无法识别（支持：协议控制、代持、表决权委托、一致行动、亲属等；亲属关系双方须为人员）',
    en: 'unknown relation type (agreement control, nominee, voting entrustment, acting in concert, family ties; family ties are between persons)',
  },
  RELATION_OBJECT_NOT_FIRM: {
    severity: 'reject',
    zh: '控制类关系的对象应为企业',
    en: 'the object of a control relation must be a firm',
  },
  NUMBER_INVALID: {
    severity: 'flag',
    zh: '数字无法识别，该值未导入（行其余内容已导入）',
    en: 'the number cannot be read; the value was left out (the rest of the row was imported)',
  },
  YES_NO_INVALID: {
    severity: 'flag',
    zh: '应填“是”或“否”，该值未导入（行其余内容已导入）',
    en: 'expected yes or no (是/否); the value was left out (the rest of the row was imported)',
  },
  BODS_STATEMENT_INVALID: {
    severity: 'reject',
    zh: 'BODS 声明不符合数据标准（缺少必填字段或取值无效），该声明未导入',
    en: 'the BODS statement does not conform to the standard (a required field is missing or invalid); not imported',
  },
  BODS_REFERENCE_MISSING: {
    severity: 'reject',
    zh: 'BODS 关系声明引用的主体或个人声明不存在，该关系未导入',
    en: 'the BODS relationship refers to an entity or person statement that is not there; not imported',
  },
  PERSON_RESOLVED: {
    severity: 'inference',
    zh: '同一企业中只有姓名（或脱敏证件号码）的人员，与该企业唯一证件号码不矛盾的同名人员合并为一人；原标识仍可查询（撤销相关批次即拆分）',
    en: 'a person named in a firm by name only (or with a masked ID number) is merged into the one person of that name in the firm whose full ID number does not contradict it; the old key still answers (retracting either run splits them)',
  },
  PERSON_SPLIT: {
    severity: 'inference',
    zh: '此前与同名人员合并的记载已拆回：该企业现有多名证件号码不矛盾的同名人员，无法判断是哪一位，已提议为疑似同一人',
    en: 'a mention earlier merged into a person of its name is split back apart: the firm now names several persons of that name whose ID numbers fit, so which one it is cannot be told; proposed as possibly the same',
  },
  SNAPSHOT_CLOSED: {
    severity: 'inference',
    zh: '快照（截至某日的股东或人员名单）列出了该企业，但未再列出此持股或职务：已于快照日期结束（撤销该批次即恢复）',
    en: 'the snapshot (the holders or officers of a day) lists the firm but not this holding or office any more: it ends on the snapshot date (retracting the run reopens it)',
  },
} as const satisfies Record<string, { severity: Severity; zh: string; en: string; tally?: boolean }>;

export type Severity = 'reject' | 'flag' | 'inference';

export type RejectCode = keyof typeof rejectCodes;

export interface Reject {
  file: string;
  sheet: string | null;
  row: number;
  column: string;
  value: string;
  code: RejectCode;
  /** What was decided and why (inferences): the reading chosen, the figures compared. */
  detail?: string;
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const HEADER = '\uFEFF文件/file,工作表/sheet,行/row,列/column,值/value,代码/code,处理/action,原因,reason,说明/detail\n';

const ACTIONS: Record<Severity, string> = { reject: '拒绝/rejected', flag: '标记/flagged', inference: '推断/inferred' };

/**
 * The rejects file of a run: a UTF-8 CSV with BOM so that Excel shows the Chinese text. A batch's
 * rejects are appended and flushed to disk before the batch commits; on resume, entries past the
 * checkpoint (from a batch that never committed) are dropped and written again, so no reject is
 * lost or listed twice.
 */
export class RejectsFile {
  private fd: number | null = null;
  count = 0;
  /** Rows rejected and values flagged, by code. */
  readonly byCode: Partial<Record<RejectCode, number>> = {};
  /** Inferences, by code: kept apart because an inference is no fault of the file. */
  readonly inferredByCode: Partial<Record<RejectCode, number>> = {};
  /** For codes marked `tally` (LIST_TYPE_UNKNOWN): how many entries each value has, for the run's report. */
  readonly valuesByCode: Partial<Record<RejectCode, Record<string, number>>> = {};

  constructor(readonly path: string) {}

  private open(): number {
    if (this.fd === null) {
      fs.mkdirSync(path.dirname(this.path), { recursive: true });
      const exists = fs.existsSync(this.path);
      this.fd = fs.openSync(this.path, 'a');
      if (!exists) fs.writeSync(this.fd, HEADER);
    }
    return this.fd;
  }

  private count1(code: RejectCode, value: string): void {
    this.count++;
    if ('tally' in rejectCodes[code]) {
      const values = (this.valuesByCode[code] ??= {});
      values[value] = (values[value] ?? 0) + 1;
    }
    const counts = (rejectCodes[code].severity as Severity) === 'inference' ? this.inferredByCode : this.byCode;
    counts[code] = (counts[code] ?? 0) + 1;
  }

  /** Keeps the entries already in the file for which `keep(file, sheet, row)` holds (resume). */
  async keepUpTo(keep: (file: string, sheet: string, row: number) => boolean): Promise<void> {
    if (!fs.existsSync(this.path)) return;
    const records: string[][] = parseCsv(fs.readFileSync(this.path, 'utf8'), { bom: true, relax_column_count: true });
    const kept = records.slice(1).filter((r) => keep(r[0] ?? '', r[1] ?? '', Number(r[2])));
    fs.writeFileSync(this.path, HEADER + kept.map((r) => r.map(csvCell).join(',') + '\n').join(''));
    for (const r of kept) this.count1(r[5] as RejectCode, r[4] ?? '');
  }

  addAll(rejects: Reject[]): void {
    if (rejects.length === 0) return;
    const lines = rejects.map((reject) => {
      const entry = rejectCodes[reject.code];
      this.count1(reject.code, reject.value);
      return [reject.file, reject.sheet ?? '', String(reject.row), reject.column, reject.value, reject.code, ACTIONS[entry.severity], entry.zh, entry.en, reject.detail ?? ''].map(csvCell).join(',') + '\n';
    });
    fs.writeSync(this.open(), lines.join(''));
  }

  add(reject: Reject): void {
    this.addAll([reject]);
  }

  /** Flushes to disk, so that what the file says is there survives a crash right after. */
  async sync(): Promise<void> {
    if (this.fd !== null) fs.fsyncSync(this.fd);
  }

  async close(): Promise<string | null> {
    if (this.fd === null) return this.count > 0 ? this.path : null;
    fs.closeSync(this.fd);
    this.fd = null;
    return this.path;
  }

  /** The run's report: the summary as JSON, next to the rejects file. */
  async writeReport(file: string, summary: unknown): Promise<void> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(summary, null, 2));
  }
}
