/**
 * Dutch wording of clause details, shared by every output format: what the profile says
 * against what the clause requires, per leaf of the compiled condition.
 */
import type { Leaf } from '../compile/lower.js';
import type { ClauseOutcome, ClosestFit, CodeChoice, Evaluation, FamilyOutcome, LeafOutcome, LimitOutcome, ProductOutcome, Status, Verwijzing } from '../evaluate/outcome.js';
import type { FactValue, Vocabulary } from '../vocabulary/types.js';
import type { Bestemming } from '../catalogue/types.js';
import { eenheidCode } from '../catalogue/productcode.js';
import { limitText } from '../catalogue/limits.js';

export function factLabel(fact: string): string {
  return fact.replace(/_/g, ' ');
}

function unitOf(leaf: Leaf, vocabulary: Vocabulary): string {
  const fact = vocabulary.facts.get(leaf.fact);
  return fact?.kind === 'getal' && fact.eenheid && !leaf.path ? ` ${fact.eenheid}` : '';
}

function plain(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  return String(value);
}

export function requiredText(leaf: Leaf, vocabulary: Vocabulary): string {
  const unit = unitOf(leaf, vocabulary);
  switch (leaf.operator) {
    case 'equal':
      return `${plain(leaf.value)}${typeof leaf.value === 'number' ? unit : ''}`;
    case 'in':
      return (leaf.value as readonly unknown[]).length === 0 ? '(geen enkele waarde)' : (leaf.value as readonly unknown[]).map(plain).join(' of ');
    case 'contains':
      return `bevat ${plain(leaf.value)}`;
    case 'doesNotContain':
      return `bevat geen ${plain(leaf.value)}`;
    case 'greaterThanInclusive':
      return `minimaal ${plain(leaf.value)}${unit}`;
    case 'greaterThan':
      return `meer dan ${plain(leaf.value)}${unit}`;
    case 'lessThanInclusive':
      return `hoogstens ${plain(leaf.value)}${unit}`;
    case 'lessThan':
      return `minder dan ${plain(leaf.value)}${unit}`;
  }
}

export function actualText(outcome: LeafOutcome, vocabulary: Vocabulary): string {
  const { leaf, actual } = outcome;
  if (actual === undefined) return 'onbekend';
  if (leaf.path === '$.length' && Array.isArray(actual)) return String(actual.length);
  if (Array.isArray(actual)) return actual.length === 0 ? '(leeg)' : actual.join(', ');
  return `${plain(actual as FactValue)}${typeof actual === 'number' ? unitOf(leaf, vocabulary) : ''}`;
}

export function subjectText(leaf: Leaf): string {
  return leaf.path === '$.length' ? `aantal ${factLabel(leaf.fact)}` : factLabel(leaf.fact);
}

/** One line per leaf: "problematiek: matig (vereist: licht)". */
export function leafLine(outcome: LeafOutcome, vocabulary: Vocabulary): string {
  const via = outcome.leaf.via.length > 0 ? ` [via ${outcome.leaf.via.join(' → ')}]` : '';
  return `${subjectText(outcome.leaf)}: ${actualText(outcome, vocabulary)} (vereist: ${requiredText(outcome.leaf, vocabulary)})${via}`;
}

/** The leaves worth showing: for a failed voorwaarde the failing ones, otherwise all. */
export function relevantLeaves(clause: ClauseOutcome): readonly LeafOutcome[] {
  if (clause.role === 'voorwaarde' && clause.truth === 'onwaar') {
    const failing = clause.leaves.filter((l) => !l.result);
    return failing.length > 0 ? failing : clause.leaves;
  }
  if (clause.role === 'uitsluiting' && clause.truth === 'waar') {
    const matching = clause.leaves.filter((l) => l.result);
    return matching.length > 0 ? matching : clause.leaves;
  }
  if (clause.truth === 'onbekend') return clause.leaves.filter((l) => l.actual === undefined);
  return clause.leaves;
}

/** The clauses that explain a product's status. */
export function decisiveClauses(product: ProductOutcome): readonly ClauseOutcome[] {
  switch (product.status) {
    case 'uitgesloten':
      return product.clauses.filter((c) => c.role === 'uitsluiting' && c.truth === 'waar');
    case 'niet passend':
      return product.clauses.filter((c) => c.role === 'voorwaarde' && c.truth === 'onwaar');
    case 'onbekend':
      // Open exclusions are listed separately ("nog na te gaan"); they do not leave a status open.
      return product.clauses.filter((c) => c.role === 'voorwaarde' && c.truth === 'onbekend');
    case 'passend':
      return product.clauses.filter((c) => c.role === 'voorwaarde');
  }
}

export const STATUS_ORDER: Record<Status, number> = { passend: 0, onbekend: 1, 'niet passend': 2, uitgesloten: 3 };

export function productCodesText(product: ProductOutcome['product']): string {
  const parts: string[] = [];
  if (product.productcodes.wmo?.length) parts.push(`Wmo ${product.productcodes.wmo.join(', ')}`);
  if (product.productcodes.jeugd?.length) parts.push(`Jeugd ${product.productcodes.jeugd.join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : 'geen landelijke code';
}

/** "per minuut (iWmo eenheid 01)": the unit as a consultant writes it in a beschikking. */
export function unitText(product: ProductOutcome['product']): string {
  const code = eenheidCode(product.eenheid);
  return `${product.eenheid_omschrijving ?? `per ${product.eenheid}`}${code ? ` (eenheid ${code})` : ''}`;
}

export function combinationText(product: ProductOutcome): string | undefined {
  const c = product.combinatie;
  if (!c) return undefined;
  if (c.satisfiedBy) return `alleen in combinatie met ${c.required.join(' of ')}: voldaan door ${c.satisfiedBy} (${c.source})`;
  if (c.undecided.length > 0) return `alleen in combinatie met ${c.required.join(' of ')}: hangt af van ${c.undecided.join(', ')}`;
  return `alleen in combinatie met ${c.required.join(' of ')}: geen daarvan is passend of al geïndiceerd, dus niet passend`;
}

/** "indicatieduur maximaal 24 maanden — gevraagd 30: overschreden". */
export function limitLine(limit: LimitOutcome): string {
  const base = limitText(limit.compiled.limiet);
  switch (limit.verdict) {
    case 'niet gevraagd':
      return base;
    case 'niet van toepassing':
      return `${base} — gevraagd ${limit.requested}: niet van toepassing, de situatie geldt niet`;
    case 'situatie onbekend':
      return `${base} — gevraagd ${limit.requested}: buiten de limiet als de situatie geldt; onbekend: ${(limit.missing ?? []).map(factLabel).join(', ')}`;
    case 'binnen':
      return `${base} — gevraagd ${limit.requested}: binnen de limiet`;
    case 'overschreden': {
      const below = limit.compiled.minimum !== undefined && limit.requested !== undefined && limit.requested < limit.compiled.minimum;
      const side = below ? 'onder het minimum' : 'boven het maximum';
      return `${base} — gevraagd ${limit.requested}: ${limit.compiled.limiet.richtwaarde ? `${below ? 'onder' : 'boven'} de richtwaarde (waarschuwing; motiveer de afwijking)` : side}`;
    }
  }
}

/** Exclusions not yet ruled out: the consultant checks them before granting. */
export function openExclusionLines(product: ProductOutcome): string[] {
  return product.openUitsluitingen.map((c) => `nog na te gaan (uitsluiting): ${c.compiled.clause.reden} — onbekend: ${c.missing.map(factLabel).join(', ')}`);
}

/** Kenmerken with a known truth: present ones support the product, absent ones deviate. */
export function kenmerkLines(product: ProductOutcome): string[] {
  return product.clauses
    .filter((c) => c.role === 'kenmerk' && c.truth !== 'onbekend')
    .map((c) => `${c.truth === 'waar' ? 'kenmerk aanwezig' : 'kenmerk niet aanwezig'}: ${c.compiled.clause.reden}`);
}

/** The code to declare: only worth a line where the product has both a Wmo and a Jeugd code. */
export function codeText(choice: CodeChoice): string | undefined {
  switch (choice.kind) {
    case 'enig':
    case 'geen':
      return undefined;
    case 'gekozen':
      return `code: ${choice.domain === 'wmo' ? 'Wmo' : 'Jeugd'} ${choice.codes.join(', ')} (${choice.reden})`;
    case 'onbepaald':
      return `code: ${choice.reden}`;
  }
}

export function destinationText(bestemming: Bestemming, naam?: (id: string) => string | undefined): string {
  switch (bestemming.kind) {
    case 'product':
      return naam?.(bestemming.product) ?? bestemming.product;
    case 'familie':
      return `${bestemming.familie.replace(/[-_]/g, ' ')} (de toegang kiest het niveau of de variant)`;
    case 'buiten-catalogus':
      return bestemming.naam;
  }
}

/** "verwijzen naar Beschermd Wonen — <reden> (uitgesloten: …)" or "mogelijk vervolg na …: … (afschalen)". */
export function referralLine(v: Verwijzing, naam?: (id: string) => string | undefined): string {
  const to = destinationText(v.bestemming, naam);
  const from = v.vanuit.map((p) => p.naam).join(', ');
  return v.kind === 'uitsluiting' ? `verwijzen naar ${to} — ${v.reden.trim()} (uitgesloten: ${from})` : `mogelijk vervolg na ${from}: ${to}${v.richting ? ` (${v.richting})` : ''}`;
}

/** "inzicht: goed (vereist: beperkt)" per unmet voorwaarde, limit or combination. */
export function afwijkingTexts(fit: ClosestFit, vocabulary: Vocabulary): string[] {
  return fit.afwijkingen.map((a) => {
    switch (a.kind) {
      case 'voorwaarde': {
        const failing = relevantLeaves(a.clause);
        return failing.length > 0 ? failing.map((l) => leafLine(l, vocabulary)).join('; ') : a.clause.compiled.clause.reden;
      }
      case 'limiet':
        return limitLine(a.limit);
      case 'combinatie':
        return `alleen in combinatie met ${a.combinatie.required.join(' of ')}`;
    }
  });
}

/** "IB2 ontwikkelgericht (1 afwijking: inzicht: goed (vereist: beperkt))". */
export function closestText(fit: ClosestFit, vocabulary: Vocabulary): string {
  const n = fit.afwijkingen.length;
  const parts = [`${n} afwijking${n === 1 ? '' : 'en'}: ${afwijkingTexts(fit, vocabulary).join('; ')}`];
  if (fit.afwijkendeKenmerken.length > 0) parts.push(`${fit.afwijkendeKenmerken.length} afwijkend${fit.afwijkendeKenmerken.length === 1 ? ' kenmerk' : 'e kenmerken'}`);
  if (fit.steunendeKenmerken.length > 0) parts.push(`${fit.steunendeKenmerken.length} steunend${fit.steunendeKenmerken.length === 1 ? ' kenmerk' : 'e kenmerken'}`);
  return `${fit.product.product.naam} (${parts.join('; ')})`;
}

/** One sentence per family, shared by text and Markdown. */
export function familyText(family: FamilyOutcome, vocabulary: Vocabulary): string {
  const named = (ps: readonly ProductOutcome[]) => ps.map((p) => `${p.product.naam} (${productCodesText(p.product)})`).join(' en ');
  switch (family.status) {
    case 'bepaald': {
      const pointer = family.kenmerkenWijzenOp;
      if (!pointer) return named(family.lichtstPassend);
      const n = pointer.zwaarder.steunendeKenmerken.length;
      return `${named(family.lichtstPassend)}; let op: ook ${pointer.zwaarder.product.product.naam} past en de kenmerken wijzen daarop (${n} aanwezig${n === 1 ? ' kenmerk' : 'e kenmerken'}, bij het lichtste niveau ${pointer.lichtst.steunendeKenmerken.length})`;
    }
    case 'keuze-toegang':
      return `past; het niveau kiest de toegang uit ${family.keuze!.niveaus.map((p) => p.product.naam).join(', ')}. Regel: ${family.keuze!.regel}`;
    case 'onbekend': {
      const now = named(family.lichtstPassend);
      return `nog niet te bepalen: eerst ${family.open.map((p) => p.product.id).join(', ')} beslissen${now ? ` (nu passend: ${now})` : ''}`;
    }
    case 'geen': {
      const best = family.dichtstbij[0];
      if (best) return `Geen niveau past volledig; het dichtst bij: ${closestText(best, vocabulary)}`;
      const reasons = (family.nietVoor ?? []).map((c) => c.compiled.clause.reden.trim().replace(/\.$/, ''));
      return reasons.length > 0 ? `geen passend product (geldt voor elk niveau: ${reasons.join('; ')})` : 'geen passend product';
    }
  }
}

/** Product id → name within one evaluation, for referral lines. */
export function productName(evaluation: Evaluation): (id: string) => string | undefined {
  return (id) => evaluation.products.find((p) => p.product.id === id)?.product.naam;
}
