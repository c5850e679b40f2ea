/**
 * The HTML document printed to PDF by headless Chromium (Debian's /usr/bin/chromium, never a
 * downloaded browser) through playwright-core. playwright-core is loaded by a computed name so
 * the esbuild bundle leaves it out; where it is not installed the command says so.
 *
 * Chromium writes the time of printing into the PDF (/CreationDate, /ModDate): those are set to
 * a fixed date of the same length, so the byte offsets stay valid and the same input gives the
 * same file as far as Chromium allows.
 */
const PLAYWRIGHT = 'playwright-core';

interface Chromium {
  launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<{
    newPage(): Promise<{ setContent(html: string, options: { waitUntil: 'load' }): Promise<void>; pdf(options: object): Promise<Uint8Array> }>;
    close(): Promise<void>;
  }>;
}

const FOOTER = '<div style="font-size:8pt;width:100%;text-align:center;color:#555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

export async function printPdf(html: string, executablePath: string): Promise<Uint8Array> {
  let chromium: Chromium;
  try {
    ({ chromium } = (await import(PLAYWRIGHT)) as { chromium: Chromium });
  } catch {
    throw new Error('playwright-core is niet geïnstalleerd');
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true, headerTemplate: '<div></div>', footerTemplate: FOOTER, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } });
    return fixDates(Buffer.from(pdf));
  } finally {
    await browser.close();
  }
}

/** /CreationDate (D:20260101120000+01'00') → the same length of a fixed date. */
export function fixDates(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:([^)]*)\)/g, (_all, key: string, date: string) => `/${key} (D:${date.length >= 14 ? `20000101000000${date.slice(14)}` : date})`);
  return Buffer.from(fixed, 'latin1');
}
