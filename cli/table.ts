import stringWidth from 'string-width';

/**
 * Tables for a person at a terminal: the columns given, each cell wrapped inside its column so
 * that no line is wider than the terminal. Widths are display columns, so a Chinese character
 * (full width) counts two. Borders are ASCII: box-drawing characters are of ambiguous width and
 * take two columns in many Chinese terminals, which would break the alignment.
 */

export type TableCell = string | number | boolean | null | undefined;

export interface TableColumn {
  key: string;
  title: string;
  align?: 'left' | 'right';
}

/** Below this a text column is not worth showing: its text would break every few characters. */
const MIN_COLUMN = 10;
/** The first column is narrowed below this only when nothing else can give. */
const FIRST_COLUMN = 20;
/** No column is wider than this even when there is room: long text wraps instead. */
const MAX_COLUMN = 48;

/** The width to fit: the terminal's, else $COLUMNS, else 100 (output piped to a file or a program). */
export function terminalWidth(stream: NodeJS.WriteStream = process.stdout): number {
  const fromEnv = Number(process.env.COLUMNS);
  const width = stream.isTTY && stream.columns ? stream.columns : Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 100;
  return Math.max(width, 20);
}

/** Control characters and escape sequences from imported text would move the cursor or colour the terminal. */
export function cellText(value: TableCell): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\t/g, ' ');
}

export const displayWidth = (text: string): number => stringWidth(text);

/**
 * Lines of at most `width` columns: breaks at spaces where a word fits, anywhere between two
 * characters otherwise (Chinese text has no spaces to break at), and at the text's own newlines.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    // Words of Latin letters and digits stay whole when they fit a line; every other character is a token of its own.
    for (const token of paragraph.match(/[A-Za-z0-9_.,:;%@'"()\-/+=*#]+|\s+|./gsu) ?? []) {
      const w = stringWidth(token);
      if (/^\s+$/.test(token)) {
        if (lineWidth > 0 && lineWidth + w <= width) {
          line += token;
          lineWidth += w;
        } else if (lineWidth > 0) {
          lines.push(line.trimEnd());
          line = '';
          lineWidth = 0;
        }
        continue;
      }
      if (lineWidth + w <= width) {
        line += token;
        lineWidth += w;
        continue;
      }
      if (w <= width) {
        lines.push(line.trimEnd());
        line = token;
        lineWidth = w;
        continue;
      }
      // A word longer than the line: cut it character by character.
      for (const ch of token) {
        const cw = stringWidth(ch);
        if (lineWidth + cw > width && lineWidth > 0) {
          lines.push(line.trimEnd());
          line = '';
          lineWidth = 0;
        }
        line += ch;
        lineWidth += cw;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/**
 * Column widths that fit `total`: each column as wide as its widest cell (at most MAX_COLUMN);
 * when they do not fit, the widest are narrowed first, the first column last; columns that do
 * not fit even at their minimum are left out, from the last.
 */
function layout(columns: TableColumn[], texts: string[][], total: number): { shown: number[]; widths: number[] } {
  const widest = (text: string) => Math.max(0, ...text.split('\n').map((l) => stringWidth(l)));
  const natural = columns.map((c, i) => Math.min(MAX_COLUMN, Math.max(widest(c.title), ...texts.map((row) => widest(row[i]!)))));
  // The first column (what a row is about: a name) keeps up to FIRST_COLUMN; numbers are never
  // cut; a text column keeps MIN_COLUMN and the short words of its title.
  const minimum = natural.map((w, i) => {
    if (i === 0) return Math.min(w, FIRST_COLUMN);
    if (columns[i]!.align === 'right') return Math.min(w, Math.max(6, ...texts.map((row) => widest(row[i]!))));
    return Math.min(w, Math.max(MIN_COLUMN, ...columns[i]!.title.split(/\s+/).map((t) => Math.min(stringWidth(t), 8))));
  });
  const shown = columns.map((_, i) => i);
  // '| ' before each column, ' ' after it, '|' at the end.
  const room = () => total - (3 * shown.length + 1);
  while (shown.length > 1 && shown.reduce((s, i) => s + minimum[i]!, 0) > room()) shown.pop();
  const widths = shown.map((i) => natural[i]!);
  let excess = widths.reduce((s, w) => s + w, 0) - room();
  while (excess > 0) {
    // Narrow the widest column that can still give, one column at a time; the first one last.
    let pick = -1;
    for (const [j, i] of shown.entries()) {
      if (widths[j]! > minimum[i]! && (pick < 0 || (j > 0 && (pick === 0 || widths[j]! > widths[pick]!)))) pick = j;
    }
    if (pick < 0) break;
    widths[pick]!--;
    excess--;
  }
  // A single column narrower than its minimum still fits the line.
  if (shown.length === 1) widths[0] = Math.max(1, Math.min(widths[0]!, room()));
  return { shown, widths };
}

/**
 * The rows as a bordered table no wider than `width` columns. Columns that do not fit are left out
 * and named below the table, so that nothing disappears without a word.
 */
export function renderTable(columns: TableColumn[], rows: Record<string, TableCell>[], width: number): string[] {
  const texts = rows.map((row) => columns.map((c) => cellText(row[c.key])));
  const { shown, widths } = layout(columns, texts, width);
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const line = (cells: string[][], align: ('left' | 'right')[]) => {
    const height = Math.max(...cells.map((c) => c.length));
    const out: string[] = [];
    for (let k = 0; k < height; k++) out.push(`| ${cells.map((c, j) => pad(c[k] ?? '', widths[j]!, align[j]!)).join(' | ')} |`);
    return out;
  };
  const wrapped = texts.map((row) => shown.map((i, j) => wrapText(row[i]!, widths[j]!)));
  // A row of several lines is set apart from the next, or the eye cannot tell where it ends.
  const tall = wrapped.some((row) => row.some((cell) => cell.length > 1));
  const out = [rule, ...line(shown.map((i, j) => wrapText(columns[i]!.title, widths[j]!)), shown.map(() => 'left')), rule];
  for (const [r, row] of wrapped.entries()) {
    out.push(...line(row, shown.map((i) => columns[i]!.align ?? 'left')));
    if (tall && r < wrapped.length - 1) out.push(rule);
  }
  out.push(rule);
  const omitted = columns.filter((_, i) => !shown.includes(i)).map((c) => c.title.replace(/\s*\n\s*/g, ' '));
  if (omitted.length > 0) {
    out.push(...wrapText(`终端宽度不够，未显示的列 / not shown, the terminal is too narrow: ${omitted.join(', ')}`, width));
  }
  return out;
}

/** Text wrapped to `width`, every line indented (evidence chains under a table). */
export function wrapIndented(text: string, width: number, indent = 2): string[] {
  const lines = wrapText(text, Math.max(10, width - indent));
  return lines.map((l) => ' '.repeat(indent) + l);
}
