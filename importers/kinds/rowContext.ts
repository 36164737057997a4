import type { Reject, RejectCode } from '../rejects.ts';

/** One source row as the record converters see it: values by field, and a way to report a problem. */
export class RowContext {
  readonly problems: Reject[] = [];

  constructor(
    private readonly cells: string[],
    private readonly columns: Map<string, number>,
    private readonly headers: string[],
    readonly file: string,
    readonly sheet: string | null,
    readonly row: number,
  ) {}

  /** The trimmed value of a field, or null when the column is absent or the cell blank. */
  get(field: string): string | null {
    const at = this.columns.get(field);
    if (at === undefined) return null;
    const value = (this.cells[at] ?? '').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    return value === '' || value === '-' || value === '—' ? null : value;
  }

  report(field: string, code: RejectCode): void {
    const at = this.columns.get(field);
    this.problems.push({
      file: this.file,
      sheet: this.sheet,
      row: this.row,
      column: at === undefined ? field : (this.headers[at] ?? field),
      value: at === undefined ? '' : (this.cells[at] ?? ''),
      code,
    });
  }
}

/** Drops null and undefined, because `SET n += map` would erase a property for a null value. */
export function present<T extends Record<string, unknown>>(props: T): Partial<T> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}
