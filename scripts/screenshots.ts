/**
 * Screenshots of every page for the README (docs/screenshots/*.png): starts `wijzer serve`
 * in-process on a free loopback port with the bundled catalogues and drives Debian's Chromium.
 * Run with `npm run screenshots` (after `npm run build`, which compiles the browser modules).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadYamlFile } from '../src/yaml/load.js';
import { fromRoot } from '../src/util/files.js';
import { startServer } from '../test/support/server.js';
import { launchBrowser } from '../test/support/browser.js';
import { prepareCatalogue, prepareScope } from '../src/pipeline.js';
import { renderDocument } from '../src/document/index.js';
import type { Browser } from 'playwright-core';

const OUT = fromRoot('docs', 'screenshots');
/** The golden case the consultant page shows: a profile with a clear, explained result. */
const GOLDEN_CASE = fromRoot('test', 'golden', 'samen-doen', 'bg-ontwikkelgericht.yaml');
const MAX_HEIGHT = 2200;
const IMPACT_BASE = 'd0a5a1e~1';

function goldenProfile(): object {
  const loaded = loadYamlFile<{ profiel?: object }>(GOLDEN_CASE, 'golden.schema.json');
  if (!loaded.value?.profiel) throw new Error(`screenshots: ${GOLDEN_CASE} has no profiel`);
  return loaded.value.profiel;
}

/** The page from the top, at most MAX_HEIGHT pixels tall (the catalogue page is very long). */
async function shoot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = page.viewportSize()!.width;
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, MAX_HEIGHT) } });
  console.log(`docs/screenshots/${name}.png`);
}

/** The product description document of `wijzer document` (HTML, screen media) at one product's section. */
async function shootDocument(browser: Browser): Promise<void> {
  const prepared = prepareCatalogue(fromRoot('catalogue', 'samen-doen'), prepareScope());
  if (!prepared.catalogue) throw new Error('screenshots: catalogue/samen-doen does not load');
  const page = await browser.newPage({ viewport: { width: 1100, height: 1500 }, deviceScaleFactor: 1 });
  await page.setContent(renderDocument(prepared.catalogue, 'html', prepared.scope), { waitUntil: 'load' });
  await page.evaluate(() => document.getElementById('product-ib2-ontwikkelgericht')!.scrollIntoView());
  await page.screenshot({ path: join(OUT, 'document-samen-doen.png') });
  console.log('docs/screenshots/document-samen-doen.png');
  await page.close();
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  // `npm run screenshots -- document` makes only the document's screenshot (no server needed).
  if (process.argv.includes('document')) {
    const browser = await launchBrowser();
    try {
      await shootDocument(browser);
    } finally {
      await browser.close();
    }
    return;
  }
  const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const profile = Buffer.from(JSON.stringify(goldenProfile()), 'utf8').toString('base64url');
    await page.goto(`${server.url}/?catalogus=samen-doen#profiel=${profile}`, { waitUntil: 'networkidle' });
    // The result renders after the first evaluation; a screenshot without it would mislead.
    await page.locator('.familie, .uitkomst-catalogus').first().waitFor({ timeout: 15_000 }).catch(() => console.warn('screenshots: the consultant page shows no result'));
    await shoot(page, 'consulent');

    await page.goto(`${server.url}/catalogus/samen-doen#product-begeleiding-groep-ontwikkelgericht`);
    await page.screenshot({ path: join(OUT, 'catalogus.png') });
    console.log('docs/screenshots/catalogus.png');

    await page.goto(`${server.url}/bevindingen/dienstomschrijvingen-begeleiding-dagbesteding`);
    await shoot(page, 'bevindingen');

    await page.goto(`${server.url}/verschillen?a=samen-doen&b=toekomst-sociaal-domein`);
    await shoot(page, 'verschillen');

    await page.goto(`${server.url}/verschillen?vergelijk=1`);
    await shoot(page, 'vergelijking');

    // A fixed commit before the second pass on Samen Doen, so the matrix shows real transitions.
    await page.goto(`${server.url}/impact?catalogus=samen-doen&base=${IMPACT_BASE}&aantal=500`, { timeout: 120_000 });
    await shoot(page, 'impact');

    await shootDocument(browser);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
