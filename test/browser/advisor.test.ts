/**
 * The advisor's pages in headless Chromium: catalogue browser, findings with "open in de
 * evaluatie", differences and impact; plus their Dutch error pages and escaping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { analyseFolder } from '../../src/analysis/folder.js';
import { prepareCatalogue, prepareScope } from '../../src/pipeline.js';
import { markdownToHtml } from '../../src/server/pages/markdown.js';
import { launchBrowser } from '../support/browser.js';
import { CATALOGUES } from '../support/paths.js';
import { startServer, type RunningServer } from '../support/server.js';

/** The bundled catalogue with open gaps (see `wijzer analyse`). */
const WITH_GAPS = 'dienstomschrijvingen-begeleiding-dagbesteding';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('catalogue browser', () => {
  it("shows a product's criteria with their kind, reason and quote", async () => {
    const prepared = prepareCatalogue(join(CATALOGUES, 'samen-doen'));
    const product = prepared.catalogue!.products.find((p) => p.voorwaarden.length > 0 && p.uitsluitingen.length + p.kenmerken.length > 0)!;
    const voorwaarde = product.voorwaarden[0]!;
    await page.goto(`${server.url}/catalogus/samen-doen`);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    const section = page.locator(`#product-${product.id}`);
    await expect(section.locator('h3').textContent()).resolves.toContain(product.naam);
    const clause = section.locator(`#clausule-${product.id}-${voorwaarde.id}`);
    expect(await clause.locator('.soort').textContent()).toBe('voorwaarde');
    expect(await clause.locator('.reden').textContent()).toBe(voorwaarde.reden);
    expect((await clause.locator('blockquote.bron').textContent())?.trim()).toBe(voorwaarde.bron.trim());
    const kinds = await section.locator('.clausule > .soort').allTextContents();
    expect(new Set(kinds)).toEqual(new Set([...(product.voorwaarden.length ? ['voorwaarde'] : []), ...(product.uitsluitingen.length ? ['uitsluiting'] : []), ...(product.kenmerken.length ? ['kenmerk'] : []), ...(product.limieten.length ? ['limiet'] : [])]));
    // Product codes and the unit are on the card.
    const details = await section.locator('table.details').textContent();
    for (const code of product.productcodes.wmo ?? []) expect(details).toContain(code);
  });

  it('links follow-ups, definitions and facts within the page, by keyboard', async () => {
    const prepared = prepareCatalogue(join(CATALOGUES, 'samen-doen'));
    const product = prepared.catalogue!.products.find((p) => p.vervolg.some((v) => v.product))!;
    const target = product.vervolg.find((v) => v.product)!.product!;
    await page.goto(`${server.url}/catalogus/samen-doen`);
    await page.locator(`#product-${product.id} a[href="#product-${target}"]`).first().focus();
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe(`#product-${target}`);
    // Every in-page link points at an element that exists.
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1)).filter((id) => id !== '' && !document.getElementById(id)),
    );
    expect(broken).toEqual([]);
    expect(await page.locator('#feiten tr[id^="feit-"]').count()).toBeGreaterThan(3);
  });

  it('answers an unknown catalogue with a Dutch 404 page and escapes what it repeats', async () => {
    const response = await fetch(`${server.url}/catalogus/%3Cscript%3Ealert(1)%3C%2Fscript%3E`);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).toContain('Niet gevonden');
    expect(body).toContain('&lt;script&gt;');
    expect(body).not.toContain('<script>alert');
  });
});

describe('findings', () => {
  it('lists a gap with its counterexample and opens it in the evaluation', async () => {
    const analysis = analyseFolder(join(CATALOGUES, WITH_GAPS), prepareScope());
    const gap = analysis.findings!.find((f) => f.reproduce?.kind === 'gat' && !f.acknowledged)!;
    expect(gap).toBeDefined();
    await page.goto(`${server.url}/bevindingen/${WITH_GAPS}`);
    const item = page.locator(`li.bevinding[data-sleutel="${gap.key}"]`);
    expect(await item.locator('.code').textContent()).toBe(gap.diagnostic.code);
    expect(await item.locator('.bericht').textContent()).toBe(gap.diagnostic.message);
    expect(await item.locator('.plek').textContent()).toMatch(new RegExp(`^catalogue/${WITH_GAPS}/producten/.+\\.yaml:\\d+:\\d+$`));
    await item.locator('a.open-evaluatie').click();
    await page.waitForURL((url) => url.pathname === '/');
    const url = new URL(page.url());
    expect(url.searchParams.get('catalogus')).toBe(WITH_GAPS);
    const encoded = /^#profiel=([A-Za-z0-9_-]+)$/.exec(url.hash)?.[1];
    expect(JSON.parse(Buffer.from(encoded!, 'base64url').toString('utf8'))).toEqual(gap.counterexample);
    // The consultant's page takes the region from the link.
    await expect.poll(() => page.isChecked(`#regio-${WITH_GAPS}`), { timeout: 15_000 }).toBe(true);
  });

  it('shows acknowledged findings too, with their reason', async () => {
    await page.goto(`${server.url}/bevindingen/samen-doen`);
    const acknowledged = page.locator('li.bevinding.erkend');
    expect(await acknowledged.count()).toBeGreaterThan(0);
    expect(await acknowledged.first().locator('.bericht').textContent()).toContain('Erkend');
    expect(await acknowledged.first().locator('a.open-evaluatie').count()).toBe(1);
  });
});

describe('differences', () => {
  it('shows the diff between two regions chosen in the form', async () => {
    await page.goto(`${server.url}/verschillen`);
    await page.selectOption('#a', 'samen-doen');
    await page.selectOption('#b', 'toekomst-sociaal-domein');
    await page.getByRole('button', { name: "Vergelijk regio's" }).click();
    await page.waitForURL(/a=samen-doen&b=toekomst-sociaal-domein/);
    const report = page.locator('section.rapport.verschillen');
    expect(await report.locator('h2').first().textContent()).toBe('Verschillen: samen-doen → toekomst-sociaal-domein');
    expect(await report.locator('table').count()).toBeGreaterThan(0);
    expect(await report.textContent()).toContain('Alleen in samen-doen');
  });

  it('shows the purchasing matrix of every served region', async () => {
    await page.goto(`${server.url}/verschillen?vergelijk=1`);
    const headers = await page.locator('section.vergelijking thead th').allTextContents();
    expect(headers).toContain('Samen Doen');
    expect(headers).toContain('Toekomst Sociaal Domein');
  });

  it('answers a bad git version with WZ110 in Dutch, no stack trace', async () => {
    const response = await fetch(`${server.url}/verschillen?catalogus=samen-doen&versie=bestaat-niet-123`);
    expect(response.status).toBe(422);
    const body = await response.text();
    expect(body).toContain('WZ110');
    expect(body).toContain('is niet te vinden in git');
    expect(body).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(body).not.toContain(CATALOGUES);
  });
});

describe('impact', () => {
  it('renders the transition matrix for a small generated population', async () => {
    await page.goto(`${server.url}/impact?catalogus=samen-doen&base=HEAD&aantal=40`);
    const report = page.locator('.impactrapport');
    expect(await report.locator('.voortgang-stap:visible').textContent()).toContain('40 van 40 profielen');
    expect(await report.locator('.rapport h2').textContent()).toBe('Impact: samen-doen@HEAD → samen-doen');
    expect(await report.locator('.rapport p').first().textContent()).toContain('40 profielen');
    expect(await report.locator('.rapport table').count()).toBeGreaterThan(0);
    expect(await report.locator('.rapport th', { hasText: 'was ↓ / wordt →' }).count()).toBeGreaterThan(0);
  });

  it('refuses more profiles than the cap with WZ904', async () => {
    const response = await fetch(`${server.url}/impact?catalogus=samen-doen&base=HEAD&aantal=20001`);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('WZ904');
  });
});

describe('Markdown of the reports as HTML', () => {
  it('escapes text and keeps only the report constructs', () => {
    const out = markdownToHtml('# Kop <img src=x onerror=alert(1)>\n\n| A | B |\n|---|---|\n| x \\| y | <script>z</script><br>w |\n\n- **vet** `code`\n|lone');
    expect(out).not.toMatch(/<img|<script/);
    expect(out).toContain('<h2>Kop &lt;img src=x onerror=alert(1)&gt;</h2>');
    expect(out).toContain('<th scope="row">x | y</th>');
    expect(out).toContain('<td>&lt;script&gt;z&lt;/script&gt;<br>w</td>');
    expect(out).toContain('<li><strong>vet</strong> <code>code</code></li>');
    expect(out).toContain('<p>|lone</p>');
  });
});
