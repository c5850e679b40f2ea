/**
 * Profiles that probe every corner of a catalogue's rules, for the differential tests of the two
 * engines and the benchmark: complete, partial (facts missing at random), with existing
 * indications (complete list or not), and numbers at, just below and just above every threshold
 * the criteria and limits use. Seeded, so a failing case can be replayed.
 */
import type { CompiledCatalogue } from '../compile/rules.js';
import type { Cond } from '../compile/lower.js';
import type { FactValue, Vocabulary } from '../vocabulary/types.js';
import { EXISTING_COMPLETE_KEY, EXISTING_INDICATIONS_KEY } from '../vocabulary/profile.js';
import { archetypeProfile, randomProfile } from './synthetic.js';

export type Variant = 'volledig' | 'gedeeltelijk' | 'bestaande indicaties' | 'grenswaarden';
export const VARIANTS: readonly Variant[] = ['volledig', 'gedeeltelijk', 'bestaande indicaties', 'grenswaarden'];

/** Every number a getal fact is compared with, per fact (criteria, limit bounds, alleen_als). */
export function thresholds(compiled: CompiledCatalogue): Map<string, number[]> {
  const out = new Map<string, Set<number>>();
  const walk = (cond: Cond): void => {
    if (cond.kind !== 'leaf') return cond.items.forEach(walk);
    if (typeof cond.value !== 'number' || cond.path) return;
    const set = out.get(cond.fact) ?? new Set<number>();
    set.add(cond.value);
    out.set(cond.fact, set);
  };
  for (const product of compiled.products) {
    for (const clause of product.clauses) walk(clause.holds);
    for (const limit of product.limieten) {
      walk(limit.exceeds);
      if (limit.situation) walk(limit.situation.holds);
    }
  }
  return new Map([...out].map(([fact, values]) => [fact, [...values].sort((a, b) => a - b)]));
}

export class VariedProfiles {
  private readonly limits: Map<string, number[]>;
  private readonly productIds: readonly string[];

  constructor(
    private readonly compiled: CompiledCatalogue,
    private readonly vocabulary: Vocabulary,
    private readonly next: () => number,
  ) {
    this.limits = thresholds(compiled);
    this.productIds = compiled.products.map((p) => p.product.id);
  }

  profile(variant: Variant): Record<string, FactValue> {
    const next = this.next;
    const profile = next() < 0.7 ? archetypeProfile(this.compiled.products, this.vocabulary, next) : randomProfile(this.vocabulary, next);
    switch (variant) {
      case 'volledig':
        return profile;
      case 'gedeeltelijk': {
        const keep = next();
        for (const fact of Object.keys(profile)) if (next() > keep) delete profile[fact];
        return profile;
      }
      case 'bestaande indicaties': {
        profile[EXISTING_INDICATIONS_KEY] = this.productIds.filter(() => next() < 0.15);
        if (next() < 0.4) profile[EXISTING_COMPLETE_KEY] = next() < 0.5;
        if (next() < 0.5) for (const fact of Object.keys(profile)) if (next() < 0.2) delete profile[fact];
        return profile;
      }
      case 'grenswaarden': {
        for (const [fact, values] of this.limits) {
          if (next() < 0.3) continue;
          const at = values[Math.floor(next() * values.length)]!;
          const offsets = [0, -1, 1, -0.5, 0.5];
          profile[fact] = at + offsets[Math.floor(next() * offsets.length)]!;
        }
        return profile;
      }
    }
  }
}
