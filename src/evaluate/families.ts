/**
 * Per family: the lightest fitting level ("de lichtst passende voorziening"), the levels the
 * toegang chooses from where the document leaves the choice to it, and — when no level fits a
 * client the family is for — the levels ranked by how close they come. The closest fit never
 * makes a product passend.
 */
import type { Familie } from '../catalogue/types.js';
import { meaning, sharedVoorwaarden } from '../catalogue/family.js';
import { isHardExcess, type Afwijking, type ClosestFit, type FamilyOutcome, type ProductOutcome } from './outcome.js';

export function families(products: readonly ProductOutcome[], settings: readonly Familie[]): FamilyOutcome[] {
  const byFamily = new Map<string, ProductOutcome[]>();
  for (const outcome of products) {
    const family = outcome.product.familie;
    if (family === undefined || outcome.product.niveau === undefined) continue;
    byFamily.set(family, [...(byFamily.get(family) ?? []), outcome]);
  }
  return [...byFamily.entries()].map(([familie, members]) => familyOutcome(familie, members, settings.find((f) => f.id === familie)));
}

function familyOutcome(familie: string, members: readonly ProductOutcome[], setting: Familie | undefined): FamilyOutcome {
  const sorted = [...members].sort((a, b) => a.product.niveau! - b.product.niveau!);
  const fitting = sorted.filter((m) => m.status === 'passend');
  const choice = setting?.niveaukeuze;
  if (choice && fitting.length > 1) {
    // The document leaves the level to the toegang: every fitting level is a valid answer.
    const open = sorted.filter((m) => m.status === 'onbekend');
    return { familie, status: 'keuze-toegang', lichtstPassend: [fitting[0]!], open, keuze: { niveaus: fitting, ...choice }, dichtstbij: [] };
  }
  const levels = [...new Set(sorted.map((m) => m.product.niveau!))];
  const open: ProductOutcome[] = [];
  for (const level of levels) {
    const atLevel = sorted.filter((m) => m.product.niveau === level);
    const fittingHere = atLevel.filter((m) => m.status === 'passend');
    open.push(...atLevel.filter((m) => m.status === 'onbekend'));
    if (fittingHere.length > 0) {
      // A lighter level that is still open must be decided first.
      if (open.length > 0) return { familie, status: 'onbekend', lichtstPassend: fittingHere, open, dichtstbij: [] };
      const pointer = kenmerkPointer(fittingHere, fitting.filter((m) => m.product.niveau! > level));
      return { familie, status: 'bepaald', lichtstPassend: fittingHere, open, dichtstbij: [], ...(pointer ? { kenmerkenWijzenOp: pointer } : {}) };
    }
  }
  if (open.length > 0) return { familie, status: 'onbekend', lichtstPassend: [], open, dichtstbij: [] };
  // A client who fails what every level requires is not someone this family is for: no gap, no closest fit.
  const entry = new Set(sharedVoorwaarden(sorted.map((m) => m.product)).map(meaning));
  const nietVoor = sorted[0]!.clauses.filter((c) => c.role === 'voorwaarde' && c.truth === 'onwaar' && entry.has(meaning(c.compiled.clause)));
  if (nietVoor.length > 0) return { familie, status: 'geen', lichtstPassend: [], open, dichtstbij: [], nietVoor };
  return { familie, status: 'geen', lichtstPassend: [], open, dichtstbij: closestFits(sorted) };
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
