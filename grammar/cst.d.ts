import type { CstNode, ICstVisitor, IToken } from "chevrotain";

export interface ExpressionCstNode extends CstNode {
  name: "expression";
  children: ExpressionCstChildren;
}

export type ExpressionCstChildren = {
  operands: (AndExpressionCstNode)[];
  Of?: IToken[];
};

export interface AndExpressionCstNode extends CstNode {
  name: "andExpression";
  children: AndExpressionCstChildren;
}

export type AndExpressionCstChildren = {
  operands: (NotExpressionCstNode)[];
  En?: IToken[];
};

export interface NotExpressionCstNode extends CstNode {
  name: "notExpression";
  children: NotExpressionCstChildren;
}

export type NotExpressionCstChildren = {
  Niet?: IToken[];
  notExpression?: NotExpressionCstNode[];
  atom?: AtomCstNode[];
};

export interface AtomCstNode extends CstNode {
  name: "atom";
  children: AtomCstChildren;
}

export type AtomCstChildren = {
  LParen?: IToken[];
  expression?: ExpressionCstNode[];
  RParen?: IToken[];
  countTest?: CountTestCstNode[];
  factTest?: FactTestCstNode[];
};

export interface CountTestCstNode extends CstNode {
  name: "countTest";
  children: CountTestCstChildren;
}

export type CountTestCstChildren = {
  Aantal: IToken[];
  Identifier: IToken[];
  comparator: ComparatorCstNode[];
  NumberLiteral: IToken[];
};

export interface FactTestCstNode extends CstNode {
  name: "factTest";
  children: FactTestCstChildren;
}

export type FactTestCstChildren = {
  Identifier: IToken[];
  test?: TestCstNode[];
};

export interface TestCstNode extends CstNode {
  name: "test";
  children: TestCstChildren;
}

export type TestCstChildren = {
  comparator?: ComparatorCstNode[];
  value?: (ValueCstNode)[];
  Is?: IToken[];
  Niet?: (IToken)[];
  In?: IToken[];
  list?: ListCstNode[];
  Tussen?: IToken[];
  low?: ValueCstNode[];
  En?: IToken[];
  high?: ValueCstNode[];
  Bevat?: IToken[];
};

export interface ComparatorCstNode extends CstNode {
  name: "comparator";
  children: ComparatorCstChildren;
}

export type ComparatorCstChildren = {
  GreaterEqual?: IToken[];
  LessEqual?: IToken[];
  NotEqual?: IToken[];
  Greater?: IToken[];
  Less?: IToken[];
  Equal?: IToken[];
  Minimaal?: IToken[];
  Maximaal?: IToken[];
};

export interface ValueCstNode extends CstNode {
  name: "value";
  children: ValueCstChildren;
}

export type ValueCstChildren = {
  NumberLiteral?: IToken[];
  unit?: IToken[];
  label?: IToken[];
  Ja?: IToken[];
  Nee?: IToken[];
};

export interface ListCstNode extends CstNode {
  name: "list";
  children: ListCstChildren;
}

export type ListCstChildren = {
  LBracket: IToken[];
  items: (ValueCstNode)[];
  Comma?: IToken[];
  RBracket: IToken[];
};

export interface ICstNodeVisitor<IN, OUT> extends ICstVisitor<IN, OUT> {
  expression(children: ExpressionCstChildren, param?: IN): OUT;
  andExpression(children: AndExpressionCstChildren, param?: IN): OUT;
  notExpression(children: NotExpressionCstChildren, param?: IN): OUT;
  atom(children: AtomCstChildren, param?: IN): OUT;
  countTest(children: CountTestCstChildren, param?: IN): OUT;
  factTest(children: FactTestCstChildren, param?: IN): OUT;
  test(children: TestCstChildren, param?: IN): OUT;
  comparator(children: ComparatorCstChildren, param?: IN): OUT;
  value(children: ValueCstChildren, param?: IN): OUT;
  list(children: ListCstChildren, param?: IN): OUT;
}
