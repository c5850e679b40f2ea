/**
 * Per family: the lightest fitting level ("de lichtst passende voorziening"), the levels the
 * toegang chooses from where the document leaves the choice to it, and — when no level fits a
 * client the family is for — the levels ranked by how close they come. The closest fit never
 * makes a product passend.
 */
import type { Familie, Product } from '../catalogue/types.js';
import { meaning, sharedVoorwaarden } from '../catalogue/family.js';
import { isHardExcess, type Afwijking, type ClosestFit, type FamilyOutcome, type ProductOutcome, type Status } from './outcome.js';

/** What a product contributes to its family's decision. */
export interface Decided {
  readonly product: Product;
  readonly status: Status;
}

/** What a family decides: its status and levels, without the advice (closest fit, kenmerken). */
export interface FamilyDecision<T extends Decided = ProductOutcome> {
  readonly familie: string;
  readonly status: FamilyOutcome['status'];
  readonly lichtstPassend: readonly T[];
  readonly open: readonly T[];
  readonly keuze?: { readonly niveaus: readonly T[]; readonly regel: string; readonly bron: string };
}

/** A family of a catalogue: its members (positions in the product list) by level, and its regio.yaml settings. */
export interface FamilyPlan {
  readonly familie: string;
  readonly members: readonly number[];
  readonly setting: Familie | undefined;
}

/**
 * The families of a catalogue, in the order they first appear, members by level (stable): worked
 * out once per catalogue, used for every profile by both decide and explain.
 */
export function familyPlans(products: readonly Product[], settings: readonly Familie[]): FamilyPlan[] {
  const members = new Map<string, number[]>();
  products.forEach((product, i) => {
    if (product.familie === undefined || product.niveau === undefined) return;
    const list = members.get(product.familie);
    if (list) list.push(i);
    else members.set(product.familie, [i]);
  });
  for (const list of members.values()) list.sort((a, b) => products[a]!.niveau! - products[b]!.niveau! || a - b);
  return [...members].map(([familie, list]) => ({ familie, members: list, setting: settings.find((f) => f.id === familie) }));
}

/** What each family decides, for outcomes in the order of the plans' product list. */
export function familyDecisions<T extends Decided>(plans: readonly FamilyPlan[], products: readonly T[]): FamilyDecision<T>[] {
  return plans.map((f) => decideFamily(f.familie, f.members.map((i) => products[i]!), f.setting));
}

/** The decisions with the advice a consultant reads. */
export function families(plans: readonly FamilyPlan[], products: readonly ProductOutcome[]): FamilyOutcome[] {
  return plans.map((f) => {
    const sorted = f.members.map((i) => products[i]!);
    return advise(decideFamily(f.familie, sorted, f.setting), sorted);
  });
}

function decideFamily<T extends Decided>(familie: string, sorted: readonly T[], setting: Familie | undefined): FamilyDecision<T> {
  const fitting = sorted.filter((m) => m.status === 'passend');
  const choice = setting?.niveaukeuze;
  if (choice && fitting.length > 1) {
    // The document leaves the level to the toegang: every fitting level is a valid answer.
    const open = sorted.filter((m) => m.status === 'onbekend');
    return { familie, status: 'keuze-toegang', lichtstPassend: [fitting[0]!], open, keuze: { niveaus: fitting, ...choice } };
  }
  // Level by level, lightest first (sorted is in level order).
  const open: T[] = [];
  for (let i = 0; i < sorted.length; ) {
    const level = sorted[i]!.product.niveau;
    const fittingHere: T[] = [];
    for (; i < sorted.length && sorted[i]!.product.niveau === level; i++) {
      const member = sorted[i]!;
      if (member.status === 'passend') fittingHere.push(member);
      else if (member.status === 'onbekend') open.push(member);
    }
    if (fittingHere.length > 0) {
      // A lighter level that is still open must be decided first.
      return { familie, status: open.length > 0 ? 'onbekend' : 'bepaald', lichtstPassend: fittingHere, open };
    }
  }
  return { familie, status: open.length > 0 ? 'onbekend' : 'geen', lichtstPassend: [], open };
}

/** The decision with the advice a consultant reads: a kenmerken pointer, or why nothing fits and what comes closest. */
function advise(decision: FamilyDecision, sorted: readonly ProductOutcome[]): FamilyOutcome {
  switch (decision.status) {
    case 'keuze-toegang':
    case 'onbekend':
      return { ...decision, dichtstbij: [] };
    case 'bepaald': {
      const level = decision.lichtstPassend[0]!.product.niveau!;
      const pointer = kenmerkPointer(decision.lichtstPassend, sorted.filter((m) => m.status === 'passend' && m.product.niveau! > level));
      return { ...decision, dichtstbij: [], ...(pointer ? { kenmerkenWijzenOp: pointer } : {}) };
    }
    case 'geen': {
      // A client who fails what every level requires is not someone this family is for: no gap, no closest fit.
      const entry = new Set(sharedVoorwaarden(sorted.map((m) => m.product)).map(meaning));
      const nietVoor = sorted[0]!.clauses.filter((c) => c.role === 'voorwaarde' && c.truth === 'onwaar' && entry.has(meaning(c.compiled.clause)));
      if (nietVoor.length > 0) return { ...decision, dichtstbij: [], nietVoor };
      return { ...decision, dichtstbij: closestFits(sorted) };
    }
  }
}

/**
 * "Those examples should count for that level": when a heavier fitting level has more of its
 * kenmerken present than the lightest fitting level, the report points there (advice; the
 * lightest fitting level stays the answer).
 */
/** A level with what keeps it from fitting and the kenmerken that deviate or support. */
function fitOf(product: ProductOutcome, afwijkingen: readonly Afwijking[]): ClosestFit {
  const kenmerken = product.clauses.filter((c) => c.role === 'kenmerk');
  return { product, afwijkingen, afwijkendeKenmerken: kenmerken.filter((c) => c.truth === 'onwaar'), steunendeKenmerken: kenmerken.filter((c) => c.truth === 'waar') };
}

function kenmerkPointer(lightest: readonly ProductOutcome[], heavier: readonly ProductOutcome[]): FamilyOutcome['kenmerkenWijzenOp'] {
  const evidence = (product: ProductOutcome): ClosestFit => fitOf(product, []);
  const light = lightest.map(evidence).sort((a, b) => b.steunendeKenmerken.length - a.steunendeKenmerken.length)[0]!;
  const best = heavier.map(evidence).sort((a, b) => b.steunendeKenmerken.length - a.steunendeKenmerken.length || a.afwijkendeKenmerken.length - b.afwijkendeKenmerken.length)[0];
  if (!best || best.steunendeKenmerken.length <= light.steunendeKenmerken.length) return undefined;
  return { lichtst: light, zwaarder: best };
}

/** Uitgesloten levels are not candidates: an exclusion is a hard no, not a deviation. */
export function closestFits(members: readonly ProductOutcome[]): ClosestFit[] {
  return members
    .filter((m) => m.status === 'niet passend')
    .map((product): ClosestFit => {
      const afwijkingen: Afwijking[] = [
        ...product.clauses.filter((c) => c.role === 'voorwaarde' && c.truth === 'onwaar').map((clause) => ({ kind: 'voorwaarde' as const, clause })),
        ...product.limieten.filter(isHardExcess).map((limit) => ({ kind: 'limiet' as const, limit })),
        ...(product.combinatie && !product.combinatie.satisfiedBy && product.combinatie.undecided.length === 0 ? [{ kind: 'combinatie' as const, combinatie: product.combinatie }] : []),
      ];
      return fitOf(product, afwijkingen);
    })
    // Unmet criteria weigh most; a request above a limit least, because the toegang can adjust it.
    .sort(
      (a, b) =>
        criteria(a) - criteria(b) ||
        a.afwijkendeKenmerken.length - b.afwijkendeKenmerken.length ||
        limits(a) - limits(b) ||
        excess(a) - excess(b) ||
        b.steunendeKenmerken.length - a.steunendeKenmerken.length ||
        a.product.product.niveau! - b.product.product.niveau!,
    );
}

function criteria(fit: ClosestFit): number {
  return fit.afwijkingen.filter((a) => a.kind !== 'limiet').length;
}

function limits(fit: ClosestFit): number {
  return fit.afwijkingen.filter((a) => a.kind === 'limiet').length;
}

/** How far the request lies outside the limits, relative to the bound: 300 uur is closer to 240 than to 90. */
function excess(fit: ClosestFit): number {
  let total = 0;
  for (const a of fit.afwijkingen) {
    if (a.kind !== 'limiet' || a.limit.requested === undefined) continue;
    const { maximum, minimum } = a.limit.compiled;
    const requested = a.limit.requested;
    if (maximum !== undefined && requested > maximum) total += (requested - maximum) / Math.max(maximum, 1);
    else if (minimum !== undefined && requested < minimum) total += (minimum - requested) / Math.max(minimum, 1);
  }
  return total;
}
