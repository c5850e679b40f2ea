/**
 * "Alleen in combinatie met": a product that needs another fits only when one of the required
 * products fits in the same evaluation, is among the profile's existing indications, or the
 * alternative situation (of_als) holds. When every partner is definitely not indicated — niet
 * passend or uitgesloten here and not in a complete list of existing indications — and the
 * alternative fails, the product is niet passend even while its own clauses are still open.
 *
 * Documented default: a profile's `bestaande_indicaties` (also when absent: none) is the
 * complete list; `bestaande_indicaties_volledig: false` says other indications may exist.
 */
import type { Profile } from '../vocabulary/types.js';
import { EXISTING_COMPLETE_KEY, EXISTING_INDICATIONS_KEY } from '../vocabulary/profile.js';
import type { ProductOutcome } from './outcome.js';

export function applyCombinations(products: readonly ProductOutcome[], profile: Profile): ProductOutcome[] {
  const existing = new Set(asList(profile[EXISTING_INDICATIONS_KEY]));
  const complete = profile[EXISTING_COMPLETE_KEY] !== false;
  const byId = new Map(products.map((p) => [p.product.id, p]));
  return products.map((outcome) => {
    const rule = outcome.product.combinatie;
    if (!rule) return outcome;
    // The requirement is worked out for every product (the closest fit counts it); it changes the
    // status only of products that would otherwise fit or are still open.
    const decides = outcome.status === 'passend' || outcome.status === 'onbekend';
    const alternative = outcome.clauses.find((c) => c.role === 'alternatief');
    const fromExisting = rule.vereist_een_van.find((id) => existing.has(id));
    const fromEvaluation = rule.vereist_een_van.find((id) => byId.get(id)?.status === 'passend');
    const fromAlternative = alternative?.truth === 'waar' ? alternative.compiled.clause.text.trim() : undefined;
    const satisfiedBy = fromExisting ?? fromEvaluation ?? fromAlternative;
    if (satisfiedBy) {
      const source = fromExisting ? ('bestaande indicatie' as const) : fromEvaluation ? ('evaluatie' as const) : ('andere situatie' as const);
      return { ...outcome, combinatie: { required: rule.vereist_een_van, undecided: [], ruledOut: [], satisfiedBy, source } };
    }
    // A partner not fitting here may still be indicated elsewhere when the list is incomplete.
    const ruledOut = rule.vereist_een_van.filter((id) => complete && isOut(byId.get(id)));
    const undecidedPartners = rule.vereist_een_van.filter((id) => !ruledOut.includes(id));
    const undecided = [...undecidedPartners, ...(alternative?.truth === 'onbekend' ? [alternative.compiled.clause.text.trim()] : [])];
    const combinatie = { required: rule.vereist_een_van, undecided, ruledOut };
    if (!decides) return { ...outcome, combinatie };
    if (undecided.length === 0) return { ...outcome, status: 'niet passend', missing: [], openUitsluitingen: [], combinatie };
    const partnerMissing = undecidedPartners.flatMap((id) => byId.get(id)?.missing ?? []);
    const missing = [...new Set([...outcome.missing, ...partnerMissing, ...(alternative?.truth === 'onbekend' ? alternative.missing : [])])];
    return { ...outcome, status: 'onbekend', missing, combinatie };
  });
}

/** Definitely not indicated by this evaluation (an unknown product id counts as not indicated). */
function isOut(partner: ProductOutcome | undefined): boolean {
  return partner === undefined || partner.status === 'niet passend' || partner.status === 'uitgesloten';
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
