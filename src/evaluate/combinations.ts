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
import type { Combinatie } from '../catalogue/types.js';
import type { ProductOutcome, Status, Truth } from './outcome.js';

/** What the profile says about existing indications, read once per evaluation. */
export interface Existing {
  readonly indications: ReadonlySet<string>;
  /** The list is complete (the default): a partner not in it is not indicated elsewhere. */
  readonly complete: boolean;
}

const NONE: Existing = { indications: new Set(), complete: true };

export function existingOf(profile: Profile): Existing {
  if (profile[EXISTING_INDICATIONS_KEY] === undefined && profile[EXISTING_COMPLETE_KEY] === undefined) return NONE;
  return { indications: new Set(asList(profile[EXISTING_INDICATIONS_KEY])), complete: profile[EXISTING_COMPLETE_KEY] !== false };
}

/** How one product's requirement stands, from the statuses of the first pass. */
export interface Requirement {
  readonly satisfiedBy?: string;
  readonly source?: 'evaluatie' | 'bestaande indicatie' | 'andere situatie';
  readonly ruledOut: readonly string[];
  readonly undecidedPartners: readonly string[];
  /** The combined status: unchanged when satisfied or when the product neither fits nor is open. */
  readonly status: Status;
}

export function requirement(rule: Combinatie, status: Status, alternative: { readonly truth: Truth; readonly text: string } | undefined, statusOf: (id: string) => Status | undefined, existing: Existing): Requirement {
  const fromExisting = rule.vereist_een_van.find((id) => existing.indications.has(id));
  const fromEvaluation = rule.vereist_een_van.find((id) => statusOf(id) === 'passend');
  const fromAlternative = alternative?.truth === 'waar' ? alternative.text : undefined;
  const satisfiedBy = fromExisting ?? fromEvaluation ?? fromAlternative;
  if (satisfiedBy) {
    const source = fromExisting ? ('bestaande indicatie' as const) : fromEvaluation ? ('evaluatie' as const) : ('andere situatie' as const);
    return { satisfiedBy, source, ruledOut: [], undecidedPartners: [], status };
  }
  // A partner not fitting here may still be indicated elsewhere when the list is incomplete.
  const ruledOut = rule.vereist_een_van.filter((id) => existing.complete && isOut(statusOf(id)));
  const undecidedPartners = rule.vereist_een_van.filter((id) => !ruledOut.includes(id));
  // The requirement is worked out for every product (the closest fit counts it); it changes the
  // status only of products that would otherwise fit or are still open.
  const decides = status === 'passend' || status === 'onbekend';
  const open = undecidedPartners.length > 0 || alternative?.truth === 'onbekend';
  return { ruledOut, undecidedPartners, status: !decides ? status : open ? 'onbekend' : 'niet passend' };
}

export function applyCombinations(products: readonly ProductOutcome[], profile: Profile): ProductOutcome[] {
  const existing = existingOf(profile);
  const byId = new Map(products.map((p) => [p.product.id, p]));
  const statusOf = (id: string): Status | undefined => byId.get(id)?.status;
  return products.map((outcome) => {
    const rule = outcome.product.combinatie;
    if (!rule) return outcome;
    const alternative = outcome.clauses.find((c) => c.role === 'alternatief');
    const alternativeText = alternative?.compiled.clause.text.trim();
    const need = requirement(rule, outcome.status, alternative ? { truth: alternative.truth, text: alternativeText! } : undefined, statusOf, existing);
    if (need.satisfiedBy) return { ...outcome, combinatie: { required: rule.vereist_een_van, undecided: [], ruledOut: [], satisfiedBy: need.satisfiedBy, source: need.source! } };
    const undecided = [...need.undecidedPartners, ...(alternative?.truth === 'onbekend' ? [alternativeText!] : [])];
    const combinatie = { required: rule.vereist_een_van, undecided, ruledOut: need.ruledOut };
    if (outcome.status !== 'passend' && outcome.status !== 'onbekend') return { ...outcome, combinatie };
    if (need.status === 'niet passend') return { ...outcome, status: 'niet passend', missing: [], openUitsluitingen: [], combinatie };
    const partnerMissing = need.undecidedPartners.flatMap((id) => byId.get(id)?.missing ?? []);
    const missing = [...new Set([...outcome.missing, ...partnerMissing, ...(alternative?.truth === 'onbekend' ? alternative.missing : [])])];
    return { ...outcome, status: 'onbekend', missing, combinatie };
  });
}

/** Definitely not indicated by this evaluation (an unknown product id counts as not indicated). */
function isOut(status: Status | undefined): boolean {
  return status === undefined || status === 'niet passend' || status === 'uitgesloten';
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
