/**
 * Emits json-rules-engine rules. Per product:
 *  - per clause (voorwaarde, uitsluiting, kenmerk, combination alternative) a "holds" rule and
 *    a "fails" rule (the negation in NNF), so a bare Engine tells true / false / unknown per
 *    clause and explanations can show every clause;
 *  - per limit a "limiet overschreden" rule on the requested amount (false when none is stated);
 *  - one "passend" rule: every voorwaarde holds, no uitsluiting is known to apply and no hard
 *    limit is exceeded by a stated request (`not` of the exclusion and of the excess, so missing
 *    facts there never block).
 * Kenmerken never enter the passend rule. Every rule has an explicit name, priority and event type.
 */
import { clausesOf, type Catalogue, type Clause, type ClauseKind, type Limiet, type Product } from '../catalogue/types.js';
import type { Scope } from '../check/typecheck.js';
import { lower, type Cond, type Leaf } from './lower.js';
import { describeCodes, eenheidCode } from '../catalogue/productcode.js';
import { convert, factUnit, frequentieCode, limitText } from '../catalogue/limits.js';

/** The role of a clause in evaluation is its kind. */
export type ClauseRole = ClauseKind;

export type ConditionJson =
  | { all: ConditionJson[] }
  | { any: ConditionJson[] }
  | { not: ConditionJson }
  | { fact: string; operator: string; value: unknown; path?: string };

export interface RuleJson {
  name: string;
  priority: number;
  conditions: { all: ConditionJson[] } | { any: ConditionJson[] };
  event: { type: string; params: Record<string, unknown> };
}

export interface CompiledClause {
  readonly clause: Clause;
  readonly role: ClauseRole;
  readonly holds: Cond;
  readonly fails: Cond;
  readonly holdsRule: RuleJson;
  readonly failsRule: RuleJson;
}

/** A limit lowered to "the requested amount exceeds it" (false when no amount is requested). */
export interface CompiledLimiet {
  readonly limiet: Limiet;
  /** The bounds in the unit of the requested fact. */
  readonly maximum?: number;
  readonly minimum?: number;
  readonly exceeds: Cond;
  readonly rule: RuleJson;
  /** With alleen_als: whether the situation holds, fails or is unknown, and whether the request lies outside the bounds. */
  readonly situation?: LimitSituation;
}

export interface LimitSituation {
  /** The alleen_als criterion, positive form. */
  readonly holds: Cond;
  readonly appliesRule: RuleJson;
  readonly notAppliesRule: RuleJson;
  /** The request outside the bounds, whatever the situation. */
  readonly outsideRule: RuleJson;
}

/** Every rule of a limit, in a stable order. */
export function limitRules(limit: CompiledLimiet): RuleJson[] {
  return [limit.rule, ...(limit.situation ? [limit.situation.appliesRule, limit.situation.notAppliesRule, limit.situation.outsideRule] : [])];
}

export interface CompiledProduct {
  readonly product: Product;
  readonly clauses: readonly CompiledClause[];
  readonly limieten: readonly CompiledLimiet[];
  readonly passendRule: RuleJson;
}

export interface CompiledCatalogue {
  readonly catalogue: Catalogue;
  readonly products: readonly CompiledProduct[];
}

export const CLAUSE_PRIORITY = 10;
export const PRODUCT_PRIORITY = 1;

export const EVENT = {
  voorwaardeVoldaan: 'voorwaarde-voldaan',
  voorwaardeNietVoldaan: 'voorwaarde-niet-voldaan',
  uitsluitingVanToepassing: 'uitsluiting-van-toepassing',
  uitsluitingNietVanToepassing: 'uitsluiting-niet-van-toepassing',
  alternatiefVoldaan: 'combinatie-alternatief-voldaan',
  alternatiefNietVoldaan: 'combinatie-alternatief-niet-voldaan',
  kenmerkAanwezig: 'kenmerk-aanwezig',
  kenmerkAfwezig: 'kenmerk-afwezig',
  limietOverschreden: 'limiet-overschreden',
  limietVanToepassing: 'limiet-van-toepassing',
  limietNietVanToepassing: 'limiet-niet-van-toepassing',
  limietBuitenGrenzen: 'limiet-buiten-grenzen',
  passend: 'passend',
} as const;

export function conditionJson(cond: Cond): ConditionJson {
  switch (cond.kind) {
    case 'all':
      return { all: cond.items.map(conditionJson) };
    case 'any':
      return { any: cond.items.map(conditionJson) };
    case 'leaf':
      return leafJson(cond);
  }
}

function leafJson(leaf: Leaf): ConditionJson {
  const value = Array.isArray(leaf.value) ? [...(leaf.value as unknown[])] : leaf.value;
  return { fact: leaf.fact, operator: leaf.operator, value, ...(leaf.path ? { path: leaf.path } : {}) };
}

/** Top-level conditions of a rule must be all/any; a single leaf is wrapped. */
function topLevel(cond: Cond): RuleJson['conditions'] {
  const json = conditionJson(cond);
  return 'all' in json || 'any' in json ? json : { all: [json] };
}

const CLAUSE_EVENTS: Record<ClauseRole, readonly [string, string]> = {
  voorwaarde: [EVENT.voorwaardeVoldaan, EVENT.voorwaardeNietVoldaan],
  uitsluiting: [EVENT.uitsluitingVanToepassing, EVENT.uitsluitingNietVanToepassing],
  alternatief: [EVENT.alternatiefVoldaan, EVENT.alternatiefNietVoldaan],
  kenmerk: [EVENT.kenmerkAanwezig, EVENT.kenmerkAfwezig],
};

function clauseRules(catalogue: Catalogue, product: Product, clause: Clause, role: ClauseRole, scope: Scope): CompiledClause {
  if (!clause.ast) throw new Error(`wijzer: compiling clause ${product.id}/${clause.id} with syntax errors`);
  const holds = lower(clause.ast, scope, true);
  const fails = lower(clause.ast, scope, false);
  const base = `${catalogue.id}/${product.id}/${role}/${clause.id}`;
  const params = { catalogus: catalogue.id, product: product.id, clausule: clause.id, rol: role, voorwaarde: clause.text.trim(), reden: clause.reden, bron: clause.bron };
  const [yes, no] = CLAUSE_EVENTS[role];
  return {
    clause,
    role,
    holds,
    fails,
    holdsRule: { name: base, priority: CLAUSE_PRIORITY, conditions: topLevel(holds), event: { type: yes, params } },
    failsRule: { name: `${base}/niet`, priority: CLAUSE_PRIORITY, conditions: topLevel(fails), event: { type: no, params } },
  };
}

/** Bounds in the requested fact's unit; the checker (WZ318) makes sure they convert. */
function compileLimit(catalogue: Catalogue, product: Product, limiet: Limiet, scope: Scope): CompiledLimiet {
  const fact = scope.vocabulary.facts.get(limiet.feit);
  const unit = fact?.kind === 'getal' ? factUnit(fact.eenheid) : undefined;
  if (!unit) throw new Error(`wijzer: compiling limit ${product.id}/${limiet.id} on an unchecked fact ${limiet.feit}`);
  const maximum = limiet.maximum ? convert(limiet.maximum, unit) : undefined;
  const minimum = limiet.minimum ? convert(limiet.minimum, unit) : undefined;
  const leaf = (operator: Leaf['operator'], value: number): Leaf => ({ kind: 'leaf', fact: limiet.feit, operator, value, via: [] });
  const items: Cond[] = [...(maximum !== undefined ? [leaf('greaterThan', maximum)] : []), ...(minimum !== undefined ? [leaf('lessThan', minimum)] : [])];
  const excess: Cond = items.length === 1 ? items[0]! : { kind: 'any', items };
  // A conditional limit bites only where its situation certainly holds.
  const alleenAls = limiet.alleenAls?.ast;
  const situation = alleenAls ? lower(alleenAls, scope, true) : undefined;
  const exceeds: Cond = situation ? { kind: 'all', items: [situation, excess] } : excess;
  const frequentie = frequentieCode(limiet);
  const base = `${catalogue.id}/${product.id}/limiet/${limiet.id}`;
  const params = {
    catalogus: catalogue.id,
    product: product.id,
    limiet: limiet.id,
    soort: limiet.kind,
    tekst: limitText(limiet),
    richtwaarde: limiet.richtwaarde,
    feit: limiet.feit,
    ...(limiet.alleenAls ? { alleen_als: limiet.alleenAls.text.trim() } : {}),
    ...(maximum !== undefined ? { maximum } : {}),
    ...(minimum !== undefined ? { minimum } : {}),
    ...(frequentie ? { frequentie } : {}),
    reden: limiet.reden,
    bron: limiet.bron,
  };
  return {
    limiet,
    ...(maximum !== undefined ? { maximum } : {}),
    ...(minimum !== undefined ? { minimum } : {}),
    exceeds,
    rule: { name: base, priority: CLAUSE_PRIORITY, conditions: topLevel(exceeds), event: { type: EVENT.limietOverschreden, params } },
    ...(situation && alleenAls
      ? {
          situation: {
            holds: situation,
            appliesRule: { name: `${base}/van-toepassing`, priority: CLAUSE_PRIORITY, conditions: topLevel(situation), event: { type: EVENT.limietVanToepassing, params } },
            notAppliesRule: { name: `${base}/niet-van-toepassing`, priority: CLAUSE_PRIORITY, conditions: topLevel(lower(alleenAls, scope, false)), event: { type: EVENT.limietNietVanToepassing, params } },
            outsideRule: { name: `${base}/buiten-grenzen`, priority: CLAUSE_PRIORITY, conditions: topLevel(excess), event: { type: EVENT.limietBuitenGrenzen, params } },
          },
        }
      : {}),
  };
}

export function compileCatalogue(catalogue: Catalogue, scope: Scope): CompiledCatalogue {
  const products = catalogue.products.map((product): CompiledProduct => {
    const clauses = clausesOf(product).map((c) => clauseRules(catalogue, product, c.clause, c.kind, scope));
    const limieten = product.limieten.filter((l) => l.minimum !== undefined || l.maximum !== undefined).map((l) => compileLimit(catalogue, product, l, scope));
    return { product, clauses, limieten, passendRule: passendRuleOf(catalogue, product, clauses, limieten) };
  });
  return { catalogue, products };
}

/**
 * The "passend" rule of a product from its compiled clauses and limits. Also used by the
 * projection onto a peildatum (src/catalogue/validity.ts), which leaves out dated clauses.
 */
export function passendRuleOf(catalogue: Catalogue, product: Product, clauses: readonly CompiledClause[], limieten: readonly CompiledLimiet[]): RuleJson {
  const parts = [
    // An uitsluiting blocks only when it is known to apply: `not` of its holds condition.
    ...clauses.flatMap((c): ConditionJson[] => (c.role === 'voorwaarde' ? [conditionJson(c.holds)] : c.role === 'uitsluiting' ? [{ not: conditionJson(c.holds) }] : [])),
    // A hard limit blocks unless the request is within it or (alleen_als) its situation certainly fails.
    ...limieten
      .filter((l) => !l.limiet.richtwaarde)
      .map((l): ConditionJson => (l.situation ? { any: [{ not: l.situation.outsideRule.conditions }, l.situation.notAppliesRule.conditions] } : { not: conditionJson(l.exceeds) })),
  ];
  return {
    name: `${catalogue.id}/${product.id}/passend`,
    priority: PRODUCT_PRIORITY,
    conditions: { all: parts },
    event: {
      type: EVENT.passend,
      params: {
        catalogus: catalogue.id,
        product: product.id,
        naam: product.naam,
        productcodes: product.productcodes,
        productcategorieen: describeCodes(product.productcodes),
        eenheid: product.eenheid,
        eenheid_code: eenheidCode(product.eenheid),
        ...(product.combinatie
          ? { alleen_in_combinatie_met: product.combinatie.vereist_een_van, ...(product.combinatie.of_als ? { of_als: `${catalogue.id}/${product.id}/alternatief/${product.combinatie.of_als.id}` } : {}) }
          : {}),
      },
    },
  };
}

/** All rules of a catalogue, in a stable order, ready for `new Engine(rules)`. */
export function rulesOf(compiled: CompiledCatalogue): RuleJson[] {
  return compiled.products.flatMap((p) => [...p.clauses.flatMap((c) => [c.holdsRule, c.failsRule]), ...p.limieten.flatMap(limitRules), p.passendRule]);
}
