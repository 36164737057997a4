import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDocument, type ExportStamp, type ReportDocument } from '../../exporters/document.ts';
import { networkSvg } from '../../exporters/networkSvg.ts';
import { reportHtml } from '../../exporters/printable.ts';
import { reportPdf } from '../../exporters/pdf.ts';

// The printable report must carry, on paper, everything a reader needs to judge the findings —
// and every page must say who printed it and when; poppler (pdftotext, pdffonts, pdftoppm) reads
// the PDF the way a court's or a colleague's tools would.

const fixture = (name: string): ReportDocument =>
  reportDocument.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/exporters', `${name}.report.json`), 'utf8')));

const flagged = fixture('flaggedControllers');
const zhStamp: ExportStamp = { locale: 'zh', exportedBy: 'inv1', exportedAt: '2026-12-07T15:00:00.000Z' };
/** The watermark as pdftotext -raw gives it, spaces dropped (it keeps the glyphs, not the spacing). */
const WATERMARK = 'inv1·2026-12-0715:00:00UTC';

const dir = mkdtempSync(join(tmpdir(), 'chuantou-printable-'));
const pdfPath = join(dir, 'report.pdf');

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8' });
}

/** The pages' text, split on form feeds; the last form feed ends the last page. */
function pagesText(path: string): string[] {
  const pages = run('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-']).split('\f');
  if (pages.at(-1)!.trim() === '') pages.pop();
  return pages.map((p) => p.replace(/\s+/g, ''));
}

/** How many pixels of an 8-bit RGB(A) PNG are not near white. */
function inkedPixels(png: Buffer): number {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const colourType = png[25]!;
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 1;
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const previous = Buffer.alloc(stride);
  const line = Buffer.alloc(stride);
  let inked = 0;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels]! : 0;
      const b = previous[i]!;
      const c = i >= channels ? previous[i - channels]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predicted = [0, a, b, (a + b) >> 1, paeth][filter]!;
      line[i] = (row[i]! + predicted) & 0xff;
    }
    for (let x = 0; x < width; x++) if (Math.min(line[x * channels]!, line[x * channels + 1] ?? 0, line[x * channels + 2] ?? 0) < 200) inked++;
    line.copy(previous);
  }
  return inked;
}

describe('printable report (HTML and PDF)', () => {
  beforeAll(async () => {
    writeFileSync(pdfPath, await reportPdf(flagged, zhStamp));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the flagged-controllers report as a PDF of several pages with the title, a controller, percentages, page numbers and the watermark on every page', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdfPath]))![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = pagesText(pdfPath);
    expect(text).toHaveLength(pages);
    const all = text.join('');
    expect(all).toContain(flagged.query.title);
    expect(all).toContain('甲控');
    // 甲控's first control chain: 80% × 70% × 55% as chain percentages.
    expect(all).toContain('甲控—80%→测试控股甲有限公司');
    expect(all).toContain('南京市公安局经侦支队');
    // The findings run over several pages here, and each of them repeats the table's header.
    expect(text.filter((page) => page.includes('序号对象得分要点证据链完整')).length).toBeGreaterThanOrEqual(2);
    text.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(WATERMARK);
      expect(page, `page ${i + 1}`).toContain(`第${i + 1}页/共${pages}页`);
    });
  });

  it('embeds every font of the PDF, so the Chinese text reads the same without fonts installed', () => {
    const rows = run('pdffonts', [pdfPath]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    // Columns: name, type, encoding, emb, sub, uni, object, generation — counted from the right, as a name may be '[none]'.
    for (const row of rows) {
      const cols = row.trim().split(/\s+/);
      expect(cols.at(-5), row).toBe('yes');
    }
    expect(pagesText(pdfPath)[0]).toMatch(/[\u4e00-\u9fff]{4}/);
  });

  it('renders the cover page with ink on it (pdftoppm)', () => {
    run('pdftoppm', ['-r', '50', '-f', '1', '-l', '1', '-png', pdfPath, join(dir, 'cover')]);
    const png = readFileSync(join(dir, 'cover-1.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(inkedPixels(png)).toBeGreaterThan(500);
  });

  it('escapes imported text, so a name with markup prints as text and the page stays self-contained', () => {
    const hostile = structuredClone(flagged);
    const name = '<script>alert("x")</script>&王';
    hostile.envelope.findings[0]!.subject.name = name;
    hostile.network.nodes[0]!.name = name;
    hostile.run.office = '<img src=x onerror=alert(1)>';
    const html = reportHtml(hostile, zhStamp);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;王');
    // No external resources: nothing is fetched when the report is opened or printed.
    expect(html).not.toMatch(/<[^>]*\s(src|href)\s*=|@import|url\(\s*['"]?(?!#)/i);
    const svg = networkSvg(hostile.network, 'zh');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('draws one SVG element per entity and per relationship, flagged firms marked, holdings labelled with their ratio', () => {
    const svg = networkSvg(flagged.network, 'zh');
    expect(svg.match(/<g class="node[ "]/g)).toHaveLength(flagged.network.nodes.length);
    expect(svg.match(/<g class="edge"/g)).toHaveLength(flagged.network.edges.length);
    const flaggedFirms = new Set(flagged.network.edges.filter((e) => e.type === 'FLAGGED').map((e) => e.source));
    const companies = flagged.network.nodes.filter((n) => n.kind === 'COMPANY' && flaggedFirms.has(n.key));
    expect(svg.match(/<g class="node company flagged"/g)).toHaveLength(companies.length);
    expect(svg).toMatch(/>80%<\/text>/);
    const [, width, height] = /viewBox="\S+ \S+ (\d+) (\d+)"/.exec(svg)!;
    expect(Number(width)).toBeGreaterThan(0);
    expect(Number(height)).toBeGreaterThan(0);
  });

  it('writes the words around the data in English when the stamp asks, the data as imported', () => {
    const html = reportHtml(flagged, { ...zhStamp, locale: 'en' });
    for (const header of ['No.', 'Subject', 'Score', 'Facts', 'Evidence chains', 'Complete']) expect(html).toContain(`<th>${header}</th>`);
    expect(html).toContain('Controllers behind several flagged firms');
    expect(html).toContain('1. Query and parameters');
    expect(html).not.toContain('<th>序号</th>');
    expect(html).toContain('甲控');
    expect(reportHtml(flagged, zhStamp)).toContain('<th>序号</th>');
  });

  it('explains in the method what a search that hit a cap means, naming the limit and its setting', () => {
    const capped = structuredClone(flagged);
    capped.envelope.exhaustive = false;
    capped.envelope.limitsHit = ['depth'];
    capped.envelope.findings[0]!.exhaustive = false;
    capped.envelope.findings[0]!.limitsHit = ['depth'];
    const html = reportHtml(capped, zhStamp);
    expect(html).toContain('exhaustive: false');
    expect(html).toContain('maxDepth = 10');
    expect(html).toContain('cn-2024');
    expect(reportHtml(flagged, zhStamp)).not.toContain('exhaustive: false');
  });
});
