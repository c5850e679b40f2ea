/**
 * Profile → explained decision. Where a fact flows:
 *   profile → json-rules-engine (holds/fails rule per clause) → clause truth (waar/onwaar/onbekend)
 *   → product status (uitgesloten > niet passend > onbekend > passend) → combinations → families.
 */
import type { CompiledCatalogue, CompiledClause, CompiledProduct } from '../compile/rules.js';
import { leavesOf } from '../compile/lower.js';
import type { Profile } from '../vocabulary/types.js';
import { RuleRunner, type RuleOutcome } from './engine.js';
import type { ClauseOutcome, Evaluation, FamilyOutcome, ProductOutcome, Status, Truth } from './outcome.js';
import { applyCombinations } from './combinations.js';
import { rankQuestions } from './questions.js';

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
    this.holdsRunner = new RuleRunner(compiled.products.flatMap((p) => p.clauses.map((c) => c.holdsRule)));
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
      families: families(products),
      questions: rankQuestions(products),
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

function productOutcome(compiled: CompiledProduct, outcomes: Map<string, RuleOutcome>, profile: Profile): ProductOutcome {
  const clauses = compiled.clauses.map((c) => clauseOutcome(c, outcomes, profile));
  const voorwaarden = clauses.filter((c) => c.role === 'voorwaarde');
  const uitsluitingen = clauses.filter((c) => c.role === 'uitsluiting');
  let status: Status;
  if (uitsluitingen.some((c) => c.truth === 'waar')) status = 'uitgesloten';
  else if (voorwaarden.some((c) => c.truth === 'onwaar')) status = 'niet passend';
  else if (clauses.some((c) => c.role !== 'alternatief' && c.truth === 'onbekend')) status = 'onbekend';
  else status = 'passend';
  const missing = status === 'onbekend' ? [...new Set(clauses.filter((c) => c.role !== 'alternatief').flatMap((c) => c.missing))] : [];
  return { product: compiled.product, status, clauses, missing };
}

function families(products: readonly ProductOutcome[]): FamilyOutcome[] {
  const byFamily = new Map<string, ProductOutcome[]>();
  for (const outcome of products) {
    const family = outcome.product.familie;
    if (family === undefined || outcome.product.niveau === undefined) continue;
    byFamily.set(family, [...(byFamily.get(family) ?? []), outcome]);
  }
  return [...byFamily.entries()].map(([familie, members]) => {
    const levels = [...new Set(members.map((m) => m.product.niveau!))].sort((a, b) => a - b);
    const open: ProductOutcome[] = [];
    for (const level of levels) {
      const atLevel = members.filter((m) => m.product.niveau === level);
      const fitting = atLevel.filter((m) => m.status === 'passend');
      open.push(...atLevel.filter((m) => m.status === 'onbekend'));
      if (fitting.length > 0) {
        // "De lichtst passende voorziening": a lighter level that is still open must be decided first.
        return { familie, status: open.length > 0 ? 'onbekend' : 'bepaald', lichtstPassend: fitting, open } satisfies FamilyOutcome;
      }
    }
    return { familie, status: open.length > 0 ? 'onbekend' : 'geen', lichtstPassend: [], open } satisfies FamilyOutcome;
  });
}
