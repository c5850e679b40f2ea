/**
 * wijzer export: the productcodelijst (CSV, JSON, xlsx) against expected files in test/export/
 * (refresh them with one command: npm run test:update), the catalogue workbook read back with
 * exceljs, byte-identical repeated exports, and the coded diagnostics for bad input.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/load.js';
import { checkQuotes } from '../src/check/sources.js';
import { productFrequentie } from '../src/catalogue/limits.js';
import { fixZipTimes } from '../src/export/xlsx.js';
import { fromRoot } from '../src/util/files.js';
import { cli } from './support/cli.js';

const EXPECTED = fromRoot('test', 'export');
const catalogues = readdirSync(fromRoot('catalogue')).sort();
const temp = () => mkdtempSync(join(tmpdir(), 'wijzer-export-'));

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, n: number): string[] {
  const values = sheet.getRow(n).values as unknown[];
  return values.slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
}

describe('wijzer export productcodes', () => {
  for (const name of catalogues) {
    it(`${name}: CSV as Dutch Excel opens it`, async () => {
      const result = await cli(['export', 'productcodes', `catalogue/${name}`]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout.startsWith('\uFEFFWet;Productcategorie;')).toBe(true);
      // CRLF between rows, no bare line feeds.
      expect(result.stdout.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      await expect(result.stdout).toMatchFileSnapshot(join(EXPECTED, `${name}.productcodes.csv`));
    });

    it(`${name}: JSON`, async () => {
      const result = await cli(['export', 'productcodes', `catalogue/${name}`, '--format', 'json']);
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout) as { formaat: string; catalogus: string; producten: unknown[] };
      expect(json.formaat).toBe('wijzer-productcodes/1');
      expect(json.catalogus).toBe(name);
      expect(json.producten.length).toBeGreaterThan(0);
      await expect(result.stdout).toMatchFileSnapshot(join(EXPECTED, `${name}.productcodes.json`));
    });
  }

  it('writes the code list with -o through the atomic writer, and the same bytes on stdout', async () => {
    const dir = temp();
    const out = join(dir, 'lijst.csv');
    const written = await cli(['export', 'productcodes', 'catalogue/samen-doen', '-o', out]);
    expect(written.code).toBe(0);
    // As compile, impact and document do: the confirmation on stdout, nothing on stderr.
    expect(written.stdout).toContain('geschreven naar');
    expect(written.stderr).toBe('');
    const stdout = await cli(['export', 'productcodes', 'catalogue/samen-doen']);
    expect(readFileSync(out, 'utf8')).toBe(stdout.stdout);
  });

  it('rows carry wet, categorie, eenheid and frequentie with their iWmo/iJw codes', async () => {
    const samenDoen = (await cli(['export', 'productcodes', 'catalogue/samen-doen'])).stdout.split('\r\n');
    expect(samenDoen).toContain('Wmo;02;begeleiding;02A04;Individuele begeleiding 1 ontwikkelgericht;ib1-ontwikkelgericht;minuut;01;;;2026-01-01;');
    const nmd = (await cli(['export', 'productcodes', 'catalogue/nmd-samenwerking'])).stdout.split('\r\n');
    // The document names no national codes: one row per wet of the region, code left empty; frequentie per week (2).
    expect(nmd).toContain('Jeugdwet;;;;Ambulante begeleiding Specialistisch;ab-specialistisch;uur;04;per week;2;2026-01-01;');
    const ahd = JSON.parse((await cli(['export', 'productcodes', 'catalogue/ambulante-hulp-duurzaam', '--format', 'json'])).stdout) as {
      producten: { product_id: string; wet: string; frequentie: { iwmo_code: string } | null }[];
    };
    expect(ahd.producten.find((p) => p.product_id === 'ambulante-hulp-duurzaam-1')).toMatchObject({ wet: 'Jeugdwet', frequentie: { iwmo_code: '6' } });
    expect(ahd.producten.find((p) => p.product_id === 'ambulante-hulp-duurzaam-maatwerk')?.frequentie).toBeNull();
  });

  it('reads product dates defensively: a product version with geldig_vanaf/geldig_tot shows its own period', async () => {
    const dir = join(temp(), 'samen-doen');
    cpSync(fromRoot('catalogue', 'samen-doen'), dir, { recursive: true });
    const file = join(dir, 'producten', 'vervoer.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^naam: /m, 'geldig_vanaf: 2026-03-01\ngeldig_tot: 2026-12-31\nnaam: '));
    const result = await cli(['export', 'productcodes', dir]);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\r\n')).toContain('Wmo;08;vervoerdiensten;08L01;Vervoer begeleiding groep;vervoer;etmaal;14;;;2026-03-01;2026-12-31');
  });

  it('as a workbook keeps the codes as text (leading zeros)', async () => {
    const out = join(temp(), 'codes.xlsx');
    const result = await cli(['export', 'productcodes', 'catalogue/samen-doen', '--format', 'xlsx', '-o', out]);
    expect(result.code).toBe(0);
    const sheet = (await readWorkbook(out)).getWorksheet('Productcodes')!;
    expect(rowValues(sheet, 1)).toEqual([
      'Wet',
      'Productcategorie',
      'Productcategorie (naam)',
      'Productcode',
      'Productnaam',
      'Product-id',
      'Eenheid',
      'Eenheid (code)',
      'Frequentie',
      'Frequentie (code)',
      'Geldig vanaf',
      'Geldig tot',
    ]);
    expect(rowValues(sheet, 2).slice(0, 4)).toEqual(['Wmo', '02', 'begeleiding', '02A04']);
    expect(sheet.getRow(2).getCell(8).value).toBe('01');
  });
});

describe('wijzer export catalogus', () => {
  it('one workbook for all five catalogues: products, criteria, follow-ups, codes and the compare matrix', async () => {
    const out = join(temp(), 'catalogus.xlsx');
    const result = await cli(['export', 'catalogus', ...catalogues.map((c) => `catalogue/${c}`), '-o', out]);
    expect(result.stdout).toContain('geschreven naar');
    expect(result.code).toBe(0);
    const workbook = await readWorkbook(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Producten', 'Criteria', 'Vervolg', 'Productcodes', 'Vergelijking']);
    expect(workbook.creator).toBe('wijzer');
    expect(workbook.created.toISOString()).toBe('2000-01-01T00:00:00.000Z');

    const products = workbook.getWorksheet('Producten')!;
    const headers = rowValues(products, 1);
    expect(headers.slice(0, 4)).toEqual(['Catalogus', 'Regio', 'Product-id', 'Naam']);
    expect(headers).toEqual(expect.arrayContaining(['Frequentie', 'Frequentie (code)', 'Geldig vanaf', 'Functiemix', 'Limieten', 'Doel', 'Bestand']));
    const total = catalogues.reduce((n, c) => n + readdirSync(fromRoot('catalogue', c, 'producten')).length, 0);
    expect(products.rowCount).toBe(total + 1);
    const col = (name: string) => headers.indexOf(name);
    const ab = [...Array(products.rowCount).keys()].map((i) => rowValues(products, i + 1)).find((r) => r[2] === 'ab-specialistisch')!;
    expect(ab[col('Frequentie')]).toBe('per week');
    expect(ab[col('Frequentie (bron)')]).toBe('Voor begeleiding staat in de beschikking het aantal uren per week.');
    expect(ab[col('Bestand')]).toBe('producten/ab-specialistisch.yaml');

    const criteria = workbook.getWorksheet('Criteria')!;
    expect(rowValues(criteria, 1).slice(0, 8)).toEqual(['Catalogus', 'Product-id', 'Product', 'Soort', 'Id', 'Regel', 'Reden', 'Bron']);
    const kinds = new Set([...Array(criteria.rowCount - 1).keys()].map((i) => rowValues(criteria, i + 2)[3]));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['kenmerk', 'limiet', 'uitsluiting', 'voorwaarde']));
    const limiet = [...Array(criteria.rowCount - 1).keys()].map((i) => rowValues(criteria, i + 2)).find((r) => r[1] === 'ambulante-hulp-duurzaam-1' && r[4] === 'intensiteit')!;
    expect(limiet[5]).toBe('volume maximaal 90 uur per traject (frequentie 6)');
    expect(limiet[7]).toBe('Ambulante hulp Duurzaam 1: 90 uur');

    const vervolg = workbook.getWorksheet('Vervolg')!;
    expect(rowValues(vervolg, 1)).toEqual(['Catalogus', 'Product-id', 'Product', 'Vervolg', 'Vervolg (product-id)', 'Richting', 'Bron']);
    expect(vervolg.rowCount).toBeGreaterThan(1);

    const matrix = workbook.getWorksheet('Vergelijking')!;
    expect(rowValues(matrix, 1)).toEqual(['Soort ondersteuning', 'Ambulante hulp Duurzaam', 'Dienstomschrijvingen Begeleiding en Dagbesteding', 'NMD-samenwerking', 'Samen Doen', 'Toekomst Sociaal Domein']);
  });

  it('one region: no compare matrix; the criteria are worded as the explanations word them', async () => {
    const out = join(temp(), 'samen-doen.xlsx');
    expect((await cli(['export', 'catalogus', 'catalogue/samen-doen', '-o', out])).code).toBe(0);
    const workbook = await readWorkbook(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Producten', 'Criteria', 'Vervolg', 'Productcodes']);
    const criteria = workbook.getWorksheet('Criteria')!;
    const first = rowValues(criteria, 2);
    expect(first[0]).toBe('samen-doen');
    expect(first[5]!.length).toBeGreaterThan(0);
    expect(first[7]!.length).toBeGreaterThan(3);
  });

  it('same input, same bytes: twice exported, byte-identical (xlsx and csv)', async () => {
    const dir = temp();
    const args = ['export', 'catalogus', 'catalogue/samen-doen', 'catalogue/toekomst-sociaal-domein'];
    expect((await cli([...args, '-o', join(dir, 'a.xlsx')])).code).toBe(0);
    await new Promise((r) => setTimeout(r, 2100)); // zip times have a resolution of two seconds
    expect((await cli([...args, '-o', join(dir, 'b.xlsx')])).code).toBe(0);
    expect(readFileSync(join(dir, 'a.xlsx')).equals(readFileSync(join(dir, 'b.xlsx')))).toBe(true);
    const csv = ['export', 'productcodes', 'catalogue/nmd-samenwerking'];
    expect((await cli(csv)).stdout).toBe((await cli(csv)).stdout);
  });

  it('fixZipTimes leaves a zip without entries intact and refuses what is no zip', () => {
    const empty = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);
    expect(fixZipTimes(empty).equals(empty)).toBe(true);
    expect(() => fixZipTimes(Buffer.alloc(40))).toThrow();
  });
});

describe('wijzer export: bad input', () => {
  it("WZ101: an unknown catalogue folder (exit 1)", async () => {
    const result = await cli(['export', 'productcodes', 'catalogue/bestaat-niet']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WZ101');
    expect(result.stdout).toBe('');
  });

  it("WZ904: a format the export does not have (exit 2)", async () => {
    const bad = await cli(['export', 'productcodes', 'catalogue/samen-doen', '--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('WZ904');
    expect(bad.stderr).toContain('csv, json, xlsx');
    const csv = await cli(['export', 'catalogus', 'catalogue/samen-doen', '--format', 'csv', '-o', join(temp(), 'x.csv')]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('WZ904');
  });

  it("WZ935: a workbook needs -o (exit 2)", async () => {
    for (const args of [['export', 'catalogus', 'catalogue/samen-doen'], ['export', 'productcodes', 'catalogue/samen-doen', '--format', 'xlsx']]) {
      const result = await cli(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('WZ935');
      expect(result.stdout).toBe('');
    }
  });

  it("WZ936 for an unknown export, WZ902 for a missing one or a missing catalogue (exit 2)", async () => {
    const unknown = await cli(['export', 'productcode', 'catalogue/samen-doen']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('WZ936');
    expect(unknown.stderr).toContain("Bedoelt u 'productcodes'?");
    for (const args of [['export'], ['export', 'productcodes'], ['export', 'productcodes', 'catalogue/samen-doen', 'catalogue/nmd-samenwerking']]) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('WZ902');
    }
  });

  it('WZ120: never writes onto or into an input (exit 1)', async () => {
    const result = await cli(['export', 'catalogus', 'catalogue/samen-doen', '-o', 'catalogue/samen-doen/producten/x.xlsx']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WZ120');
    const csv = await cli(['export', 'productcodes', 'catalogue/samen-doen', '-o', 'catalogue/samen-doen/regio.yaml']);
    expect(csv.code).toBe(1);
    expect(csv.stderr).toContain('WZ120');
  });

  it('WZ121: a target that cannot be written (exit 1)', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'map.xlsx'));
    const result = await cli(['export', 'catalogus', 'catalogue/samen-doen', '-o', join(dir, 'map.xlsx')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WZ121');
  });
});

describe('frequentie in the product format', () => {
  it('maps each period to its iWmo/iJw code', () => {
    expect(productFrequentie('dag')).toEqual({ code: '1', naam: 'per dag' });
    expect(productFrequentie('week')).toEqual({ code: '2', naam: 'per week' });
    expect(productFrequentie('maand')).toEqual({ code: '4', naam: 'per maand' });
    expect(productFrequentie('traject')).toEqual({ code: '6', naam: 'totaal binnen geldigheidsduur toewijzing' });
    expect(productFrequentie('indicatie')?.code).toBe('6');
  });

  it('is loaded, refused with a period without a code, and its quote is checked against the source document', () => {
    const loaded = loadCatalogue(fromRoot('catalogue', 'nmd-samenwerking'));
    expect(loaded.catalogue!.products.every((p) => p.frequentie?.per === 'week')).toBe(true);

    const dir = join(temp(), 'nmd');
    cpSync(fromRoot('catalogue', 'nmd-samenwerking'), dir, { recursive: true });
    const file = join(dir, 'producten', 'ab-specialistisch.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('  per: week\n  bron: Voor begeleiding', '  per: jaar\n  bron: Voor begeleiding'));
    expect(loadCatalogue(dir).diagnostics.some((d) => d.severity === 'fout')).toBe(true);

    writeFileSync(file, text.replace('het aantal uren per week.', 'het aantal uren per maand.'));
    const seeds = fromRoot('..', 'shared', 'seeds');
    const catalogue = loadCatalogue(dir).catalogue!;
    let missing: string[] = [];
    try {
      readdirSync(seeds);
      missing = checkQuotes(catalogue, seeds).map((d) => d.code);
    } catch {
      return; // no source documents on this machine
    }
    expect(missing).toEqual(['WZ804']);
  });
});
