/**
 * Number literals in criteria. The compiled rules are JSON read by other engines, so a literal
 * must mean after the round trip to JSON exactly what its author wrote. Two ways it can fail:
 * a literal beyond the double range becomes Infinity (serialised as `null`, which a bare engine
 * reads as 0), and a literal with more digits than a double holds silently becomes a nearby
 * number (9007199254740993 → 9007199254740992, 0.1000000000000000055511151231257827 → 0.1).
 * Both are rejected with the number that would have been used, so the author can fix the text.
 */

/** Whole numbers beyond this lose neighbours in a double, and overflow int64 readers' expectations. */
export const MAX_LITERAL = Number.MAX_SAFE_INTEGER;

export type LiteralReading =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly problem: 'te groot' }
  | { readonly ok: false; readonly problem: 'onnauwkeurig'; readonly value: number };

/**
 * The canonical form of a plain decimal (as the lexer accepts: `-?\d+(\.\d+)?`): no leading
 * zeros, no trailing fractional zeros, no sign on zero. Two texts denote the same number
 * exactly when their canonical forms are equal.
 */
export function canonicalDecimal(text: string): string {
  const negative = text.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const int = whole.replace(/^0+/, '') || '0';
  const frac = fraction.replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return negative && body !== '0' ? `-${body}` : body;
}

/** The shortest decimal that reads back as `value`, written without an exponent (1e-7 → 0.0000001). */
export function plainDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`wijzer: plainDecimal of ${value}`);
  const shortest = String(Object.is(value, -0) ? 0 : value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!match) return shortest;
  const [, sign = '', int = '', frac = '', exp = '0'] = match;
  const digits = int + frac;
  // Position of the decimal point within `digits` after applying the exponent.
  const point = int.length + Number(exp);
  const text =
    point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + canonicalDecimal(text);
}

/** Reads a literal, refusing one whose double is not exactly the number written. */
export function readNumberLiteral(image: string): LiteralReading {
  const parsed = Number(image);
  if (!Number.isFinite(parsed) || Math.abs(parsed) > MAX_LITERAL) return { ok: false, problem: 'te groot' };
  // -0 and 0 compare equal everywhere, but JSON writes -0 as 0: keep the one JSON keeps.
  const value = parsed === 0 ? 0 : parsed;
  if (canonicalDecimal(image) !== plainDecimal(value)) return { ok: false, problem: 'onnauwkeurig', value };
  return { ok: true, value };
}

/** A literal as shown in a message: long ones are cut, with their length, so a message stays one line. */
export function shownLiteral(image: string, max = 24): string {
  return image.length <= max ? image : `${image.slice(0, max)}… (${image.replace(/\D/g, '').length} cijfers)`;
}
