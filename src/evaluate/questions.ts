/**
 * Which missing facts to ask first. A fact "decides" a product when it is the only fact that
 * product still misses; ties are broken by how many products the fact plays a part in (missing
 * for an undecided product, or needed to rule out an exclusion still open).
 */
import type { ProductOutcome } from './outcome.js';

export interface Question {
  readonly fact: string;
  /** Undecided products for which this is the last missing fact. */
  readonly decides: number;
  /** Undecided products that miss this fact. */
  readonly involved: number;
}

export function rankQuestions(products: readonly ProductOutcome[]): Question[] {
  const decides = new Map<string, number>();
  const involved = new Map<string, number>();
  /** Facts that leave a status open; the others only rule out an exclusion still open. */
  const opensStatus = new Set<string>();
  const count = (map: Map<string, number>, fact: string) => map.set(fact, (map.get(fact) ?? 0) + 1);
  for (const product of products) {
    for (const fact of new Set(product.openUitsluitingen.flatMap((c) => c.missing))) if (!product.missing.includes(fact)) count(involved, fact);
    if (product.status !== 'onbekend') continue;
    for (const fact of product.missing) {
      count(involved, fact);
      opensStatus.add(fact);
    }
    if (product.missing.length === 1) count(decides, product.missing[0]!);
  }
  // What decides a status is asked before what only rules out an open exclusion.
  const rank = (fact: string) => (opensStatus.has(fact) ? 0 : 1);
  return [...involved.entries()]
    .map(([fact, n]) => ({ fact, decides: decides.get(fact) ?? 0, involved: n }))
    .sort((a, b) => b.decides - a.decides || rank(a.fact) - rank(b.fact) || b.involved - a.involved || a.fact.localeCompare(b.fact));
}
