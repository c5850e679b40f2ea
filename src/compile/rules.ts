/**
 * Emits json-rules-engine rules. Per product:
 *  - per clause a "holds" rule and a "fails" rule (the negation in NNF), so a bare Engine
 *    tells true / false / unknown per clause and explanations can show every clause;
 *  - one "passend" rule: every voorwaarde holds and no uitsluiting applies.
 * Every rule has an explicit name, priority and event type.
 */
import type { Catalogue, Clause, Product } from '../catalogue/types.js';
import type { Scope } from '../check/typecheck.js';
import { lower, type Cond, type Leaf } from './lower.js';
import { describeCodes, eenheidCode } from '../catalogue/productcode.js';

/** 'alternatief' is the of_als of a combination rule: evaluated, but not part of the product rule. */
export type ClauseRole = 'voorwaarde' | 'uitsluiting' | 'alternatief';

export type ConditionJson =
  | { all: ConditionJson[] }
  | { any: ConditionJson[] }
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

export interface CompiledProduct {
  readonly product: Product;
  readonly clauses: readonly CompiledClause[];
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

export function compileCatalogue(catalogue: Catalogue, scope: Scope): CompiledCatalogue {
  const products = catalogue.products.map((product): CompiledProduct => {
    const clauses = [
      ...product.voorwaarden.map((c) => clauseRules(catalogue, product, c, 'voorwaarde', scope)),
      ...product.uitsluitingen.map((c) => clauseRules(catalogue, product, c, 'uitsluiting', scope)),
      ...(product.combinatie?.of_als ? [clauseRules(catalogue, product, product.combinatie.of_als, 'alternatief', scope)] : []),
    ];
    const parts = clauses.flatMap((c) => (c.role === 'voorwaarde' ? [conditionJson(c.holds)] : c.role === 'uitsluiting' ? [conditionJson(c.fails)] : []));
    const passendRule: RuleJson = {
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
    return { product, clauses, passendRule };
  });
  return { catalogue, products };
}

/** All rules of a catalogue, in a stable order, ready for `new Engine(rules)`. */
export function rulesOf(compiled: CompiledCatalogue): RuleJson[] {
  return compiled.products.flatMap((p) => [...p.clauses.flatMap((c) => [c.holdsRule, c.failsRule]), p.passendRule]);
}
