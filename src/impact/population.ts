/**
 * A population of client profiles for impact analysis: a folder of profile files, a .jsonl file
 * (one JSON object per line) or a .csv file (see csv.ts). Populations stream: profiles are read,
 * validated and handed on one at a time, so memory does not grow with the population. An invalid
 * profile is reported (the first few) and skipped; the run fails past a limit (invalid-limit.ts),
 * after a fatal problem (an unknown CSV column), or when no valid profile remains.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { checkProfileValue, loadProfile } from '../vocabulary/profile.js';
import type { Profile, Vocabulary } from '../vocabulary/types.js';
import { csvSource } from './csv.js';
import { DEFAULT_INVALID_LIMIT, exceeds, invalidLimitText, type InvalidLimit } from './invalid-limit.js';
import { jsonlSource, parseJsonlLine } from './jsonl.js';
import type { PopulationSource, RawLine, SourceItem } from './source.js';

export interface PopulationProfile {
  readonly id: string;
  readonly profile: Profile;
}

/** A checked profile, or a .jsonl line whose parsing and checking is left to the reader (a worker). */
export type PopulationEntry = ({ readonly kind: 'profile' } & PopulationProfile) | { readonly kind: 'line'; readonly line: RawLine };

/** What checking a line gave, to be recorded by the Population that yielded it. */
export type LineOutcome = { readonly kind: 'valid'; readonly entry: PopulationProfile } | { readonly kind: 'invalid'; readonly at: Span; readonly diagnostics: readonly Diagnostic[] };

/** Parses and checks one .jsonl line; pure, so a worker thread can do it. */
export function checkLine(path: string, line: RawLine, vocabulary: Vocabulary): LineOutcome {
  const item = parseJsonlLine(path, line);
  if (item.kind === 'invalid') return { kind: 'invalid', at: item.at, diagnostics: item.diagnostics };
  if (item.kind !== 'value') throw new Error(`wijzer: a parsed line gave ${item.kind}`);
  const checked = checkProfileValue(item.value, vocabulary, item.locate);
  return checked.profile ? { kind: 'valid', entry: { id: item.id, profile: checked.profile } } : { kind: 'invalid', at: item.locate([]), diagnostics: checked.diagnostics };
}

/** Diagnostics of invalid profiles shown; the rest are counted. */
export const MAX_REPORTED_INVALID = 20;

export class Population {
  valid = 0;
  invalid = 0;
  /** Invalid entries by position in the population: lines checked on workers come back in any order. */
  private shown: { readonly order: number; readonly diagnostics: readonly Diagnostic[] }[] = [];
  private readonly fatal: Diagnostic[] = [];
  private lastInvalid: Span | undefined;
  private read = 0;

  constructor(
    readonly path: string,
    private readonly source: PopulationSource,
    private readonly vocabulary: Vocabulary,
    readonly limit: InvalidLimit = DEFAULT_INVALID_LIMIT,
  ) {}

  /** How much of the population has been read, from 0 to 1. */
  progress(): number {
    return this.source.progress();
  }

  /** Whether reading must stop (an unreadable source, or too many invalid profiles). */
  get stopped(): boolean {
    return this.fatal.length > 0;
  }

  /** The valid profiles, in the order of the source, checked on this thread. Read once. */
  async *profiles(): AsyncGenerator<PopulationProfile> {
    for await (const entry of this.entries()) {
      const profile = this.profileOf(entry);
      if (profile) yield profile;
      if (this.stopped) return;
    }
  }

  /**
   * The entries in source order, .jsonl lines unchecked: whoever checks one (checkLine) hands
   * the outcome to record(), with `order`, the entry's position in this sequence. Read once.
   */
  async *entries(): AsyncGenerator<PopulationEntry & { readonly order: number }> {
    for await (const item of this.source.items()) {
      const order = this.read++;
      switch (item.kind) {
        case 'line':
          yield { kind: 'line', line: item.line, order };
          break;
        case 'profile':
          this.valid++;
          yield { kind: 'profile', id: item.id, profile: item.profile, order };
          break;
        case 'value': {
          const checked = checkProfileValue(item.value, this.vocabulary, item.locate);
          if (checked.profile) {
            this.valid++;
            yield { kind: 'profile', id: item.id, profile: checked.profile, order };
          } else this.record({ kind: 'invalid', at: item.locate([]), diagnostics: checked.diagnostics }, order);
          break;
        }
        case 'invalid':
          this.record({ kind: 'invalid', at: item.at, diagnostics: item.diagnostics }, order);
          break;
        case 'fatal':
          this.fatal.push(...item.diagnostics);
          break;
      }
      if (this.stopped) return;
    }
  }

  /** The profile of an entry: a .jsonl line is checked on this thread and its outcome recorded. */
  profileOf(entry: PopulationEntry & { readonly order: number }): PopulationProfile | undefined {
    if (entry.kind === 'profile') return { id: entry.id, profile: entry.profile };
    const outcome = checkLine(this.path, entry.line, this.vocabulary);
    this.record(outcome, entry.order);
    return outcome.kind === 'valid' ? outcome.entry : undefined;
  }

  /** Lines checked elsewhere (a worker) that were valid. */
  countValid(count: number): void {
    this.valid += count;
  }

  /** Counts a checked line; an invalid one is reported (the first few by position) and skipped. */
  record(outcome: LineOutcome, order: number): void {
    if (outcome.kind === 'valid') {
      this.valid++;
      return;
    }
    this.invalid++;
    this.lastInvalid = outcome.at;
    this.shown.push({ order, diagnostics: outcome.diagnostics });
    if (this.shown.length > MAX_REPORTED_INVALID) this.shown = this.shown.sort((a, b) => a.order - b.order).slice(0, MAX_REPORTED_INVALID);
    // A number is known to be exceeded at once: stop reading. A percentage needs the whole file.
    if (this.limit.kind === 'aantal' && exceeds(this.limit, this.invalid, this.valid + this.invalid) && !this.stopped) this.fatal.push(this.tooMany());
  }

  /** The diagnostics of the first invalid profiles, in population order. */
  private shownDiagnostics(): Diagnostic[] {
    return this.shown
      .sort((a, b) => a.order - b.order)
      .flatMap((s) => s.diagnostics)
      .slice(0, MAX_REPORTED_INVALID);
  }

  private tooMany(): Diagnostic {
    return diag('WZ721', { invalid: this.invalid, read: this.valid + this.invalid, allowed: invalidLimitText(this.limit) }, this.lastInvalid);
  }

  /**
   * After reading: the diagnostics to show (invalid profiles first, then the verdict) and
   * whether the run may report. Call after profiles() has been read to the end.
   */
  outcome(): { ok: boolean; skipped: readonly Diagnostic[]; verdict: readonly Diagnostic[] } {
    const at = { file: this.path, line: 1, col: 1 };
    const shown = this.shownDiagnostics();
    if (this.fatal.length > 0) return { ok: false, skipped: shown, verdict: this.fatal };
    if (this.valid === 0) return { ok: false, skipped: shown, verdict: [diag('WZ720', { what: this.invalid > 0 ? 'geldige profielen' : 'profielen' }, at)] };
    if (exceeds(this.limit, this.invalid, this.valid + this.invalid)) return { ok: false, skipped: shown, verdict: [this.tooMany()] };
    if (this.invalid > 0) return { ok: true, skipped: shown, verdict: [diag('WZ722', { invalid: this.invalid, valid: this.valid, shown: shown.length })] };
    return { ok: true, skipped: [], verdict: [] };
  }
}

/** The files of a folder population, one profile each (YAML, or strict JSON for .json). */
function folderSource(folder: string, vocabulary: Vocabulary): PopulationSource {
  const files = readdirSync(folder).filter((n) => /\.(ya?ml|json)$/i.test(n)).sort();
  let done = 0;
  async function* items(): AsyncGenerator<SourceItem> {
    for (const name of files) {
      const path = join(folder, name);
      const loaded = loadProfile(path, vocabulary);
      done++;
      const errors = loaded.diagnostics.filter((d) => d.severity === 'fout');
      if (loaded.profile && errors.length === 0) yield { kind: 'profile', id: basename(name, extname(name)), profile: loaded.profile };
      else yield { kind: 'invalid', at: errors[0]?.span ?? { file: path, line: 1, col: 1 }, diagnostics: errors };
    }
  }
  return { items, progress: () => (files.length > 0 ? done / files.length : 1) };
}

/** Opens a population for streaming, or says why it cannot be read at all. */
export function openPopulation(path: string, vocabulary: Vocabulary, limit: InvalidLimit = DEFAULT_INVALID_LIMIT): { population?: Population; diagnostics: Diagnostic[] } {
  const at = { file: path, line: 1, col: 1 };
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return { diagnostics: [diag('WZ101', { path }, at)] };
  }
  if (stat.isDirectory()) return { population: new Population(path, folderSource(path, vocabulary), vocabulary, limit), diagnostics: [] };
  // A FIFO or device would block or never end; a population is a file on disk.
  if (!stat.isFile()) return { diagnostics: [diag('WZ109', { detail: 'dit is geen gewoon bestand' }, at)] };
  const extension = extname(path).toLowerCase();
  if (extension === '.jsonl' || extension === '.ndjson') return { population: new Population(path, jsonlSource(path, stat.size), vocabulary, limit), diagnostics: [] };
  if (extension === '.csv') return { population: new Population(path, csvSource(path, stat.size, vocabulary), vocabulary, limit), diagnostics: [] };
  return { diagnostics: [diag('WZ109', { detail: 'gebruik een map met profielen, een .jsonl- of een .csv-bestand' }, at)] };
}

/**
 * The whole population in memory, for small populations (tests, the examples); commands stream
 * through openPopulation. Profiles are given only when the population passes (see outcome()).
 */
export async function loadPopulation(path: string, vocabulary: Vocabulary, limit: InvalidLimit = DEFAULT_INVALID_LIMIT): Promise<{ profiles?: PopulationProfile[]; diagnostics: Diagnostic[]; skipped?: number }> {
  const opened = openPopulation(path, vocabulary, limit);
  if (!opened.population) return { diagnostics: opened.diagnostics };
  const profiles: PopulationProfile[] = [];
  for await (const profile of opened.population.profiles()) profiles.push(profile);
  const outcome = opened.population.outcome();
  const diagnostics = [...outcome.skipped, ...outcome.verdict];
  return outcome.ok ? { profiles, diagnostics, skipped: opened.population.invalid } : { diagnostics };
}
