/**
 * Diff, compare and impact against expected output files kept next to their inputs
 * (test/diff/**). Refresh them with one command: npm run test:update.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../src/util/files.js';
import { cli } from './support/cli.js';

const DIFF = fromRoot('test', 'diff');
const catalogues = readdirSync(fromRoot('catalogue')).sort();

/** A copy of a bundled catalogue with the files of a version case laid over it. */
function editedCopy(catalogue: string, caseName: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'wijzer-versie-')), catalogue);
  cpSync(fromRoot('catalogue', catalogue), dir, { recursive: true });
  cpSync(join(DIFF, 'versies', caseName, 'producten'), join(dir, 'producten'), { recursive: true });
  return dir;
}

function withoutTiming(text: string): string {
  return text.replace(/; [\d.]+ s \(\d+ profielen\/s\)/, '; … s (… profielen/s)').replace(/"seconden": [\d.]+/, '"seconden": 0');
}

describe('wijzer diff between regions', () => {
  for (let i = 0; i < catalogues.length; i++) {
    for (const other of catalogues.slice(i + 1)) {
      const name = `${catalogues[i]}__${other}`;
      it(name, async () => {
        const result = await cli(['diff', `catalogue/${catalogues[i]}`, `catalogue/${other}`]);
        expect(result.code).toBe(0);
        await expect(result.stdout).toMatchFileSnapshot(join(DIFF, 'regios', `${name}.txt`));
      });
    }
  }

  it('matches products with a shared national code and says so', async () => {
    const json = JSON.parse((await cli(['diff', 'catalogue/samen-doen', 'catalogue/dienstomschrijvingen-begeleiding-dagbesteding', '--format', 'json'])).stdout) as {
      gekoppeld: { a: string; b: string; gekoppeld_op: string; toelichting: string }[];
    };
    // 02A05 is IB4 in Samen Doen and "Begeleiding specialistisch" in the other document.
    expect(json.gekoppeld).toContainEqual(expect.objectContaining({ a: 'ib4-ontwikkelgericht', b: 'begeleiding-specialistisch', gekoppeld_op: 'productcode', toelichting: 'wmo 02A05' }));
  });
});

describe('a version diff of a real edit (Samen Doen IB2: inzicht aangescherpt)', () => {
  const caseDir = join(DIFF, 'versies', 'ib2-inzicht-strenger');

  it('shows exactly that clause', async () => {
    const edited = editedCopy('samen-doen', 'ib2-inzicht-strenger');
    const result = await cli(['diff', 'catalogue/samen-doen', edited, '--format', 'json']);
    const json = JSON.parse(result.stdout) as { gekoppeld: { a: string; kenmerken: unknown[]; criteria: unknown[] }[]; alleen_in_a: string[]; alleen_in_b: string[] };
    const changed = json.gekoppeld.filter((p) => p.kenmerken.length + p.criteria.length > 0);
    expect(changed.map((p) => p.a)).toEqual(['ib2-ontwikkelgericht']);
    expect(changed[0]!.criteria).toEqual([{ soort: 'gewijzigd', rol: 'voorwaarde', id: 'inzicht', was: 'inzicht is beperkt', wordt: 'inzicht is goed' }]);
    expect(json.alleen_in_a).toEqual([]);
    expect(json.alleen_in_b).toEqual([]);
    const text = await cli(['diff', 'catalogue/samen-doen', edited]);
    await expect(text.stdout.replace(edited, 'catalogue/samen-doen (gewijzigd)')).toMatchFileSnapshot(join(caseDir, 'expected-diff.txt'));
  });

  it('reads the old version from git history without touching the work tree', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'wijzer-git-'));
    cpSync(fromRoot('catalogue', 'samen-doen'), join(repo, 'catalogue', 'samen-doen'), { recursive: true });
    cpSync(fromRoot('rules'), join(repo, 'rules'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'v1');
    cpSync(join(caseDir, 'producten'), join(repo, 'catalogue', 'samen-doen', 'producten'), { recursive: true });
    const before = execFileSync('git', ['-C', repo, 'status', '--porcelain'], { encoding: 'utf8' });
    const viaBase = await cli(['diff', 'catalogue/samen-doen', '--base', 'HEAD', '--format', 'json'], { cwd: repo });
    const viaAt = await cli(['diff', 'catalogue/samen-doen@HEAD', 'catalogue/samen-doen', '--format', 'json'], { cwd: repo });
    expect(viaBase.code).toBe(0);
    expect(viaBase.stdout).toBe(viaAt.stdout);
    const json = JSON.parse(viaBase.stdout) as { gekoppeld: { a: string; criteria: { id: string }[] }[] };
    expect(json.gekoppeld.filter((p) => p.criteria.length > 0).map((p) => `${p.a}/${p.criteria[0]!.id}`)).toEqual(['ib2-ontwikkelgericht/inzicht']);
    expect(execFileSync('git', ['-C', repo, 'status', '--porcelain'], { encoding: 'utf8' })).toBe(before);
    const missing = await cli(['diff', 'catalogue/samen-doen', '--base', 'v9.9'], { cwd: repo });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('WZ110');
  });

  it('impact shows exactly the profiles it moves and why', async () => {
    const edited = editedCopy('samen-doen', 'ib2-inzicht-strenger');
    const population = join(caseDir, 'populatie.jsonl');
    const result = await cli(['impact', edited, '--base', 'catalogue/samen-doen', '--profielen', population, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/impact: 300\/300 profielen \(100%\)/);
    const report = JSON.parse(result.stdout) as { gewijzigd: number; groepen: { groep: string; gewijzigd: number; overgangen: { was: string; wordt: string; oorzaken: { oorzaak: string }[] }[] }[] };
    const moved = report.groepen.filter((g) => g.gewijzigd > 0);
    expect(moved.map((g) => g.groep)).toEqual(['individuele-begeleiding']);
    const transitions = moved[0]!.overgangen.filter((t) => t.was !== t.wordt);
    expect(transitions.length).toBeGreaterThan(0);
    for (const t of transitions) {
      expect([t.was, t.wordt]).toContain('ib2-ontwikkelgericht');
      expect(t.oorzaken.map((o) => o.oorzaak)).toEqual([expect.stringMatching(/^ib2-ontwikkelgericht voorwaarde\/inzicht: (waar → onwaar|onwaar → waar) \(inzicht is beperkt → inzicht is goed\)$/)]);
    }
    await expect(withoutTiming(result.stdout.replace(edited, 'gewijzigd'))).toMatchFileSnapshot(join(caseDir, 'expected-impact.json'));
    const html = await cli(['impact', edited, '--base', 'catalogue/samen-doen', '--profielen', population, '--format', 'html']);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain('<td class="moved">');
    expect(html.stdout).not.toMatch(/<script|https?:\/\//);
  });

  it('impact of an unchanged catalogue moves nobody', async () => {
    const result = await cli(['impact', 'catalogue/samen-doen', '--base', 'catalogue/samen-doen', '--profielen', join(caseDir, 'populatie.jsonl')]);
    expect(result.stdout).toContain('300 profielen, 0 met een andere uitkomst');
  });
});

describe('wijzer compare', () => {
  it('puts every region next to each other per kind of support', async () => {
    const result = await cli(['compare', ...catalogues.map((c) => `catalogue/${c}`), '--format', 'markdown']);
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(join(DIFF, 'vergelijking.md'));
    const json = JSON.parse((await cli(['compare', ...catalogues.map((c) => `catalogue/${c}`), '--format', 'json'])).stdout) as { rijen: { soort: string }[] };
    expect(json.rijen.map((r) => r.soort)).toContain('08 vervoerdiensten');
  });
});

describe('populations', () => {
  it('genereer is reproducible for a seed', async () => {
    const a = await cli(['genereer', '--aantal', '20', '--seed', '5']);
    const b = await cli(['genereer', '--aantal', '20', '--seed', '5']);
    const c = await cli(['genereer', '--aantal', '20', '--seed', '6']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
    expect(a.stdout.trim().split('\n')).toHaveLength(20);
  });

  it.each([
    ['bad JSON', 'x.jsonl', '{"leeftijd": 40}\n{kapot\n', 'WZ111', 2],
    ['a wrong label', 'x.jsonl', '{"leeftijd": 40}\n\n{"problematiek": "middel"}\n', 'WZ703', 3],
    ['an unknown CSV column', 'x.csv', 'id,leeftijd,problematek\np1,40,licht\n', 'WZ701', 1],
    ['a wrong CSV number', 'x.csv', 'id;leeftijd;beperkingen\np1;veertig;verstandelijk|lichamelijk\n', 'WZ702', 2],
    ['a CSV row with too few cells', 'x.csv', 'id,leeftijd\np1\n', 'WZ111', 2],
  ])('rejects a population with %s, pointing at the line', async (_name, file, content, code, line) => {
    const path = join(mkdtempSync(join(tmpdir(), 'wijzer-pop-')), file);
    writeFileSync(path, content);
    const result = await cli(['impact', 'catalogue/samen-doen', '--base', 'catalogue/samen-doen', '--profielen', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(code);
    expect(result.stderr).toContain(`${file}:${line}:`);
  });

  it('reads CSV with Dutch conventions (semicolons, decimal commas, ja/nee, lists with |)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wijzer-pop-')), 'p.csv');
    writeFileSync(path, 'id;leeftijd;beperkingen;wlz_indicatie\np1;40;verstandelijk|lichamelijk;nee\np2;18,0;;ja\n');
    const result = await cli(['impact', 'catalogue/samen-doen', '--base', 'catalogue/samen-doen', '--profielen', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 profielen, 0 met een andere uitkomst');
  });
});
