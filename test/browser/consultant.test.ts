/**
 * The consultant's page in headless Chromium: filling a golden case through the form, answering
 * suggested questions in place, loading and saving profiles (the saved YAML must give the CLI's
 * result), keyboard-only use, the print view, and that the profile goes nowhere but this server.
 * The browser modules are served from dist/: run `npm run build` first.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseYamlSubset, profileFromFragment, profileYaml } from '../../src/web/profile-format.js';
import { launchBrowser } from '../support/browser.js';
import { cli } from '../support/cli.js';
import { CATALOGUES, GOLDEN } from '../support/paths.js';
import { startServer, type RunningServer } from '../support/server.js';

type Value = boolean | number | string | string[];

const CASE = join(GOLDEN, 'samen-doen', 'ib2-behoudgericht-alleen-wat-het-document-noemt.yaml');
const golden = parse(readFileSync(CASE, 'utf8')) as {
  profiel: Record<string, Value>;
  verwacht: { producten: Record<string, string | { status: string; clausule: string }>; families: Record<string, string> };
};

let server: RunningServer;
let browser: Browser;
const scratch = mkdtempSync(join(tmpdir(), 'wijzer-consulent-'));

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A fresh page (own context: no state shared between tests), ready when the form is built. */
async function open(path: string): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector('body[data-klaar="ja"]');
  return page;
}

/** Waits until the result shows the given profile (the debounced evaluation has come back). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('#uitkomst')?.hasAttribute('aria-busy') && document.querySelector('#resultaat .uitkomst-catalogus') !== null);
  await page.waitForTimeout(400);
  await page.waitForFunction(() => !document.querySelector('#uitkomst')?.hasAttribute('aria-busy'));
}

/** Fills one fact the way a consultant would: radios, checkboxes, a number field or a select. */
async function fillFact(page: Page, name: string, value: Value): Promise<void> {
  const group = `feit-${name}`;
  if (typeof value === 'number') return page.fill(`#${group}`, String(value));
  if (typeof value === 'boolean') return page.check(`input[name="${group}"][value="${value ? 'ja' : 'nee'}"]`);
  if (Array.isArray(value)) {
    if (value.length === 0) return page.check(`input[name="${group}"][value=""]`);
    for (const item of value) await page.check(`input[name="${group}"][value="${item}"]`);
    return;
  }
  if (await page.locator(`select#${group}`).count()) {
    await page.selectOption(`select#${group}`, value);
    return;
  }
  await page.check(`input[name="${group}"][value="${value}"]`);
}

async function statuses(page: Page): Promise<Record<string, string>> {
  return page.$$eval('#resultaat details.product', (items) => Object.fromEntries(items.map((d) => [(d as HTMLElement).dataset['product']!, (d as HTMLElement).dataset['status']!])));
}

function fragment(profile: object): string {
  return Buffer.from(JSON.stringify(profile), 'utf8').toString('base64url');
}

describe('consultant page', () => {
  it('fills a golden case through the form and shows the expected family result and explanation', async () => {
    const page = await open('/?catalogus=samen-doen');
    for (const [name, value] of Object.entries(golden.profiel)) await fillFact(page, name, value);
    await settled(page);

    const result = await statuses(page);
    for (const [product, expected] of Object.entries(golden.verwacht.producten)) {
      expect(result[product], product).toBe(typeof expected === 'string' ? expected : expected.status);
    }
    const [familie, lightest] = Object.entries(golden.verwacht.families)[0]!;
    const name = await page.textContent(`details.product[data-product="${lightest}"] summary strong`);
    const family = page.locator(`[data-familie="${familie}"] .familie-uitleg`);
    await expect.poll(() => family.textContent()).toContain(name!);

    // The explanation of a failing level: its clause, the actual vs required value, and the quote.
    const [failing, why] = Object.entries(golden.verwacht.producten).find(([, e]) => typeof e === 'object')! as [string, { clausule: string }];
    const product = page.locator(`details.product[data-product="${failing}"]`);
    await product.locator('summary').click();
    const clause = product.locator(`[data-clausule="${why.clausule}"]`);
    await expect.poll(() => clause.isVisible()).toBe(true);
    expect(await clause.locator('.uitkomst').textContent()).toBe('niet voldaan');
    const api = (await (await fetch(`${server.url}/api/catalogi/samen-doen/producten/${failing}`)).json()) as { clausules: { id: string; bron: string }[] };
    const bron = api.clausules.find((c) => c.id === why.clausule)!.bron.trim();
    expect(await clause.locator('blockquote.bron').textContent()).toContain(bron.slice(0, 40));
    expect(await clause.locator('table.details').textContent()).toContain('Vereist');
    await page.context().close();
  });

  it('starts empty and answers the first suggested question in place, moving on to the next', async () => {
    const page = await open('/?catalogus=samen-doen');
    await settled(page);
    const first = page.locator('#vragenlijst li[data-vraag]').first();
    const fact = (await first.getAttribute('data-vraag'))!;
    const answers = first.locator('button[data-waarde]');
    if ((await answers.count()) > 0) {
      await answers.first().click();
    } else if ((await first.locator('input[type="checkbox"]').count()) > 0) {
      await first.locator('input[type="checkbox"]').first().check();
      await first.getByRole('button', { name: 'Beantwoorden' }).click();
    } else {
      await first.locator('input[type="number"]').fill('30');
      await first.locator('input[type="number"]').press('Enter');
    }
    await settled(page);
    // The question is gone, the form shows the answer, and focus sits on the next question.
    expect(await page.locator(`#vragenlijst li[data-vraag="${fact}"]`).count()).toBe(0);
    const inForm = await page.$$eval(`#feiten [data-feit="${fact}"] input`, (inputs) => inputs.some((i) => (i as HTMLInputElement).checked || ((i as HTMLInputElement).type === 'number' && (i as HTMLInputElement).value !== '')));
    expect(inForm).toBe(true);
    const focused = await page.evaluate(() => (document.activeElement?.closest('#vragenlijst li[data-vraag]') as HTMLElement | null)?.dataset['vraag'] ?? null);
    expect(focused).not.toBeNull();
    expect(focused).not.toBe(fact);
    await page.context().close();
  });

  it('loads a profile file (YAML and JSON) into the form and from a #profiel= link', async () => {
    const page = await open('/?catalogus=samen-doen');
    await page.setInputFiles('#laden', join(process.cwd(), 'profielen', 'voorbeeld.yaml'));
    await expect.poll(() => page.inputValue('#feit-leeftijd')).toBe('52');
    expect(await page.isChecked('input[name="feit-problematiek"][value="matig"]')).toBe(true);
    expect(await page.isChecked('input[name="feit-beperkingen"][value="psychiatrisch"]')).toBe(true);
    expect(await page.isChecked('input[name="feit-woont_in_beschermd_wonen"][value="nee"]')).toBe(true);
    await settled(page);

    await page.setInputFiles('#laden', { name: 'inwoner.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ leeftijd: 17, wlz_indicatie: true })) });
    await expect.poll(() => page.inputValue('#feit-leeftijd')).toBe('17');
    expect(await page.isChecked('input[name="feit-wlz_indicatie"][value="ja"]')).toBe(true);
    // Loading replaces the profile: what the JSON does not name is onbekend again.
    expect(await page.isChecked('input[name="feit-problematiek"][value=""]')).toBe(true);

    // A golden case file (with profiel:) loads its profile; a broken file says why in Dutch.
    await page.setInputFiles('#laden', CASE);
    await expect.poll(() => page.inputValue('#feit-leeftijd')).toBe(String(golden.profiel['leeftijd']));
    await page.setInputFiles('#laden', { name: 'kapot.yaml', mimeType: 'text/yaml', buffer: Buffer.from('leeftijd: [52\n') });
    await expect.poll(() => page.textContent('#meldingen')).toContain('niet te lezen');
    await page.context().close();

    const linked = await open(`/?catalogus=samen-doen#profiel=${fragment(golden.profiel)}`);
    await expect.poll(() => linked.inputValue('#feit-leeftijd')).toBe(String(golden.profiel['leeftijd']));
    expect(await linked.isChecked('input[name="feit-inzicht"][value="beperkt"]')).toBe(true);
    expect(linked.url()).not.toContain('profiel=');
    await linked.context().close();
  });

  it('saves the profile as YAML and JSON that wijzer evaluate turns into the same statuses', async () => {
    const page = await open(`/?catalogus=samen-doen#profiel=${fragment(golden.profiel)}`);
    await settled(page);
    const shown = await statuses(page);

    const [yamlDownload] = await Promise.all([page.waitForEvent('download'), page.click('#opslaan-yaml')]);
    expect(yamlDownload.suggestedFilename()).toBe('profiel.yaml');
    const yamlFile = join(scratch, 'profiel.yaml');
    await yamlDownload.saveAs(yamlFile);
    const yamlText = readFileSync(yamlFile, 'utf8');
    expect(parse(yamlText)).toEqual(golden.profiel);

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('#opslaan-json')]);
    const jsonFile = join(scratch, 'profiel.json');
    await jsonDownload.saveAs(jsonFile);
    expect(JSON.parse(readFileSync(jsonFile, 'utf8'))).toEqual(golden.profiel);

    for (const file of [yamlFile, jsonFile]) {
      const run = await cli(['evaluate', file, '--catalogue', join(CATALOGUES, 'samen-doen'), '--format', 'json']);
      expect(run.code, run.stderr).toBe(0);
      const evaluation = JSON.parse(run.stdout) as { producten: { id: string; status: string }[] };
      expect(Object.fromEntries(evaluation.producten.map((p) => [p.id, p.status]))).toEqual(shown);
    }

    const [markdown] = await Promise.all([page.waitForEvent('download'), page.click('#markdown')]);
    const markdownFile = join(scratch, 'uitkomst.md');
    await markdown.saveAs(markdownFile);
    expect(readFileSync(markdownFile, 'utf8')).toContain('Samen Doen');
    await page.context().close();
  });

  it('shows several regions side by side and carries existing indications', async () => {
    const bb = parse(readFileSync(join(GOLDEN, 'toekomst-sociaal-domein', 'bb-bestaande-indicatie-passend.yaml'), 'utf8')) as { profiel: Record<string, Value> };
    const page = await open(`/?catalogus=toekomst-sociaal-domein&catalogus=samen-doen#profiel=${fragment(bb.profiel)}`);
    await settled(page);
    expect(await page.$$eval('#resultaat .uitkomst-catalogus', (s) => s.map((e) => (e as HTMLElement).dataset['catalogus']))).toEqual(['toekomst-sociaal-domein', 'samen-doen']);
    await expect.poll(() => page.locator('#bestaand-individuele-begeleiding-leren-ontwikkelen').isChecked()).toBe(true);
    expect((await statuses(page))['bereik-en-beschikbaarheid']).toBe('passend');

    // Without the existing indication the combination product no longer fits.
    expect(await page.locator('details.bestaand').getAttribute('open')).not.toBeNull();
    await page.uncheck('#bestaand-individuele-begeleiding-leren-ontwikkelen');
    await settled(page);
    expect((await statuses(page))['bereik-en-beschikbaarheid']).not.toBe('passend');
    await page.context().close();
  });

  it('is usable with the keyboard only: Tab reaches a question, the skip link leads to the first field', async () => {
    const page = await open('/?catalogus=samen-doen');
    await settled(page);
    let reached: string | null = null;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => (document.activeElement?.closest('#vragenlijst li[data-vraag]') as HTMLElement | null)?.dataset['vraag'] ?? null);
    }
    expect(reached).not.toBeNull();

    // Answer it with the keyboard alone: tick or press, then move on.
    const item = page.locator(`#vragenlijst li[data-vraag="${reached}"]`);
    if ((await item.locator('button[data-waarde]').count()) > 0) {
      await page.keyboard.press('Enter');
    } else {
      await page.keyboard.press('Space');
      await item.getByRole('button', { name: 'Beantwoorden' }).focus();
      await page.keyboard.press('Enter');
    }
    await settled(page);
    const next = await page.evaluate(() => (document.activeElement?.closest('#vragenlijst li[data-vraag]') as HTMLElement | null)?.dataset['vraag'] ?? null);
    expect(next).not.toBeNull();
    expect(next).not.toBe(reached);

    await page.goto(`${server.url}/?catalogus=samen-doen`);
    await page.waitForSelector('body[data-klaar="ja"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar het formulier');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const firstField = await page.evaluate(() => document.querySelector('#feiten input, #feiten select')?.id);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(firstField);
    await page.context().close();
  });

  it('prints only the result and the facts, and keeps the profile on this server and out of storage', async () => {
    const page = await open('/?catalogus=samen-doen');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    for (const [name, value] of Object.entries(golden.profiel)) await fillFact(page, name, value);
    await settled(page);

    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#feiten')).toBe(false);
    expect(await page.isVisible('#vragen')).toBe(false);
    expect(await page.isVisible('#resultaat .uitkomst-catalogus')).toBe(true);
    expect(await page.textContent('#ingevuld')).toContain(String(golden.profiel['leeftijd']));
    expect(await page.isVisible('#ingevuld')).toBe(true);
    // Closed explanations are printed too.
    expect(await page.locator('details.product:not([open]) .clausule blockquote.bron').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((url) => url.startsWith(server.url))).toBe(true);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);
    const response = await page.request.get(`${server.url}/`);
    expect(response.headers()['content-security-policy']).toContain("connect-src 'self'");
    await page.context().close();
  });
});

describe('profile files in the browser (no YAML library there)', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
  const samples = [...files(GOLDEN), ...files(join(process.cwd(), 'profielen'))];

  it('reads every golden case and example profile exactly as the yaml library does', () => {
    expect(samples.length).toBeGreaterThan(20);
    for (const file of samples) {
      const text = readFileSync(file, 'utf8');
      expect(parseYamlSubset(text), file).toEqual(parse(text) ?? {});
    }
  });

  it('writes YAML that reads back to the same profile, quoting what would change meaning', () => {
    for (const file of samples) {
      const profile = (parse(readFileSync(file, 'utf8')) as { profiel?: Record<string, Value> }).profiel;
      if (profile) expect(parse(profileYaml(profile)), file).toEqual(profile);
    }
    const tricky = { a: 'true', b: '12', c: 'ja: nee', d: ['x #y', 'null'], e: [] as string[], f: 'café' };
    expect(parse(profileYaml(tricky))).toEqual(tricky);
  });

  it('decodes a #profiel= fragment (base64url of UTF-8 JSON) and refuses a broken one', () => {
    expect(profileFromFragment(`#profiel=${fragment({ leeftijd: 40, omschrijving: 'één' })}`)).toEqual({ leeftijd: 40, omschrijving: 'één' });
    expect(profileFromFragment('#iets-anders')).toBeUndefined();
    expect(() => profileFromFragment('#profiel=bm90IGpzb24')).toThrow('geen geldige JSON');
  });
});
