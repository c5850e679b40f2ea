import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { analyse, type Finding } from '../src/analysis/analyse.js';
import { loadSettings } from '../src/analysis/settings.js';
import { Evaluator } from '../src/evaluate/evaluate.js';
import { prepareCatalogue, prepareScope } from '../src/pipeline.js';
import { run } from '../src/cli/main.js';
import { fromRoot } from '../src/util/files.js';
import type { Profile } from '../src/vocabulary/types.js';
import { cli } from './support/cli.js';

const scope = prepareScope();
const bundled = readdirSync(fromRoot('catalogue')).sort().map((name) => prepareCatalogue(fromRoot('catalogue', name), scope));
const bundle = bundled.map((p) => p.catalogue!);

function findingsFor(folder: string): { findings: Finding[]; evaluator: Evaluator } {
  const prepared = prepareCatalogue(folder, scope);
  expect(prepared.diagnostics.filter((d) => d.severity === 'fout')).toEqual([]);
  const settings = loadSettings(folder);
  expect(settings.diagnostics).toEqual([]);
  const findings = analyse({ compiled: prepared.compiled!, scope: scope.scope!, settings: settings.settings, bundle: [...bundle, prepared.catalogue!] });
  return { findings, evaluator: new Evaluator(prepared.compiled!) };
}

/** Feeds a finding's counterexample to the evaluator and checks that it shows the finding. */
async function reproduces(finding: Finding, evaluator: Evaluator): Promise<void> {
  const evaluation = await evaluator.evaluate(finding.counterexample as Profile);
  const reproduce = finding.reproduce!;
  if (reproduce.kind === 'gat') {
    expect(evaluation.families.find((f) => f.familie === reproduce.family)!.status, finding.key).toBe('geen');
  } else {
    for (const id of reproduce.products) expect(evaluation.products.find((p) => p.product.id === id)!.status, `${finding.key}: ${id}`).toBe('passend');
  }
}

describe('wijzer analyse on the bundled catalogues', () => {
  for (const prepared of bundled) {
    it(`${prepared.catalogue!.id}: every gap and overlap is reproduced by evaluating its counterexample`, async () => {
      const start = Date.now();
      const { findings, evaluator } = findingsFor(prepared.catalogue!.folder);
      expect(Date.now() - start).toBeLessThan(10_000);
      for (const finding of findings.filter((f) => f.counterexample)) await reproduces(finding, evaluator);
      for (const finding of findings) expect(finding.diagnostic.code).toMatch(/^WZ6[56]\d$/);
    });
  }

  it('the CLI writes counterexamples that wijzer evaluate reproduces', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wijzer-tegenvoorbeelden-'));
    const result = await cli(['analyse', 'catalogue/samen-doen', '--tegenvoorbeelden', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('sleutel: gat/individuele-begeleiding');
    const file = join(dir, 'gat_individuele-begeleiding.yaml');
    const evaluation = await cli(['evaluate', file, '--catalogue', 'catalogue/samen-doen', '--format', 'json']);
    const json = JSON.parse(evaluation.stdout) as { families: { familie: string; status: string }[] };
    expect(json.families.find((f) => f.familie === 'individuele-begeleiding')!.status).toBe('geen');
    expect(parseYaml(readFileSync(file, 'utf8'))).toHaveProperty('problematiek');
  });
});

describe('purpose-built fixture catalogues', () => {
  const root = fromRoot('test', 'fixtures', 'analyse');
  for (const name of readdirSync(root).sort()) {
    it(name, async () => {
      const expected = (parseYaml(readFileSync(join(root, name, 'verwacht.yaml'), 'utf8')) as { bevindingen: string[] }).bevindingen;
      const { findings, evaluator } = findingsFor(join(root, name));
      expect(findings.map((f) => `${f.diagnostic.code} ${f.key}`).sort()).toEqual([...expected].sort());
      for (const finding of findings.filter((f) => f.counterexample && !f.acknowledged)) await reproduces(finding, evaluator);
    });
  }

  it('reports unused facts and definitions (WZ656, WZ657)', () => {
    const prepared = prepareCatalogue(join(root, 'schoon'), scope);
    const findings = analyse({ compiled: prepared.compiled!, scope: scope.scope!, settings: loadSettings(join(root, 'schoon')).settings, bundle: [prepared.catalogue!] });
    expect(findings.filter((f) => f.diagnostic.code === 'WZ656').map((f) => f.key)).toContain('ongebruikt/feit/leeftijd');
    expect(findings.filter((f) => f.diagnostic.code === 'WZ657').map((f) => f.key)).toContain('ongebruikt/definitie/volwassene');
    expect(findings.find((f) => f.key === 'ongebruikt/feit/problematiek')).toBeUndefined();
  });

  it('reports products no follow-up leads to (WZ658)', () => {
    const { findings } = findingsFor(fromRoot('catalogue', 'samen-doen'));
    expect(findings.filter((f) => f.diagnostic.code === 'WZ658').map((f) => f.key)).toContain('onbereikbaar/ib4-ontwikkelgericht');
    expect(findings.find((f) => f.key === 'onbereikbaar/ib1-ontwikkelgericht')).toBeUndefined();
  });
});

describe('wijzer vraag', () => {
  /** Answers every question from a table, as a consultant at the terminal would. */
  async function interview(answers: Record<string, string>, args: string[] = []): Promise<{ code: number; stdout: string; asked: string[] }> {
    const stdin = new PassThrough();
    let stdout = '';
    const asked: string[] = [];
    const stdoutStream = {
      write: (text: string) => {
        stdout += text;
        // An answer the table lacks is refused: stop the input instead of waiting forever.
        if (text.includes('Ongeldig antwoord')) stdin.end();
        for (const match of text.matchAll(/Vraag \d+: ([^—\n]+) —/g)) {
          const fact = match[1]!.trim().replace(/ /g, '_');
          asked.push(fact);
          stdin.write(`${answers[fact] ?? ''}\n`);
        }
        return true;
      },
    };
    const code = await run(['vraag', ...args, '--catalogue', 'catalogue/samen-doen'], { stdout: stdoutStream, stderr: { write: () => true }, stdin, cwd: fromRoot(), env: { NO_COLOR: '1' } });
    stdin.end();
    return { code, stdout, asked };
  }

  it('asks until every family is decided, then prints the explained result', async () => {
    const ib2: Record<string, string> = {
      leeftijd: '52', beperkingen: 'psychiatrisch', problematiek: 'matig', leefgebieden_omvang: 'meerdere', inzicht: 'beperkt',
      hulpvraag_uitstelbaar: 'volgend_contactmoment', planbaarheid: 'altijd', woont_zelfstandig: 'ja', woont_in_beschermd_wonen: 'nee', wlz_indicatie: 'nee',
      weerstand: 'geen', zorgmijding: 'nee', belastbaarheid: 'wisselend', veilig_huishouden: 'ja', overname_taken: 'soms',
      leerbaarheid: 'leerbaar', verwachte_ontwikkeling: 'verbetering', verwachte_duur: 'kortdurend',
      kan_deelnemen_reguliere_activiteiten: 'ja', kan_zelfstandig_reizen: 'ja', vervoer_via_netwerk: 'ja', rolstoelafhankelijk: 'nee', dagdelen_per_week: '0',
    };
    const result = await interview(ib2);
    expect(result.code).toBe(0);
    expect(new Set(result.asked).size).toBe(result.asked.length);
    expect(result.stdout).toMatch(/Samen Doen — profiel na \d+ vragen/);
    expect(result.stdout).toContain('individuele-begeleiding: Individuele begeleiding 2 ontwikkelgericht (Wmo 02A17)');
    expect(result.stdout).not.toContain('nog niet te bepalen');
  });

  it('works through the installed bin with answers piped in', async () => {
    if (!existsSync(fromRoot('dist', 'src', 'cli', 'main.js'))) return;
    const answers: Record<string, string> = {
      leeftijd: '30', beperkingen: 'verstandelijk', kan_deelnemen_reguliere_activiteiten: 'nee', problematiek: 'geen', verwachte_ontwikkeling: 'stabiel',
      leerbaarheid: 'beperkt', dagdelen_per_week: '4', kan_zelfstandig_reizen: 'nee', vervoer_via_netwerk: 'nee', rolstoelafhankelijk: 'ja',
      belastbaarheid: 'beperkt', inzicht: 'weinig', leefgebieden_omvang: 'beperkt', hulpvraag_uitstelbaar: 'volgend_contactmoment', planbaarheid: 'altijd',
      woont_zelfstandig: 'ja', woont_in_beschermd_wonen: 'nee', wlz_indicatie: 'nee', weerstand: 'geen', zorgmijding: 'nee', veilig_huishouden: 'ja', overname_taken: 'geen', verwachte_duur: 'langdurig',
    };
    const first = await interview(answers);
    expect(first.code, first.asked.join(', ')).toBe(0);
    const order = first.asked;
    const piped = spawnSync(process.execPath, [fromRoot('bin', 'wijzer.js'), 'vraag', '--catalogue', 'catalogue/samen-doen'], {
      cwd: fromRoot(),
      input: order.map((fact) => answers[fact] ?? '').join('\n') + '\n',
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain('begeleiding-groep: Begeleiding groep behoudgericht (Wmo 07A04)');
    expect(piped.stdout).toContain('vervoer-begeleiding-groep: Rolstoelvervoer begeleiding groep (Wmo 08L05)');
  });

  it('explains an invalid answer and asks again', async () => {
    const stdin = new PassThrough();
    let stdout = '';
    let first = true;
    const code = await run(['vraag', '--catalogue', 'catalogue/samen-doen'], {
      stdout: {
        write: (text: string) => {
          stdout += text;
          if (text.startsWith('> ')) {
            stdin.write(first ? 'sommatisch\n' : '');
            if (!first) stdin.end();
            first = false;
          }
          return true;
        },
      },
      stderr: { write: (t: string) => ((stdout += t), true) },
      stdin,
      cwd: fromRoot(),
      env: { NO_COLOR: '1' },
    });
    expect(stdout).toContain("Ongeldig antwoord: 'sommatisch' is geen mogelijke waarde; bedoelt u 'somatisch'?");
    expect(code).toBe(1);
    expect(stdout).toContain('WZ905');
  });

  it('starts from a partial profile and only asks what is missing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wijzer-vraag-')), 'p.yaml');
    writeFileSync(file, 'leeftijd: 40\nbeperkingen: [psychiatrisch]\nproblematiek: zwaar\n');
    const result = await interview({ leefgebieden_omvang: 'veel', leerbaarheid: 'leerbaar', inzicht: 'geen', hulpvraag_uitstelbaar: 'dertig_minuten', belastbaarheid: 'beperkt', woont_zelfstandig: 'ja', woont_in_beschermd_wonen: 'nee', wlz_indicatie: 'nee', kan_deelnemen_reguliere_activiteiten: 'ja', kan_zelfstandig_reizen: 'ja', vervoer_via_netwerk: 'ja', rolstoelafhankelijk: 'nee' }, [file]);
    expect(result.asked).not.toContain('leeftijd');
    expect(result.asked).not.toContain('problematiek');
    expect(result.stdout).toContain('Individuele begeleiding 4 ontwikkelgericht');
  });
});
