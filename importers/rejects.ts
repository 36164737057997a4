import fs from 'node:fs';
import path from 'node:path';

/**
 * The catalogue of reasons a row (or one value in it) is not taken as given. A clerk reads the
 * rejects file, so every code has a sentence in Chinese and English saying what to fix.
 * `reject` drops the row; `flag` keeps the row and records what was set aside or marked.
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
} as const satisfies Record<string, { severity: 'reject' | 'flag'; zh: string; en: string }>;

export type RejectCode = keyof typeof rejectCodes;

export interface Reject {
  file: string;
  sheet: string | null;
  row: number;
  column: string;
  value: string;
  code: RejectCode;
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes rejects as a UTF-8 CSV with BOM so that Excel shows the Chinese text correctly. */
export class RejectsFile {
  private stream: fs.WriteStream | null = null;
  count = 0;
  readonly byCode: Partial<Record<RejectCode, number>> = {};

  constructor(readonly path: string) {}

  add(reject: Reject): void {
    if (!this.stream) {
      fs.mkdirSync(path.dirname(this.path), { recursive: true });
      this.stream = fs.createWriteStream(this.path);
      this.stream.write('\uFEFF文件/file,工作表/sheet,行/row,列/column,值/value,代码/code,处理/action,原因,reason\n');
    }
    const entry = rejectCodes[reject.code];
    const action = entry.severity === 'reject' ? '拒绝/rejected' : '标记/flagged';
    const cells = [reject.file, reject.sheet ?? '', String(reject.row), reject.column, reject.value, reject.code, action, entry.zh, entry.en];
    this.stream.write(cells.map(csvCell).join(',') + '\n');
    this.count++;
    this.byCode[reject.code] = (this.byCode[reject.code] ?? 0) + 1;
  }

  async close(): Promise<string | null> {
    if (!this.stream) return null;
    const stream = this.stream;
    await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    return this.path;
  }
}
