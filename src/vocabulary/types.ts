/** The fact vocabulary: every fact a client profile can hold, declared once under rules/. */
import type { Span } from '../diagnostics/diagnostic.js';

interface FactBase {
  readonly name: string;
  readonly omschrijving: string;
  readonly span: Span;
  /** Per-value explanations for advisors (scale and enumeration values). */
  readonly toelichting?: Readonly<Record<string, string>>;
  /** Catalogues that use the fact, as declared (kept current by scripts/update-gebruikt-in.ts). */
  readonly gebruiktIn?: readonly string[];
}

export type Fact =
  | (FactBase & { readonly kind: 'ja-nee' })
  | (FactBase & { readonly kind: 'getal'; readonly eenheid?: string; readonly minimum?: number; readonly maximum?: number })
  /** Ordered scale: labels from low to high. */
  | (FactBase & { readonly kind: 'schaal'; readonly labels: readonly string[] })
  /** Unordered enumeration: exactly one value. */
  | (FactBase & { readonly kind: 'keuze'; readonly labels: readonly string[] })
  /** A set of enumeration values (zero or more). */
  | (FactBase & { readonly kind: 'lijst'; readonly labels: readonly string[] });

export interface Vocabulary {
  readonly file: string;
  readonly facts: ReadonlyMap<string, Fact>;
}

export type FactValue = boolean | number | string | readonly string[];
export type Profile = Readonly<Record<string, FactValue>>;

const KIND_WORDS: Record<Fact['kind'], string> = {
  'ja-nee': 'een ja/nee-feit',
  getal: 'een getal',
  schaal: 'een schaal',
  keuze: 'een keuzelijst',
  lijst: 'een lijst',
};

export function describeKind(fact: Fact): string {
  return KIND_WORDS[fact.kind];
}
