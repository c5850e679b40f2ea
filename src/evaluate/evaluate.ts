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
import { applyCombinations, existingOf, requirement, type Existing } from './combinations.js';
import { rankQuestions } from './questions.js';
import { families, familyDecisions, familyPlans, type Decided, type FamilyDecision, type FamilyPlan } from './families.js';
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

/** What a profile decides, without the explanation around it. */
export interface Decision {
  readonly products: readonly Decided[];
  readonly families: readonly FamilyDecision<Decided>[];
  /** Each product's status from its own clauses and limits, before combinations (plan order). */
  readonly own: readonly Status[];
}

/** What reports read of a Decision — an Evaluation has it too. */
export type Outcomes = Pick<Decision, 'products' | 'families'>;

/**
 * What a product's own status depends on: its clauses' roles and lowered conditions and its
 * limits. Two products with the same fingerprint have the same own status for every profile.
 */
function fingerprint(p: CompiledProduct): string {
  return JSON.stringify([
    p.clauses.map((c) => [c.role, c.holds, c.fails]),
    p.limieten.map((l) => [l.limiet.feit, l.limiet.richtwaarde ?? null, l.exceeds, l.situation?.holds ?? null, limitRules(l).map((r) => r.conditions)]),
  ]);
}

/** The rule indexes of a limit. */
function limitIndexes(plan: LimitPlan): number[] {
  return [plan.rule, ...(plan.situation ? [plan.situation.applies, plan.situation.notApplies, plan.situation.outside] : [])];
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
  /** The rules that decide the status, as indexes (statusOf reads millions of them in impact). */
  readonly uitsluitingHolds: readonly number[];
  readonly voorwaardeRules: readonly { readonly holds: number; readonly fails: number }[];
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
  private readonly decider?: CompiledEngine;
  /** Per product: its index in the `sameAs` version whose own status it takes, if any. */
  private reuse: readonly (number | undefined)[] = [];
  private readonly productIndex: ReadonlyMap<string, number>;
  /** Families in the order they first appear, members by level: grouped once per catalogue. */
  private readonly familyPlans: readonly FamilyPlan[];
  private readonly reference?: { readonly main: JsonRulesEngine; readonly fails: JsonRulesEngine; readonly usedFacts: readonly string[]; readonly clauses: readonly ClausePlan[] };

  constructor(
    readonly compiled: CompiledCatalogue,
    options: {
      readonly engine?: EngineKind;
      /**
       * Another version of this catalogue (impact): products whose own rules are the same as
       * there are not decided again — decide() takes their own status from that version's Decision.
       */
      readonly sameAs?: Evaluator;
    } = {},
  ) {
    const failsRules = compiled.products.flatMap((p) => p.clauses.map((c) => c.failsRule));
    const mainRules = compiled.products.flatMap((p) => [...p.clauses.map((c) => c.holdsRule), ...p.limieten.flatMap(limitRules)]);
    this.set = ruleSet([...mainRules, ...failsRules]);
    const at = (name: string): number => ruleIndex(this.set, name);
    this.plan = compiled.products.map((p) => {
      const clauses = p.clauses.map((c) => ({ compiled: c, holds: at(c.holdsRule.name), fails: at(c.failsRule.name), leaves: leavesOf(c.holds), leafStart: this.set.leafStart[at(c.holdsRule.name)]! }));
      return {
        compiled: p,
        clauses,
        limieten: p.limieten.map((l) => ({
          compiled: l,
          rule: at(l.rule.name),
          ...(l.situation
            ? { situation: { applies: at(l.situation.appliesRule.name), notApplies: at(l.situation.notAppliesRule.name), outside: at(l.situation.outsideRule.name), facts: [...new Set(leavesOf(l.situation.holds).map((leaf) => leaf.fact))] } }
            : {}),
        })),
        uitsluitingHolds: clauses.filter((c) => c.compiled.role === 'uitsluiting').map((c) => c.holds),
        voorwaardeRules: clauses.filter((c) => decides(c.compiled)).map((c) => ({ holds: c.holds, fails: c.fails })),
      };
    });
    this.productIndex = new Map(this.plan.map((p, i) => [p.compiled.product.id, i]));
    this.familyPlans = familyPlans(this.plan.map((p) => p.compiled.product), compiled.catalogue.region.families);
    if ((options.engine ?? 'wijzer') === 'wijzer') {
      // The explanation shows the leaves of each clause's positive form; no others are kept.
      const explained = new Set(this.plan.flatMap((p) => p.clauses.map((c) => c.holds)));
      this.compiledEngine = new CompiledEngine(this.set, { recordLeaves: (rule) => explained.has(rule) });
      // Deciding needs no leaves and no kenmerken (they never change a status), and no rules of
      // products whose own status another version gives.
      const base = options.sameAs;
      this.reuse = this.plan.map((p) => {
        const there = base?.productIndex.get(p.compiled.product.id);
        const reusable = there !== undefined && !p.compiled.product.combinatie && fingerprint(base!.plan[there]!.compiled) === fingerprint(p.compiled);
        return reusable ? there : undefined;
      });
      const skipped = new Set(
        this.plan.flatMap((p, i) => p.clauses.filter((c) => c.compiled.role === 'kenmerk' || this.reuse[i] !== undefined).flatMap((c) => [c.holds, c.fails]).concat(this.reuse[i] !== undefined ? p.limieten.flatMap(limitIndexes) : [])),
      );
      this.decider = new CompiledEngine(this.set, { recordLeaves: () => false, include: (rule) => !skipped.has(rule) });
    } else {
      // The "fails" rules only matter when a fact is missing: with every fact present a clause that
      // does not hold certainly fails. They run on a second Engine, only for partial profiles.
      const failsFrom = mainRules.length;
      this.reference = {
        main: new JsonRulesEngine(this.set, mainRules.map((_, i) => i)),
        fails: new JsonRulesEngine(this.set, failsRules.map((_, i) => failsFrom + i)),
        usedFacts: [...new Set(compiled.products.flatMap((p) => p.clauses.flatMap((c) => leavesOf(c.holds).map((l) => l.fact))))],
        clauses: this.plan.flatMap((p) => p.clauses),
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
      for (const clause of reference.clauses) results.rules[clause.fails] = fails.rules[clause.fails]!;
    } else {
      // Complete profile: "fails" is exactly "does not hold".
      for (const clause of reference.clauses) results.rules[clause.fails] = results.rules[clause.holds]! ? 0 : 1;
    }
    return this.explain(results, profile);
  }

  /** The compiled evaluator only: the same Evaluation without waiting (impact, batch runs). */
  evaluateSync(profile: Profile): Evaluation {
    if (!this.compiledEngine) throw new Error('wijzer: evaluateSync needs the compiled evaluator');
    return this.explain(this.compiledEngine.run(profile), profile);
  }

  /**
   * The decisions only — product statuses and what each family decides, without advice,
   * questions or referrals — for comparing many profiles (impact). Compiled evaluator only.
   */
  decide(profile: Profile, other?: Decision): Decision {
    if (!this.decider) throw new Error('wijzer: decide needs the compiled evaluator');
    const results = this.decider.run(profile);
    const first = this.plan.map((p, i) => {
      const there = this.reuse[i];
      if (there === undefined) return statusOf(p, results, profile);
      if (!other) throw new Error('wijzer: decide needs the Decision of the version it reuses');
      return other.own[there]!;
    });
    let existing: Existing | undefined;
    let statusOfId: ((id: string) => Status | undefined) | undefined;
    const products = this.plan.map((p, i): Decided => {
      const product = p.compiled.product;
      const status = first[i]!;
      if (!product.combinatie) return { product, status };
      const alternative = p.clauses.find((c) => c.compiled.role === 'alternatief');
      const truth = alternative ? { truth: truthOf(alternative, results), text: alternative.compiled.clause.text.trim() } : undefined;
      existing ??= existingOf(profile);
      statusOfId ??= (id) => first[this.productIndex.get(id) ?? -1];
      return { product, status: requirement(product.combinatie, status, truth, statusOfId, existing).status };
    });
    return { products, families: familyDecisions(this.familyPlans, products), own: first };
  }

  /**
   * The clause truths and limit verdicts of some products, with the statuses `decision` gave
   * them: what impact needs to name the cause of a change, without explaining everything.
   */
  outcomesOf(profile: Profile, decision: Decision, ids: readonly string[]): Map<string, ProductOutcome> {
    if (!this.compiledEngine) throw new Error('wijzer: outcomesOf needs the compiled evaluator');
    const results = this.compiledEngine.run(profile);
    const out = new Map<string, ProductOutcome>();
    for (const id of ids) {
      const index = this.productIndex.get(id);
      if (index === undefined) continue;
      out.set(id, { ...productOutcome(this.plan[index]!, results, profile), status: decision.products[index]!.status });
    }
    return out;
  }

  private explain(results: RuleResults, profile: Profile): Evaluation {
    const first = this.plan.map((p) => productOutcome(p, results, profile));
    const products = applyCombinations(first, profile);
    return {
      catalogueId: this.compiled.catalogue.id,
      regionName: this.compiled.catalogue.region.naam,
      profile,
      products,
      families: families(this.familyPlans, products),
      questions: rankQuestions(products),
      verwijzingen: referralsOf(products),
    };
  }
}

function truthOf(plan: ClausePlan, results: RuleResults): Truth {
  const holds = results.rules[plan.holds] === 1;
  const fails = results.rules[plan.fails] === 1;
  if (holds && fails) throw new Error(`wijzer: clause ${plan.compiled.holdsRule.name} both holds and fails`);
  return holds ? 'waar' : fails ? 'onwaar' : 'onbekend';
}

function clauseOutcome(plan: ClausePlan, results: RuleResults, profile: Profile): ClauseOutcome {
  const truth = truthOf(plan, results);
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

/**
 * uitgesloten > niet passend > onbekend > passend: an uitsluiting known to apply, then a
 * voorwaarde that fails or a hard limit exceeded, then a voorwaarde or hard limit still open.
 * Kenmerken never count. Read straight from the rule results (impact decides millions this way).
 */
function statusOf(plan: ProductPlan, results: RuleResults, profile: Profile, limieten?: readonly LimitOutcome[]): Status {
  const rules = results.rules;
  for (const i of plan.uitsluitingHolds) if (rules[i] === 1) return 'uitgesloten';
  let open = false;
  for (const { holds, fails } of plan.voorwaardeRules) {
    if (rules[fails] === 1) {
      if (rules[holds] === 1) throw new Error(`wijzer: a voorwaarde of ${plan.compiled.product.id} both holds and fails`);
      return 'niet passend';
    }
    if (rules[holds] !== 1) open = true;
  }
  if (plan.limieten.length === 0) return open ? 'onbekend' : 'passend';
  const limits = limieten ?? plan.limieten.map((l) => limitOutcome(l, results, profile));
  if (limits.some(isHardExcess)) return 'niet passend';
  if (open || limits.some(isOpenHardLimit)) return 'onbekend';
  return 'passend';
}

function productOutcome(plan: ProductPlan, results: RuleResults, profile: Profile): ProductOutcome {
  const compiled = plan.compiled;
  const clauses = plan.clauses.map((c) => clauseOutcome(c, results, profile));
  const limieten = plan.limieten.map((l) => limitOutcome(l, results, profile));
  const uitsluitingen = clauses.filter((c) => c.role === 'uitsluiting');
  const status = statusOf(plan, results, profile, limieten);
  const missing = status === 'onbekend' ? [...new Set([...clauses.filter(decides).flatMap((c) => c.missing), ...limieten.filter(isOpenHardLimit).flatMap((l) => l.missing ?? [])])] : [];
  const openUitsluitingen = status === 'passend' || status === 'onbekend' ? uitsluitingen.filter((c) => c.truth === 'onbekend') : [];
  return { product: compiled.product, status, clauses, limieten, missing, openUitsluitingen, code: domainCode(compiled.product, profile) };
}

