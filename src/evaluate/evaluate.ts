/**
 * Profile → explained decision. Where a fact flows:
 *   profile → json-rules-engine (holds/fails rule per clause, excess rule per limit)
 *   → clause truth (waar/onwaar/onbekend) and limit verdicts
 *   → product status (uitgesloten > niet passend > onbekend > passend; kenmerken never count)
 *   → combinations → families (lightest fit, level chosen by the toegang, closest fit)
 *   → referrals and the Wmo/Jeugd code.
 */
import { limitRules, type CompiledCatalogue, type CompiledClause, type CompiledLimiet, type CompiledProduct } from '../compile/rules.js';
import { leavesOf } from '../compile/lower.js';
import type { Profile } from '../vocabulary/types.js';
import { RuleRunner, type RuleOutcome } from './engine.js';
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

/**
 * The "fails" rules only matter when a fact is missing: with every fact present a clause that
 * does not hold certainly fails. They run on a second engine, only for partial profiles, which
 * halves the work for complete ones. Both engines run the compiled rules unchanged.
 */
export class Evaluator {
  private readonly holdsRunner: RuleRunner;
  private readonly failsRunner: RuleRunner;
  private readonly usedFacts: readonly string[];

  constructor(readonly compiled: CompiledCatalogue) {
    // The product-level "passend" rules are for consumers; their verdict equals the clause
    // verdict (test/compile-engine.test.ts proves it on a bare Engine), so they are not run here.
    this.holdsRunner = new RuleRunner(compiled.products.flatMap((p) => [...p.clauses.map((c) => c.holdsRule), ...p.limieten.flatMap(limitRules)]));
    this.failsRunner = new RuleRunner(compiled.products.flatMap((p) => p.clauses.map((c) => c.failsRule)));
    this.usedFacts = [...new Set(compiled.products.flatMap((p) => p.clauses.flatMap((c) => leavesOf(c.holds).map((l) => l.fact))))];
  }

  async evaluate(profile: Profile): Promise<Evaluation> {
    const outcomes = await this.holdsRunner.run(profile);
    if (this.usedFacts.some((fact) => profile[fact] === undefined)) {
      for (const [name, outcome] of await this.failsRunner.run(profile)) outcomes.set(name, outcome);
    } else {
      // Complete profile: "fails" is exactly "does not hold".
      for (const product of this.compiled.products) {
        for (const clause of product.clauses) outcomes.set(clause.failsRule.name, { result: !mustGet(outcomes, clause.holdsRule.name).result, leaves: [] });
      }
    }
    const first = this.compiled.products.map((p) => productOutcome(p, outcomes, profile));
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

function mustGet(outcomes: Map<string, RuleOutcome>, name: string): RuleOutcome {
  const outcome = outcomes.get(name);
  if (!outcome) throw new Error(`wijzer: engine returned no result for rule ${name}`);
  return outcome;
}

function clauseOutcome(compiled: CompiledClause, outcomes: Map<string, RuleOutcome>, profile: Profile): ClauseOutcome {
  const holds = mustGet(outcomes, compiled.holdsRule.name);
  const fails = mustGet(outcomes, compiled.failsRule.name);
  if (holds.result && fails.result) throw new Error(`wijzer: clause ${compiled.holdsRule.name} both holds and fails`);
  const truth: Truth = holds.result ? 'waar' : fails.result ? 'onwaar' : 'onbekend';
  const leaves = leavesOf(compiled.holds).map((leaf, i) => ({
    leaf,
    actual: profile[leaf.fact],
    result: holds.leaves[i]?.result === true,
  }));
  const missing = truth === 'onbekend' ? [...new Set(leaves.filter((l) => l.actual === undefined).map((l) => l.leaf.fact))] : [];
  return { compiled, role: compiled.role, truth, leaves, missing };
}

/** A limit bites only when the profile states the requested amount; a missing request never blocks. */
function limitOutcome(compiled: CompiledLimiet, outcomes: Map<string, RuleOutcome>, profile: Profile): LimitOutcome {
  const requested = profile[compiled.limiet.feit];
  if (typeof requested !== 'number') return { compiled, verdict: 'niet gevraagd' };
  const situation = compiled.situation;
  if (situation && mustGet(outcomes, situation.notAppliesRule.name).result) return { compiled, requested, verdict: 'niet van toepassing' };
  if (situation && !mustGet(outcomes, situation.appliesRule.name).result) {
    // The situation is unknown: only a request outside the bounds depends on it.
    if (!mustGet(outcomes, situation.outsideRule.name).result) return { compiled, requested, verdict: 'binnen' };
    const missing = [...new Set(leavesOf(situation.holds).map((l) => l.fact).filter((f) => profile[f] === undefined))];
    return { compiled, requested, verdict: 'situatie onbekend', missing };
  }
  const exceeded = mustGet(outcomes, compiled.rule.name).result;
  return { compiled, requested, verdict: exceeded ? 'overschreden' : 'binnen' };
}

function productOutcome(compiled: CompiledProduct, outcomes: Map<string, RuleOutcome>, profile: Profile): ProductOutcome {
  const clauses = compiled.clauses.map((c) => clauseOutcome(c, outcomes, profile));
  const limieten = compiled.limieten.map((l) => limitOutcome(l, outcomes, profile));
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

