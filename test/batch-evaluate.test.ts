/** wijzer evaluate --profielen: one result per profile of a population (issue 11). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './support/cli.js';
import { scratchFolder } from './support/scratch.js';

const SAMEN_DOEN = 'catalogue/samen-doen';

/** The example profile of profielen/voorbeeld.yaml, as data. */
const VOORBEELD = {
  leeftijd: 52,
  beperkingen: ['psychiatrisch'],
  problematiek: 'matig',
  leefgebieden_omvang: 'meerdere',
  inzicht: 'beperkt',
  hulpvraag_uitstelbaar: 'volgend_contactmoment',
  planbaarheid: 'altijd',
  woont_zelfstandig: true,
  woont_in_beschermd_wonen: false,
  wlz_indicatie: false,
  weerstand: 'geen',
  zorgmijding: false,
  belastbaarheid: 'wisselend',
  veilig_huishouden: true,
  overname_taken: 'soms',
  leerbaarheid: 'beperkt',
  verwachte_ontwikkeling: 'stabiel',
  verwachte_duur: 'langdurig',
  kan_deelnemen_reguliere_activiteiten: false,
  dagdelen_per_week: 2,
  kan_zelfstandig_reizen: false,
  vervoer_via_netwerk: false,
  rolstoelafhankelijk: false,
  beperking_orientatie: 'matig',
  hulp_bij_taken: 'vaak',
  gevolg_zonder_hulp: 'verwaarlozing_of_opname',
};
const PARTIAL = { leeftijd: 17, problematiek: 'licht' };
/** 'middel' is no label of problematiek (WZ703). */
const INVALID = { leeftijd: 40, problematiek: 'middel' };

function file(name: string, content: string | Buffer, folder = scratchFolder('batch-')): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

function jsonl(rows: readonly object[]): string {
  return `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;
}

/** What `wijzer evaluate <profile> --format json` prints for one profile, parsed. */
async function single(profile: object): Promise<unknown> {
  const result = await cli(['evaluate', file('profiel.json', JSON.stringify(profile)), '--catalogue', SAMEN_DOEN, '--format', 'json']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

function lines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function withoutId(line: Record<string, unknown>): unknown {
  const rest = { ...line };
  delete rest['id'];
  return rest;
}

/** Rows of a `;` CSV without quoted cells (enough for the outcomes and statuses written here). */
function csvRows(text: string): string[][] {
  return text
    .split('\r\n')
    .filter(Boolean)
    .map((row) => row.split(';'));
}

describe('wijzer evaluate --profielen', () => {
  it('JSONL: one line per valid profile, each the JSON of a single evaluate plus its id; an invalid line is reported with its line number and skipped', async () => {
    const population = file('p.jsonl', jsonl([{ id: 'a', ...VOORBEELD }, { id: 7, ...PARTIAL }, INVALID, PARTIAL]));
    const result = await cli(['evaluate', '--profielen', population, '--catalogue', SAMEN_DOEN, '--max-ongeldig', '1']);
    expect(result.code).toBe(0);
    const out = lines(result.stdout);
    expect(out.map((l) => l['id'])).toEqual(['a', '7', '4']);
    expect(withoutId(out[0]!)).toEqual(await single(VOORBEELD));
    expect(withoutId(out[1]!)).toEqual(await single(PARTIAL));
    expect(withoutId(out[2]!)).toEqual(await single(PARTIAL));
    expect(result.stderr).toMatch(/p\.jsonl:3:\d+: fout WZ703: 'middel' is geen waarde van problematiek/);
    expect(result.stderr).toContain('evaluate: 3 profielen beoordeeld, 1 ongeldig profiel overgeslagen');
    expect(result.stderr).not.toContain('impact');
  });

  it('a broken JSON line is reported with its line number', async () => {
    const population = file('p.jsonl', `${JSON.stringify(PARTIAL)}\n{kapot\n${JSON.stringify(VOORBEELD)}\n`);
    const result = await cli(['evaluate', '--profielen', population, '--catalogue', SAMEN_DOEN, '--max-ongeldig', '1']);
    expect(result.code).toBe(0);
    expect(lines(result.stdout).map((l) => l['id'])).toEqual(['1', '3']);
    expect(result.stderr).toMatch(/p\.jsonl:2:\d+: fout WZ111: Regel 2 van p\.jsonl is geen geldig profiel/);
  });

  it('--max-ongeldig: past the limit the run fails with WZ721 (a number stops at once; the default is 1%)', async () => {
    const population = file('p.jsonl', jsonl([PARTIAL, INVALID, INVALID, VOORBEELD]));
    const strict = await cli(['evaluate', '--profielen', population, '--catalogue', SAMEN_DOEN, '--max-ongeldig', '1']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('WZ721');
    expect(strict.stderr).toContain('Te veel ongeldige profielen: 2 van de 3 gelezen (toegestaan: 1)');
    const enough = await cli(['evaluate', '--profielen', population, '--catalogue', SAMEN_DOEN, '--max-ongeldig', '2']);
    expect(enough.code).toBe(0);
    expect(lines(enough.stdout)).toHaveLength(2);
    const byDefault = await cli(['evaluate', '--profielen', population, '--catalogue', SAMEN_DOEN]);
    expect(byDefault.code).toBe(1);
    expect(byDefault.stderr).toContain('(toegestaan: 1%)');
    const bad = await cli(['evaluate', '--profielen', population, '--catalogue', SAMEN_DOEN, '--max-ongeldig', 'veel']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("fout WZ917: Ongeldige waarde 'veel' voor --max-ongeldig");
  });

  it('an empty population is an error, as in impact', async () => {
    const empty = await cli(['evaluate', '--profielen', file('leeg.jsonl', '\n\n'), '--catalogue', SAMEN_DOEN]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('fout WZ720: De populatie bevat geen profielen.');
    expect(empty.stdout).toBe('');
    const onlyInvalid = await cli(['evaluate', '--profielen', file('fout.jsonl', jsonl([INVALID])), '--catalogue', SAMEN_DOEN, '--max-ongeldig', '100%']);
    expect(onlyInvalid.code).toBe(1);
    expect(onlyInvalid.stderr).toContain('De populatie bevat geen geldige profielen.');
  });

  it('CSV input: rows are profiles, with their id column and line numbers', async () => {
    const population = file('p.csv', '\uFEFFid;leeftijd;problematiek\r\nx1;17;licht\r\nx2;40;middel\r\nx3;17;licht\r\n');
    const result = await cli(['evaluate', '--profielen', population, '--catalogue', SAMEN_DOEN, '--max-ongeldig', '1']);
    expect(result.code).toBe(0);
    const out = lines(result.stdout);
    expect(out.map((l) => l['id'])).toEqual(['x1', 'x3']);
    expect(withoutId(out[0]!)).toEqual(await single(PARTIAL));
    expect(result.stderr).toMatch(/p\.csv:3:1: fout WZ703/);
  });

  it('a folder: every .yaml/.yml/.json file, sorted by name, read as `evaluate <file>` reads it; the file name is the id', async () => {
    const folder = scratchFolder('batch-folder-');
    file('b.json', JSON.stringify(PARTIAL), folder);
    file('a.yaml', readFileSync('profielen/voorbeeld.yaml', 'utf8'), folder);
    file('c.yml', 'problematiek: middel\n', folder);
    file('notities.txt', 'geen profiel', folder);
    const result = await cli(['evaluate', '--profielen', folder, '--catalogue', SAMEN_DOEN, '--max-ongeldig', '1']);
    expect(result.code).toBe(0);
    const out = lines(result.stdout);
    expect(out.map((l) => l['id'])).toEqual(['a', 'b']);
    expect(withoutId(out[0]!)).toEqual(await single(VOORBEELD));
    expect(withoutId(out[1]!)).toEqual(await single(PARTIAL));
    expect(result.stderr).toMatch(/c\.yml:1:\d+: fout WZ703/);
    expect(result.stderr).toContain('evaluate: 2 profielen beoordeeld, 1 ongeldig profiel overgeslagen');
  });

  it('--format csv: a BOM, a header of id, outcome per family and status per product, one row per profile', async () => {
    const population = file('p.jsonl', jsonl([{ id: 'voorbeeld', ...VOORBEELD }, { id: '=1+1', ...PARTIAL }]));
    const result = await cli(['evaluate', '--profielen', population, '--catalogue', SAMEN_DOEN, '--format', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('\uFEFFid;uitkomst ')).toBe(true);
    const [header, first, second, ...rest] = csvRows(result.stdout.slice(1));
    expect(rest).toEqual([]);
    const expected = (await single(VOORBEELD)) as { families: { familie: string; status: string; lichtst_passend: string[] }[]; producten: { id: string; status: string; familie: string | null }[] };
    const cell = (row: string[], column: string) => row[header!.indexOf(column)];
    expect(header!.filter((c) => c.startsWith('status ')).map((c) => c.slice('status '.length))).toEqual(expected.producten.map((p) => p.id));
    for (const family of expected.families) {
      expect(header).toContain(`uitkomst ${family.familie}`);
      if (family.status === 'bepaald') expect(cell(first!, `uitkomst ${family.familie}`)).toBe(family.lichtst_passend.join(' + '));
      if (family.status === 'onbekend') expect(cell(first!, `uitkomst ${family.familie}`)).toBe('nog onbekend');
      if (family.status === 'geen') expect(cell(first!, `uitkomst ${family.familie}`)).toBe('geen passend product');
    }
    expect(cell(first!, 'uitkomst individuele-begeleiding')).toBe('ib2-behoudgericht');
    for (const product of expected.producten) expect(cell(first!, `status ${product.id}`)).toBe(product.status);
    expect(first![0]).toBe('voorbeeld');
    // A spreadsheet must not run an id as a formula.
    expect(second![0]).toBe("'=1+1");
    expect(first).toHaveLength(header!.length);
  });

  it('-o writes the same text to a file; an output that is an input is refused and nothing is touched', async () => {
    const folder = scratchFolder('batch-out-');
    const population = file('p.jsonl', jsonl([VOORBEELD, PARTIAL]), folder);
    const before = readFileSync(population, 'utf8');
    const onStdout = await cli(['evaluate', '--profielen', population, '--catalogue', SAMEN_DOEN, '--format', 'csv']);
    const target = join(folder, 'uit', 'resultaat.csv');
    const written = await cli(['evaluate', '--profielen', population, '--catalogue', SAMEN_DOEN, '--format', 'csv', '-o', target]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(target, 'utf8')).toBe(onStdout.stdout);
    expect(written.stderr).toContain('geschreven naar');
    const refused = await cli(['evaluate', '--profielen', population, '--catalogue', SAMEN_DOEN, '-o', population]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('fout WZ120');
    expect(readFileSync(population, 'utf8')).toBe(before);
    const intoCatalogue = await cli(['evaluate', '--profielen', population, '--catalogue', SAMEN_DOEN, '-o', `${SAMEN_DOEN}/uit.jsonl`]);
    expect(intoCatalogue.code).toBe(1);
    expect(intoCatalogue.stderr).toContain('fout WZ120');
  });

  it('a failed run with -o leaves no file', async () => {
    const folder = scratchFolder('batch-fail-');
    const population = file('p.jsonl', jsonl([PARTIAL, INVALID, INVALID]), folder);
    const target = join(folder, 'uit.jsonl');
    const result = await cli(['evaluate', '--profielen', population, '--catalogue', SAMEN_DOEN, '-o', target]);
    expect(result.code).toBe(1);
    expect(() => readFileSync(target)).toThrow();
    expect(result.stderr).toContain('niet geschreven');
  });

  it('the same output with --engine json-rules-engine', async () => {
    const population = file('p.jsonl', jsonl([VOORBEELD, PARTIAL, { leeftijd: 80 }, {}]));
    for (const format of ['jsonl', 'csv']) {
      const compiled = await cli(['evaluate', '--profielen', population, '--catalogue', SAMEN_DOEN, '--format', format]);
      const reference = await cli(['evaluate', '--profielen', population, '--catalogue', SAMEN_DOEN, '--format', format, '--engine', 'json-rules-engine']);
      expect(compiled.code).toBe(0);
      expect(reference.code).toBe(0);
      expect(reference.stdout).toBe(compiled.stdout);
    }
  });

  it('usage errors: a format of the other form, a profile file beside --profielen, -o without --profielen, two catalogues', async () => {
    const population = file('p.jsonl', jsonl([PARTIAL]));
    const text = await cli(['evaluate', '--profielen', population, '--catalogue', SAMEN_DOEN, '--format', 'text']);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain("fout WZ904: Ongeldige waarde 'text' voor --format.");
    expect(text.stderr).toContain('Kies een van: jsonl, csv.');
    const jsonlSingle = await cli(['evaluate', 'profielen/voorbeeld.yaml', '--catalogue', SAMEN_DOEN, '--format', 'jsonl']);
    expect(jsonlSingle.code).toBe(2);
    expect(jsonlSingle.stderr).toContain('Kies een van: text, json, markdown.');
    const both = await cli(['evaluate', 'profielen/voorbeeld.yaml', '--profielen', population, '--catalogue', SAMEN_DOEN]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('WZ902');
    const output = await cli(['evaluate', 'profielen/voorbeeld.yaml', '--catalogue', SAMEN_DOEN, '-o', join(scratchFolder(), 'x.json')]);
    expect(output.code).toBe(2);
    expect(output.stderr).toContain('fout WZ902: Ontbrekend argument: --profielen');
    const two = await cli(['evaluate', '--profielen', population, '--catalogue', SAMEN_DOEN, '--catalogue', 'catalogue/toekomst-sociaal-domein']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('precies één --catalogue');
    const missing = await cli(['evaluate', '--profielen', join(scratchFolder(), 'bestaat-niet.jsonl'), '--catalogue', SAMEN_DOEN]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('WZ101');
  });
});
