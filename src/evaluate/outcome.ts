/** The result of evaluating one profile against one catalogue: plain data for every report. */
import type { Bestemming, Product } from '../catalogue/types.js';
import type { Domain } from '../catalogue/productcode.js';
import type { Leaf } from '../compile/lower.js';
import type { ClauseRole, CompiledClause, CompiledLimiet } from '../compile/rules.js';
import type { FactValue, Profile } from '../vocabulary/types.js';
import type { Question } from './questions.js';

export type Truth = 'waar' | 'onwaar' | 'onbekend';
export type Status = 'passend' | 'niet passend' | 'uitgesloten' | 'onbekend';

export interface LeafOutcome {
  readonly leaf: Leaf;
  /** The profile's value (for `aantal`: the list itself). Undefined when the fact is missing. */
  readonly actual: FactValue | undefined;
  readonly result: boolean;
}

export interface ClauseOutcome {
  readonly compiled: CompiledClause;
  readonly role: ClauseRole;
  readonly truth: Truth;
  /** Leaves of the positive form as the engine evaluated them. */
  readonly leaves: readonly LeafOutcome[];
  readonly missing: readonly string[];
}

export interface CombinationOutcome {
  readonly required: readonly string[];
  readonly satisfiedBy?: string;
  readonly source?: 'evaluatie' | 'bestaande indicatie' | 'andere situatie';
  readonly undecided: readonly string[];
  /** Required partners that are definitely not indicated (niet passend, uitgesloten, not in a complete list). */
  readonly ruledOut: readonly string[];
}

/** A limit against the requested amount: only a stated request is checked. */
export interface LimitOutcome {
  readonly compiled: CompiledLimiet;
  readonly requested?: number;
  /**
   * niet van toepassing: the limit's alleen_als situation does not hold; situatie onbekend: the
   * request lies outside the limit and whether the limit applies depends on facts still missing.
   */
  readonly verdict: 'niet gevraagd' | 'niet van toepassing' | 'binnen' | 'overschreden' | 'situatie onbekend';
  /** situatie onbekend: the facts of the alleen_als situation that are missing. */
  readonly missing?: readonly string[];
}

/** A stated request above a limit that is not a richtwaarde: the product does not fit. */
export function isHardExcess(limit: LimitOutcome): boolean {
  return limit.verdict === 'overschreden' && !limit.compiled.limiet.richtwaarde;
}

/** A hard limit the request may exceed, depending on a situation still unknown: the product is onbekend. */
export function isOpenHardLimit(limit: LimitOutcome): boolean {
  return limit.verdict === 'situatie onbekend' && !limit.compiled.limiet.richtwaarde;
}

/** Which national code applies to this client where a product has both a Wmo and a Jeugd code. */
export type CodeChoice =
  | { readonly kind: 'enig'; readonly domain: Domain; readonly codes: readonly string[] }
  | { readonly kind: 'gekozen'; readonly domain: Domain; readonly codes: readonly string[]; readonly reden: string }
  | { readonly kind: 'onbepaald'; readonly reden: string }
  | { readonly kind: 'geen' };

export interface ProductOutcome {
  readonly product: Product;
  readonly status: Status;
  readonly clauses: readonly ClauseOutcome[];
  readonly limieten: readonly LimitOutcome[];
  readonly missing: readonly string[];
  /** passend/onbekend: uitsluitingen whose facts are unknown — still to check, not blocking. */
  readonly openUitsluitingen: readonly ClauseOutcome[];
  readonly combinatie?: CombinationOutcome;
  readonly code: CodeChoice;
}

/** How far a level is from fitting: what must change, and the indicators that point elsewhere. */
export interface ClosestFit {
  readonly product: ProductOutcome;
  /** Voorwaarden that fail, hard limits exceeded, a combination that cannot be met. */
  readonly afwijkingen: readonly Afwijking[];
  /** Kenmerken of this level the profile does not show. */
  readonly afwijkendeKenmerken: readonly ClauseOutcome[];
  /** Kenmerken of this level the profile does show. */
  readonly steunendeKenmerken: readonly ClauseOutcome[];
}

export type Afwijking =
  | { readonly kind: 'voorwaarde'; readonly clause: ClauseOutcome }
  | { readonly kind: 'limiet'; readonly limit: LimitOutcome }
  | { readonly kind: 'combinatie'; readonly combinatie: CombinationOutcome };

export interface FamilyOutcome {
  readonly familie: string;
  /**
   * bepaald: the lightest fitting level is known; onbekend: a lighter level is still open;
   * keuze-toegang: every fitting level is possible and the document leaves the choice to the
   * toegang (niveaukeuze in regio.yaml); geen: nothing fits (see dichtstbij).
   */
  readonly status: 'bepaald' | 'onbekend' | 'keuze-toegang' | 'geen';
  readonly lichtstPassend: readonly ProductOutcome[];
  readonly open: readonly ProductOutcome[];
  /** keuze-toegang: the levels to choose from and the rule the document gives. */
  readonly keuze?: { readonly niveaus: readonly ProductOutcome[]; readonly regel: string; readonly bron: string };
  /** geen: levels ranked by how close they come (fewest afwijkingen, then fewest deviating kenmerken). */
  readonly dichtstbij: readonly ClosestFit[];
  /** geen: voorwaarden every level shares that the client fails — the family is not for this client. */
  readonly nietVoor?: readonly ClauseOutcome[];
  /**
   * bepaald: a heavier level that also fits and whose kenmerken the profile shows more of than
   * those of the lightest level — the examples of the document point there. Advice only.
   */
  readonly kenmerkenWijzenOp?: { readonly lichtst: ClosestFit; readonly zwaarder: ClosestFit };
}

/**
 * "Verwijzen naar …, omdat …": where to send the client. From an applying uitsluiting that
 * names a destination, or a vervolg of a product that fits.
 */
export interface Verwijzing {
  readonly kind: 'uitsluiting' | 'vervolg';
  readonly bestemming: Bestemming;
  /** The products this referral comes from (one destination is listed once). */
  readonly vanuit: readonly Product[];
  readonly reden: string;
  readonly bron: string;
  /** vervolg only: afschalen, opschalen, … as the catalogue states it. */
  readonly richting?: string;
}

export interface Evaluation {
  readonly catalogueId: string;
  readonly regionName: string;
  readonly profile: Profile;
  readonly products: readonly ProductOutcome[];
  readonly families: readonly FamilyOutcome[];
  /** Missing facts, most informative first (see questions.ts). */
  readonly questions: readonly Question[];
  readonly verwijzingen: readonly Verwijzing[];
}
