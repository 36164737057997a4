// The exports' pure parts: how a chart past the canvas limit is cut into tiles, the PNG container
// the tiles are streamed into (read back by an independent decoder), the watermark's text and
// placement, and the CSV/XLSX table files.

import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CSS_PX_PER_INCH, DEFAULT_DPI, pageLayout, pngPlan, tilePlan, PAGE_MARGIN, FOOTER_HEIGHT } from '../../web/src/graph/export/exportPlan.ts';
import { StreamingPngWriter, crc32 } from '../../web/src/graph/export/pngEncoder.ts';
import { csvCell, tableCsv, tableXlsx, type TableColumn } from '../../web/src/graph/export/tableExport.ts';
import {
  WATERMARK_STEP_X,
  WATERMARK_STEP_Y,
  fileTimeStamp,
  footerText,
  formatExportTime,
  operatorName,
  watermarkAnchors,
  watermarkText,
} from '../../web/src/graph/export/watermark.ts';
import { decodePng } from './fixtures/exportHarness/decodePng.ts';

/** Chromium's canvas limit on a side. */
const CANVAS_MAX_SIDE = 32767;

describe('tile plan', () => {
  it('cuts a 120 000 × 9 000 px image into tiles within 4096 px that cover every pixel once, strips within the memory budget', () => {
    const limits = { tileSide: 4096, stripBytes: 64 * 1024 * 1024 };
    const strips = tilePlan(120_000, 9_000, limits);
    // 64 MiB / (120 000 px × 4 bytes) = 139 rows a strip.
    expect(strips[0]!.height).toBe(139);
    expect(strips.length).toBe(Math.ceil(9000 / 139));
    expect(strips[0]!.tiles.length).toBe(Math.ceil(120_000 / 4096));
    expect(strips.at(-1)!.tiles.at(-1)).toEqual({ x: 4096 * 29, y: 139 * 64, width: 120_000 - 4096 * 29, height: 9000 - 139 * 64 });
  });

  it('covers any image exactly, top to bottom, with no tile past the tile side or strip past the budget', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 16, max: 700 }),
        fc.integer({ min: 4, max: 4_000_000 }),
        (width, height, tileSide, stripBytes) => {
          const strips = tilePlan(width, height, { tileSide, stripBytes });
          const faults: string[] = [];
          let y = 0;
          for (const strip of strips) {
            if (strip.y !== y) faults.push(`strip at ${strip.y}, expected ${y}`);
            if (strip.height > tileSide) faults.push(`strip ${strip.y} taller than a tile`);
            if (strip.height > 1 && width * strip.height * 4 > stripBytes) faults.push(`strip ${strip.y} over budget`);
            let x = 0;
            for (const tile of strip.tiles) {
              if (tile.x !== x || tile.y !== y || tile.height !== strip.height) faults.push(`tile at ${tile.x},${tile.y} misplaced`);
              if (tile.width < 1 || tile.width > tileSide) faults.push(`tile at ${tile.x},${tile.y} is ${tile.width} wide`);
              x += tile.width;
            }
            if (x !== width) faults.push(`strip ${strip.y} covers ${x} of ${width} px`);
            y += strip.height;
          }
          if (y !== height) faults.push(`strips cover ${y} of ${height} rows`);
          expect(faults).toEqual([]);
        },
      ),
    );
  });
});

describe('page and print resolution', () => {
  it('puts a margin round the chart and a footer band below it, widening the page for a long footer', () => {
    const page = pageLayout({ x1: 100, y1: -50, w: 400, h: 200 }, 300);
    expect(page).toEqual({
      originX: 100 - PAGE_MARGIN,
      originY: -50 - PAGE_MARGIN,
      width: 400 + 2 * PAGE_MARGIN,
      height: 200 + 2 * PAGE_MARGIN + FOOTER_HEIGHT,
      footerTop: 200 + 2 * PAGE_MARGIN,
    });
    expect(pageLayout({ x1: 0, y1: 0, w: 40, h: 40 }, 300).width).toBe(300 + 2 * PAGE_MARGIN);
  });

  it('draws at 300 dpi by default, 3.125 image pixels a CSS pixel, past the canvas limit when the chart is long', () => {
    expect(DEFAULT_DPI / CSS_PX_PER_INCH).toBe(3.125);
    const plan = pngPlan({ width: 12_000, height: 400 }, DEFAULT_DPI);
    expect(plan).toEqual({ dpi: 300, scale: 3.125, width: 37_500, height: 1250 });
    expect(plan.width).toBeGreaterThan(CANVAS_MAX_SIDE);
  });

  it('lowers the resolution of a chart that would pass the pixel ceiling, and says which it used', () => {
    const plan = pngPlan({ width: 40_000, height: 40_000 }, 300, 600_000_000);
    expect(plan.dpi).toBeLessThan(300);
    expect(plan.width * plan.height).toBeLessThanOrEqual(600_000_000 * 1.001);
    expect(plan.scale).toBe(plan.dpi / CSS_PX_PER_INCH);
  });
});

describe('streamed PNG', () => {
  it('computes the CRC-32 that zlib computes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(crc32(bytes)).toBe(zlibCrc32(bytes));
      }),
    );
    // Continued over two halves as over the whole.
    const bytes = new TextEncoder().encode('IDAT穿透图');
    expect(crc32(bytes.subarray(4), crc32(bytes.subarray(0, 4)))).toBe(zlibCrc32(bytes));
  });

  it('writes rows handed over in several strips as one valid RGB PNG with pHYs at the print resolution', async () => {
    const width = 7;
    const height = 5;
    const colour = (x: number, y: number) => [(x * 37 + y) & 0xff, (y * 51) & 0xff, (x * y * 13 + 200) & 0xff] as const;
    const rgba = (y0: number, rows: number) => {
      const data = new Uint8ClampedArray(width * rows * 4);
      for (let y = 0; y < rows; y++) {
        for (let x = 0; x < width; x++) data.set([...colour(x, y0 + y), 255], (y * width + x) * 4);
      }
      return data;
    };
    const writer = new StreamingPngWriter(width, height, 300);
    await writer.writeRows(rgba(0, 2), 2);
    await writer.writeRows(rgba(2, 1), 1);
    await writer.writeRows(rgba(3, 2), 2);
    const png = decodePng(new Uint8Array(await (await writer.finish()).arrayBuffer()));
    expect(png).toMatchObject({ width, height, bitDepth: 8, colorType: 2 });
    expect(png.chunks[0]).toBe('IHDR');
    expect(png.chunks).toContain('pHYs');
    expect(png.chunks).toContain('IDAT');
    expect(png.chunks.at(-1)).toBe('IEND');
    // 300 dots an inch is 11 811 a metre.
    expect(png.physPerUnit).toBe(11811);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) expect(png.pixel(x, y)).toEqual([...colour(x, y)]);
  });

  it('refuses to finish an image with rows missing, and rows past its height: never a truncated file', async () => {
    const short = new StreamingPngWriter(2, 3, 300);
    await short.writeRows(new Uint8ClampedArray(2 * 2 * 4), 2);
    await expect(short.finish()).rejects.toThrow(/2 of 3 rows/);
    const long = new StreamingPngWriter(2, 1, 300);
    await expect(long.writeRows(new Uint8ClampedArray(2 * 2 * 4), 2)).rejects.toThrow(/more rows/);
    expect(() => new StreamingPngWriter(0, 10, 300)).toThrow(RangeError);
  });

  it('compresses a wide flat image well: rows past deflate\'s 32 KB window still shrink to almost nothing', async () => {
    const width = 40_000;
    const rows = 50;
    const writer = new StreamingPngWriter(width, rows, 300);
    await writer.writeRows(new Uint8ClampedArray(width * rows * 4).fill(255), rows);
    const blob = await writer.finish();
    expect(blob.size).toBeLessThan(width * 3 * 0.02 * rows);
    expect(decodePng(new Uint8Array(await blob.arrayBuffer())).pixel(width - 1, rows - 1)).toEqual([255, 255, 255]);
  });
});

describe('watermark', () => {
  const at = new Date(2026, 11, 7, 9, 5);
  const watermark = { operator: '张三（zhangsan）', at };

  it('names the operator and the minute, and the footer says 导出人 … 导出时间 YYYY-MM-DD HH:mm', () => {
    expect(formatExportTime(at)).toBe('2026-12-07 09:05');
    expect(fileTimeStamp(at)).toBe('20261207-0905');
    expect(watermarkText(watermark)).toBe('张三（zhangsan） 2026-12-07 09:05');
    expect(footerText(watermark)).toBe('导出人 张三（zhangsan）　导出时间 2026-12-07 09:05');
    expect(operatorName({ displayName: '张三', name: 'zhangsan' })).toBe('张三（zhangsan）');
    expect(operatorName({ displayName: 'zhangsan', name: 'zhangsan' })).toBe('zhangsan');
  });

  it('repeats over the whole page: no point is farther than a step from a mark', () => {
    const width = 2000;
    const height = 1300;
    const anchors = watermarkAnchors(width, height);
    for (let x = 0; x <= width; x += 50) {
      for (let y = 0; y <= height; y += 50) {
        const nearest = Math.min(...anchors.map((a) => Math.hypot(a.x - x, a.y - y)));
        expect(nearest).toBeLessThanOrEqual(Math.hypot(WATERMARK_STEP_X / 2, WATERMARK_STEP_Y));
      }
    }
  });

  it('marks even a chart smaller than one step', () => {
    const anchors = watermarkAnchors(120, 60);
    expect(anchors.some((a) => a.x >= 0 && a.x <= 120 && a.y >= 0 && a.y <= 60)).toBe(true);
  });

  it('gives a tile exactly the marks of the page that reach into it, at the same places, so tiles join up', () => {
    const all = watermarkAnchors(5000, 3000);
    const reach = 150;
    const region = { x: 1234, y: 777, width: 900, height: 410 };
    const inRegion = watermarkAnchors(5000, 3000, region, reach);
    const expected = all.filter(
      (a) => a.x + reach >= region.x && a.x - reach <= region.x + region.width && a.y + reach >= region.y && a.y - reach <= region.y + region.height,
    );
    expect(inRegion).toEqual(expected);
    expect(inRegion.length).toBeGreaterThan(0);
  });
});

describe('table export', () => {
  interface Row {
    name: string;
    capital: number | null;
    note: string;
  }
  const columns: TableColumn<Row>[] = [
    { title: '名称', value: (r) => r.name },
    { title: '注册资本（万元）', value: (r) => r.capital },
    { title: '备注', value: (r) => r.note },
  ];
  const rows: Row[] = [
    { name: '南京鑫融财富管理有限公司', capital: 1000, note: '=HYPERLINK("http://x","点我")' },
    { name: '+86 25 8888', capital: -3, note: '-1+2' },
    { name: '@SUM(A1)', capital: null, note: '说"明",\n第二行' },
  ];

  it('writes CSV with a BOM, CRLF line ends, RFC 4180 quoting, and formula-looking text neutralised', () => {
    const csv = tableCsv(rows, columns);
    expect(csv.startsWith('\uFEFF名称,注册资本（万元）,备注\r\n')).toBe(true);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFF名称,注册资本（万元）,备注',
      `南京鑫融财富管理有限公司,1000,"'=HYPERLINK(""http://x"",""点我"")"`,
      `'+86 25 8888,-3,'-1+2`,
      `'@SUM(A1),,"说""明"",\n第二行"`,
      '',
    ]);
    expect(csvCell('\t=1')).toBe(`'\t=1`);
    expect(csvCell(-3)).toBe('-3');
  });

  it('writes XLSX with a bold, frozen header and the texts as strings Excel does not run', async () => {
    const blob = await tableXlsx(rows, columns);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await blob.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('名称');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(2).getCell(3).value).toBe('=HYPERLINK("http://x","点我")');
    expect(sheet.getRow(2).getCell(2).value).toBe(1000);
    expect(sheet.getRow(3).getCell(2).value).toBe(-3);
    expect(sheet.getRow(4).getCell(2).value).toBeNull();
  });
});
