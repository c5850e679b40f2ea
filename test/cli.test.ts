import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../src/util/files.js';
import { cli } from './support/cli.js';
import { NO_SEEDS } from './support/paths.js';

function temp(name: string, content: string | Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'wijzer-cli-')), name);
  writeFileSync(file, content);
  return file;
}

describe('wijzer command line', () => {
  it('check: the bundled catalogue has no errors; documented choices are counted, listed only with --keuzes', async () => {
    const result = await cli(['check', 'catalogue/samen-doen']);
    expect(result.code).toBe(0);
    const summary = /catalogue\/samen-doen \(11 producten\): 0 fouten, 0 waarschuwingen, (\d+) gedocumenteerde keuzes \(toon ze met --keuzes\)/.exec(result.stdout);
    expect(summary).not.toBeNull();
    expect(result.stderr).not.toMatch(/ fout /);
    expect(result.stderr).not.toContain('WZ310');
    const listed = await cli(['check', 'catalogue/samen-doen', '--keuzes']);
    expect(listed.stderr.match(/info WZ310: Gedocumenteerde keuze: /g)?.length).toBe(Number(summary![1]));
    expect(listed.stdout).not.toContain('toon ze met');
  });

  it('check --format json lists diagnostics as data', async () => {
    const result = await cli(['check', 'catalogue/samen-doen', '--format', 'json']);
    const report = JSON.parse(result.stdout) as { catalogi: { diagnostics: { code: string; severity: string; span: { file: string; line: number } }[] }[] };
    const diagnostics = report.catalogi[0]!.diagnostics;
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.code === 'WZ310' && d.severity === 'info' && d.span.line > 0)).toBe(true);
  });

  it('check --bronnen finds every citation of Samen Doen in its source document', async (ctx) => {
    const seeds = fromRoot('..', 'shared', 'seeds');
    ctx.skip(!existsSync(seeds), NO_SEEDS);
    const result = await cli(['check', 'catalogue/samen-doen', '--bronnen', seeds]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('WZ804');
  });

  it('check on a broken product prints file:line:col, the line and a caret, exits 1', async () => {
    const result = await cli(['check', 'test/fixtures/negatief/_basis']);
    expect(result.code).toBe(0);
    const broken = mkdtempSync(join(tmpdir(), 'wijzer-broken-'));
    cpSync(fromRoot('test/fixtures/negatief/_basis'), broken, { recursive: true });
    cpSync(fromRoot('test/fixtures/negatief/product/unknown-fact.yaml'), join(broken, 'producten', 'unknown-fact.yaml'));
    const bad = await cli(['check', broken]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/unknown-fact\.yaml:8:12: fout WZ501: Onbekend feit 'problematek'\./);
    expect(bad.stderr).toContain("Bedoelt u 'problematiek'?");
    expect(bad.stderr).toMatch(/\n\s+8 \|\s+als: problematek is licht\n\s+\|\s{12}\^/);
  });

  it('evaluate: text by default, with the lightest fitting level and reasons', async () => {
    const result = await cli(['evaluate', 'profielen/voorbeeld.yaml', '--catalogue', 'catalogue/samen-doen']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('individuele-begeleiding: Individuele begeleiding 2 behoudgericht (Wmo 02A18)');
    expect(result.stdout).toContain('limiet overschreden: volume minimaal 3 dagdelen per week (frequentie 2) — gevraagd 2: onder het minimum');
    expect(result.stdout).toContain('bron: "Inzet van de noodzakelijk hulp is (in principe altijd) minimaal 3 dagdelen."');
  });

  it('evaluate --format json is stable data and --format markdown renders tables', async () => {
    const json = await cli(['evaluate', 'profielen/voorbeeld.yaml', '--catalogue', 'catalogue/samen-doen', '--format', 'json']);
    const data = JSON.parse(json.stdout) as { formaat: string; producten: { id: string; status: string; clausules: { uitkomst: string }[] }[] };
    expect(data.formaat).toBe('wijzer-evaluatie/1');
    expect(data.producten.find((p) => p.id === 'ib2-behoudgericht')!.status).toBe('passend');
    expect(data.producten.find((p) => p.id === 'begeleiding-groep-behoudgericht')!.status).toBe('niet passend');
    const groep = data.producten.find((p) => p.id === 'begeleiding-groep-behoudgericht') as unknown as { productcategorieen: unknown; eenheid: unknown };
    expect(groep.productcategorieen).toEqual([{ domein: 'wmo', code: '07A04', categorie: '07 dagbesteding' }]);
    expect(groep.eenheid).toEqual({ naam: 'dagdeel', iwmo_code: '16', omschrijving: 'Per dagdeel (4 uur)' });
    const md = await cli(['evaluate', 'profielen/voorbeeld.yaml', '--catalogue', 'catalogue/samen-doen', '--format', 'markdown']);
    expect(md.stdout).toContain('| Product | Codes | Eenheid | Status |');
    expect(md.stdout).toContain('### Individuele begeleiding 2 behoudgericht: passend');
  });

  it('evaluate lists the questions that decide the most products for a partial profile', async () => {
    const profile = temp('deel.yaml', 'leeftijd: 40\nbeperkingen: [psychiatrisch]\nproblematiek: licht\n');
    const result = await cli(['evaluate', profile, '--catalogue', 'catalogue/samen-doen']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('? onbekend');
    expect(result.stdout).toMatch(/Nog te vragen \(meest beslissend eerst\)\n {2}1\. /);
  });

  it('evaluate warns about existing indications that are no product', async () => {
    const profile = temp('p.yaml', 'leeftijd: 40\nbestaande_indicaties: [begeleiding-groep-behoudgerict]\n');
    const result = await cli(['evaluate', profile, '--catalogue', 'catalogue/samen-doen']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('WZ707');
    expect(result.stderr).toContain('waarschuwing');
    expect(result.stderr).toContain("Bedoelt u 'begeleiding-groep-behoudgericht'?");
  });

  it.each([
    [['evaluate'], 'WZ902'],
    [['evaluate', 'profielen/voorbeeld.yaml'], 'WZ902'],
    [['evaluate', 'profielen/voorbeeld.yaml', '--catalogue', 'catalogue/samen-doen', '--format', 'pdf'], 'WZ904'],
    [['check', '--frobnicate', 'x'], 'WZ903'],
    [['check'], 'WZ902'],
    [['compile'], 'WZ902'],
    [['vertaal'], 'WZ901'],
    [['schema', 'iets'], 'WZ902'],
  ])('wrong usage %j exits 2 with %s', async (args, code) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(code);
    expect(result.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it.each([
    ['a missing profile', () => ['evaluate', 'bestaat-niet.yaml', '--catalogue', 'catalogue/samen-doen'], 'WZ101'],
    ['a missing catalogue', () => ['check', 'catalogue/bestaat-niet'], 'WZ101'],
    ['a profile with a wrong label', () => ['evaluate', temp('p.yaml', 'problematiek: middel\n'), '--catalogue', 'catalogue/samen-doen'], 'WZ703'],
    ['a binary profile', () => ['evaluate', temp('p.yaml', Buffer.from([0xff, 0xfe, 0x00, 0x41])), '--catalogue', 'catalogue/samen-doen'], 'WZ103'],
  ])('invalid input (%s) exits 1 with a coded error', async (_name, args, code) => {
    const result = await cli(args());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(code);
    expect(result.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('test: replays the golden cases and ends with a count', async () => {
    const result = await cli(['test', 'test/golden', '--catalogue', 'catalogue']);
    expect(result.stdout).toMatch(/✔ samen-doen\/ib1-lichte-hulpvraag\.yaml/);
    expect(result.stdout).toMatch(/\n\d+ passed, \d+ failed\n$/);
  });

  it('schema profiel prints a JSON Schema generated from the vocabulary', async () => {
    const result = await cli(['schema', 'profiel']);
    const schema = JSON.parse(result.stdout) as { additionalProperties: boolean; properties: Record<string, { enum?: string[] }> };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties['problematiek']!.enum).toEqual(['geen', 'licht', 'matig', 'zwaar']);
  });

  it('the installed bin runs the built CLI (npm start)', () => {
    const bin = fromRoot('bin', 'wijzer.js');
    if (!existsSync(fromRoot('dist', 'src', 'cli', 'main.js'))) return;
    const result = spawnSync(process.execPath, [bin, 'evaluate', 'profielen/voorbeeld.yaml', '--catalogue', 'catalogue/samen-doen'], { cwd: fromRoot(), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Samen Doen — profiel profielen/voorbeeld.yaml');
  });
});
