import { chromium } from 'playwright-core';
import type { ExportStamp, ReportDocument } from './document.ts';
import { pageFooter, reportHtml } from './printable.ts';

/**
 * The printable report as PDF: reportHtml printed by headless Chromium (Debian's `chromium`,
 * driven by playwright-core), A4, page numbers in the footer. The report names its fonts (Noto
 * Sans CJK, from `fonts-noto-cjk`), and Chromium embeds the glyphs it uses, so the PDF reads the
 * same on a machine without Chinese fonts.
 *
 * One browser per export: exports are occasional, and a browser that outlives its request would
 * be one more process to watch. It is closed whatever happens.
 */

export const CHROMIUM_PATH = process.env.CHUANTOU_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless=new',
  // Chromium's sandbox needs user namespaces, which containers and some servers do not grant;
  // the page is our own HTML without scripts or network.
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
];

export async function reportPdf(document: ReportDocument, stamp: ExportStamp): Promise<Buffer> {
  const html = reportHtml(document, stamp);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    // The page is self-contained; nothing may be fetched while it prints.
    await page.route('**/*', (route) => route.abort());
    // Nothing to load but the page itself: printing may start once it is parsed.
    await page.setContent(html, { waitUntil: 'domcontentloaded' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      // An empty header: Chromium's default one prints the page's title and date.
      headerTemplate: '<div></div>',
      footerTemplate: pageFooter(stamp.locale),
      tagged: false,
      outline: false,
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
