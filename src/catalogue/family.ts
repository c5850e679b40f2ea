/**
 * What the levels of a family share. A clause's meaning is the canonical rendering of its AST,
 * so reformatting is not a difference; the voorwaarden every level shares are the family's
 * entry: a client who fails one of them is not someone the family is for.
 */
import { renderExpr } from '../dsl/ast.js';
import type { Clause, Product } from './types.js';

export function meaning(clause: Clause): string {
  return clause.ast ? renderExpr(clause.ast) : clause.text.trim().replace(/\s+/g, ' ');
}

/** Voorwaarden (by meaning) that every product of the family has; ids of the first product. */
export function sharedVoorwaarden(members: readonly Product[]): Clause[] {
  const [first, ...rest] = members;
  if (!first) return [];
  return first.voorwaarden.filter((c) => rest.every((m) => m.voorwaarden.some((o) => meaning(o) === meaning(c))));
}
