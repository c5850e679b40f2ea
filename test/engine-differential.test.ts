/**
 * Differential test of the two engines on every bundled catalogue: the compiled evaluator and
 * json-rules-engine on the exported rules give every rule and every leaf the same result, and
 * wijzer's explained evaluation is byte-for-byte the same JSON on either engine, and deciding
 * without explaining (impact) gives the same statuses and family decisions. Profiles are
 * complete, partial, with existing indications and with numbers at every threshold
 * (src/population/varied.ts), seeded.
 *
 * json-rules-engine is slow (a few hundred to two thousand profiles/s), so CI runs
 * DIFFERENTIAL_PROFILES (default 1,000) per catalogue; `npm run test:differential` runs 100,000.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesOf } from '../src/compile/rules.js';
import { Evaluator, type Outcomes } from '../src/evaluate/evaluate.js';
import { prepareCatalogue, prepareScope } from '../src/pipeline.js';
import { VariedProfiles, VARIANTS } from '../src/population/varied.js';
import { seededRandom } from '../src/population/synthetic.js';
import { evaluationJson } from '../src/report/json.js';
import { EnginePair } from './support/differential.js';
import { CATALOGUES } from './support/paths.js';
import type { Profile } from '../src/vocabulary/types.js';

const PROFILES = Number(process.env['DIFFERENTIAL_PROFILES'] ?? 1000);
/** Every how many profiles the whole explained evaluation is also compared (it costs a second reference run). */
const EXPLAINED_EVERY = Number(process.env['DIFFERENTIAL_EXPLAINED_EVERY'] ?? 5);

const scope = prepareScope();

describe('compiled evaluator and json-rules-engine: one truth', () => {
  for (const name of readdirSync(CATALOGUES).sort()) {
    it(`${name}: every rule and leaf, and every explanation, on ${PROFILES} varied profiles`, { timeout: 0 }, async () => {
      const prepared = prepareCatalogue(join(CATALOGUES, name), scope);
      if (!prepared.compiled) expect.fail(`${name} does not compile: ${prepared.diagnostics.map((d) => d.code).join(', ')}`);
      const compiled = prepared.compiled;
      const vocabulary = scope.scope!.vocabulary;
      const pair = new EnginePair(rulesOf(compiled));
      const fast = new Evaluator(compiled);
      const reference = new Evaluator(compiled, { engine: 'json-rules-engine' });
      const profiles = new VariedProfiles(compiled, vocabulary, seededRandom(20261130 + name.length));
      const statuses = new Map<string, number>();
      for (let i = 0; i < PROFILES; i++) {
        const profile = profiles.profile(VARIANTS[i % VARIANTS.length]!);
        await pair.expectSame(profile);
        const evaluation = fast.evaluateSync(profile);
        // Deciding without explaining (impact) gives the explanation's statuses and family decisions.
        const decision = fast.decide(profile);
        const shape = (d: Outcomes) => [d.products.map((p) => p.status), d.families.map((f) => [f.familie, f.status, f.lichtstPassend.map((p) => p.product.id), f.open.map((p) => p.product.id), f.keuze?.niveaus.map((p) => p.product.id)])];
        expect(shape(decision)).toEqual(shape(evaluation));
        for (const product of evaluation.products) statuses.set(product.status, (statuses.get(product.status) ?? 0) + 1);
        if (i % EXPLAINED_EVERY === 0) {
          const mine = JSON.stringify(evaluationJson(evaluation, vocabulary));
          const theirs = JSON.stringify(evaluationJson(await reference.evaluate(profile), vocabulary));
          if (mine !== theirs) expect.fail(`explanations differ for ${JSON.stringify(profile)}`);
        }
      }
      // The profiles must reach every status, or agreeing proves little.
      for (const status of ['passend', 'niet passend', 'onbekend']) expect(statuses.get(status) ?? 0, `${name}: ${status}`).toBeGreaterThan(0);
    });
  }

  it('reads only the profile\'s own facts, as json-rules-engine does (an inherited value is no fact)', async () => {
    const prepared = prepareCatalogue(join(CATALOGUES, 'samen-doen'), scope);
    const pair = new EnginePair(rulesOf(prepared.compiled!));
    const own = new VariedProfiles(prepared.compiled!, scope.scope!.vocabulary, seededRandom(7)).profile('volledig');
    const inherited = Object.create(own) as Profile;
    const mixed = Object.assign(Object.create({ leeftijd: 40, problematiek: 'licht' }) as Profile, { inzicht: own['inzicht'] });
    for (const profile of [inherited, mixed, Object.assign(Object.create(null) as Profile, own)]) await pair.expectSame(profile);
    const evaluation = new Evaluator(prepared.compiled!).evaluateSync(inherited);
    expect(evaluation.products.every((p) => p.status === 'onbekend' || p.status === 'niet passend')).toBe(true);
  });
});
