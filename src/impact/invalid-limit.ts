/**
 * How many invalid profiles a population may have before a run fails (`--max-ongeldig`): a
 * number ("3": at most three) or a percentage of the profiles read ("1%"). An invalid profile
 * below the limit is reported and skipped; one real population with a typo in one row should
 * still give its report, while a file that is mostly wrong should not quietly shrink.
 */
export type InvalidLimit = { readonly kind: 'aantal'; readonly max: number } | { readonly kind: 'procent'; readonly max: number };

export const DEFAULT_INVALID_LIMIT: InvalidLimit = { kind: 'procent', max: 1 };

/** The limit a user wrote, or undefined when it is neither a whole number nor a percentage up to 100%. */
export function parseInvalidLimit(text: string): InvalidLimit | undefined {
  const trimmed = text.trim();
  if (/^\d{1,9}$/.test(trimmed)) return { kind: 'aantal', max: Number(trimmed) };
  const percent = /^(\d{1,3}(?:\.\d{1,6})?)\s*%$/.exec(trimmed);
  if (percent && Number(percent[1]) <= 100) return { kind: 'procent', max: Number(percent[1]) };
  return undefined;
}

export function invalidLimitText(limit: InvalidLimit): string {
  return limit.kind === 'aantal' ? String(limit.max) : `${String(limit.max).replace('.', ',')}%`;
}

/** Past the limit, with `invalid` of `read` profiles invalid. */
export function exceeds(limit: InvalidLimit, invalid: number, read: number): boolean {
  return limit.kind === 'aantal' ? invalid > limit.max : invalid * 100 > limit.max * read;
}
