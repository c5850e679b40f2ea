/**
 * Tokens of the criteria language. Keywords are Dutch; they win over identifiers only when
 * the whole word matches (longer_alt), so a fact may be called `inzicht` or `eenheid`.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

export const Identifier = createToken({ name: 'Identifier', pattern: /[a-zA-Z_\u00C0-\u024F][a-zA-Z0-9_\u00C0-\u024F]*/ });

function keyword(name: string, word: string): TokenType {
  return createToken({ name, pattern: new RegExp(word), longer_alt: Identifier });
}

export const En = keyword('En', 'en');
export const Of = keyword('Of', 'of');
export const Niet = keyword('Niet', 'niet');
export const Is = keyword('Is', 'is');
export const In = keyword('In', 'in');
export const Tussen = keyword('Tussen', 'tussen');
export const Bevat = keyword('Bevat', 'bevat');
export const Aantal = keyword('Aantal', 'aantal');
export const Ja = keyword('Ja', 'ja');
export const Nee = keyword('Nee', 'nee');
export const Minimaal = keyword('Minimaal', 'minimaal');
export const Maximaal = keyword('Maximaal', 'maximaal');

export const GreaterEqual = createToken({ name: 'GreaterEqual', pattern: />=|≥/ });
export const LessEqual = createToken({ name: 'LessEqual', pattern: /<=|≤/ });
export const NotEqual = createToken({ name: 'NotEqual', pattern: /!=|≠/ });
export const Greater = createToken({ name: 'Greater', pattern: />/ });
export const Less = createToken({ name: 'Less', pattern: /</ });
export const Equal = createToken({ name: 'Equal', pattern: /=/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /]/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
// Decimal point only: a comma separates list items, so "4,9" would be ambiguous in "[4,9]".
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /-?\d+(?:\.\d+)?/ });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });

/** Order matters: keywords before Identifier, two-character operators before one-character ones. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  GreaterEqual, LessEqual, NotEqual, Greater, Less, Equal,
  LParen, RParen, LBracket, RBracket, Comma,
  NumberLiteral,
  En, Of, Niet, Is, In, Tussen, Bevat, Aantal, Ja, Nee, Minimaal, Maximaal,
  Identifier,
];

export const RESERVED_WORDS = ['en', 'of', 'niet', 'is', 'in', 'tussen', 'bevat', 'aantal', 'ja', 'nee', 'minimaal', 'maximaal'];

export const criteriaLexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });
