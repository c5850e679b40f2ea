/** Builds the AST from Chevrotain's CST. Pure construction: no lookups, no evaluation. */
import type { CstNode, IToken } from 'chevrotain';
import { criteriaParser } from '../../grammar/parser.js';
import type * as cst from '../../grammar/cst.js';
import type { Comparator, Expr, NameRef, TextRange, Value } from './ast.js';
import { readNumberLiteral } from './number-literal.js';

const BaseVisitor = criteriaParser.getBaseCstVisitorConstructor();

function tokenRange(token: IToken): TextRange {
  return { start: token.startOffset, end: (token.endOffset ?? token.startOffset) + 1 };
}

function join(a: TextRange, b: TextRange): TextRange {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

function nameRef(token: IToken): NameRef {
  return { name: token.image, range: tokenRange(token) };
}

/** The parser has already refused literals that do not survive JSON (src/dsl/parse.ts). */
function numberOf(token: IToken): number {
  const reading = readNumberLiteral(token.image);
  if (!reading.ok) throw new Error(`wijzer: building an AST with an unchecked number literal ${token.image.slice(0, 40)}`);
  return reading.value;
}

function first<T>(items: readonly T[] | undefined): T {
  const item = items?.[0];
  if (item === undefined) throw new Error('wijzer: CST node missing a child the grammar guarantees');
  return item;
}

class AstBuilder extends BaseVisitor {
  constructor() {
    super();
    this.validateVisitor();
  }

  expression(children: cst.ExpressionCstChildren): Expr {
    const operands = children.operands.map((node) => this.visit(node) as Expr);
    if (operands.length === 1) return first(operands);
    return { kind: 'or', operands, range: join(first(operands).range, operands[operands.length - 1]!.range) };
  }

  andExpression(children: cst.AndExpressionCstChildren): Expr {
    const operands = children.operands.map((node) => this.visit(node) as Expr);
    if (operands.length === 1) return first(operands);
    return { kind: 'and', operands, range: join(first(operands).range, operands[operands.length - 1]!.range) };
  }

  notExpression(children: cst.NotExpressionCstChildren): Expr {
    if (children.Niet) {
      const operand = this.visit(first(children.notExpression)) as Expr;
      return { kind: 'not', operand, range: join(tokenRange(first(children.Niet)), operand.range) };
    }
    return this.visit(first(children.atom)) as Expr;
  }

  atom(children: cst.AtomCstChildren): Expr {
    if (children.expression) {
      const inner = this.visit(first(children.expression)) as Expr;
      // Parentheses widen the range so carets point at the whole group.
      return { ...inner, range: join(tokenRange(first(children.LParen)), tokenRange(first(children.RParen))) };
    }
    if (children.countTest) return this.visit(first(children.countTest)) as Expr;
    return this.visit(first(children.factTest)) as Expr;
  }

  countTest(children: cst.CountTestCstChildren): Expr {
    const numberToken = first(children.NumberLiteral);
    return {
      kind: 'count',
      fact: nameRef(first(children.Identifier)),
      op: this.visit(first(children.comparator)) as Comparator,
      count: numberOf(numberToken),
      range: join(tokenRange(first(children.Aantal)), tokenRange(numberToken)),
    };
  }

  factTest(children: cst.FactTestCstChildren): Expr {
    const fact = nameRef(first(children.Identifier));
    if (!children.test) return { kind: 'name', ref: fact, range: fact.range };
    return this.visit(first(children.test), fact) as Expr;
  }

  test(children: cst.TestCstChildren, fact: NameRef): Expr {
    const negated = (children.Niet?.length ?? 0) > 0;
    if (children.comparator) {
      const value = this.visit(first(children.value)) as Value;
      return { kind: 'compare', fact, op: this.visit(first(children.comparator)) as Comparator, value, range: join(fact.range, value.range) };
    }
    if (children.Is) {
      const value = this.visit(first(children.value)) as Value;
      return { kind: 'compare', fact, op: negated ? '!=' : '=', value, range: join(fact.range, value.range) };
    }
    if (children.list) {
      const list = first(children.list);
      const values = (list.children as cst.ListCstChildren).items.map((node: CstNode) => this.visit(node) as Value);
      return { kind: 'member', fact, negated, values, range: join(fact.range, tokenRange(first((list.children as cst.ListCstChildren).RBracket))) };
    }
    if (children.Tussen) {
      const low = this.visit(first(children.low)) as Value;
      const high = this.visit(first(children.high)) as Value;
      return { kind: 'between', fact, low, high, range: join(fact.range, high.range) };
    }
    const value = this.visit(first(children.value)) as Value;
    return { kind: 'contains', fact, negated, value, range: join(fact.range, value.range) };
  }

  comparator(children: cst.ComparatorCstChildren): Comparator {
    if (children.GreaterEqual || children.Minimaal) return '>=';
    if (children.LessEqual || children.Maximaal) return '<=';
    if (children.NotEqual) return '!=';
    if (children.Greater) return '>';
    if (children.Less) return '<';
    return '=';
  }

  value(children: cst.ValueCstChildren): Value {
    if (children.NumberLiteral) {
      const token = first(children.NumberLiteral);
      const unit = children.unit?.[0];
      return {
        kind: 'number',
        value: numberOf(token),
        ...(unit ? { unit: unit.image } : {}),
        range: unit ? join(tokenRange(token), tokenRange(unit)) : tokenRange(token),
      };
    }
    if (children.label) return { kind: 'label', name: first(children.label).image, range: tokenRange(first(children.label)) };
    const token = first(children.Ja ?? children.Nee);
    return { kind: 'boolean', value: Boolean(children.Ja), range: tokenRange(token) };
  }

  list(): never {
    throw new Error('wijzer: list is visited through test()');
  }
}

export const astBuilder = new AstBuilder();
