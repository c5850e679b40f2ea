/**
 * --peildatum and --tot for the commands that compare two versions (diff, impact): the first
 * version as it applies on --peildatum, the second on --tot (default: the same date).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { peildatumOf } from '../catalogue/validity.js';

export const DATE_PAIR_OPTIONS = { peildatum: { type: 'string' }, tot: { type: 'string' } } as const;

export interface DatePair {
  /** Undefined: neither option given (the caller decides: diff compares the folders as they are). */
  readonly from?: string;
  readonly to?: string;
  readonly error?: Diagnostic;
}

export function datePair(values: Record<string, unknown>, env: Readonly<Record<string, string | undefined>>, defaultToday: boolean): DatePair {
  const given = values['peildatum'] !== undefined || values['tot'] !== undefined;
  if (!given && !defaultToday) return {};
  const from = peildatumOf(values['peildatum'], env);
  if (from.error) return { error: from.error };
  const to = values['tot'] !== undefined ? peildatumOf(values['tot'], env, '--tot') : from;
  if (to.error) return { error: to.error };
  return { from: from.date!, to: to.date! };
}
