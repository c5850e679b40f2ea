/** Which catalogues use which facts (through clauses, combinations and definitions). */
import { clausesOf, type Catalogue } from '../catalogue/types.js';
import type { Scope } from './typecheck.js';
import { namesIn, type Expr } from '../dsl/ast.js';

/**
 * Facts and definitions a criterion depends on, following definitions (cycles are cut). Each
 * definition is visited once, from a work list rather than by recursion, so a 5,000-step chain
 * of definitions neither repeats work nor overflows the stack.
 */
export function dependenciesOf(expr: Expr, scope: Scope): { facts: Set<string>; definitions: Set<string> } {
  const facts = new Set<string>();
  const definitions = new Set<string>();
  const work: Expr[] = [expr];
  for (let e = work.pop(); e !== undefined; e = work.pop()) {
    const { bare, facts: compared } = namesIn(e);
    for (const name of [...bare, ...compared]) {
      const definition = scope.definitions.get(name);
      if (definition?.ast) {
        if (definitions.has(name)) continue;
        definitions.add(name);
        work.push(definition.ast);
      } else if (scope.vocabulary.facts.has(name)) facts.add(name);
    }
  }
  return { facts, definitions };
}

export function factsOf(expr: Expr, scope: Scope): Set<string> {
  return dependenciesOf(expr, scope).facts;
}

export function factsUsedBy(catalogue: Catalogue, scope: Scope): Set<string> {
  const out = new Set<string>();
  for (const product of catalogue.products) {
    for (const { clause } of clausesOf(product)) if (clause.ast) factsOf(clause.ast, scope).forEach((f) => out.add(f));
    for (const limiet of product.limieten) {
      if (scope.vocabulary.facts.has(limiet.feit)) out.add(limiet.feit);
      if (limiet.alleenAls?.ast) factsOf(limiet.alleenAls.ast, scope).forEach((f) => out.add(f));
    }
  }
  return out;
}

/** fact → sorted catalogue ids that use it. */
export function factUsage(catalogues: readonly Catalogue[], scope: Scope): Map<string, string[]> {
  const usage = new Map<string, string[]>();
  for (const catalogue of [...catalogues].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const fact of factsUsedBy(catalogue, scope)) usage.set(fact, [...(usage.get(fact) ?? []), catalogue.id]);
  }
  return usage;
}
