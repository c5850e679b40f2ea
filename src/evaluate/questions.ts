/** Which missing facts to ask first: the one that appears in the most undecided products. */
import type { ProductOutcome } from './outcome.js';

export function rankQuestions(products: readonly ProductOutcome[]): { fact: string; decides: number }[] {
  const counts = new Map<string, number>();
  for (const product of products) {
    if (product.status !== 'onbekend') continue;
    for (const fact of product.missing) counts.set(fact, (counts.get(fact) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([fact, decides]) => ({ fact, decides }))
    .sort((a, b) => b.decides - a.decides || a.fact.localeCompare(b.fact));
}
