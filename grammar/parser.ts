/**
 * The criteria grammar as a pure Chevrotain CstParser: it only recognises structure.
 * The AST is built by the visitor in src/dsl/visitor.ts; nothing is evaluated here.
 *
 *   expression    := andExpression ("of" andExpression)*
 *   andExpression := notExpression ("en" notExpression)*
 *   notExpression := "niet" notExpression | atom
 *   atom          := "(" expression ")" | countTest | factTest
 *   countTest     := "aantal" Identifier comparator NumberLiteral
 *   factTest      := Identifier test?
 *   test          := comparator value | "is" "niet"? value | "niet"? "in" list
 *                  | "tussen" value "en" value | "bevat" "niet"? value
 */
import { CstParser } from 'chevrotain';
import * as t from './tokens.js';

export class CriteriaParser extends CstParser {
  constructor() {
    super(t.allTokens, { recoveryEnabled: false, maxLookahead: 3 });
    this.performSelfAnalysis();
  }

  public expression = this.RULE('expression', () => {
    this.SUBRULE(this.andExpression, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(t.Of);
      this.SUBRULE2(this.andExpression, { LABEL: 'operands' });
    });
  });

  private andExpression = this.RULE('andExpression', () => {
    this.SUBRULE(this.notExpression, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(t.En);
      this.SUBRULE2(this.notExpression, { LABEL: 'operands' });
    });
  });

  private notExpression = this.RULE('notExpression', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Niet);
          this.SUBRULE(this.notExpression);
        },
      },
      { ALT: () => this.SUBRULE(this.atom) },
    ]);
  });

  private atom = this.RULE('atom', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.LParen);
          this.SUBRULE(this.expression);
          this.CONSUME(t.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.countTest) },
      { ALT: () => this.SUBRULE(this.factTest) },
    ]);
  });

  private countTest = this.RULE('countTest', () => {
    this.CONSUME(t.Aantal);
    this.CONSUME(t.Identifier);
    this.SUBRULE(this.comparator);
    this.CONSUME(t.NumberLiteral);
  });

  private factTest = this.RULE('factTest', () => {
    this.CONSUME(t.Identifier);
    this.OPTION(() => this.SUBRULE(this.test));
  });

  private test = this.RULE('test', () => {
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.comparator);
          this.SUBRULE(this.value);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Is);
          this.OPTION(() => this.CONSUME(t.Niet));
          this.SUBRULE2(this.value);
        },
      },
      {
        ALT: () => {
          this.OPTION2(() => this.CONSUME2(t.Niet));
          this.CONSUME(t.In);
          this.SUBRULE(this.list);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Tussen);
          this.SUBRULE3(this.value, { LABEL: 'low' });
          this.CONSUME(t.En);
          this.SUBRULE4(this.value, { LABEL: 'high' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Bevat);
          this.OPTION3(() => this.CONSUME3(t.Niet));
          this.SUBRULE5(this.value);
        },
      },
    ]);
  });

  private comparator = this.RULE('comparator', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.GreaterEqual) },
      { ALT: () => this.CONSUME(t.LessEqual) },
      { ALT: () => this.CONSUME(t.NotEqual) },
      { ALT: () => this.CONSUME(t.Greater) },
      { ALT: () => this.CONSUME(t.Less) },
      { ALT: () => this.CONSUME(t.Equal) },
      { ALT: () => this.CONSUME(t.Minimaal) },
      { ALT: () => this.CONSUME(t.Maximaal) },
    ]);
  });

  private value = this.RULE('value', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.NumberLiteral);
          this.OPTION(() => this.CONSUME(t.Identifier, { LABEL: 'unit' }));
        },
      },
      { ALT: () => this.CONSUME2(t.Identifier, { LABEL: 'label' }) },
      { ALT: () => this.CONSUME(t.Ja) },
      { ALT: () => this.CONSUME(t.Nee) },
    ]);
  });

  private list = this.RULE('list', () => {
    this.CONSUME(t.LBracket);
    this.SUBRULE(this.value, { LABEL: 'items' });
    this.MANY(() => {
      this.CONSUME(t.Comma);
      this.SUBRULE2(this.value, { LABEL: 'items' });
    });
    this.CONSUME(t.RBracket);
  });
}

/** One parser instance is reused: Chevrotain parsers are stateful but cheap to reset. */
export const criteriaParser = new CriteriaParser();
