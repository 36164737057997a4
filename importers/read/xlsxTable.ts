import path from 'node:path/posix';
import ExcelJS from 'exceljs';
import { excelValueText } from './cellText.ts';
import { isBlank, padCells, type Table, type TableRow } from './table.ts';
import { UnreadableFileError, unreadable } from './unreadable.ts';
import { readZipDirectory, readZipEntry, zipPartsStream, type ZipEntry, type ZipPart } from './zip.ts';

/**
 * XLSX workbooks, one Table per non-empty sheet, read with exceljs's streaming reader.
 *
 * exceljs reads a workbook's parts in the order they are stored, and Excel stores the sheets
 * before the shared strings and styles they refer to: exceljs then copies every sheet to a temp
 * file before yielding a single row. So each sheet is read from a rebuilt stream of just the parts
 * it needs, in the order exceljs wants them (zip.ts), straight from the file's central directory:
 * no temp files, one sheet read without passing through the others, and the directory check
 * proves the file complete before anything is imported.
 *
 * Memory stays flat in the number of rows; exceljs does keep the workbook's shared-string table
 * (each distinct text once) in memory while a sheet is read.
 *
 * A file cut short has no central directory and fails in openFile. Damage inside the compressed
 * data of a complete file (a flipped bit, not a cut) is only met when the reader gets there:
 * rows() then throws UnreadableFileError('FILE_TRUNCATED'), after the rows before it were yielded.
 * Each sheet's checksum is proven before its last bytes reach exceljs, so damage that inflates
 * cleanly still fails before rows() ends. openFile reads each sheet's header, so only damage past
 * it can surface late; proving every sheet in openFile would cost a full pass over the file.
 */

interface SheetPart {
  name: string;
  entry: ZipEntry;
}

interface WorkbookLayout {
  /** Parts every sheet needs, under the names exceljs expects. */
  common: ZipPart[];
  /** Sheets in tab order. */
  sheets: SheetPart[];
}

const decodeXml = (text: string) =>
  text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named!.toLowerCase() as 'amp'];
  });

/** Attributes of every `<tag …>` (any namespace prefix): enough XML for workbook.xml and its relationships. */
function elements(xml: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const match of xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${tag}\\s([^>]*)>`, 'g'))) {
    const attributes: Record<string, string> = {};
    for (const a of (match[1] ?? '').matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attributes[a[1]!] = decodeXml(a[2] ?? a[3] ?? '');
    }
    found.push(attributes);
  }
  return found;
}

const notWorkbook = (file: string) =>
  unreadable(
    'FILE_NOT_SPREADSHEET',
    file,
    '这是一个压缩包（ZIP），但不是 Excel 工作簿；如是压缩的数据文件，请先解压，再导入其中的 CSV/XLSX',
    'this is a ZIP archive but not an Excel workbook; if it packs data files, unzip it and import the CSV/XLSX inside',
  );

/** Where OPC keeps a part's relationships: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package's own are `_rels/.rels`. */
const relsPath = (part: string) => path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`);

/** Relationships of a part, by id, with targets resolved to archive paths. */
function relationships(file: string, lookup: (name: string) => ZipEntry | undefined, part: string): Map<string, { type: string; target: string }> {
  const entry = lookup(relsPath(part));
  const found = new Map<string, { type: string; target: string }>();
  if (!entry) return found;
  for (const r of elements(readZipEntry(file, entry).toString('utf8'), 'Relationship')) {
    if (!r.Id || !r.Target || r.TargetMode === 'External') continue;
    const target = r.Target.startsWith('/') ? r.Target.slice(1) : path.normalize(path.join(path.dirname(part), r.Target));
    found.set(r.Id, { type: r.Type ?? '', target });
  }
  return found;
}

function workbookLayout(file: string): WorkbookLayout {
  const entries = readZipDirectory(file);
  // Names are matched case-insensitively: some writers spell parts differently from their relationships.
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, '').toLowerCase(), e]));
  const lookup = (name: string) => byName.get(name.toLowerCase());

  const packageRels = relationships(file, lookup, '');
  const workbookName = [...packageRels.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbook = lookup(workbookName);
  if (!workbook && lookup('content.xml') && lookup('mimetype')) {
    throw unreadable(
      'FILE_NOT_SPREADSHEET',
      file,
      '这是 OpenDocument 表格（.ods），请在 WPS、LibreOffice 或 Excel 中另存为 .xlsx 或 CSV 再导入',
      'this is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV from WPS, LibreOffice or Excel and import that',
    );
  }
  if (!workbook) throw notWorkbook(file);
  const rels = relationships(file, lookup, workbookName);
  const relsEntry = lookup(relsPath(workbookName));
  if (!relsEntry) throw notWorkbook(file);

  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix));
  const common: ZipPart[] = [
    { entry: relsEntry, name: 'xl/_rels/workbook.xml.rels' },
    { entry: workbook, name: 'xl/workbook.xml' },
  ];
  const styles = byType('/styles');
  const stylesEntry = styles && lookup(styles.target);
  if (stylesEntry) common.push({ entry: stylesEntry, name: 'xl/styles.xml' });
  const strings = byType('/sharedStrings');
  const stringsEntry = strings && lookup(strings.target);
  // exceljs reads a sheet at once only when shared strings came first; a workbook without any
  // (numbers and inline strings only) gets an empty table so that it never falls back to temp files.
  common.push(
    stringsEntry
      ? { entry: stringsEntry, name: 'xl/sharedStrings.xml' }
      : { name: 'xl/sharedStrings.xml', content: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>') },
  );

  const sheets: SheetPart[] = [];
  for (const sheet of elements(readZipEntry(file, workbook).toString('utf8'), 'sheet')) {
    const idKey = Object.keys(sheet).find((k) => /(^|:)id$/.test(k));
    const rel = idKey ? rels.get(sheet[idKey]!) : undefined;
    // Chart sheets and dialog sheets hold no cells.
    if (!rel || !rel.type.endsWith('/worksheet')) continue;
    const entry = lookup(rel.target);
    if (!entry) {
      throw unreadable(
        'FILE_TRUNCATED',
        file,
        `XLSX 文件已损坏：缺少工作表"${sheet.name}"的数据，请在 Excel 中打开后重新保存`,
        `the XLSX is damaged: sheet "${sheet.name}" has no data part; open it in Excel and save it again`,
      );
    }
    sheets.push({ name: sheet.name ?? `Sheet${sheets.length + 1}`, entry });
  }
  return { common, sheets };
}

/**
 * Built-in number formats 27–36 and 50–58 are East Asian dates and times whose codes each locale
 * supplies; exceljs knows none of them and would hand over a date as its serial number. WPS and
 * Chinese Excel write them (`yyyy"年"m"月"d"日"` is 31).
 */
const EAST_ASIAN_DATE_FORMATS: Record<number, string> = Object.fromEntries(
  [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58].map((id) => [id, 'yyyy-mm-dd hh:mm:ss']),
);

function teachEastAsianDates(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  // exceljs internals (StyleManager.index.numFmt): looked up before its built-in table, so a
  // format the workbook defines itself still wins. Absent in another exceljs version: no harm.
  const index = (reader as unknown as { styles?: { index?: { numFmt?: Record<string, string> } } }).styles?.index?.numFmt;
  if (!index) return;
  for (const [id, code] of Object.entries(EAST_ASIAN_DATE_FORMATS)) index[id] ??= code;
}

/** Non-blank rows of one sheet, header included, numbered as Excel numbers them. */
async function* sheetRecords(file: string, layout: WorkbookLayout, sheet: SheetPart): AsyncGenerator<TableRow> {
  const { stream, guard } = zipPartsStream(file, [...layout.common, { entry: sheet.entry, name: 'xl/worksheets/sheet1.xml' }]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Number formats tell dates and percentages apart.
    styles: 'cache',
    // A hyperlink cell then reads as its text.
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    // Every read is guarded: exceljs alone would wait forever on a damaged entry.
    const worksheets = reader[Symbol.asyncIterator]();
    const worksheet = await guard(worksheets.next());
    if (worksheet.done) return;
    teachEastAsianDates(reader);
    const rows = worksheet.value[Symbol.asyncIterator]();
    for (;;) {
      const next = await guard(rows.next());
      if (next.done) break;
      const row = next.value;
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells[column - 1] = excelValueText(cell.value, cell.numFmt);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= '';
      if (!isBlank(cells)) yield { row: row.number, cells };
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw unreadable(
      'FILE_TRUNCATED',
      file,
      `XLSX 文件已损坏，工作表"${sheet.name}"无法读完，请在 Excel 中打开后重新保存或重新导出`,
      `the XLSX is damaged: sheet "${sheet.name}" cannot be read to its end; open it in Excel and save it again, or export it again`,
      error,
    );
  } finally {
    stream.destroy();
  }
}

export async function openXlsx(file: string, wantedSheet?: string): Promise<Table[]> {
  const layout = workbookLayout(file);
  let sheets = layout.sheets;
  if (wantedSheet !== undefined) {
    const sheet = sheets.find((s) => s.name === wantedSheet) ?? sheets.find((s) => s.name.trim() === wantedSheet.trim());
    if (!sheet) {
      const names = sheets.map((s) => `"${s.name}"`).join('、');
      throw unreadable(
        'SHEET_MISSING',
        file,
        `没有名为"${wantedSheet}"的工作表，文件中的工作表有：${names}；请用其中一个名称`,
        `no sheet named "${wantedSheet}"; the sheets are: ${names}; name one of them`,
      );
    }
    sheets = [sheet];
  }
  const tables: Table[] = [];
  for (const sheet of sheets) {
    let header: TableRow | undefined;
    for await (const record of sheetRecords(file, layout, sheet)) {
      header = record;
      break;
    }
    if (!header) continue;
    const headerRow = header.row;
    const headers = header.cells;
    tables.push({
      file,
      sheet: sheet.name,
      headers,
      async *rows() {
        for await (const record of sheetRecords(file, layout, sheet)) {
          if (record.row > headerRow) yield { row: record.row, cells: padCells(record.cells, headers.length) };
        }
      },
    });
  }
  if (tables.length === 0) {
    throw wantedSheet !== undefined
      ? unreadable('FILE_EMPTY', file, `工作表"${sheets[0]!.name}"是空的，请选择有数据的工作表`, `sheet "${sheets[0]!.name}" is empty; choose a sheet with data`)
      : unreadable('FILE_EMPTY', file, '工作簿中所有工作表都是空的，请确认导出的文件有数据', 'every sheet of the workbook is empty; check that the export holds data');
  }
  return tables;
}
