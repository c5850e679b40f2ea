/**
 * Seeded, reproducible synthetic profiles drawn from the vocabulary's domains, for benchmarks
 * and cross-checks when no real profiles are at hand.
 */
import { assertNever } from '../dsl/ast.js';
import type { Fact, FactValue, Vocabulary } from '../vocabulary/types.js';
import type { CompiledProduct } from '../compile/rules.js';
import type { Cond } from '../compile/lower.js';

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

/**
 * Plausible profiles: start from a product of a catalogue, choose fact values that satisfy its
 * voorwaarden and avoid its uitsluitingen, fill in the other facts at random, then disturb a
 * few facts. Such a population lies around the products' boundaries, where changes matter.
 */
export function archetypeProfile(products: readonly CompiledProduct[], vocabulary: Vocabulary, next: () => number, disturb = 3): Record<string, FactValue> {
  const profile: Record<string, FactValue> = {};
  const product = products[Math.floor(next() * products.length)];
  for (const clause of product?.clauses ?? []) {
    if (clause.role === 'voorwaarde') satisfy(clause.holds, profile, vocabulary, next);
    else if (clause.role === 'uitsluiting') satisfy(clause.fails, profile, vocabulary, next);
  }
  for (const fact of vocabulary.facts.values()) if (!(fact.name in profile)) profile[fact.name] = randomValue(fact, next);
  const facts = [...vocabulary.facts.values()];
  const changes = Math.floor(next() * (disturb + 1));
  for (let i = 0; i < changes; i++) {
    const fact = facts[Math.floor(next() * facts.length)]!;
    profile[fact.name] = randomValue(fact, next);
  }
  return profile;
}

/** The facts a product's status depends on: those of its voorwaarden, uitsluitingen and limits. */
function decidingFacts(product: CompiledProduct, into: Set<string>): void {
  const walk = (cond: Cond): void => {
    if (cond.kind === 'all' || cond.kind === 'any') cond.items.forEach(walk);
    else into.add(cond.fact);
  };
  for (const clause of product.clauses) if (clause.role !== 'kenmerk') walk(clause.holds);
  for (const limit of product.limieten) {
    walk(limit.exceeds);
    if (limit.situation) walk(limit.situation.holds);
  }
}

/**
 * Compact plausible profiles (`wijzer genereer`): like archetypeProfile, but a profile states
 * only the facts its archetype's family (or the product itself, outside a family) decides on,
 * as a consultant records what the question is about; facts no product of the family reads are
 * left out instead of drawn at random. A profile is then a few hundred bytes instead of two
 * kilobytes, and still decides its family, where a change shows.
 */
export class CompactProfiles {
  private readonly facts = new Map<CompiledProduct, Fact[]>();

  constructor(
    private readonly products: readonly CompiledProduct[],
    private readonly vocabulary: Vocabulary,
    private readonly disturb = 3,
  ) {
    const byFamily = new Map<string, Set<string>>();
    for (const product of products) {
      const key = product.product.familie ?? `product:${product.product.id}`;
      const names = byFamily.get(key) ?? new Set<string>();
      decidingFacts(product, names);
      byFamily.set(key, names);
    }
    for (const product of products) {
      const names = byFamily.get(product.product.familie ?? `product:${product.product.id}`)!;
      this.facts.set(product, [...names].sort().flatMap((name) => vocabulary.facts.get(name) ?? []));
    }
  }

  next(random: () => number): Record<string, FactValue> {
    const profile: Record<string, FactValue> = {};
    const product = this.products[Math.floor(random() * this.products.length)];
    if (!product) return profile;
    for (const clause of product.clauses) {
      if (clause.role === 'voorwaarde') satisfy(clause.holds, profile, this.vocabulary, random);
      else if (clause.role === 'uitsluiting') satisfy(clause.fails, profile, this.vocabulary, random);
    }
    const facts = this.facts.get(product)!;
    for (const fact of facts) if (!(fact.name in profile)) profile[fact.name] = randomValue(fact, random);
    const changes = facts.length > 0 ? Math.floor(random() * (this.disturb + 1)) : 0;
    for (let i = 0; i < changes; i++) {
      const fact = facts[Math.floor(random() * facts.length)]!;
      profile[fact.name] = randomValue(fact, random);
    }
    return profile;
  }
}

function pick<T>(items: readonly T[], next: () => number): T | undefined {
  return items[Math.floor(next() * items.length)];
}

/** Assigns facts (not yet assigned) so that the condition holds, where that is possible. */
function satisfy(cond: Cond, profile: Record<string, FactValue>, vocabulary: Vocabulary, next: () => number): void {
  if (cond.kind === 'all') return cond.items.forEach((item) => satisfy(item, profile, vocabulary, next));
  if (cond.kind === 'any') {
    const item = pick(cond.items, next);
    if (item) satisfy(item, profile, vocabulary, next);
    return;
  }
  const fact = vocabulary.facts.get(cond.fact);
  if (!fact || (cond.fact in profile && cond.operator !== 'contains')) return;
  const value = cond.value;
  const step = Math.floor(next() * 3);
  const clamp = (n: number) => (fact.kind === 'getal' ? Math.min(fact.maximum ?? n, Math.max(fact.minimum ?? n, n)) : n);
  switch (cond.operator) {
    case 'equal':
      profile[cond.fact] = value as FactValue;
      return;
    case 'in':
      profile[cond.fact] = pick(value as readonly string[], next) ?? randomValue(fact, next);
      return;
    case 'greaterThanInclusive':
    case 'greaterThan':
    case 'lessThanInclusive':
    case 'lessThan': {
      const limit = value as number;
      const up = cond.operator.startsWith('greater');
      const strict = cond.operator === 'greaterThan' || cond.operator === 'lessThan';
      const n = up ? limit + (strict ? 1 : 0) + step : limit - (strict ? 1 : 0) - step;
      if (cond.path === '$.length' && 'labels' in fact) profile[cond.fact] = fact.labels.slice(0, Math.max(0, n));
      else profile[cond.fact] = clamp(n);
      return;
    }
    case 'contains': {
      const current = Array.isArray(profile[cond.fact]) ? (profile[cond.fact] as string[]) : [];
      profile[cond.fact] = [...new Set([...current, value as string])];
      return;
    }
    case 'doesNotContain': {
      const all = 'labels' in fact ? fact.labels.filter((l) => l !== value && next() < 0.3) : [];
      profile[cond.fact] = all;
      return;
    }
  }
}
