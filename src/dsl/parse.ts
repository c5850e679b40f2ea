/** Criterion text → AST, with syntax errors as located diagnostics. */
import type { IRecognitionException, IToken } from 'chevrotain';
import { criteriaLexer } from '../../grammar/tokens.js';
import { criteriaParser } from '../../grammar/parser.js';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { Expr } from './ast.js';
import { astBuilder } from './visitor.js';

/** Maps an offset in the criterion text to a position in the user's file. */
export type OffsetMapper = (offset: number) => Span;

const TOKEN_WORDS: Record<string, string> = {
  Identifier: 'een naam',
  NumberLiteral: 'een getal',
  RParen: "')'",
  LParen: "'('",
  RBracket: "']'",
  LBracket: "'['",
  Comma: "','",
  En: "'en'",
  Of: "'of'",
  In: "'in'",
  EOF: 'het einde van de voorwaarde',
};

const RULE_EXPECTATIONS: Record<string, string> = {
  expression: "een feit, 'niet', 'aantal' of '('",
  andExpression: "een feit, 'niet', 'aantal' of '('",
  notExpression: "een feit, 'niet', 'aantal' of '('",
  atom: "een feit, 'niet', 'aantal' of '('",
  countTest: "'aantal', de naam van een lijst, een vergelijking (>=, <=, =, ...) en een getal",
  factTest: 'de naam van een feit of definitie',
  test: "een vergelijking: is, is niet, >=, <=, >, <, =, !=, in [..], tussen .. en .., bevat",
  comparator: 'een vergelijking (>=, <=, >, <, =, !=, minimaal, maximaal)',
  value: 'een waarde: een getal, een label, ja of nee',
  list: "een lijst als [a, b]",
};

function expectation(error: IRecognitionException): string {
  const expected = /-->\s*(\w+)\s*<--/.exec(error.message)?.[1];
  if (expected && TOKEN_WORDS[expected]) return TOKEN_WORDS[expected];
  const rule = error.context.ruleStack[error.context.ruleStack.length - 1] ?? 'expression';
  return RULE_EXPECTATIONS[rule] ?? 'iets anders';
}

export interface ParsedCriterion {
  readonly ast?: Expr;
  readonly diagnostics: Diagnostic[];
}

export function parseCriterion(text: string, at: OffsetMapper): ParsedCriterion {
  if (text.trim() === '') return { diagnostics: [diag('WZ404', {}, at(0))] };
  const lexed = criteriaLexer.tokenize(text);
  if (lexed.errors.length > 0) {
    return {
      diagnostics: lexed.errors.map((e) => diag('WZ401', { text: text.slice(e.offset, e.offset + e.length) }, at(e.offset))),
    };
  }
  criteriaParser.input = lexed.tokens;
  const cst = criteriaParser.expression();
  const errors = criteriaParser.errors;
  if (errors.length > 0) {
    const error = errors[0]!;
    return { diagnostics: [syntaxError(error, lexed.tokens, text, at)] };
  }
  return { ast: astBuilder.visit(cst) as Expr, diagnostics: [] };
}

function syntaxError(error: IRecognitionException, tokens: IToken[], text: string, at: OffsetMapper): Diagnostic {
  const token = error.token;
  // The EOF token has no position: it takes the end of the previous real token.
  if (token.tokenType.name === 'EOF' || Number.isNaN(token.startOffset)) {
    const last = tokens[tokens.length - 1];
    const offset = last ? (last.endOffset ?? last.startOffset) + 1 : text.length;
    return diag('WZ403', { expected: expectation(error) }, at(Math.min(offset, text.length)));
  }
  return diag('WZ402', { found: token.image, expected: expectation(error) }, at(token.startOffset));
}
