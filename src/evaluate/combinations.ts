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
    const alternative = outcome.clauses.find((c) => c.role === 'alternatief');
    const fromExisting = rule.vereist_een_van.find((id) => existing.has(id));
    const fromEvaluation = rule.vereist_een_van.find((id) => statusOf.get(id) === 'passend');
    const fromAlternative = alternative?.truth === 'waar' ? alternative.compiled.clause.text.trim() : undefined;
    const undecided = [
      ...rule.vereist_een_van.filter((id) => statusOf.get(id) === 'onbekend'),
      ...(alternative?.truth === 'onbekend' ? [alternative.compiled.clause.text.trim()] : []),
    ];
    const satisfiedBy = fromExisting ?? fromEvaluation ?? fromAlternative;
    const source = fromExisting ? ('bestaande indicatie' as const) : fromEvaluation ? ('evaluatie' as const) : ('andere situatie' as const);
    const combinatie = { required: rule.vereist_een_van, undecided: satisfiedBy ? [] : undecided, ...(satisfiedBy ? { satisfiedBy, source } : {}) };
    if (satisfiedBy) return { ...outcome, combinatie };
    const status = undecided.length > 0 ? 'onbekend' : 'niet passend';
    const missing = status === 'onbekend' && alternative ? [...new Set([...outcome.missing, ...alternative.missing])] : outcome.missing;
    return { ...outcome, status: outcome.status === 'onbekend' ? 'onbekend' : status, combinatie, missing };
  });
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
