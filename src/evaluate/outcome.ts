/** The result of evaluating one profile against one catalogue: plain data for every report. */
import type { Product } from '../catalogue/types.js';
import type { Leaf } from '../compile/lower.js';
import type { ClauseRole, CompiledClause } from '../compile/rules.js';
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
}

export interface ProductOutcome {
  readonly product: Product;
  readonly status: Status;
  readonly clauses: readonly ClauseOutcome[];
  readonly missing: readonly string[];
  readonly combinatie?: CombinationOutcome;
}

export interface FamilyOutcome {
  readonly familie: string;
  /** bepaald: the lightest fitting level is known; onbekend: a lighter level is still open; geen: nothing fits. */
  readonly status: 'bepaald' | 'onbekend' | 'geen';
  readonly lichtstPassend: readonly ProductOutcome[];
  readonly open: readonly ProductOutcome[];
}

export interface Evaluation {
  readonly catalogueId: string;
  readonly regionName: string;
  readonly profile: Profile;
  readonly products: readonly ProductOutcome[];
  readonly families: readonly FamilyOutcome[];
  /** Missing facts, most informative first (see questions.ts). */
  readonly questions: readonly Question[];
}
