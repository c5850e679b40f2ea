/**
 * wijzer document: the product description document regenerated from the catalogue. Expected
 * output files live in test/document/ (refresh them with `npm run test:update`); every product of
 * every bundled catalogue appears with its criteria and quotes; catalogue text is escaped; the
 * output is the same bytes on every run; bad input gets coded Dutch diagnostics.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { documentCommand } from '../src/cli/commands/document.js';
import { renderDocument, escapeHtml, escapeMarkdown } from '../src/document/index.js';
import { prepareCatalogue, prepareScope } from '../src/pipeline.js';
import { fromRoot } from '../src/util/files.js';
import type { Catalogue } from '../src/catalogue/types.js';
import type { Scope } from '../src/check/typecheck.js';
import { cli } from './support/cli.js';

const EXPECTED = fromRoot('test', 'document');
const CATALOGUES = readdirSync(fromRoot('catalogue')).sort();
const temp = () => mkdtempSync(join(tmpdir(), 'wijzer-document-'));

function load(id: string): { catalogue: Catalogue; scope: Scope } {
  const prepared = prepareCatalogue(fromRoot('catalogue', id), prepareScope());
  expect(prepared.compiled, id).toBeDefined();
  return { catalogue: prepared.catalogue!, scope: prepared.scope! };
}

/** Text as the document shows it: white space collapsed, then escaped for the format. */
const inHtml = (text: string) => escapeHtml(text.trim().replace(/\s+/g, ' '));
const inMarkdown = (text: string) => escapeMarkdown(text.trim());

describe('expected output', () => {
  it.each([
    ['samen-doen', 'md'],
    ['samen-doen', 'html'],
    ['ambulante-hulp-duurzaam', 'md'],
  ])('%s as %s', async (id, format) => {
    const result = await cli(['document', `catalogue/${id}`, '--format', format]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(join(EXPECTED, `${id}.${format}`));
  });
});

describe('every product of every bundled catalogue', () => {
  it.each(CATALOGUES)('%s: name, criteria with their rule and quote, limits, follow-ups', (id) => {
    const { catalogue, scope } = load(id);
    const html = renderDocument(catalogue, 'html', scope);
    const md = renderDocument(catalogue, 'md', scope);
    for (const [doc, show] of [
      [html, inHtml],
      [md, inMarkdown],
    ] as const) {
      expect(doc).toContain(show(catalogue.region.naam));
      expect(doc).toContain(show(catalogue.region.bron.titel));
      for (const product of catalogue.products) {
        expect(doc, product.id).toContain(show(product.naam));
        expect(doc).toContain(`id="product-${product.id}"`);
        expect(doc).toContain(`#product-${product.id}`);
        for (const clause of [...product.voorwaarden, ...product.uitsluitingen, ...product.kenmerken]) {
          expect(doc, `${product.id}/${clause.id}`).toContain(show(clause.reden));
          expect(doc, `${product.id}/${clause.id}`).toContain(show(clause.bron));
        }
        for (const limiet of product.limieten) expect(doc, `${product.id}/${limiet.id}`).toContain(show(limiet.bron));
        for (const v of product.vervolg) expect(doc).toContain(show(v.bron));
        for (const code of [...(product.productcodes.wmo ?? []), ...(product.productcodes.jeugd ?? [])]) expect(doc).toContain(code);
        for (const text of Object.values(product.beschrijving ?? {})) expect(doc, product.id).toContain(show(text));
      }
    }
  });
});

describe('escaping', () => {
  it('shows hostile catalogue text as text, never as markup', async () => {
    const folder = join(temp(), 'vijandig');
    cpSync(fromRoot('catalogue', 'samen-doen'), folder, { recursive: true });
    const file = join(folder, 'producten', 'vervoer.yaml');
    const source = readFileSync(file, 'utf8');
    writeFileSync(file, source.replace(/^naam: .*$/m, 'naam: "<script>alert(1)</script> & \'x\' [link](http://x) *vet*"'));
    const html = await cli(['document', folder, '--format', 'html']);
    expect(html.stderr).toBe('');
    expect(html.code).toBe(0);
    expect(html.stdout).not.toContain('<script>');
    expect(html.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;x&#39;');
    const md = await cli(['document', folder, '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).not.toContain('<script>');
    expect(md.stdout).toContain('\\<script\\>alert(1)\\</script\\> \\& \'x\' \\[link\\](http://x) \\*vet\\*');
  });

  it('escapes every character with a meaning in HTML or Markdown', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeMarkdown('- a | b_c `d` # e')).toBe('\\- a \\| b\\_c \\`d\\` \\# e');
    expect(escapeMarkdown('1. eerst')).toBe('1\\. eerst');
  });
});

describe('output', () => {
  it('is the same bytes on every run (no timestamps) and goes through -o', async () => {
    const dir = temp();
    for (const format of ['html', 'md']) {
      const a = await cli(['document', 'catalogue/toekomst-sociaal-domein', '--format', format, '-o', join(dir, `a.${format}`)]);
      const b = await cli(['document', 'catalogue/toekomst-sociaal-domein', '-o', join(dir, `b.${format}`)]);
      expect(a.code).toBe(0);
      expect(b.code).toBe(0);
      expect(a.stdout).toMatch(/^Productbeschrijvingen van Toekomst Sociaal Domein \(12 producten\) geschreven naar /);
      // Without --format the extension of -o decides.
      expect(readFileSync(join(dir, `b.${format}`))).toEqual(readFileSync(join(dir, `a.${format}`)));
    }
    expect(readFileSync(join(dir, 'a.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toMatch(/^# /);
  });

  it('is self-contained printable HTML: inline CSS, print rules, no scripts or external assets', async () => {
    const { stdout } = await cli(['document', 'catalogue/nmd-samenwerking']);
    expect(stdout).toContain('<style>');
    expect(stdout).toMatch(/@media print \{[^]*section\.product ~ section\.product \{ break-before: page;/);
    expect(stdout).toMatch(/@media print \{[^]*\.terug \{ display: none; \}/);
    expect(stdout).not.toMatch(/<script|<link|src=|url\(|https?:\/\//);
    expect(stdout).toContain('<nav class="inhoud" id="inhoud"');
  });
});

describe('bad input', () => {
  it.each([
    [[], 2, 'WZ902'],
    [['catalogue/samen-doen', 'catalogue/nmd-samenwerking'], 2, 'WZ902'],
    [['catalogue/samen-doen', '--format', 'docx'], 2, 'WZ904'],
    [['catalogue/samen-doen', '--formaat', 'md'], 2, 'WZ903'],
    [['catalogue/samen-doen', '--format', 'pdf'], 2, 'WZ902'],
    [['catalogue/samen-doen', '-o', 'catalogue/samen-doen/document.html'], 1, 'WZ120'],
    [['catalogue/samen-doen', '-o', 'rules/document.md'], 1, 'WZ120'],
    [['catalogue/bestaat-niet'], 1, 'WZ101'],
  ])('wijzer document %j → exit %i, %s', async (args, code, expected) => {
    const result = await cli(['document', ...args]);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${expected}`);
    expect(result.stderr).toMatch(/fout/);
  });

  it('an output path that cannot be written: WZ121', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'bestand'), 'x');
    const result = await cli(['document', 'catalogue/samen-doen', '-o', join(dir, 'bestand', 'document.html')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WZ121');
  });

  it('a catalogue with errors is not documented', async () => {
    const folder = join(temp(), 'kapot');
    cpSync(fromRoot('catalogue', 'samen-doen'), folder, { recursive: true });
    const file = join(folder, 'producten', 'vervoer.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {6}als: .*$/m, '      als: bestaat_niet_feit'));
    const result = await cli(['document', folder, '-o', join(temp(), 'document.html')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/WZ\d{3}/);
  });

  it('PDF without Chromium: WZ930', async () => {
    let stderr = '';
    const code = await documentCommand(['catalogue/samen-doen', '-o', join(temp(), 'document.pdf')], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => ((stderr += t), true) },
      stdin: Readable.from(['']),
      cwd: fromRoot(),
      env: { NO_COLOR: '1', WIJZER_CHROMIUM: join(temp(), 'geen-chromium') },
    } as never);
    expect(code).toBe(1);
    expect(stderr).toContain('WZ930');
  });
});

describe('PDF through headless Chromium', () => {
  it('prints the document to a PDF, the same bytes twice', async (ctx) => {
    ctx.skip(!existsSync('/usr/bin/chromium'), 'geen /usr/bin/chromium op deze machine');
    const dir = temp();
    const a = await cli(['document', 'catalogue/nmd-samenwerking', '--format', 'pdf', '-o', join(dir, 'a.pdf')]);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    const b = await cli(['document', 'catalogue/nmd-samenwerking', '-o', join(dir, 'b.pdf')]);
    expect(b.code).toBe(0);
    const pdf = readFileSync(join(dir, 'a.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(readFileSync(join(dir, 'b.pdf'))).toEqual(pdf);
  });
});
