import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../src/diagnostics/codes.js';
import { loadCatalogue, loadProduct } from '../src/catalogue/load.js';
import { loadScope } from '../src/vocabulary/scope.js';
import { checkQuotes } from '../src/check/sources.js';
import { runGoldenCases } from '../src/golden/runner.js';
import { fromRoot } from '../src/util/files.js';
import { FIXTURES, readHeader } from './support/negative-fixtures.js';

const temp = () => mkdtempSync(join(tmpdir(), 'wijzer-codes-'));

describe('diagnostic codes that are not about file content', () => {
  it('WZ112: a folder where a file is expected; WZ109: a file where a catalogue folder is expected', () => {
    expect(loadProduct(temp()).diagnostics.map((d) => d.code)).toEqual(['WZ112']);
    const file = join(temp(), 'regio.yaml');
    writeFileSync(file, 'naam: x\n');
    expect(loadCatalogue(file).diagnostics.map((d) => d.code)).toEqual(['WZ109']);
  });

  it('WZ307 and WZ308: a catalogue folder without regio.yaml and without products', () => {
    expect(loadCatalogue(temp()).diagnostics.map((d) => d.code)).toEqual(['WZ307', 'WZ308']);
  });

  it('WZ605: a rules folder without facts', () => {
    expect(loadScope(temp()).diagnostics.map((d) => d.code)).toEqual(['WZ605']);
  });

  it('WZ805: the source document is not in the --bronnen folder', () => {
    const catalogue = loadCatalogue(join(FIXTURES, '_basis')).catalogue!;
    expect(checkQuotes(catalogue, temp()).map((d) => d.code)).toEqual(['WZ805']);
  });

  it('WZ803: golden cases for a catalogue that does not exist', async () => {
    const root = temp();
    mkdirSync(join(root, 'bestaat-niet'));
    writeFileSync(join(root, 'bestaat-niet', 'casus.yaml'), 'naam: x\nbron: een zin\nprofiel: {}\nverwacht: { producten: { a: passend } }\n');
    const results = await runGoldenCases({ root, catalogueRoot: fromRoot('catalogue') });
    expect(results[0]!.diagnostics.map((d) => d.code)).toEqual(['WZ803']);
  });
});

describe('the code catalogue', () => {
  it('is covered: every code has a negative fixture or a test that produces it', () => {
    const covered = new Set<string>();
    for (const kind of readdirSync(FIXTURES).filter((k) => !k.startsWith('_'))) {
      for (const name of readdirSync(join(FIXTURES, kind))) readHeader(join(FIXTURES, kind, name)).expected.forEach((e) => covered.add(e.code));
    }
    const analysisFixtures = fromRoot('test', 'fixtures', 'analyse');
    for (const name of readdirSync(analysisFixtures)) {
      for (const match of readFileSync(join(analysisFixtures, name, 'verwacht.yaml'), 'utf8').matchAll(/(WZ\d{3}) /g)) covered.add(match[1]!);
    }
    const testDir = fromRoot('test');
    for (const name of readdirSync(testDir).filter((n) => n.endsWith('.test.ts'))) {
      for (const match of readFileSync(join(testDir, name), 'utf8').matchAll(/'(WZ\d{3})'/g)) covered.add(match[1]!);
    }
    const missing = Object.keys(CODES).filter((code) => !covered.has(code));
    expect(missing).toEqual([]);
  });

  it('has a Dutch message and a hint for every code', () => {
    for (const [code, def] of Object.entries(CODES)) {
      const anyParam = new Proxy({}, { get: () => 'x' }) as Record<string, string>;
      const message = def.message(anyParam);
      expect(message.length, code).toBeGreaterThan(3);
      expect(message, code).not.toMatch(/undefined|\[object/);
      expect(def.hint, `${code} tells how to fix it`).toBeDefined();
    }
  });
});
