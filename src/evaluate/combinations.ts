/**
 * "Alleen in combinatie met": a product that needs another fits only when one of the required
 * products fits in the same evaluation or is among the profile's existing indications.
 */
import type { Profile } from '../vocabulary/types.js';
import { EXISTING_INDICATIONS_KEY } from '../vocabulary/profile.js';
import type { ProductOutcome } from './outcome.js';

export function applyCombinations(products: readonly ProductOutcome[], profile: Profile): ProductOutcome[] {
  const existing = new Set(asList(profile[EXISTING_INDICATIONS_KEY]));
  const statusOf = new Map(products.map((p) => [p.product.id, p.status]));
  return products.map((outcome) => {
    const rule = outcome.product.combinatie;
    if (!rule || (outcome.status !== 'passend' && outcome.status !== 'onbekend')) return outcome;
    const fromExisting = rule.vereist_een_van.find((id) => existing.has(id));
    const fromEvaluation = rule.vereist_een_van.find((id) => statusOf.get(id) === 'passend');
    const undecided = rule.vereist_een_van.filter((id) => statusOf.get(id) === 'onbekend');
    const satisfiedBy = fromExisting ?? fromEvaluation;
    const combinatie = {
      required: rule.vereist_een_van,
      undecided: satisfiedBy ? [] : undecided,
      ...(satisfiedBy ? { satisfiedBy, source: fromExisting ? ('bestaande indicatie' as const) : ('evaluatie' as const) } : {}),
    };
    if (satisfiedBy) return { ...outcome, combinatie };
    const status = undecided.length > 0 ? 'onbekend' : 'niet passend';
    return { ...outcome, status: outcome.status === 'onbekend' ? 'onbekend' : status, combinatie };
  });
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
