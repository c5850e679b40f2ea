/**
 * Lowers a checked criterion to negation normal form over json-rules-engine's built-in
 * operators. Negation is pushed into the leaves, and every leaf is one that is *false* when
 * its fact is missing. That gives three-valued logic on a bare engine: a clause holds when
 * its positive form is true, fails when its negated form is true, and is unknown otherwise.
 */
import { assertNever, type Comparator, type Expr, type Value } from '../dsl/ast.js';
import type { Scope } from '../check/typecheck.js';
import { MAX_DEFINITION_LEVELS } from '../check/expansion.js';
import type { Fact } from '../vocabulary/types.js';

export type LeafOperator =
  | 'equal'
  | 'in'
  | 'contains'
  | 'doesNotContain'
  | 'lessThan'
  | 'lessThanInclusive'
  | 'greaterThan'
  | 'greaterThanInclusive';

export interface Leaf {
  readonly kind: 'leaf';
  readonly fact: string;
  readonly operator: LeafOperator;
  readonly value: boolean | number | string | readonly (string | number)[];
  /** Set for `aantal`: the engine reads the list's length through a JSONPath. */
  readonly path?: '$.length';
  /** Definitions this leaf was reached through, outermost first (shown in explanations). */
  readonly via: readonly string[];
}

export type Cond = { readonly kind: 'all'; readonly items: readonly Cond[] } | { readonly kind: 'any'; readonly items: readonly Cond[] } | Leaf;

const NUMERIC: Record<Comparator, LeafOperator | undefined> = {
  '>=': 'greaterThanInclusive',
  '<=': 'lessThanInclusive',
  '>': 'greaterThan',
  '<': 'lessThan',
  '=': 'equal',
  '!=': undefined,
};

const NEGATE: Record<Comparator, Comparator> = { '>=': '<', '<=': '>', '>': '<=', '<': '>=', '=': '!=', '!=': '=' };

function all(items: Cond[]): Cond {
  return items.length === 1 ? items[0]! : { kind: 'all', items };
}

function any(items: Cond[]): Cond {
  return items.length === 1 ? items[0]! : { kind: 'any', items };
}

export function lower(expr: Expr, scope: Scope, positive = true, via: readonly string[] = []): Cond {
  const factOf = (name: string): Fact => {
    const fact = scope.vocabulary.facts.get(name);
    if (!fact) throw new Error(`wijzer: lowering unchecked criterion (unknown fact ${name})`);
    return fact;
  };
  switch (expr.kind) {
    case 'and': {
      const items = expr.operands.map((o) => lower(o, scope, positive, via));
      return positive ? all(items) : any(items);
    }
    case 'or': {
      const items = expr.operands.map((o) => lower(o, scope, positive, via));
      return positive ? any(items) : all(items);
    }
    case 'not':
      return lower(expr.operand, scope, !positive, via);
    case 'name': {
      const definition = scope.definitions.get(expr.ref.name);
      if (definition?.ast) {
        // check (src/check/expansion.ts) bounds how far definitions nest and how large they get
        // written out; deeper than that here means an unchecked criterion (a cycle), i.e. a bug.
        if (via.length >= MAX_DEFINITION_LEVELS) throw new Error(`wijzer: lowering unchecked criterion (definitions nested beyond ${MAX_DEFINITION_LEVELS} via ${via.slice(0, 5).join(' → ')} …)`);
        return lower(definition.ast, scope, positive, [...via, definition.name]);
      }
      return { kind: 'leaf', fact: factOf(expr.ref.name).name, operator: 'equal', value: positive, via };
    }
    case 'compare':
      return compare(factOf(expr.fact.name), positive ? expr.op : NEGATE[expr.op], expr.value, via);
    case 'member': {
      const fact = factOf(expr.fact.name);
      const wanted = positive !== expr.negated;
      if (fact.kind === 'getal') {
        const items = expr.values.map((v) => compare(fact, wanted ? '=' : '!=', v, via));
        return wanted ? any(items) : all(items);
      }
      const named = expr.values.map(labelOf);
      return labelsIn(fact, wanted ? named : labelsOf(fact).filter((l) => !named.includes(l)), via);
    }
    case 'between': {
      const fact = factOf(expr.fact.name);
      if (fact.kind === 'schaal') {
        const labels = fact.labels;
        const lo = labels.indexOf(labelOf(expr.low));
        const hi = labels.indexOf(labelOf(expr.high));
        const inside = labels.filter((_, i) => i >= lo && i <= hi);
        return labelsIn(fact, positive ? inside : labels.filter((l) => !inside.includes(l)), via);
      }
      return positive
        ? all([compare(fact, '>=', expr.low, via), compare(fact, '<=', expr.high, via)])
        : any([compare(fact, '<', expr.low, via), compare(fact, '>', expr.high, via)]);
    }
    case 'contains': {
      const fact = factOf(expr.fact.name);
      const wanted = positive !== expr.negated;
      return { kind: 'leaf', fact: fact.name, operator: wanted ? 'contains' : 'doesNotContain', value: labelOf(expr.value), via };
    }
    case 'count': {
      const fact = factOf(expr.fact.name);
      const op = positive ? expr.op : NEGATE[expr.op];
      if (op === '!=') {
        return any([
          { kind: 'leaf', fact: fact.name, path: '$.length', operator: 'lessThan', value: expr.count, via },
          { kind: 'leaf', fact: fact.name, path: '$.length', operator: 'greaterThan', value: expr.count, via },
        ]);
      }
      return { kind: 'leaf', fact: fact.name, path: '$.length', operator: NUMERIC[op]!, value: expr.count, via };
    }
    default:
      return assertNever(expr);
  }
}

function labelOf(value: Value): string {
  if (value.kind !== 'label') throw new Error('wijzer: lowering unchecked criterion (label expected)');
  return value.name;
}

function labelsOf(fact: Fact): readonly string[] {
  return 'labels' in fact ? fact.labels : [];
}

function labelsIn(fact: Fact, labels: readonly string[], via: readonly string[]): Leaf {
  return labels.length === 1
    ? { kind: 'leaf', fact: fact.name, operator: 'equal', value: labels[0]!, via }
    : { kind: 'leaf', fact: fact.name, operator: 'in', value: labels, via };
}

function compare(fact: Fact, op: Comparator, value: Value, via: readonly string[]): Cond {
  switch (fact.kind) {
    case 'ja-nee': {
      if (value.kind !== 'boolean') throw new Error('wijzer: lowering unchecked criterion (boolean expected)');
      return { kind: 'leaf', fact: fact.name, operator: 'equal', value: op === '=' ? value.value : !value.value, via };
    }
    case 'getal': {
      if (value.kind !== 'number') throw new Error('wijzer: lowering unchecked criterion (number expected)');
      if (op === '!=') {
        return any([
          { kind: 'leaf', fact: fact.name, operator: 'lessThan', value: value.value, via },
          { kind: 'leaf', fact: fact.name, operator: 'greaterThan', value: value.value, via },
        ]);
      }
      return { kind: 'leaf', fact: fact.name, operator: NUMERIC[op]!, value: value.value, via };
    }
    case 'schaal': {
      const index = fact.labels.indexOf(labelOf(value));
      const keep = (i: number): boolean =>
        op === '>=' ? i >= index : op === '<=' ? i <= index : op === '>' ? i > index : op === '<' ? i < index : op === '=' ? i === index : i !== index;
      return labelsIn(fact, fact.labels.filter((_, i) => keep(i)), via);
    }
    case 'keuze': {
      const label = labelOf(value);
      return labelsIn(fact, op === '=' ? [label] : fact.labels.filter((l) => l !== label), via);
    }
    case 'lijst':
      throw new Error('wijzer: lowering unchecked criterion (comparison on a list)');
    default:
      return assertNever(fact);
  }
}

/** Leaves in depth-first order: the same order json-rules-engine reports condition results in. */
export function leavesOf(cond: Cond): Leaf[] {
  return cond.kind === 'leaf' ? [cond] : cond.items.flatMap(leavesOf);
}
