/**
 * Dutch wording of clause details, shared by every output format: what the profile says
 * against what the clause requires, per leaf of the compiled condition.
 */
import type { Leaf } from '../compile/lower.js';
import type { ClauseOutcome, LeafOutcome, ProductOutcome, Status } from '../evaluate/outcome.js';
import type { FactValue, Vocabulary } from '../vocabulary/types.js';
import { eenheidCode } from '../catalogue/productcode.js';

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
      return product.clauses.filter((c) => c.truth === 'onbekend');
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
  return `alleen in combinatie met ${c.required.join(' of ')}: geen daarvan is passend of al geïndiceerd`;
}
