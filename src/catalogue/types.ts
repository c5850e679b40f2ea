/** A loaded catalogue: a region and its products, with positions kept for diagnostics. */
import type { Span } from '../diagnostics/diagnostic.js';
import type { Expr } from '../dsl/ast.js';
import type { OffsetMapper } from '../dsl/parse.js';
import type { Domain } from './productcode.js';

export interface Clause {
  readonly id: string;
  readonly text: string;
  readonly reden: string;
  readonly bron: string;
  /** Why a voorwaarde stays although its quote names a possibility or an example (WZ317). */
  readonly keuze?: string;
  /** Uitsluitingen only (the schema allows it nowhere else): where to refer the client instead. */
  readonly verwijzing?: Bestemming;
  /** The clause counts from / until this date (JJJJ-MM-DD or 'onbekend'; see validity.ts). */
  readonly geldig_vanaf?: string;
  readonly geldig_tot?: string;
  readonly ast?: Expr;
  readonly at: OffsetMapper;
  readonly span: Span;
}

/** Where a client goes instead: a product of the catalogue, a family of it, or a provision outside it. */
export type Bestemming =
  | { readonly kind: 'product'; readonly product: string }
  | { readonly kind: 'familie'; readonly familie: string }
  | { readonly kind: 'buiten-catalogus'; readonly naam: string };

/** The referral target as one key (product id, family id or the outside provision's name). */
export function bestemmingKey(b: Bestemming): string {
  switch (b.kind) {
    case 'product':
      return b.product;
    case 'familie':
      return b.familie;
    case 'buiten-catalogus':
      return b.naam;
  }
}

/**
 * The four kinds of statement a source document makes about a product:
 *  - voorwaarde: when the product is for the client; must hold;
 *  - uitsluiting: when it is not; applies → uitgesloten;
 *  - kenmerk: typical or example (never required; supporting or deviating evidence);
 *  - limiet: what a beschikking may grant (see Limiet; not a clause).
 * 'alternatief' is the of_als of a combination rule.
 */
export type ClauseKind = 'voorwaarde' | 'uitsluiting' | 'kenmerk' | 'alternatief';

export interface KindedClause {
  readonly kind: ClauseKind;
  readonly clause: Clause;
  /** Data path of the clause in the product file. */
  readonly path: readonly (string | number)[];
}

/** Every clause of a product with its kind, in file order: the one walk all stages share. */
export function clausesOf(product: Product): KindedClause[] {
  return [
    ...product.voorwaarden.map((clause, i) => ({ kind: 'voorwaarde' as const, clause, path: ['indicatie', 'voorwaarden', i] })),
    ...product.uitsluitingen.map((clause, i) => ({ kind: 'uitsluiting' as const, clause, path: ['indicatie', 'uitsluitingen', i] })),
    ...product.kenmerken.map((clause, i) => ({ kind: 'kenmerk' as const, clause, path: ['indicatie', 'kenmerken', i] })),
    ...(product.combinatie?.of_als ? [{ kind: 'alternatief' as const, clause: product.combinatie.of_als, path: ['combinatie', 'of_als'] }] : []),
  ];
}

/** Units a limit can be expressed in; the unit of the requested amount must match. */
export type LimietEenheid = Hoeveelheid['eenheid'];

/** The periods a product's iWmo/iJw frequentie can name (those with a code; traject/indicatie: totaal). */
export type Frequentie = 'dag' | 'week' | 'maand' | 'traject' | 'indicatie';

/**
 * What a beschikking may grant. A limit is a product attribute, never a question to the client:
 * it is checked only against a requested amount the profile states (its `feit`).
 *  - indicatieduur: the validity period of the beschikking;
 *  - volume: units per period or per traject.
 * A richtwaarde warns when exceeded; otherwise an excess makes the product niet passend.
 */
export type Limiet =
  | (LimietBase & { readonly kind: 'indicatieduur' })
  | (LimietBase & { readonly kind: 'volume'; readonly per: 'dag' | 'week' | 'maand' | 'jaar' | 'traject' | 'indicatie' });

interface LimietBase {
  readonly id: string;
  readonly maximum?: Hoeveelheid;
  readonly minimum?: Hoeveelheid;
  readonly richtwaarde: boolean;
  /** The profile fact holding the requested amount. */
  readonly feit: string;
  /** The limit applies only in this situation (a criterion); unknown situation → not checked. */
  readonly alleenAls?: Clause;
  readonly reden: string;
  readonly bron: string;
  readonly span: Span;
}

/** A provider that offers this product must also offer these (aanbieder.ook_bieden). */
export interface AanbiederVerplichting {
  readonly ookBieden: readonly string[];
  readonly reden?: string;
  readonly bron: string;
  readonly span: Span;
}

/** Family-wide agreements from regio.yaml. */
export interface Familie {
  readonly id: string;
  /** The document leaves the level to the toegang: the family fits, the level is chosen by this rule. */
  readonly niveaukeuze?: { readonly regel: string; readonly bron: string };
  /** A provider offering one level must offer all levels. */
  readonly aanbiederBiedtAlleNiveaus?: { readonly bron: string };
  readonly span: Span;
}

export interface Keuze {
  readonly onderwerp: string;
  readonly keuze: string;
  readonly citaten: readonly string[];
  readonly span: Span;
}

export interface Hoeveelheid {
  readonly aantal: number;
  readonly eenheid: 'uur' | 'minuut' | 'dag' | 'week' | 'maand' | 'jaar' | 'dagdeel' | 'sessie' | 'etmaal' | 'rit' | 'kilometer' | 'traject';
}

export interface Vervolg {
  readonly product?: string;
  readonly buiten_catalogus?: string;
  readonly richting?: 'afschalen' | 'opschalen' | 'gelijk' | 'anders';
  readonly bron: string;
  readonly span: Span;
}

export interface Norm {
  readonly onderwerp: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly waarde?: number;
  readonly eenheid?: string;
  readonly per?: string;
  readonly omschrijving?: string;
  readonly bron: string;
}

export interface Combinatie {
  readonly vereist_een_van: readonly string[];
  /** An alternative situation (criteria text) that also satisfies the requirement. */
  readonly of_als?: Clause;
  readonly reden: string;
  readonly bron: string;
  readonly span: Span;
}

export interface Product {
  readonly id: string;
  readonly naam: string;
  readonly file: string;
  readonly span: Span;
  /** Position of any part of the product file, by data path (for diagnostics). */
  readonly locate: (path: readonly (string | number)[], which?: 'key' | 'value') => Span;
  readonly productcodes: Readonly<Partial<Record<Domain, readonly string[]>>>;
  readonly eenheid: string;
  readonly eenheid_omschrijving?: string;
  /** iWmo/iJw frequentie, only where the source document states it (code and name: productFrequentie in limits.ts). */
  readonly frequentie?: { readonly per: Frequentie; readonly bron: string };
  readonly familie?: string;
  readonly niveau?: number;
  readonly variant?: string;
  readonly functiemix?: readonly { readonly opleiding: string; readonly percentage: number; readonly omschrijving?: string; readonly bron?: string }[];
  readonly normen?: readonly Norm[];
  readonly groep?: { readonly inwoners_per_begeleider?: number; readonly maximale_groepsgrootte?: number; readonly bron?: string };
  readonly duur?: { readonly omschrijving?: string; readonly minimum?: Hoeveelheid; readonly maximum?: Hoeveelheid; readonly bron?: string };
  readonly locatie?: string;
  readonly beschrijving?: Readonly<Record<string, string>>;
  readonly vervolg: readonly Vervolg[];
  readonly combinatie?: Combinatie;
  readonly voorwaarden: readonly Clause[];
  readonly uitsluitingen: readonly Clause[];
  readonly kenmerken: readonly Clause[];
  readonly limieten: readonly Limiet[];
  readonly aanbieder?: AanbiederVerplichting;
  readonly keuzes: readonly Keuze[];
  /** Valid from / until (JJJJ-MM-DD or 'onbekend'); absent: as long as the region (see validity.ts). */
  readonly geldig_vanaf?: string;
  readonly geldig_tot?: string;
}

export interface Region {
  readonly naam: string;
  readonly organisatie: string;
  readonly bron: { readonly titel: string; readonly document: string; readonly datum?: string };
  readonly geldig_vanaf: string;
  readonly geldig_tot?: string;
  readonly domeinen: readonly Domain[];
  readonly families: readonly Familie[];
  readonly keuzes: readonly Keuze[];
  readonly file: string;
  /** Position of any part of regio.yaml, by data path (for diagnostics). */
  readonly locate?: (path: readonly (string | number)[], which?: 'key' | 'value') => Span;
}

export interface Catalogue {
  /** Folder name, e.g. samen-doen. */
  readonly id: string;
  readonly folder: string;
  readonly region: Region;
  readonly products: readonly Product[];
}
