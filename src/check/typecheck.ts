/**
 * Type checking of criteria against the fact vocabulary and the shared definitions:
 * unknown facts (with did-you-mean), labels not on a scale, a scale compared with a number,
 * operators that do not fit a fact's type, wrong units and cycles through definitions.
 */
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { assertNever, namesIn, renderExpr, type Comparator, type Expr, type NameRef, type Value } from '../dsl/ast.js';
import type { OffsetMapper } from '../dsl/parse.js';
import type { Fact, Vocabulary } from '../vocabulary/types.js';
import { describeKind } from '../vocabulary/types.js';
import { suggest } from '../util/suggest.js';

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

export function checkExpr(expr: Expr, scope: Scope, at: OffsetMapper): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(expr, scope, at, out);
  return out;
}

/** Checks every definition once, including cycles between definitions. */
export function checkDefinitions(scope: Scope): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const def of scope.definitions.values()) {
    if (!def.ast) continue;
    out.push(...checkExpr(def.ast, scope, def.at));
    const chain = findCycle(def.name, def.ast, scope, [def.name]);
    if (chain) out.push(diag('WZ507', { name: def.name, chain: chain.join(' → ') }, def.at(0)));
  }
  return out;
}

function findCycle(target: string, expr: Expr, scope: Scope, path: string[]): string[] | undefined {
  for (const name of namesIn(expr).bare) {
    if (name === target) return [...path, name];
    if (path.includes(name)) continue;
    const next = scope.definitions.get(name);
    if (next?.ast) {
      const found = findCycle(target, next.ast, scope, [...path, name]);
      if (found) return found;
    }
  }
  return undefined;
}

function lookupFact(ref: NameRef, scope: Scope, at: OffsetMapper, out: Diagnostic[]): Fact | undefined {
  const fact = scope.vocabulary.facts.get(ref.name);
  if (fact) return fact;
  const suggestion = suggest(ref.name, [...scope.vocabulary.facts.keys()]);
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
        const suggestion = suggest(expr.ref.name, [...scope.vocabulary.facts.keys(), ...scope.definitions.keys()]);
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
  return value.kind === 'number' ? String(value.value) : value.kind === 'label' ? value.name : value.value ? 'ja' : 'nee';
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
      return true;
    case 'schaal':
    case 'keuze':
    case 'lijst':
      if (value.kind !== 'label') {
        out.push(diag('WZ503', { fact: fact.name, type: describeKind(fact), got: gotText(value), advice: `Gebruik een van de waarden: ${fact.labels.join(', ')}.` }, where));
        return false;
      }
      if (!fact.labels.includes(value.name)) {
        const suggestion = suggest(value.name, fact.labels);
        out.push(diag('WZ502', { label: value.name, fact: fact.name, labels: fact.labels.join(', '), ...(suggestion ? { suggestion } : {}) }, where));
        return false;
      }
      return true;
    default:
      return assertNever(fact);
  }
}

function gotText(value: Value): string {
  switch (value.kind) {
    case 'number':
      return `het getal ${value.value}`;
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
