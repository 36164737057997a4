/**
 * Bad rows, about one in a hundred of each file, each of a kind the importer's reject catalogue
 * (importers/rejects.ts) names, and each listed in truth.json with its file, row and code.
 *
 * A row the importer refuses ('reject' codes) is written as an extra row beside a clean one, so
 * the facts the truth file describes are all still there. A row the importer keeps but flags
 * ('flag' codes: an unreadable date, amount or number, an identifier that fails its check) is a
 * clean row with one cell spoiled. Only background rows are touched, never a row a planted
 * pattern depends on; and each spoiled row carries exactly one problem, so the importer reports
 * it under exactly one code.
 */
import { parseUscc, USCC_ALPHABET } from '../model/identifiers/uscc.ts';
import { parseResidentId } from '../model/identifiers/residentId.ts';
import { badDateText, badMoneyText, badPercentText } from './spellings.ts';
import { maskId, typoId, typoUscc, type Person } from './identities.ts';
import { cellsOf, headerOf, type Kind, type Row } from './headers.ts';
import type { Rng } from './rng.ts';
import type { Sink } from './sinks.ts';

/**
 * The codes of importers/rejects.ts that a bad CSV row earns (not the BODS ones): rejects and
 * flags of one row's own cells. Spelled out here so the generator depends on nothing above
 * model/; tests/generator checks them against the catalogue. What the importer infers (an
 * ambiguous ratio, a derived one, an unknown list type, a snapshot's closures) is no bad row: the
 * truth file lists it apart (truth.ratios, truth.listTypes, truth.snapshot).
 */
export const BAD_ROW_CODES = [
  'USCC_CHECK_FAILED', 'USCC_MALFORMED', 'FIRM_NAME_MISSING', 'HOLDER_NAME_MISSING', 'RATIO_INVALID', 'REFERENCED_ID_INVALID',
  'DATE_INVALID', 'MONEY_INVALID', 'PERSON_NAME_MISSING', 'PARTY_NAME_MISSING', 'PERSON_UNIDENTIFIED', 'LIST_TYPE_MISSING',
  'LIST_SUBJECT_MISSING', 'RELATION_TYPE_UNKNOWN', 'RELATION_OBJECT_NOT_FIRM', 'NUMBER_INVALID', 'YES_NO_INVALID',
  'CHANGE_ITEM_MISSING',
] as const;

export type RejectCode = (typeof BAD_ROW_CODES)[number];

export interface BadRow {
  file: string;
  row: number;
  code: RejectCode;
  column: string;
}

interface Variant {
  code: RejectCode;
  /** 'extra': a rejected row written beside the clean one; 'spoil': the clean row itself, with one cell spoiled. */
  mode: 'extra' | 'spoil';
  /** The column the importer names in its rejects file. */
  field: string;
  eligible?: (row: Row) => boolean;
  make: (row: Row, rng: Rng, ctx: VariantContext) => Row;
}

export interface VariantContext {
  /** Someone with a masked ID, for a list row that names a person who cannot be identified. */
  maskedPerson: () => Person;
}

// Some codes pass both checks (an all-digit USCC can look like a resident ID and the reverse):
// those are left alone, so a spoiled cell cannot turn one party into the other.
const isUscc = (code: string | undefined) => code !== undefined && code !== '' && parseUscc(code).ok && parseResidentId(code).kind !== 'full';
const isFullId = (id: string | undefined) => id !== undefined && id !== '' && parseResidentId(id).kind === 'full' && !parseUscc(id).ok;

/** A USCC with a letter O for a zero, or one character short: not even the shape of a code. */
function malformed(uscc: string, rng: Rng): string {
  if (uscc.includes('0') && rng.chance(0.6)) return uscc.replace('0', 'O');
  return uscc.slice(0, 17);
}

/** A firm code a clerk mistyped: a wrong USCC check character, or a registration number a digit short. */
function mistyped(code: string): string {
  if (code.length !== 18) return code.slice(0, 14);
  const typo = typoUscc(code);
  if (parseResidentId(typo).kind !== 'full') return typo;
  // Rarely the wrong check character makes a valid resident ID: take another wrong one.
  for (const c of USCC_ALPHABET) {
    const other = code.slice(0, 17) + c;
    if (!parseUscc(other).ok && parseResidentId(other).kind !== 'full') return other;
  }
  return code.slice(0, 17);
}

export const VARIANTS: Record<Kind, Variant[]> = {
  registrations: [
    { code: 'USCC_CHECK_FAILED', mode: 'extra', field: 'uscc', eligible: (r) => isUscc(r.uscc), make: (r) => ({ ...r, uscc: typoUscc(r.uscc!) }) },
    { code: 'USCC_MALFORMED', mode: 'extra', field: 'uscc', eligible: (r) => isUscc(r.uscc), make: (r, rng) => ({ ...r, uscc: malformed(r.uscc!, rng) }) },
    { code: 'FIRM_NAME_MISSING', mode: 'extra', field: 'name', make: (r) => ({ ...r, uscc: '', regNo: '', name: '' }) },
    { code: 'DATE_INVALID', mode: 'spoil', field: 'established', make: (r, rng) => ({ ...r, established: badDateText(rng) }) },
    { code: 'MONEY_INVALID', mode: 'spoil', field: 'capital', make: (r, rng) => ({ ...r, capital: badMoneyText(rng) }) },
    // An old registration number with a digit lost, beside a good USCC: flagged, the firm still keyed by its USCC.
    { code: 'REFERENCED_ID_INVALID', mode: 'spoil', field: 'regNo', eligible: (r) => isUscc(r.uscc) && !r.regNo, make: (r) => ({ ...r, regNo: `${r.uscc!.slice(2, 8)}0000${r.uscc!.slice(12, 16)}` }) },
  ],
  shareholders: [
    { code: 'FIRM_NAME_MISSING', mode: 'extra', field: 'firmName', make: (r) => ({ ...r, firmUscc: '', firmName: '' }) },
    { code: 'HOLDER_NAME_MISSING', mode: 'extra', field: 'holderName', eligible: (r) => r.firmUscc !== '', make: (r) => ({ ...r, holderName: '' }) },
    { code: 'RATIO_INVALID', mode: 'extra', field: 'ratio', eligible: (r) => r.firmUscc !== '', make: (r, rng) => ({ ...r, ratio: badPercentText(rng) }) },
    { code: 'MONEY_INVALID', mode: 'spoil', field: 'subscribed', eligible: (r) => r.subscribed !== '', make: (r, rng) => ({ ...r, subscribed: badMoneyText(rng) }) },
    // The firm is then matched by its name; a holder keyed by its own code or full ID stays the same party.
    {
      code: 'REFERENCED_ID_INVALID', mode: 'spoil', field: 'firmUscc',
      eligible: (r) => isUscc(r.firmUscc) && (isUscc(r.holderId) || isFullId(r.holderId)),
      make: (r) => ({ ...r, firmUscc: mistyped(r.firmUscc!) }),
    },
  ],
  officers: [
    { code: 'FIRM_NAME_MISSING', mode: 'extra', field: 'firmName', make: (r) => ({ ...r, firmUscc: '', firmName: '' }) },
    { code: 'PERSON_NAME_MISSING', mode: 'extra', field: 'name', eligible: (r) => r.firmUscc !== '', make: (r) => ({ ...r, name: '' }) },
    { code: 'DATE_INVALID', mode: 'spoil', field: 'from', eligible: (r) => r.from !== '', make: (r, rng) => ({ ...r, from: badDateText(rng) }) },
    { code: 'REFERENCED_ID_INVALID', mode: 'spoil', field: 'firmUscc', eligible: (r) => isUscc(r.firmUscc) && isFullId(r.id), make: (r) => ({ ...r, firmUscc: mistyped(r.firmUscc!) }) },
  ],
  branches: [
    { code: 'FIRM_NAME_MISSING', mode: 'extra', field: 'branchName', make: (r) => ({ ...r, branchUscc: '', branchName: '' }) },
    { code: 'DATE_INVALID', mode: 'spoil', field: 'established', make: (r, rng) => ({ ...r, established: badDateText(rng) }) },
    { code: 'REFERENCED_ID_INVALID', mode: 'spoil', field: 'headUscc', eligible: (r) => isUscc(r.headUscc), make: (r) => ({ ...r, headUscc: mistyped(r.headUscc!) }) },
  ],
  members: [
    { code: 'FIRM_NAME_MISSING', mode: 'extra', field: 'memberName', make: (r) => ({ ...r, memberUscc: '', memberName: '' }) },
    { code: 'DATE_INVALID', mode: 'spoil', field: 'from', make: (r, rng) => ({ ...r, from: badDateText(rng) }) },
    { code: 'REFERENCED_ID_INVALID', mode: 'spoil', field: 'memberUscc', eligible: (r) => isUscc(r.memberUscc), make: (r) => ({ ...r, memberUscc: mistyped(r.memberUscc!) }) },
  ],
  lists: [
    { code: 'LIST_TYPE_MISSING', mode: 'extra', field: 'listType', make: (r) => ({ ...r, listType: '' }) },
    { code: 'LIST_SUBJECT_MISSING', mode: 'extra', field: 'firmName', make: (r) => ({ ...r, uscc: '', firmName: '', personName: '', personId: '' }) },
    {
      code: 'PERSON_UNIDENTIFIED', mode: 'extra', field: 'personId',
      make: (r, _rng, ctx) => {
        const p = ctx.maskedPerson();
        return { ...r, uscc: '', firmName: '', personName: p.name, personId: p.shownId, note: '实际控制人' };
      },
    },
    { code: 'DATE_INVALID', mode: 'spoil', field: 'filedOn', eligible: (r) => r.filedOn !== '', make: (r, rng) => ({ ...r, filedOn: badDateText(rng) }) },
    { code: 'MONEY_INVALID', mode: 'spoil', field: 'amount', eligible: (r) => r.amount !== '', make: (r, rng) => ({ ...r, amount: badMoneyText(rng) }) },
    { code: 'NUMBER_INVALID', mode: 'spoil', field: 'victims', eligible: (r) => r.victims !== '', make: (r, rng) => ({ ...r, victims: rng.pick(['约1200人', '若干', '一百余人', '不详']) }) },
    { code: 'REFERENCED_ID_INVALID', mode: 'spoil', field: 'uscc', eligible: (r) => isUscc(r.uscc), make: (r) => ({ ...r, uscc: mistyped(r.uscc!) }) },
  ],
  approvals: [
    { code: 'FIRM_NAME_MISSING', mode: 'extra', field: 'name', make: (r) => ({ ...r, uscc: '', name: '' }) },
    { code: 'DATE_INVALID', mode: 'spoil', field: 'approvedOn', make: (r, rng) => ({ ...r, approvedOn: badDateText(rng) }) },
    { code: 'YES_NO_INVALID', mode: 'spoil', field: 'passed', make: (r, rng) => ({ ...r, passed: rng.pick(['待定', '审核中', '不确定']) }) },
    { code: 'REFERENCED_ID_INVALID', mode: 'spoil', field: 'uscc', eligible: (r) => isUscc(r.uscc), make: (r) => ({ ...r, uscc: mistyped(r.uscc!) }) },
  ],
  changes: [
    { code: 'FIRM_NAME_MISSING', mode: 'extra', field: 'firmName', make: (r) => ({ ...r, uscc: '', firmName: '' }) },
    { code: 'DATE_INVALID', mode: 'spoil', field: 'changedOn', make: (r, rng) => ({ ...r, changedOn: badDateText(rng) }) },
    { code: 'CHANGE_ITEM_MISSING', mode: 'extra', field: 'item', make: (r) => ({ ...r, item: '' }) },
    { code: 'REFERENCED_ID_INVALID', mode: 'spoil', field: 'uscc', eligible: (r) => isUscc(r.uscc), make: (r) => ({ ...r, uscc: mistyped(r.uscc!) }) },
  ],
  relations: [
    { code: 'PARTY_NAME_MISSING', mode: 'extra', field: 'subjectName', make: (r) => ({ ...r, subjectName: '' }) },
    // Family ties need both people identified: a masked number cannot be told from a stranger's.
    { code: 'PERSON_UNIDENTIFIED', mode: 'extra', field: 'objectId', eligible: (r) => isFullId(r.objectId), make: (r) => ({ ...r, objectId: maskId(r.objectId!, 1) }) },
    { code: 'RELATION_TYPE_UNKNOWN', mode: 'extra', field: 'type', make: (r, rng) => ({ ...r, type: rng.pick(['合作伙伴', '业务往来', '同学']) }) },
    { code: 'RELATION_OBJECT_NOT_FIRM', mode: 'extra', field: 'objectName', eligible: (r) => isFullId(r.objectId) && isFullId(r.subjectId), make: (r) => ({ ...r, type: '代持' }) },
    { code: 'DATE_INVALID', mode: 'spoil', field: 'from', eligible: (r) => r.from !== '', make: (r, rng) => ({ ...r, from: badDateText(rng) }) },
    {
      code: 'REFERENCED_ID_INVALID', mode: 'spoil', field: 'objectId',
      eligible: (r) => isUscc(r.objectId) && isFullId(r.subjectId),
      make: (r) => ({ ...r, objectId: mistyped(r.objectId!) }),
    },
  ],
  boFilings: [
    { code: 'FIRM_NAME_MISSING', mode: 'extra', field: 'firmName', make: (r) => ({ ...r, firmUscc: '', firmName: '' }) },
    { code: 'RATIO_INVALID', mode: 'extra', field: 'ratio', eligible: (r) => r.firmUscc !== '', make: (r, rng) => ({ ...r, ratio: badPercentText(rng) }) },
    { code: 'DATE_INVALID', mode: 'spoil', field: 'from', eligible: (r) => r.from !== '', make: (r, rng) => ({ ...r, from: badDateText(rng) }) },
    { code: 'REFERENCED_ID_INVALID', mode: 'spoil', field: 'ownerId', eligible: (r) => isFullId(r.ownerId), make: (r) => ({ ...r, ownerId: typoId(r.ownerId!) }) },
  ],
};

export const BAD_ROW_SHARE = 0.01;

export interface FileCounts {
  /** Data rows written (clean, bad, duplicated), not counting the header, title rows or blank lines. */
  rows: number;
  bad: number;
  duplicates: number;
  blankLines: number;
  titleRows: number;
}

/**
 * One file of one kind: clean rows in, and on about one in a hundred background rows a bad row
 * out, drawn in turn from the variants that fit the row so that every variant appears. A variant
 * no row triggered by the end is written once as an extra row beside the last row it fits.
 */
export class KindWriter {
  private readonly uses: number[];
  private readonly lastFit: (Row | null)[];
  readonly counts: FileCounts;

  constructor(
    readonly kind: Kind,
    private readonly sink: Sink,
    readonly fileName: string,
    private readonly rng: Rng,
    private readonly ctx: VariantContext,
    private readonly badRows: BadRow[],
    private readonly options: { duplicates?: number; blankLines?: number; titleRows?: number } = {},
  ) {
    this.uses = VARIANTS[kind].map(() => 0);
    this.lastFit = VARIANTS[kind].map(() => null);
    this.counts = { rows: 0, bad: 0, duplicates: 0, blankLines: 0, titleRows: options.titleRows ?? 0 };
  }

  private emit(row: Row): number {
    this.counts.rows++;
    return this.sink.write(cellsOf(this.kind, row));
  }

  private emitBad(row: Row, v: Variant): number {
    const at = this.emit(row);
    this.counts.bad++;
    this.badRows.push({ file: this.fileName, row: at, code: v.code, column: headerOf(this.kind, v.field) });
    return at;
  }

  /**
   * A clean row; `free` rows (background) may be spoiled or get a bad neighbour. Returns the row
   * number of the row itself (spoiled or not), as a spreadsheet numbers it.
   */
  row(row: Row, free: boolean): number {
    const variants = VARIANTS[this.kind];
    if (free) {
      // Until a variant has been used, remember the last row it fits (for close); otherwise only
      // a triggered row is checked, which keeps this cheap at a million rows.
      for (let k = 0; k < variants.length; k++) if (this.uses[k] === 0 && (variants[k]!.eligible?.(row) ?? true)) this.lastFit[k] = row;
      const fits = this.rng.chance(BAD_ROW_SHARE) ? variants.flatMap((v, k) => ((v.eligible?.(row) ?? true) ? [k] : [])) : [];
      if (fits.length > 0) {
        // The least used variant that fits: every code turns up, in turn.
        const k = fits.reduce((best, x) => (this.uses[x]! < this.uses[best]! ? x : best), fits[0]!);
        const v = variants[k]!;
        this.uses[k]!++;
        if (v.mode === 'spoil') return this.emitBad(v.make(row, this.rng, this.ctx), v);
        const at = this.emit(row);
        this.emitBad(v.make(row, this.rng, this.ctx), v);
        return at;
      }
    }
    const at = this.emit(row);
    if (free && this.options.duplicates && this.rng.chance(this.options.duplicates)) {
      // An exact duplicate, as merged exports carry: imported twice, it changes nothing.
      this.emit(row);
      this.counts.duplicates++;
    }
    if (this.options.blankLines && this.rng.chance(this.options.blankLines)) {
      this.sink.blank();
      this.counts.blankLines++;
    }
    return at;
  }

  async close(): Promise<void> {
    const variants = VARIANTS[this.kind];
    for (let k = 0; k < variants.length; k++) {
      const fit = this.lastFit[k];
      if (this.uses[k] === 0 && fit) {
        this.uses[k]!++;
        this.emitBad(variants[k]!.make(fit, this.rng, this.ctx), variants[k]!);
      }
    }
    await this.sink.close();
  }
}
