/**
 * The compiled rules must run unchanged on a bare json-rules-engine Engine and agree with
 * wijzer's own reading of the results (which also runs on json-rules-engine).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { Evaluator } from '../src/evaluate/evaluate.js';
import { isHardExcess, isOpenHardLimit, type ProductOutcome } from '../src/evaluate/outcome.js';
import { limitRules, rulesOf } from '../src/compile/rules.js';
import { fromRoot } from '../src/util/files.js';
import { prepareCatalogue } from '../src/pipeline.js';
import { randomProfile, seededRandom } from '../src/population/synthetic.js';
import { cli } from './support/cli.js';
import { CATALOGUES } from './support/paths.js';

const prepared = prepareCatalogue(join(CATALOGUES, 'samen-doen'));
const compiled = prepared.compiled!;
const vocabulary = prepared.scope!.vocabulary;

/** What the product rule decides: every voorwaarde holds, no uitsluiting applies, no hard limit is exceeded. */
function engineVerdict(product: ProductOutcome): boolean {
  const clausesFit = product.clauses.every((c) => (c.role === 'voorwaarde' ? c.truth === 'waar' : c.role === 'uitsluiting' ? c.truth !== 'waar' : true));
  return clausesFit && !product.limieten.some((l) => isHardExcess(l) || isOpenHardLimit(l));
}

async function bareEngineEvents(rules: unknown[], profile: object, options?: object): Promise<Set<string>> {
  const engine = new Engine(rules as never[], options);
  const { results } = await engine.run({ ...profile });
  return new Set(results.map((r) => String(r.name)));
}

describe('compiled rules on a bare json-rules-engine Engine', () => {
  it('wijzer compile writes rules with explicit name, priority and event type', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'wijzer-compile-')), 'samen-doen.rules.json');
    const result = await cli(['compile', 'catalogue/samen-doen', '-o', out]);
    expect(result.code).toBe(0);
    const rules = JSON.parse(readFileSync(out, 'utf8')) as { name: string; priority: number; event: { type: string } }[];
    expect(rules.length).toBe(compiled.products.reduce((n, p) => n + p.clauses.length * 2 + p.limieten.reduce((k, l) => k + limitRules(l).length, 0) + 1, 0));
    for (const rule of rules) {
      expect(typeof rule.name).toBe('string');
      expect(rule.priority).toBeGreaterThan(0);
      expect(rule.event.type).toMatch(/^[a-z-]+$/);
    }
    expect(new Set(rules.map((r) => r.name)).size).toBe(rules.length);
  });

  it('agrees with the evaluator on complete profiles, with no engine options at all', async () => {
    const rules = JSON.parse((await cli(['compile', 'catalogue/samen-doen'])).stdout) as unknown[];
    const evaluator = new Evaluator(compiled);
    const next = seededRandom(20261123);
    for (let i = 0; i < 150; i++) {
      const profile = randomProfile(vocabulary, next, 1);
      const fired = await bareEngineEvents(rules, profile);
      const evaluation = await evaluator.evaluate(profile);
      for (const product of evaluation.products) {
        const passendRule = `samen-doen/${product.product.id}/passend`;
        // Combination rules are applied after the engine; compare the engine's own verdict.
        const clausesFit = engineVerdict(product);
        expect(fired.has(passendRule), `${passendRule} for ${JSON.stringify(profile)}`).toBe(clausesFit);
        for (const clause of product.clauses) {
          expect(clause.truth, 'complete profiles have no unknown clauses').not.toBe('onbekend');
          expect(fired.has(clause.compiled.holdsRule.name)).toBe(clause.truth === 'waar');
          expect(fired.has(clause.compiled.failsRule.name)).toBe(clause.truth === 'onwaar');
        }
      }
    }
  });

  it('never lets a clause hold and fail at once, and marks missing facts unknown', async () => {
    const rules = JSON.parse((await cli(['compile', 'catalogue/samen-doen'])).stdout) as { name: string }[];
    const evaluator = new Evaluator(compiled);
    const next = seededRandom(7);
    for (let i = 0; i < 100; i++) {
      const profile = randomProfile(vocabulary, next, 0.6);
      const fired = await bareEngineEvents(rules, profile, { allowUndefinedFacts: true });
      for (const rule of rules) {
        if (rule.name.endsWith('/niet')) expect(fired.has(rule.name) && fired.has(rule.name.slice(0, -'/niet'.length))).toBe(false);
      }
      const evaluation = await evaluator.evaluate(profile);
      for (const product of evaluation.products) {
        expect(fired.has(`samen-doen/${product.product.id}/passend`)).toBe(engineVerdict(product));
        for (const clause of product.clauses) {
          expect(fired.has(clause.compiled.holdsRule.name)).toBe(clause.truth === 'waar');
          expect(fired.has(clause.compiled.failsRule.name)).toBe(clause.truth === 'onwaar');
        }
      }
    }
    const evaluation = await new Evaluator(compiled).evaluate({ leeftijd: 40 });
    const ib1 = evaluation.products.find((p) => p.product.id === 'ib1-ontwikkelgericht')!;
    expect(ib1.status).toBe('onbekend');
    expect(ib1.missing).toContain('problematiek');
    expect(ib1.clauses.find((c) => c.compiled.clause.id === 'doelgroep')!.missing).toEqual(['beperkingen']);
  });

  it('agrees with the evaluator on every bundled catalogue and the kinds fixture: limits, kenmerken, richtwaarden', async () => {
    const folders = [...['ambulante-hulp-duurzaam', 'dienstomschrijvingen-begeleiding-dagbesteding', 'nmd-samenwerking', 'samen-doen', 'toekomst-sociaal-domein'].map((c) => join(CATALOGUES, c)), fromRoot('test', 'fixtures', 'soorten')];
    const next = seededRandom(88);
    for (const folder of folders) {
      const ready = prepareCatalogue(folder);
      const rules = rulesOf(ready.compiled!);
      const evaluator = new Evaluator(ready.compiled!);
      for (let i = 0; i < 60; i++) {
        const profile = randomProfile(ready.scope!.vocabulary, next, i % 2 === 0 ? 1 : 0.7);
        const fired = await bareEngineEvents(rules, profile, { allowUndefinedFacts: true });
        const evaluation = await evaluator.evaluate(profile);
        for (const product of evaluation.products) {
          expect(fired.has(`${ready.compiled!.catalogue.id}/${product.product.id}/passend`), `${product.product.id} ${JSON.stringify(profile)}`).toBe(engineVerdict(product));
          for (const limit of product.limieten) {
            expect(fired.has(limit.compiled.rule.name)).toBe(limit.verdict === 'overschreden');
            if (limit.verdict === 'situatie onbekend') expect(fired.has(limit.compiled.situation!.outsideRule.name)).toBe(true);
          }
        }
      }
    }
  });
});
