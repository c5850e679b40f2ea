/**
 * Type checking of criteria against the fact vocabulary and the shared definitions:
 * unknown facts (with did-you-mean), labels not on a scale, a scale compared with a number,
 * operators that do not fit a fact's type, wrong units and cycles through definitions.
 */
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { assertNever, renderExpr, type Comparator, type Expr, type NameRef, type Value } from '../dsl/ast.js';
import type { OffsetMapper } from '../dsl/parse.js';
import { plainDecimal } from '../dsl/number-literal.js';
import type { Fact, Vocabulary } from '../vocabulary/types.js';
import { describeKind } from '../vocabulary/types.js';
import { suggest } from '../util/suggest.js';
import { checkCriterionExpansion, checkDefinitionExpansions, definitionCycles } from './expansion.js';

/** A shared, named criterion from rules/definities/. */
export interface Definition {
  readonly name: string;
  readonly text: string;
  readonly omschrijving: string;
  readonly ast?: Expr;
  readonly at: OffsetMapper;
}

export interface Scope {
  readonly vocabulary: Vocabulary;
  readonly definitions: ReadonlyMap<string, Definition>;
}

const ORDER_OPS: readonly Comparator[] = ['>=', '<=', '>', '<'];

/** A criterion of a product (or anywhere outside rules/definities/): types, and its size once written out. */
export function checkExpr(expr: Expr, scope: Scope, at: OffsetMapper): Diagnostic[] {
  suggestionsLeft = MAX_SUGGESTION_SEARCHES;
  const out: Diagnostic[] = [];
  visit(expr, scope, at, out);
  out.push(...checkCriterionExpansion(expr, scope, at));
  return out;
}

/**
 * Checks every definition once: its own types, cycles between definitions and the limits on
 * writing definitions out. Nothing here follows a definition into the next one recursively,
 * so a long chain or a diamond of definitions costs time linear in the file.
 */
export function checkDefinitions(scope: Scope): Diagnostic[] {
  suggestionsLeft = MAX_SUGGESTION_SEARCHES;
  const out: Diagnostic[] = [];
  const cycles = definitionCycles(scope);
  for (const def of scope.definitions.values()) {
    if (!def.ast) continue;
    visit(def.ast, scope, def.at, out);
    const chain = cycles.get(def.name);
    if (chain) out.push(diag('WZ507', { name: def.name, chain }, def.at(0)));
  }
  out.push(...checkDefinitionExpansions(scope));
  return out;
}

/**
 * "Did you mean" searches left in the current check (checkExpr or checkDefinitions, both
 * synchronous). Each search scans every name, so a definitions file with thousands of unknown
 * names would be quadratic; past the bound the names are still reported, without a suggestion.
 */
const MAX_SUGGESTION_SEARCHES = 20;
let suggestionsLeft = MAX_SUGGESTION_SEARCHES;

function suggestBounded(word: string, candidates: () => Iterable<string>): string | undefined {
  if (suggestionsLeft <= 0) return undefined;
  suggestionsLeft--;
  return suggest(word, candidates());
}

function lookupFact(ref: NameRef, scope: Scope, at: OffsetMapper, out: Diagnostic[]): Fact | undefined {
  const fact = scope.vocabulary.facts.get(ref.name);
  if (fact) return fact;
  // A known definition used like a fact (`volwassene >= 3`) is no unknown name: say what it is.
  const definition = scope.definitions.get(ref.name);
  if (definition) {
    out.push(diag('WZ610', { name: ref.name, text: definition.text.replace(/\s+/g, ' ').trim() }, at(ref.range.start)));
    return undefined;
  }
  const suggestion = suggestBounded(ref.name, () => scope.vocabulary.facts.keys());
  out.push(diag('WZ501', { name: ref.name, ...(suggestion ? { suggestion } : {}) }, at(ref.range.start)));
  return undefined;
}

function visit(expr: Expr, scope: Scope, at: OffsetMapper, out: Diagnostic[]): void {
  switch (expr.kind) {
    case 'and':
    case 'or':
      expr.operands.forEach((operand) => visit(operand, scope, at, out));
      return;
    case 'not':
      visit(expr.operand, scope, at, out);
      return;
    case 'name': {
      if (scope.definitions.has(expr.ref.name)) return;
      const fact = scope.vocabulary.facts.get(expr.ref.name);
      if (!fact) {
        const suggestion = suggestBounded(expr.ref.name, function* () {
          yield* scope.vocabulary.facts.keys();
          yield* scope.definitions.keys();
        });
        out.push(diag('WZ501', { name: expr.ref.name, ...(suggestion ? { suggestion } : {}) }, at(expr.ref.range.start)));
      } else if (fact.kind !== 'ja-nee') {
        out.push(diag('WZ506', { name: fact.name, example: exampleValue(fact) }, at(expr.ref.range.start)));
      }
      return;
    }
    case 'compare': {
      const fact = lookupFact(expr.fact, scope, at, out);
      if (!fact) return;
      if (ORDER_OPS.includes(expr.op) && (fact.kind === 'ja-nee' || fact.kind === 'keuze' || fact.kind === 'lijst')) {
        out.push(diag('WZ504', { op: expr.op, fact: fact.name, type: describeKind(fact), advice: adviceFor(fact) }, at(expr.range.start)));
        return;
      }
      if (fact.kind === 'lijst') {
        out.push(diag('WZ504', { op: expr.op === '=' ? 'is' : expr.op, fact: fact.name, type: describeKind(fact), advice: adviceFor(fact) }, at(expr.range.start)));
        return;
      }
      checkValue(fact, expr.value, at, out);
      return;
    }
    case 'member': {
      const fact = lookupFact(expr.fact, scope, at, out);
      if (!fact) return;
      if (fact.kind === 'ja-nee' || fact.kind === 'lijst') {
        out.push(diag('WZ504', { op: 'in', fact: fact.name, type: describeKind(fact), advice: adviceFor(fact) }, at(expr.range.start)));
        return;
      }
      expr.values.forEach((value) => checkValue(fact, value, at, out));
      return;
    }
    case 'between': {
      const fact = lookupFact(expr.fact, scope, at, out);
      if (!fact) return;
      if (fact.kind !== 'getal' && fact.kind !== 'schaal') {
        out.push(diag('WZ504', { op: 'tussen', fact: fact.name, type: describeKind(fact), advice: adviceFor(fact) }, at(expr.range.start)));
        return;
      }
      const okLow = checkValue(fact, expr.low, at, out);
      const okHigh = checkValue(fact, expr.high, at, out);
      if (okLow && okHigh && rank(fact, expr.low) > rank(fact, expr.high)) {
        out.push(diag('WZ508', { low: valueText(expr.low), high: valueText(expr.high) }, at(expr.low.range.start)));
      }
      return;
    }
    case 'contains': {
      const fact = lookupFact(expr.fact, scope, at, out);
      if (!fact) return;
      if (fact.kind !== 'lijst') {
        out.push(diag('WZ504', { op: 'bevat', fact: fact.name, type: describeKind(fact), advice: adviceFor(fact) }, at(expr.range.start)));
        return;
      }
      checkValue(fact, expr.value, at, out);
      return;
    }
    case 'count': {
      const fact = lookupFact(expr.fact, scope, at, out);
      if (!fact) return;
      if (fact.kind !== 'lijst') {
        out.push(diag('WZ504', { op: 'aantal', fact: fact.name, type: describeKind(fact), advice: adviceFor(fact) }, at(expr.range.start)));
        return;
      }
      if (!Number.isInteger(expr.count)) {
        // A list's length is whole: round the way that keeps the meaning of >=, <, <= and >.
        const suggestion = expr.op === '>=' || expr.op === '<' ? Math.ceil(expr.count) : expr.op === '<=' || expr.op === '>' ? Math.floor(expr.count) : Math.round(expr.count);
        out.push(diag('WZ513', { value: plainDecimal(expr.count), fact: fact.name, op: expr.op, suggestion: Math.max(0, suggestion) }, at(expr.range.start)));
        return;
      }
      if (expr.count < 0 || (expr.op === '<' && expr.count === 0)) {
        out.push(diag('WZ509', { value: 'onwaar', text: renderExpr(expr) }, at(expr.range.start)));
      }
      return;
    }
    default:
      assertNever(expr);
  }
}

function rank(fact: Fact, value: Value): number {
  if (value.kind === 'number') return value.value;
  if (value.kind === 'label' && 'labels' in fact) return fact.labels.indexOf(value.name);
  return 0;
}

function valueText(value: Value): string {
  return value.kind === 'number' ? plainDecimal(value.value) : value.kind === 'label' ? value.name : value.value ? 'ja' : 'nee';
}

/** Checks one value against the fact's type; true when it fits. */
function checkValue(fact: Fact, value: Value, at: OffsetMapper, out: Diagnostic[]): boolean {
  const where = at(value.range.start);
  switch (fact.kind) {
    case 'ja-nee':
      if (value.kind === 'boolean') return true;
      out.push(diag('WZ503', { fact: fact.name, type: describeKind(fact), got: gotText(value), advice: `Schrijf: ${fact.name} is ja (of nee), of alleen ${fact.name}.` }, where));
      return false;
    case 'getal':
      if (value.kind !== 'number') {
        out.push(diag('WZ503', { fact: fact.name, type: describeKind(fact), got: gotText(value), advice: `Vergelijk met een getal, bijvoorbeeld: ${fact.name} >= 3${fact.eenheid ? ` ${fact.eenheid}` : ''}.` }, where));
        return false;
      }
      if (value.unit && value.unit !== fact.eenheid) {
        out.push(diag('WZ505', { unit: value.unit, fact: fact.name, expected: fact.eenheid ?? 'geen eenheid' }, at(value.range.start)));
        return false;
      }
      // Profiles are held to the fact's range (WZ704), so a bound outside it can never bite.
      if ((fact.minimum !== undefined && value.value < fact.minimum) || (fact.maximum !== undefined && value.value > fact.maximum)) {
        out.push(diag('WZ512', { value: plainDecimal(value.value), fact: fact.name, range: rangeText(fact.minimum, fact.maximum) }, where));
      }
      return true;
    case 'schaal':
    case 'keuze':
    case 'lijst':
      if (value.kind !== 'label') {
        out.push(diag('WZ503', { fact: fact.name, type: describeKind(fact), got: gotText(value), advice: `Gebruik een van de waarden: ${fact.labels.join(', ')}.` }, where));
        return false;
      }
      if (!fact.labels.includes(value.name)) {
        const suggestion = suggestBounded(value.name, () => fact.labels);
        out.push(diag('WZ502', { label: value.name, fact: fact.name, labels: fact.labels.join(', '), ...(suggestion ? { suggestion } : {}) }, where));
        return false;
      }
      return true;
    default:
      return assertNever(fact);
  }
}

function rangeText(minimum: number | undefined, maximum: number | undefined): string {
  if (minimum !== undefined && maximum !== undefined) return `van ${plainDecimal(minimum)} tot en met ${plainDecimal(maximum)}`;
  return minimum !== undefined ? `van minimaal ${plainDecimal(minimum)}` : `van hoogstens ${plainDecimal(maximum ?? 0)}`;
}

function gotText(value: Value): string {
  switch (value.kind) {
    case 'number':
      return `het getal ${plainDecimal(value.value)}`;
    case 'label':
      return `'${value.name}'`;
    case 'boolean':
      return value.value ? 'ja' : 'nee';
    default:
      return assertNever(value);
  }
}

function exampleValue(fact: Fact): string {
  switch (fact.kind) {
    case 'ja-nee':
      return 'ja';
    case 'getal':
      return '3';
    case 'schaal':
    case 'keuze':
    case 'lijst':
      return fact.labels[0] ?? '…';
    default:
      return assertNever(fact);
  }
}

function adviceFor(fact: Fact): string {
  switch (fact.kind) {
    case 'ja-nee':
      return `Schrijf: ${fact.name} (of: niet ${fact.name}).`;
    case 'getal':
      return `Gebruik >=, <=, >, <, =, != of tussen, bijvoorbeeld: ${fact.name} >= 3.`;
    case 'schaal':
      return `Gebruik is, >=, <=, in [..] of tussen, bijvoorbeeld: ${fact.name} >= ${fact.labels[1] ?? fact.labels[0] ?? '…'}.`;
    case 'keuze':
      return `Gebruik is, is niet of in [..], bijvoorbeeld: ${fact.name} is ${fact.labels[0] ?? '…'}.`;
    case 'lijst':
      return `Gebruik bevat of aantal, bijvoorbeeld: ${fact.name} bevat ${fact.labels[0] ?? '…'} of aantal ${fact.name} >= 1.`;
    default:
      return assertNever(fact);
  }
}
