/**
 * Profile → explained decision. Where a fact flows:
 *   profile → the rules (holds/fails per clause, excess per limit) on the compiled evaluator
 *   (src/engine/compiled.ts) or on json-rules-engine as the reference — one RuleResults either way
 *   → clause truth (waar/onwaar/onbekend) and limit verdicts
 *   → product status (uitgesloten > niet passend > onbekend > passend; kenmerken never count)
 *   → combinations → families (lightest fit, level chosen by the toegang, closest fit)
 *   → referrals and the Wmo/Jeugd code.
 */
import { limitRules, type CompiledCatalogue, type CompiledClause, type CompiledLimiet, type CompiledProduct } from '../compile/rules.js';
import { leavesOf, type Leaf } from '../compile/lower.js';
import type { Profile } from '../vocabulary/types.js';
import { CompiledEngine } from '../engine/compiled.js';
import { JsonRulesEngine } from '../engine/json-rules-engine.js';
import { ruleIndex, ruleSet, type RuleResults, type RuleSet } from '../engine/rule-set.js';
import type { EngineKind } from '../engine/choice.js';
import { isHardExcess, isOpenHardLimit, type ClauseOutcome, type Evaluation, type LimitOutcome, type ProductOutcome, type Status, type Truth } from './outcome.js';
import { applyCombinations } from './combinations.js';
import { rankQuestions } from './questions.js';
import { families } from './families.js';
import { referralsOf } from './referrals.js';
import { domainCode } from './domain.js';

/**
 * Clauses whose unknown truth leaves the status open: only voorwaarden. An uitsluiting is an
 * exception the document names ("niet voor …"): it excludes when it is known to apply, and
 * while its facts are unknown it is listed as still to check (`openUitsluitingen`), never a
 * reason for "onbekend" — asking about every exception first would ask more than the policy.
 */
export function decides(clause: { readonly role: CompiledClause['role'] }): boolean {
  return clause.role === 'voorwaarde';
}

/** Where a clause's and a limit's rules sit in the rule set. */
interface ClausePlan {
  readonly compiled: CompiledClause;
  readonly holds: number;
  readonly fails: number;
  readonly leaves: readonly Leaf[];
  readonly leafStart: number;
}

interface LimitPlan {
  readonly compiled: CompiledLimiet;
  readonly rule: number;
  readonly situation?: { readonly applies: number; readonly notApplies: number; readonly outside: number; readonly facts: readonly string[] };
}

interface ProductPlan {
  readonly compiled: CompiledProduct;
  readonly clauses: readonly ClausePlan[];
  readonly limieten: readonly LimitPlan[];
}

/**
 * Evaluates profiles against one compiled catalogue. The rules (clause holds/fails, limits; the
 * product-level "passend" rules are for consumers and equal the clause verdict, see
 * test/compile-engine.test.ts) run on the compiled evaluator, or on json-rules-engine as the
 * reference; both fill the same RuleResults and the explanation is built from those alone.
 */
export class Evaluator {
  private readonly set: RuleSet;
  private readonly plan: readonly ProductPlan[];
  private readonly compiledEngine?: CompiledEngine;
  private readonly reference?: { readonly main: JsonRulesEngine; readonly fails: JsonRulesEngine; readonly usedFacts: readonly string[] };

  constructor(
    readonly compiled: CompiledCatalogue,
    options: { readonly engine?: EngineKind } = {},
  ) {
    const failsRules = compiled.products.flatMap((p) => p.clauses.map((c) => c.failsRule));
    const mainRules = compiled.products.flatMap((p) => [...p.clauses.map((c) => c.holdsRule), ...p.limieten.flatMap(limitRules)]);
    this.set = ruleSet([...mainRules, ...failsRules]);
    const at = (name: string): number => ruleIndex(this.set, name);
    this.plan = compiled.products.map((p) => ({
      compiled: p,
      clauses: p.clauses.map((c) => ({ compiled: c, holds: at(c.holdsRule.name), fails: at(c.failsRule.name), leaves: leavesOf(c.holds), leafStart: this.set.leafStart[at(c.holdsRule.name)]! })),
      limieten: p.limieten.map((l) => ({
        compiled: l,
        rule: at(l.rule.name),
        ...(l.situation
          ? { situation: { applies: at(l.situation.appliesRule.name), notApplies: at(l.situation.notAppliesRule.name), outside: at(l.situation.outsideRule.name), facts: [...new Set(leavesOf(l.situation.holds).map((leaf) => leaf.fact))] } }
          : {}),
      })),
    }));
    if ((options.engine ?? 'wijzer') === 'wijzer') {
      // The explanation shows the leaves of each clause's positive form; no others are kept.
      const explained = new Set(this.plan.flatMap((p) => p.clauses.map((c) => c.holds)));
      this.compiledEngine = new CompiledEngine(this.set, (rule) => explained.has(rule));
    } else {
      // The "fails" rules only matter when a fact is missing: with every fact present a clause that
      // does not hold certainly fails. They run on a second Engine, only for partial profiles.
      const failsFrom = mainRules.length;
      this.reference = {
        main: new JsonRulesEngine(this.set, mainRules.map((_, i) => i)),
        fails: new JsonRulesEngine(this.set, failsRules.map((_, i) => failsFrom + i)),
        usedFacts: [...new Set(compiled.products.flatMap((p) => p.clauses.flatMap((c) => leavesOf(c.holds).map((l) => l.fact))))],
      };
    }
  }

  /** The explained decision; with the reference engine it waits for json-rules-engine. */
  async evaluate(profile: Profile): Promise<Evaluation> {
    if (this.compiledEngine) return this.explain(this.compiledEngine.run(profile), profile);
    const reference = this.reference!;
    const results = await reference.main.run(profile);
    if (reference.usedFacts.some((fact) => profile[fact] === undefined)) {
      const fails = await reference.fails.run(profile);
      for (const clause of this.plan.flatMap((p) => p.clauses)) results.rules[clause.fails] = fails.rules[clause.fails]!;
    } else {
      // Complete profile: "fails" is exactly "does not hold".
      for (const clause of this.plan.flatMap((p) => p.clauses)) results.rules[clause.fails] = results.rules[clause.holds]! ? 0 : 1;
    }
    return this.explain(results, profile);
  }

  /** The compiled evaluator only: the same Evaluation without waiting (impact, batch runs). */
  evaluateSync(profile: Profile): Evaluation {
    if (!this.compiledEngine) throw new Error('wijzer: evaluateSync needs the compiled evaluator');
    return this.explain(this.compiledEngine.run(profile), profile);
  }

  private explain(results: RuleResults, profile: Profile): Evaluation {
    const first = this.plan.map((p) => productOutcome(p, results, profile));
    const products = applyCombinations(first, profile);
    return {
      catalogueId: this.compiled.catalogue.id,
      regionName: this.compiled.catalogue.region.naam,
      profile,
      products,
      families: families(products, this.compiled.catalogue.region.families),
      questions: rankQuestions(products),
      verwijzingen: referralsOf(products),
    };
  }
}

function clauseOutcome(plan: ClausePlan, results: RuleResults, profile: Profile): ClauseOutcome {
  const holds = results.rules[plan.holds] === 1;
  const fails = results.rules[plan.fails] === 1;
  if (holds && fails) throw new Error(`wijzer: clause ${plan.compiled.holdsRule.name} both holds and fails`);
  const truth: Truth = holds ? 'waar' : fails ? 'onwaar' : 'onbekend';
  const leaves = plan.leaves.map((leaf, i) => ({
    leaf,
    actual: profile[leaf.fact],
    result: results.leaves[plan.leafStart + i] === 1,
  }));
  const missing = truth === 'onbekend' ? [...new Set(leaves.filter((l) => l.actual === undefined).map((l) => l.leaf.fact))] : [];
  return { compiled: plan.compiled, role: plan.compiled.role, truth, leaves, missing };
}

/** A limit bites only when the profile states the requested amount; a missing request never blocks. */
function limitOutcome(plan: LimitPlan, results: RuleResults, profile: Profile): LimitOutcome {
  const compiled = plan.compiled;
  const requested = profile[compiled.limiet.feit];
  if (typeof requested !== 'number') return { compiled, verdict: 'niet gevraagd' };
  const situation = plan.situation;
  if (situation && results.rules[situation.notApplies] === 1) return { compiled, requested, verdict: 'niet van toepassing' };
  if (situation && results.rules[situation.applies] !== 1) {
    // The situation is unknown: only a request outside the bounds depends on it.
    if (results.rules[situation.outside] !== 1) return { compiled, requested, verdict: 'binnen' };
    const missing = situation.facts.filter((f) => profile[f] === undefined);
    return { compiled, requested, verdict: 'situatie onbekend', missing };
  }
  return { compiled, requested, verdict: results.rules[plan.rule] === 1 ? 'overschreden' : 'binnen' };
}

function productOutcome(plan: ProductPlan, results: RuleResults, profile: Profile): ProductOutcome {
  const compiled = plan.compiled;
  const clauses = plan.clauses.map((c) => clauseOutcome(c, results, profile));
  const limieten = plan.limieten.map((l) => limitOutcome(l, results, profile));
  const voorwaarden = clauses.filter((c) => c.role === 'voorwaarde');
  const uitsluitingen = clauses.filter((c) => c.role === 'uitsluiting');
  let status: Status;
  if (uitsluitingen.some((c) => c.truth === 'waar')) status = 'uitgesloten';
  else if (voorwaarden.some((c) => c.truth === 'onwaar') || limieten.some(isHardExcess)) status = 'niet passend';
  else if (clauses.some((c) => decides(c) && c.truth === 'onbekend') || limieten.some(isOpenHardLimit)) status = 'onbekend';
  else status = 'passend';
  const missing = status === 'onbekend' ? [...new Set([...clauses.filter(decides).flatMap((c) => c.missing), ...limieten.filter(isOpenHardLimit).flatMap((l) => l.missing ?? [])])] : [];
  const openUitsluitingen = status === 'passend' || status === 'onbekend' ? uitsluitingen.filter((c) => c.truth === 'onbekend') : [];
  return { product: compiled.product, status, clauses, limieten, missing, openUitsluitingen, code: domainCode(compiled.product, profile) };
}

