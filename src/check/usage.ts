/** Which catalogues use which facts (through clauses, combinations and definitions). */
import type { Catalogue } from '../catalogue/types.js';
import type { Scope } from './typecheck.js';
import { namesIn, type Expr } from '../dsl/ast.js';

/** Facts a criterion depends on, following definitions (cycles are cut). */
export function factsOf(expr: Expr, scope: Scope, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  const { bare, facts } = namesIn(expr);
  for (const name of [...bare, ...facts]) {
    const definition = scope.definitions.get(name);
    if (definition?.ast && !seen.has(name)) {
      seen.add(name);
      factsOf(definition.ast, scope, seen).forEach((f) => out.add(f));
    } else if (scope.vocabulary.facts.has(name)) out.add(name);
  }
  return out;
}

export function factsUsedBy(catalogue: Catalogue, scope: Scope): Set<string> {
  const out = new Set<string>();
  for (const product of catalogue.products) {
    const clauses = [...product.voorwaarden, ...product.uitsluitingen, ...(product.combinatie?.of_als ? [product.combinatie.of_als] : [])];
    for (const clause of clauses) if (clause.ast) factsOf(clause.ast, scope).forEach((f) => out.add(f));
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
