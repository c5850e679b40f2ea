/**
 * Criteria spacing: a criterion is re-printed from the tokens of the project's own lexer
 * (grammar/tokens.ts), one space between tokens, none inside brackets or before a comma. Only
 * whitespace between tokens on one line changes: the token images, the line breaks and the
 * indentation at the start of each line (the author's layout of a long criterion) stay. The
 * result is used only when it lexes to the same tokens and parses to the same AST (positions
 * aside); a criterion that does not parse is left as it is, so `wijzer check` still reports it
 * where the author wrote it.
 */
import type { IToken } from 'chevrotain';
import { isDeepStrictEqual } from 'node:util';
import { criteriaLexer } from '../../grammar/tokens.js';
import { parseCriterion } from '../dsl/parse.js';

const NO_SPACE_AFTER = new Set(['LParen', 'LBracket']);
const NO_SPACE_BEFORE = new Set(['RParen', 'RBracket', 'Comma']);

/** The canonical spacing of `text`, or `text` itself when it cannot be re-spaced safely. */
export function normalizeCriterion(text: string): string {
  const lexed = criteriaLexer.tokenize(text);
  if (lexed.errors.length > 0 || lexed.tokens.length === 0) return text;
  const before = astWithoutPositions(text);
  if (before === undefined) return text;
  const out = respace(text, lexed.tokens);
  if (out === text) return text;
  const after = criteriaLexer.tokenize(out);
  if (after.errors.length > 0 || !sameTokens(lexed.tokens, after.tokens)) return text;
  return isDeepStrictEqual(astWithoutPositions(out), before) ? out : text;
}

function respace(text: string, tokens: readonly IToken[]): string {
  const first = tokens[0]!;
  let out = text.slice(0, first.startOffset);
  let previous = first;
  out += first.image;
  for (const token of tokens.slice(1)) {
    const gap = text.slice(previous.startOffset + previous.image.length, token.startOffset);
    const lineBreak = gap.lastIndexOf('\n');
    if (lineBreak >= 0) {
      // A line break between tokens stays, with the indentation of the next line.
      const trimmed = gap.slice(0, lineBreak).replace(/[ \t]+(?=\n|$)/g, '');
      out += `${trimmed}\n${gap.slice(lineBreak + 1)}`;
    } else if (!NO_SPACE_AFTER.has(previous.tokenType.name) && !NO_SPACE_BEFORE.has(token.tokenType.name)) {
      out += ' ';
    }
    out += token.image;
    previous = token;
  }
  return out + text.slice(previous.startOffset + previous.image.length);
}

function sameTokens(a: readonly IToken[], b: readonly IToken[]): boolean {
  return a.length === b.length && a.every((token, i) => token.tokenType === b[i]!.tokenType && token.image === b[i]!.image);
}

/** The AST of a criterion with every `range` removed, or undefined when it does not parse. */
export function astWithoutPositions(text: string): unknown {
  const parsed = parseCriterion(text, () => ({ file: '', line: 1, col: 1 }));
  return parsed.ast ? stripRanges(parsed.ast) : undefined;
}

function stripRanges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripRanges);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'range').map(([key, v]) => [key, stripRanges(v)]));
}
