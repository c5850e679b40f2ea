/** Criterion text → AST, with syntax errors as located diagnostics. */
import type { IRecognitionException, IToken } from 'chevrotain';
import { criteriaLexer } from '../../grammar/tokens.js';
import { criteriaParser } from '../../grammar/parser.js';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { Expr } from './ast.js';
import { MAX_LITERAL, plainDecimal, readNumberLiteral, shownLiteral } from './number-literal.js';
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

/** Limits that keep a hostile criterion from exhausting the (recursive) parser. */
export const MAX_CRITERION_LENGTH = 4000;
export const MAX_NESTING = 64;

function nestingDepth(tokens: IToken[]): number {
  let depth = 0;
  let deepest = 0;
  let negations = 0;
  for (const token of tokens) {
    const name = token.tokenType.name;
    if (name === 'LParen') depth++;
    else if (name === 'RParen') depth--;
    else if (name === 'Niet') negations++;
    deepest = Math.max(deepest, depth + negations);
    if (name !== 'Niet' && name !== 'LParen') negations = 0;
  }
  return deepest;
}

export function parseCriterion(text: string, at: OffsetMapper): ParsedCriterion {
  if (text.trim() === '') return { diagnostics: [diag('WZ404', {}, at(0))] };
  if (text.length > MAX_CRITERION_LENGTH) return { diagnostics: [diag('WZ405', { what: 'lang', max: `${MAX_CRITERION_LENGTH} tekens` }, at(0))] };
  const lexed = criteriaLexer.tokenize(text);
  if (lexed.errors.length > 0) {
    return {
      diagnostics: lexed.errors.map((e) => diag('WZ401', { text: text.slice(e.offset, e.offset + e.length) }, at(e.offset))),
    };
  }
  const literalErrors = literalDiagnostics(lexed.tokens, at);
  if (literalErrors.length > 0) return { diagnostics: literalErrors };
  if (nestingDepth(lexed.tokens) > MAX_NESTING) return { diagnostics: [diag('WZ405', { what: 'diep genest', max: `${MAX_NESTING} niveaus` }, at(0))] };
  criteriaParser.input = lexed.tokens;
  const cst = criteriaParser.expression();
  const errors = criteriaParser.errors;
  if (errors.length > 0) {
    const error = errors[0]!;
    return { diagnostics: [syntaxError(error, lexed.tokens, text, at)] };
  }
  return { ast: astBuilder.visit(cst) as Expr, diagnostics: [] };
}

/** Every number literal must survive the round trip to JSON unchanged (see number-literal.ts). */
function literalDiagnostics(tokens: IToken[], at: OffsetMapper): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const token of tokens) {
    if (token.tokenType.name !== 'NumberLiteral') continue;
    const reading = readNumberLiteral(token.image);
    if (reading.ok) continue;
    const literal = shownLiteral(token.image);
    out.push(
      reading.problem === 'te groot'
        ? diag('WZ510', { literal, max: String(MAX_LITERAL) }, at(token.startOffset))
        : diag('WZ511', { literal, value: shownLiteral(plainDecimal(reading.value), 40) }, at(token.startOffset)),
    );
  }
  return out;
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
