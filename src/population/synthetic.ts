/**
 * Seeded, reproducible synthetic profiles drawn from the vocabulary's domains, for benchmarks
 * and cross-checks when no real profiles are at hand.
 */
import { assertNever } from '../dsl/ast.js';
import type { Fact, FactValue, Vocabulary } from '../vocabulary/types.js';

/** mulberry32: a small deterministic generator; the same seed gives the same population. */
export function seededRandom(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomValue(fact: Fact, next: () => number): FactValue {
  switch (fact.kind) {
    case 'ja-nee':
      return next() < 0.5;
    case 'getal': {
      const lo = fact.minimum ?? 0;
      const hi = Math.min(fact.maximum ?? lo + 100, lo + 100);
      return Math.round(lo + next() * (hi - lo));
    }
    case 'schaal':
    case 'keuze':
      return fact.labels[Math.floor(next() * fact.labels.length)]!;
    case 'lijst':
      return fact.labels.filter(() => next() < 0.3);
    default:
      return assertNever(fact);
  }
}

/** A profile with each fact present with probability `completeness`. */
export function randomProfile(vocabulary: Vocabulary, next: () => number, completeness = 1): Record<string, FactValue> {
  const profile: Record<string, FactValue> = {};
  for (const fact of vocabulary.facts.values()) if (next() < completeness) profile[fact.name] = randomValue(fact, next);
  return profile;
}
