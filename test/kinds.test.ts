/**
 * The four kinds of statement and what the consultant gets from them, on a purpose-built
 * catalogue (test/fixtures/soorten): kenmerken never required, limits only against a stated
 * request, combinations that decide, the closest fit, the level left to the toegang,
 * referrals, the Wmo/Jeugd code and provider obligations.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Evaluator } from '../src/evaluate/evaluate.js';
import { prepareCatalogue } from '../src/pipeline.js';
import type { Evaluation } from '../src/evaluate/outcome.js';
import type { Profile } from '../src/vocabulary/types.js';
import { fromRoot } from '../src/util/files.js';
import { cli } from './support/cli.js';

const FOLDER = fromRoot('test', 'fixtures', 'soorten');
const prepared = prepareCatalogue(FOLDER);
const evaluator = new Evaluator(prepared.compiled!);
const evaluate = (profile: Profile): Promise<Evaluation> => evaluator.evaluate(profile);
const product = (e: Evaluation, id: string) => e.products.find((p) => p.product.id === id)!;
const family = (e: Evaluation, id: string) => e.families.find((f) => f.familie === id)!;

/** `wijzer evaluate` on a profile file written from YAML text. */
async function evaluateCli(profileYaml: string, ...options: string[]) {
  const file = join(mkdtempSync(join(tmpdir(), 'wijzer-soorten-')), 'profiel.yaml');
  writeFileSync(file, profileYaml);
  return cli(['evaluate', file, '--catalogue', FOLDER, ...options]);
}

describe('kenmerken', () => {
  it('are never required: a profile without them is passend', async () => {
    const e = await evaluate({ problematiek: 'licht' });
    expect(product(e, 'licht').status).toBe('passend');
    expect(product(e, 'licht').missing).toEqual([]);
  });

  it('show as supporting or deviating evidence without changing the status', async () => {
    const supported = product(await evaluate({ problematiek: 'licht', verwachte_duur: 'kortdurend' }), 'licht');
    const deviating = product(await evaluate({ problematiek: 'licht', verwachte_duur: 'langdurig' }), 'licht');
    expect([supported.status, deviating.status]).toEqual(['passend', 'passend']);
    expect(supported.clauses.find((c) => c.role === 'kenmerk')!.truth).toBe('waar');
    expect(deviating.clauses.find((c) => c.role === 'kenmerk')!.truth).toBe('onwaar');
  });
});

describe('limieten', () => {
  it('never make a product onbekend when no request is stated', async () => {
    const licht = product(await evaluate({ problematiek: 'licht' }), 'licht');
    expect(licht.limieten.map((l) => l.verdict)).toEqual(['niet gevraagd']);
  });

  it('make a product niet passend when the stated request exceeds a hard limit (in the fact unit)', async () => {
    const within = product(await evaluate({ problematiek: 'licht', gevraagde_indicatieduur_maanden: 12 }), 'licht');
    const above = product(await evaluate({ problematiek: 'licht', gevraagde_indicatieduur_maanden: 13 }), 'licht');
    expect(within.status).toBe('passend');
    expect(above.status).toBe('niet passend');
    expect(above.limieten[0]).toMatchObject({ verdict: 'overschreden', requested: 13 });
  });

  it('with alleen_als apply only where their situation holds', async () => {
    const crisis = product(await evaluate({ problematiek: 'licht', acute_crisis: true, gevraagde_indicatieduur_maanden: 6 }), 'intensief');
    expect(crisis.status).toBe('niet passend');
    expect(crisis.limieten[0]!.verdict).toBe('overschreden');
    const other = product(await evaluate({ problematiek: 'licht', gevraagde_indicatieduur_maanden: 6, acute_crisis: false }), 'intensief');
    expect(other.status).toBe('passend');
    expect(other.limieten[0]!.verdict).toBe('niet van toepassing');
    // Unknown situation: a request within the limit is fine, one outside it depends on the situation.
    const within = product(await evaluate({ problematiek: 'licht', gevraagde_indicatieduur_maanden: 2 }), 'intensief');
    expect([within.status, within.limieten[0]!.verdict]).toEqual(['passend', 'binnen']);
    const open = product(await evaluate({ problematiek: 'licht', gevraagde_indicatieduur_maanden: 6 }), 'intensief');
    expect([open.status, open.limieten[0]!.verdict]).toEqual(['onbekend', 'situatie onbekend']);
    expect(open.missing).toEqual(['acute_crisis']);
  });

  it('only warn above a richtwaarde', async () => {
    const zwaar = product(await evaluate({ problematiek: 'zwaar', wlz_indicatie: false, gevraagde_indicatieduur_maanden: 30 }), 'zwaar');
    expect(zwaar.status).toBe('passend');
    expect(zwaar.limieten[0]!.verdict).toBe('overschreden');
    const text = await evaluateCli('problematiek: zwaar\nwlz_indicatie: false\ngevraagde_indicatieduur_maanden: 30\n');
    expect(text.stdout).toContain('indicatieduur maximaal 24 maanden (richtwaarde) — gevraagd 30: boven de richtwaarde');
  });
});

describe('alleen in combinatie met', () => {
  it('is niet passend when the partner is ruled out, even while its own clauses are open', async () => {
    const e = await evaluate({ problematiek: 'zwaar' });
    expect(product(e, 'licht').status).toBe('niet passend');
    const aanvulling = product(e, 'aanvulling');
    expect(aanvulling.clauses.find((c) => c.compiled.clause.id === 'volwassen')!.truth).toBe('onbekend');
    expect(aanvulling.status).toBe('niet passend');
    expect(aanvulling.combinatie).toMatchObject({ ruledOut: ['licht'], undecided: [] });
  });

  it('stays onbekend when the list of existing indications is declared incomplete', async () => {
    const e = await evaluate({ problematiek: 'zwaar', leeftijd: 40, bestaande_indicaties_volledig: false });
    expect(product(e, 'aanvulling').status).toBe('onbekend');
    expect(product(e, 'aanvulling').combinatie!.undecided).toEqual(['licht']);
  });

  it('is met by an existing indication', async () => {
    const e = await evaluate({ problematiek: 'zwaar', leeftijd: 40, bestaande_indicaties: ['licht'] });
    expect(product(e, 'aanvulling').status).toBe('passend');
  });
});

describe('families', () => {
  it('rank the levels by closeness when none fits, and say what deviates', async () => {
    const e = await evaluate({ problematiek: 'matig', verwachte_duur: 'kortdurend', acute_crisis: false, wlz_indicatie: false });
    const begeleiding = family(e, 'begeleiding');
    expect(begeleiding.status).toBe('geen');
    // Both levels miss one voorwaarde; the kenmerken decide: licht is supported, zwaar deviates.
    expect(begeleiding.dichtstbij.map((f) => f.product.product.id)).toEqual(['licht', 'zwaar', 'intensief']);
    expect(begeleiding.dichtstbij[0]!.afwijkingen).toHaveLength(1);
    const text = await evaluateCli('problematiek: matig\nverwachte_duur: kortdurend\nacute_crisis: false\nwlz_indicatie: false\n');
    expect(text.stdout).toContain('Geen niveau past volledig; het dichtst bij: Begeleiding licht (1 afwijking: problematiek: matig (vereist: licht); 1 steunend kenmerk)');
  });

  it('give no closest fit to a client who fails what every level requires: the family is not for them', async () => {
    const intensiteit = family(await evaluate({ verwachte_duur: 'kortdurend' }), 'intensiteit');
    expect(intensiteit.status).toBe('geen');
    expect(intensiteit.dichtstbij).toEqual([]);
    expect(intensiteit.nietVoor!.map((c) => c.compiled.clause.id)).toEqual(['langdurig']);
    const text = await evaluateCli('verwachte_duur: kortdurend\n');
    expect(text.stdout).toContain('intensiteit: geen passend product (geldt voor elk niveau: Voor langdurige ondersteuning)');
  });

  it('rank a request above a limit after unmet criteria, and the nearest limit first', async () => {
    const e = await evaluate({ verwachte_duur: 'langdurig', gevraagde_indicatieduur_maanden: 20 });
    const intensiteit = family(e, 'intensiteit');
    expect(intensiteit.status).toBe('geen');
    // 20 months lies closer to 12 (intensiteit-2) than to 6 (intensiteit-1).
    expect(intensiteit.dichtstbij.map((f) => f.product.product.id)).toEqual(['intensiteit-2', 'intensiteit-1']);
    expect(intensiteit.dichtstbij[0]!.afwijkingen.map((a) => a.kind)).toEqual(['limiet']);
  });

  it('point to a heavier fitting level whose kenmerken the profile shows, keeping the lightest as the answer', async () => {
    const e = await evaluate({ problematiek: 'licht', acute_crisis: true, verwachte_duur: 'langdurig' });
    const begeleiding = family(e, 'begeleiding');
    expect(begeleiding.status).toBe('bepaald');
    expect(begeleiding.lichtstPassend.map((p) => p.product.id)).toEqual(['licht']);
    expect(begeleiding.kenmerkenWijzenOp!.zwaarder.product.product.id).toBe('intensief');
    const text = await evaluateCli('problematiek: licht\nacute_crisis: true\nverwachte_duur: langdurig\n');
    expect(text.stdout).toContain('let op: ook Begeleiding intensief past en de kenmerken wijzen daarop (1 aanwezig kenmerk, bij het lichtste niveau 0)');
    const quiet = family(await evaluate({ problematiek: 'licht', acute_crisis: false }), 'begeleiding');
    expect(quiet.kenmerkenWijzenOp).toBeUndefined();
  });

  it('report the level as the toegang’s choice where the document leaves it to the toegang', async () => {
    const open = family(await evaluate({ verwachte_duur: 'langdurig' }), 'intensiteit');
    expect(open.status).toBe('keuze-toegang');
    expect(open.keuze!.niveaus.map((p) => p.product.id)).toEqual(['intensiteit-1', 'intensiteit-2']);
    expect(open.keuze!.regel).toContain('De toegang kiest');
    // A stated request above the lighter level's limit leaves one level: then it is decided.
    const decided = family(await evaluate({ verwachte_duur: 'langdurig', gevraagde_indicatieduur_maanden: 9 }), 'intensiteit');
    expect(decided.status).toBe('bepaald');
    expect(decided.lichtstPassend.map((p) => p.product.id)).toEqual(['intensiteit-2']);
  });
});

describe('referrals', () => {
  it('name the destination of an applying exclusion with its reason and quote, in the JSON', async () => {
    const run = await evaluateCli('problematiek: zwaar\nwlz_indicatie: true\n', '--format', 'json');
    const json = JSON.parse(run.stdout) as { verwijzingen: { soort: string; naar: { buiten_catalogus: string | null }; vanuit: string[]; bron: string }[] };
    expect(json.verwijzingen).toContainEqual(expect.objectContaining({ soort: 'uitsluiting', naar: { product: null, familie: null, buiten_catalogus: 'Wlz' }, vanuit: ['zwaar'], bron: 'Niet voor inwoners met een Wlz-indicatie.' }));
  });

  it('list the vervolg of a fitting product in text', async () => {
    const run = await evaluateCli('problematiek: licht\n');
    expect(run.stdout).toContain('mogelijk vervolg na Begeleiding licht: Begeleiding zwaar (opschalen)');
  });
});

describe('Wmo or Jeugd code', () => {
  it.each([
    [{ problematiek: 'licht', leeftijd: 12 }, 'gekozen', ['45A48']],
    [{ problematiek: 'licht', leeftijd: 30 }, 'gekozen', ['02A03']],
    [{ problematiek: 'licht', leeftijd: 20, wet: 'jeugdwet' }, 'gekozen', ['45A48']],
  ] as const)('%o → %s %o', async (profile, kind, codes) => {
    const code = product(await evaluate(profile), 'beide-codes').code;
    expect(code.kind).toBe(kind);
    expect(code.kind === 'gekozen' ? code.codes : []).toEqual(codes);
  });

  it('says so when it cannot tell', async () => {
    const code = product(await evaluate({ problematiek: 'licht' }), 'beide-codes').code;
    expect(code.kind).toBe('onbepaald');
  });
});

describe('wijzer aanbieder', () => {
  const offer = (name: string) => fromRoot('test', 'fixtures', 'soorten-aanbod', name);

  it('reports each violated obligation with its quote (WZ330, WZ331) and exits 1', async () => {
    const run = await cli(['aanbieder', FOLDER, offer('aanvulling-zonder-licht.yaml')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/aanvulling-zonder-licht\.yaml:3:5: fout WZ330: Wie Aanvulling biedt, moet ook Begeleiding licht bieden/);
    expect(run.stderr).toContain('Wie de aanvulling biedt, biedt ook begeleiding licht.');
    expect(run.stderr).toMatch(/aanvulling-zonder-licht\.yaml:4:5: fout WZ331: Wie een niveau van intensiteit biedt, moet alle niveaus bieden; Intensiteit 2 ontbreekt/);
    const json = JSON.parse((await cli(['aanbieder', FOLDER, offer('aanvulling-zonder-licht.yaml'), '--format', 'json'])).stdout) as { diagnostics: { code: string }[]; overtredingen: unknown[] };
    expect(json.diagnostics.map((d) => d.code)).toEqual(['WZ330', 'WZ331']);
    expect(json.overtredingen).toEqual([
      { product: 'aanvulling', ontbreekt: ['licht'], bron: 'Wie de aanvulling biedt, biedt ook begeleiding licht.' },
      { product: 'intensiteit-1', ontbreekt: ['intensiteit-2'], bron: 'Een aanbieder biedt alle intensiteiten.' },
    ]);
  });

  it('accepts a complete offer, by id or product code', async () => {
    const run = await cli(['aanbieder', FOLDER, offer('compleet.yaml'), '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ voldoet: true, aangeboden: ['aanvulling', 'licht', 'intensiteit-1', 'intensiteit-2', 'beide-codes'] });
  });

  it('names an unknown product or code with a suggestion (WZ332)', async () => {
    const run = await cli(['aanbieder', FOLDER, offer('onbekende-code.yaml')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/onbekende-code\.yaml:1:20: fout WZ332: '45A84' is geen product-id of productcode/);
    expect(run.stderr).toContain("Bedoelt u 'intensiteit-1'?");
    expect(run.stdout).toContain('2 onbekende producten');
    const json = JSON.parse((await cli(['aanbieder', FOLDER, offer('onbekende-code.yaml'), '--format', 'json'])).stdout) as { diagnostics: { code: string }[] };
    expect(json.diagnostics.map((d) => d.code)).toEqual(['WZ332', 'WZ332']);
  });

  it('gives no verdict line for an offer file that does not load', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wijzer-aanbod-')), 'aanbod.yaml');
    writeFileSync(file, 'leeftijd: 40\n');
    const run = await cli(['aanbieder', FOLDER, file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('WZ202');
    expect(run.stdout).toBe('');
  });

  it('is a usage error without an offer', async () => {
    expect((await cli(['aanbieder', FOLDER])).code).toBe(2);
  });
});

describe('questions', () => {
  it('ask what decides a status before what only rules out an open exclusion', async () => {
    const duurzaam = new Evaluator(prepareCatalogue(fromRoot('catalogue', 'ambulante-hulp-duurzaam')).compiled!);
    const facts = (await duurzaam.evaluate({ gevraagde_hulpvormen: ['begeleiding'] })).questions.map((q) => q.fact);
    // zorg_niet_binnen_reguliere_trajecten is Maatwerk's voorwaarde; doel_jeugdhulp only an exclusion.
    expect(facts.indexOf('zorg_niet_binnen_reguliere_trajecten')).toBeGreaterThanOrEqual(0);
    expect(facts.indexOf('zorg_niet_binnen_reguliere_trajecten')).toBeLessThan(facts.indexOf('doel_jeugdhulp'));
  });
});
