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
  for (const product of products) {
    // Open exclusions are worth asking too, after what decides a status.
    for (const fact of new Set(product.openUitsluitingen.flatMap((c) => c.missing))) if (!product.missing.includes(fact)) involved.set(fact, (involved.get(fact) ?? 0) + 1);
    if (product.status !== 'onbekend') continue;
    for (const fact of product.missing) involved.set(fact, (involved.get(fact) ?? 0) + 1);
    if (product.missing.length === 1) decides.set(product.missing[0]!, (decides.get(product.missing[0]!) ?? 0) + 1);
  }
  return [...involved.entries()]
    .map(([fact, count]) => ({ fact, decides: decides.get(fact) ?? 0, involved: count }))
    .sort((a, b) => b.decides - a.decides || b.involved - a.involved || a.fact.localeCompare(b.fact));
}
