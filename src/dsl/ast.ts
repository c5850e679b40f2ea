/**
 * The criteria AST: a discriminated union on `kind`. Offsets are relative to the criterion
 * text; src/dsl/parse.ts maps them to file positions.
 */
import { plainDecimal } from './number-literal.js';

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export type Comparator = '>=' | '<=' | '>' | '<' | '=' | '!=';

export type Value =
  | { readonly kind: 'number'; readonly value: number; readonly unit?: string; readonly range: TextRange }
  | { readonly kind: 'label'; readonly name: string; readonly range: TextRange }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly range: TextRange };

export interface NameRef {
  readonly name: string;
  readonly range: TextRange;
}

export type Expr =
  | { readonly kind: 'and'; readonly operands: readonly Expr[]; readonly range: TextRange }
  | { readonly kind: 'or'; readonly operands: readonly Expr[]; readonly range: TextRange }
  | { readonly kind: 'not'; readonly operand: Expr; readonly range: TextRange }
  /** A bare name: a yes/no fact ("woont_zelfstandig") or a shared definition. */
  | { readonly kind: 'name'; readonly ref: NameRef; readonly range: TextRange }
  | { readonly kind: 'compare'; readonly fact: NameRef; readonly op: Comparator; readonly value: Value; readonly range: TextRange }
  | { readonly kind: 'member'; readonly fact: NameRef; readonly negated: boolean; readonly values: readonly Value[]; readonly range: TextRange }
  | { readonly kind: 'between'; readonly fact: NameRef; readonly low: Value; readonly high: Value; readonly range: TextRange }
  | { readonly kind: 'contains'; readonly fact: NameRef; readonly negated: boolean; readonly value: Value; readonly range: TextRange }
  | { readonly kind: 'count'; readonly fact: NameRef; readonly op: Comparator; readonly count: number; readonly range: TextRange };

export function assertNever(value: never): never {
  throw new Error(`wijzer: unexpected ${JSON.stringify(value)}`);
}

export function renderValue(value: Value): string {
  switch (value.kind) {
    case 'number':
      // Without an exponent: the criteria language has none, so the text parses back.
      return value.unit ? `${plainDecimal(value.value)} ${value.unit}` : plainDecimal(value.value);
    case 'label':
      return value.name;
    case 'boolean':
      return value.value ? 'ja' : 'nee';
    default:
      return assertNever(value);
  }
}

/** Canonical text of an expression (used in explanations, diffs and round-trip tests). */
export function renderExpr(expr: Expr, parentPrecedence = 0): string {
  switch (expr.kind) {
    case 'or': {
      const text = expr.operands.map((o) => renderExpr(o, 1)).join(' of ');
      return parentPrecedence > 1 ? `(${text})` : text;
    }
    case 'and': {
      const text = expr.operands.map((o) => renderExpr(o, 2)).join(' en ');
      return parentPrecedence > 2 ? `(${text})` : text;
    }
    case 'not':
      return `niet ${renderExpr(expr.operand, 3)}`;
    case 'name':
      return expr.ref.name;
    case 'compare': {
      // Labels and yes/no read as Dutch ("is", "is niet"); numbers keep their comparison sign.
      const op = expr.value.kind === 'number' ? expr.op : expr.op === '=' ? 'is' : expr.op === '!=' ? 'is niet' : expr.op;
      return `${expr.fact.name} ${op} ${renderValue(expr.value)}`;
    }
    case 'member':
      return `${expr.fact.name} ${expr.negated ? 'niet in' : 'in'} [${expr.values.map(renderValue).join(', ')}]`;
    case 'between':
      return `${expr.fact.name} tussen ${renderValue(expr.low)} en ${renderValue(expr.high)}`;
    case 'contains':
      return `${expr.fact.name} bevat ${expr.negated ? 'niet ' : ''}${renderValue(expr.value)}`;
    case 'count':
      return `aantal ${expr.fact.name} ${expr.op} ${plainDecimal(expr.count)}`;
    default:
      return assertNever(expr);
  }
}

/** Names an expression mentions: bare names (yes/no facts or definitions) and compared facts. */
export function namesIn(expr: Expr): { readonly bare: string[]; readonly facts: string[] } {
  switch (expr.kind) {
    case 'and':
    case 'or': {
      const parts = expr.operands.map(namesIn);
      return { bare: parts.flatMap((p) => p.bare), facts: parts.flatMap((p) => p.facts) };
    }
    case 'not':
      return namesIn(expr.operand);
    case 'name':
      return { bare: [expr.ref.name], facts: [] };
    case 'compare':
    case 'member':
    case 'between':
    case 'contains':
    case 'count':
      return { bare: [], facts: [expr.fact.name] };
    default:
      return assertNever(expr);
  }
}
