/**
 * Dates and versions: geldig_vanaf / geldig_tot on region, product and clause, the projection
 * onto a peildatum (atDate) and every command that uses it (evaluate, vraag, test, diff, impact).
 * The fixture test/fixtures/geldigheid replaces begeleiding-2026 by begeleiding-2027 on 2027-01-01
 * (same product code) and changes one voorwaarde of dagbesteding on that date.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { atDate, isIsoDate, nextDay, overlaps, peildatumOf, periodOf, todayIso, validOn } from '../src/catalogue/validity.js';
import { rulesOf } from '../src/compile/rules.js';
import { Evaluator } from '../src/evaluate/evaluate.js';
import { runGoldenCases, casePassed } from '../src/golden/runner.js';
import { ImpactRun, runImpact } from '../src/impact/impact.js';
import { runImpactOnWorkers } from '../src/impact/parallel.js';
import { impactJson } from '../src/impact/render.js';
import { loadPopulation } from '../src/impact/population.js';
import { prepareCatalogue, prepareScope } from '../src/pipeline.js';
import { evaluationJson } from '../src/report/json.js';
import { loadContext } from '../src/server/context.js';
import { fromRoot } from '../src/util/files.js';

const FIXTURE = fromRoot('test', 'fixtures', 'geldigheid');
const scope = prepareScope();
const prepared = prepareCatalogue(FIXTURE, scope);
const compiled = prepared.compiled!;
const temps: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'wijzer-geldigheid-'));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: Readable.from(['']),
    cwd: fromRoot(),
    env: { NO_COLOR: '1', ...env },
  });
  return { code, stdout, stderr };
}

const MATIG = { leeftijd: 17, problematiek: 'matig' };

describe('dates', () => {
  it('knows calendar dates, periods and the default peildatum', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(validOn({ geldig_vanaf: '2027-01-01' }, '2026-12-31')).toBe(false);
    expect(validOn({ geldig_vanaf: '2027-01-01', geldig_tot: '2027-12-31' }, '2027-12-31')).toBe(true);
    // 'onbekend' is unbounded on that side (check warns, WZ342).
    expect(validOn({ geldig_vanaf: 'onbekend' }, '1990-01-01')).toBe(true);
    expect(overlaps(periodOf({ geldig_tot: '2026-12-31' }), periodOf({ geldig_vanaf: '2027-01-01' }))).toBe(false);
    expect(overlaps(periodOf({}), periodOf({ geldig_vanaf: '2027-01-01' }))).toBe(true);
    expect(peildatumOf(undefined, { WIJZER_PEILDATUM: '2027-03-01' }).date).toBe('2027-03-01');
    expect(peildatumOf('2026-03-01', { WIJZER_PEILDATUM: '2027-03-01' }).date).toBe('2026-03-01');
    expect(peildatumOf(undefined, {}).date).toBe(todayIso());
    expect(peildatumOf('1-3-2026', {}).error?.code).toBe('WZ345');
    expect(peildatumOf(undefined, { WIJZER_PEILDATUM: 'morgen' }).error?.code).toBe('WZ345');
  });
});

describe('the projection onto a peildatum (atDate)', () => {
  it('the fixture checks without errors or warnings: two versions of one product code do not overlap', () => {
    expect(prepared.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('keeps the products and clauses valid on the date, with rule names unique and a subset of the whole', () => {
    const all = new Set(rulesOf(compiled).map((r) => r.name));
    for (const date of ['2026-06-01', '2027-06-01']) {
      const projected = atDate(compiled, date);
      const names = rulesOf(projected).map((r) => r.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(all.has(name), name).toBe(true);
    }
    const before = atDate(compiled, '2026-12-31');
    expect(before.products.map((p) => p.product.id)).toEqual(['begeleiding-2026', 'dagbesteding']);
    expect(before.catalogue.products.map((p) => p.id)).toEqual(['begeleiding-2026', 'dagbesteding']);
    expect(before.geldigheid.nietGeldig.map((n) => [n.product.id, n.period.vanaf])).toEqual([['begeleiding-2027', '2027-01-01']]);
    const dag = before.products.find((p) => p.product.id === 'dagbesteding')!;
    expect(dag.clauses.map((c) => c.clause.id)).toEqual(['leeftijd-tot-2027']);
    expect(dag.product.voorwaarden.map((c) => c.id)).toEqual(['leeftijd-tot-2027']);
    // The passend rule is rebuilt from the clauses that count: one voorwaarde, not two.
    expect((dag.passendRule.conditions as { all: unknown[] }).all).toHaveLength(1);
    const after = atDate(compiled, '2027-01-01');
    expect(after.products.map((p) => p.product.id)).toEqual(['begeleiding-2027', 'dagbesteding']);
    expect(after.geldigheid.nietGeldig.map((n) => [n.product.id, n.period.tot])).toEqual([['begeleiding-2026', '2026-12-31']]);
    // Before the region's geldig_vanaf nothing applies.
    const early = atDate(compiled, '2025-12-31');
    expect(early.products).toEqual([]);
    expect(early.geldigheid.nietGeldig).toHaveLength(3);
  });

  it('evaluates before and after the change', async () => {
    const before = await new Evaluator(atDate(compiled, '2026-12-31')).evaluate(MATIG);
    expect(before.products.map((p) => [p.product.id, p.status])).toEqual([
      ['begeleiding-2026', 'niet passend'],
      ['dagbesteding', 'niet passend'],
    ]);
    const after = await new Evaluator(atDate(compiled, '2027-01-01')).evaluate(MATIG);
    expect(after.products.map((p) => [p.product.id, p.status])).toEqual([
      ['begeleiding-2027', 'passend'],
      ['dagbesteding', 'passend'],
    ]);
  });
});

describe('wijzer evaluate --peildatum', () => {
  const profile = join(temp(), 'profiel.yaml');
  writeFileSync(profile, 'leeftijd: 17\nproblematiek: matig\n');

  it('lists products not valid on the peildatum with their dates (text, markdown, JSON)', async () => {
    const text = await cli(['evaluate', profile, '--catalogue', FIXTURE, '--peildatum', '2026-03-01']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Niet geldig op peildatum 2026-03-01');
    expect(text.stdout).toMatch(/niet geldig op peildatum\s+Begeleiding \(2027\) \(begeleiding-2027; Wmo 02A04; geldig vanaf 2027-01-01\)/);
    const markdown = await cli(['evaluate', profile, '--catalogue', FIXTURE, '--peildatum', '2027-03-01', '--format', 'markdown']);
    expect(markdown.stdout).toContain('## Niet geldig op peildatum 2027-03-01');
    expect(markdown.stdout).toContain('| Begeleiding (2026) | Wmo 02A04 | 2026-01-01 tot en met 2026-12-31 |');
    const json = JSON.parse((await cli(['evaluate', profile, '--catalogue', FIXTURE, '--peildatum', '2027-03-01', '--format', 'json'])).stdout) as Record<string, unknown>;
    expect(json['peildatum']).toBe('2027-03-01');
    expect(json['niet_geldig_op_peildatum']).toEqual([{ id: 'begeleiding-2026', naam: 'Begeleiding (2026)', productcodes: { wmo: ['02A04'] }, geldig_vanaf: '2026-01-01', geldig_tot: '2026-12-31' }]);
    expect((json['producten'] as { id: string; status: string }[]).map((p) => `${p.id} ${p.status}`)).toEqual(['begeleiding-2027 passend', 'dagbesteding passend']);
  });

  it('defaults to WIJZER_PEILDATUM (else today) and refuses a date that does not exist', async () => {
    const json = JSON.parse((await cli(['evaluate', profile, '--catalogue', FIXTURE, '--format', 'json'], { WIJZER_PEILDATUM: '2026-05-01' })).stdout) as Record<string, unknown>;
    expect(json['peildatum']).toBe('2026-05-01');
    const today = JSON.parse((await cli(['evaluate', profile, '--catalogue', FIXTURE, '--format', 'json'])).stdout) as Record<string, unknown>;
    expect(today['peildatum']).toBe(todayIso());
    const wrong = await cli(['evaluate', profile, '--catalogue', FIXTURE, '--peildatum', '2026-02-30']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('WZ345');
    expect(wrong.stderr).not.toMatch(/at .*\.ts/);
  });

  it('the population form and vraag use the same projection', async () => {
    const population = join(temp(), 'populatie.jsonl');
    writeFileSync(population, `${JSON.stringify({ id: 'a', ...MATIG })}\n`);
    const lines = (await cli(['evaluate', '--profielen', population, '--catalogue', FIXTURE, '--peildatum', '2026-03-01'])).stdout.trim().split('\n');
    const first = JSON.parse(lines[0]!) as { peildatum: string; producten: { id: string }[]; niet_geldig_op_peildatum: { id: string }[] };
    expect(first.peildatum).toBe('2026-03-01');
    expect(first.producten.map((p) => p.id)).toEqual(['begeleiding-2026', 'dagbesteding']);
    expect(first.niet_geldig_op_peildatum.map((p) => p.id)).toEqual(['begeleiding-2027']);
    const asked = await cli(['vraag', profile, '--catalogue', FIXTURE, '--peildatum', '2027-03-01']);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain('Niet geldig op peildatum 2027-03-01');
  });

  it('the server evaluates what applies on its peildatum', async () => {
    const loaded = loadContext([FIXTURE], undefined, { peildatum: '2027-03-01' });
    const served = loaded.context!.catalogues.get('geldigheid')!;
    const evaluation = await served.evaluate(MATIG);
    const json = evaluationJson(evaluation, scope.scope!.vocabulary) as { peildatum: string; niet_geldig_op_peildatum: { id: string }[] };
    expect(json.peildatum).toBe('2027-03-01');
    expect(json.niet_geldig_op_peildatum.map((p) => p.id)).toEqual(['begeleiding-2026']);
  });
});

describe('check: dates and versions', () => {
  function checkWith(files: Record<string, string>): { code: string; file: string; line: number; col: number; message: string }[] {
    const dir = join(temp(), 'geldigheid');
    cpSync(FIXTURE, dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'producten', name), text);
    return prepareCatalogue(dir, scope, { cache: false })
      .diagnostics.filter((d) => d.code.startsWith('WZ34') || d.code === 'WZ306' || d.code === 'WZ309')
      .map((d) => ({ code: d.code, file: d.span!.file.slice(dir.length + 1), line: d.span!.line, col: d.span!.col, message: d.message }));
  }

  it('WZ344: a gap between two versions, naming both files', () => {
    const text = readFileSync(join(FIXTURE, 'producten', 'begeleiding-2027.yaml'), 'utf8').replace("'2027-01-01'", "'2027-02-01'");
    const found = checkWith({ 'begeleiding-2027.yaml': text });
    expect(found.map((d) => d.code)).toEqual(['WZ344']);
    expect(found.map((d) => `${d.code} ${d.file} ${d.line}:${d.col}`)).toEqual(['WZ344 producten/begeleiding-2027.yaml 2:15']);
    expect(found[0]!.message).toContain("'begeleiding-2026' in producten/begeleiding-2026.yaml (tot en met 2026-12-31)");
  });

  it('WZ343: overlapping versions, naming both files; without dates the same code is WZ306 as before', () => {
    const text = readFileSync(join(FIXTURE, 'producten', 'begeleiding-2027.yaml'), 'utf8').replace("'2027-01-01'", "'2026-12-01'");
    const found = checkWith({ 'begeleiding-2027.yaml': text });
    expect(found.map((d) => `${d.code} ${d.file} ${d.line}:${d.col}`)).toEqual(['WZ343 producten/begeleiding-2027.yaml 2:15']);
    expect(found[0]!.message).toContain('producten/begeleiding-2026.yaml');
    const undated = readFileSync(join(FIXTURE, 'producten', 'begeleiding-2027.yaml'), 'utf8').replace("geldig_vanaf: '2027-01-01'\n", '');
    const old = readFileSync(join(FIXTURE, 'producten', 'begeleiding-2026.yaml'), 'utf8').replace("geldig_tot: '2026-12-31'\n", '');
    expect(checkWith({ 'begeleiding-2027.yaml': undated, 'begeleiding-2026.yaml': old }).map((d) => d.code)).toEqual(['WZ306']);
  });

  it('WZ341 on a product: geldig_tot before geldig_vanaf', () => {
    const text = readFileSync(join(FIXTURE, 'producten', 'begeleiding-2027.yaml'), 'utf8').replace("geldig_vanaf: '2027-01-01'", "geldig_vanaf: '2027-01-01'\ngeldig_tot: '2026-06-30'");
    const found = checkWith({ 'begeleiding-2027.yaml': text });
    expect(found.map((d) => `${d.code} ${d.file} ${d.line}:${d.col}`)).toContain('WZ341 producten/begeleiding-2027.yaml 3:13');
  });
});

describe('golden cases with a peildatum', () => {
  it('judges a case on its own peildatum; the bundled cases before and after a region starts pass', async () => {
    const results = await runGoldenCases({ root: fromRoot('test', 'golden'), catalogueRoot: fromRoot('catalogue'), only: ['samen-doen', 'toekomst-sociaal-domein'], peildatum: '2026-06-01' });
    const dated = results.filter((r) => r.file.includes('peildatum-'));
    expect(dated).toHaveLength(4);
    for (const result of dated) expect(casePassed(result), `${result.name}: ${result.failures.join('; ')}`).toBe(true);
  });

  it('a case expecting a product that does not apply fails with a readable reason', async () => {
    const root = temp();
    cpSync(FIXTURE, join(root, 'catalogi', 'geldigheid'), { recursive: true });
    const cases = join(root, 'casussen', 'geldigheid');
    mkdirSync(cases, { recursive: true });
    const write = (name: string, body: string) => writeFileSync(join(cases, name), body);
    write('voor.yaml', "naam: voor\nbron: Vanaf 2027 is begeleiding er\npeildatum: '2026-12-31'\nprofiel: { problematiek: matig }\nverwacht:\n  producten:\n    begeleiding-2027: niet geldig op peildatum\n    begeleiding-2026: niet passend\n");
    write('na.yaml', "naam: na\nbron: Vanaf 2027 is begeleiding er\npeildatum: '2027-01-01'\nprofiel: { problematiek: matig }\nverwacht:\n  producten:\n    begeleiding-2027: passend\n    begeleiding-2026: passend\n");
    const results = await runGoldenCases({ root: join(root, 'casussen'), catalogueRoot: join(root, 'catalogi') });
    const byName = new Map(results.map((r) => [r.name, r]));
    expect(casePassed(byName.get('voor')!)).toBe(true);
    expect(byName.get('na')!.failures).toEqual(["begeleiding-2026: verwacht 'passend', kreeg 'niet geldig op peildatum'"]);
  });
});

describe('wijzer diff and impact on two dates', () => {
  it('diff --peildatum --tot shows what changes on the date', async () => {
    const out = await cli(['diff', FIXTURE, '--peildatum', '2026-12-31', '--tot', '2027-01-01', '--format', 'json']);
    expect(out.code).toBe(0);
    const diff = JSON.parse(out.stdout) as { a: { versie: string }; gekoppeld: { a: string; b: string; gekoppeld_op: string; criteria: { soort: string; id: string }[] }[]; alleen_in_a: string[]; alleen_in_b: string[] };
    expect(diff.a.versie).toContain('op 2026-12-31');
    expect(diff.gekoppeld.map((g) => `${g.a}→${g.b} (${g.gekoppeld_op})`).sort()).toEqual(['begeleiding-2026→begeleiding-2027 (productcode)', 'dagbesteding→dagbesteding (id)']);
    const dag = diff.gekoppeld.find((g) => g.a === 'dagbesteding')!;
    expect(dag.criteria.map((c) => `${c.soort} ${c.id}`)).toEqual(['verwijderd leeftijd-tot-2027', 'toegevoegd leeftijd-vanaf-2027']);
    const same = JSON.parse((await cli(['diff', FIXTURE, '--peildatum', '2027-02-01', '--tot', '2027-03-01', '--format', 'json'])).stdout) as { gekoppeld: { criteria: unknown[]; kenmerken: unknown[] }[] };
    expect(same.gekoppeld.every((g) => g.criteria.length === 0 && g.kenmerken.length === 0)).toBe(true);
    const wrong = await cli(['diff', FIXTURE, '--peildatum', '2026-12-31', '--tot', '2027-02-29']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('WZ345');
  });

  it('impact --peildatum --tot: whom the change on the date moves, on one thread and on workers', async () => {
    const population = join(temp(), 'populatie.jsonl');
    const profiles = [
      { id: 'licht-17', leeftijd: 17, problematiek: 'licht' },
      { id: 'matig-17', leeftijd: 17, problematiek: 'matig' },
      { id: 'matig-40', leeftijd: 40, problematiek: 'matig' },
      { id: 'zwaar-40', leeftijd: 40, problematiek: 'zwaar' },
    ];
    writeFileSync(population, profiles.map((p) => JSON.stringify(p)).join('\n') + '\n');
    const out = await cli(['impact', FIXTURE, '--peildatum', '2026-12-31', '--tot', '2027-01-01', '--profielen', population, '--format', 'json']);
    expect(out.code, out.stderr).toBe(0);
    const report = JSON.parse(out.stdout) as { basis: string; huidig: string; profielen: number; gewijzigd: number; groepen: { groep: string; overgangen: { was: string; wordt: string; aantal: number }[] }[] };
    expect(report.basis).toContain('op 2026-12-31');
    expect(report.huidig).toContain('op 2027-01-01');
    expect(report.profielen).toBe(4);
    // licht-17 (dagbesteding from 16), matig-17 (both), matig-40 (begeleiding): three move; zwaar-40 does not.
    expect(report.gewijzigd).toBe(3);

    const loaded = await loadPopulation(population, scope.scope!.vocabulary);
    const base = { label: 'voor', folder: FIXTURE, peildatum: '2026-12-31' };
    const current = { label: 'na', folder: FIXTURE, peildatum: '2027-01-01' };
    const parallel = await runImpactOnWorkers(base, current, loaded.profiles!, () => undefined, 2, 2);
    const single = await runImpact(new ImpactRun({ label: 'voor', compiled: atDate(compiled, '2026-12-31') }, { label: 'na', compiled: atDate(compiled, '2027-01-01') }), loaded.profiles!);
    expect(parallel.changedProfiles).toBe(3);
    expect(impactJson({ ...parallel, seconds: 0 })).toEqual(impactJson({ ...single, seconds: 0 }));
  }, 60_000);
});
