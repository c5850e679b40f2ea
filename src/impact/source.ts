/**
 * What a population format yields, one entry at a time: a JSONL line still to be parsed (so that
 * workers can share the parsing), a profile value still to be validated
 * (with where its facts sit, for diagnostics), an already validated profile (a file of a folder),
 * an invalid entry that is skipped, or a fatal problem after which nothing more can be read
 * (an unknown CSV column, a quote that never closes).
 */
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { ProfileLocator } from '../vocabulary/profile.js';
import type { Profile } from '../vocabulary/types.js';

/** A line of a .jsonl population, not yet parsed: parsing may happen on a worker thread. */
export interface RawLine {
  readonly number: number;
  readonly text: string;
}

export type SourceItem =
  | { readonly kind: 'line'; readonly line: RawLine }
  | { readonly kind: 'value'; readonly id: string; readonly value: unknown; readonly locate: ProfileLocator }
  | { readonly kind: 'profile'; readonly id: string; readonly profile: Profile }
  | { readonly kind: 'invalid'; readonly at: Span; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'fatal'; readonly diagnostics: readonly Diagnostic[] };

export interface PopulationSource {
  items(): AsyncGenerator<SourceItem>;
  /** How much has been read, from 0 to 1. */
  progress(): number;
}

/** Longest line or CSV row read: a profile is a few kilobytes, so this only stops runaway input. */
export const MAX_LINE_BYTES = 1024 * 1024;
