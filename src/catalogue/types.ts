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
  readonly ast?: Expr;
  readonly at: OffsetMapper;
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
  readonly eenheid: string;
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
  readonly keuzes: readonly Keuze[];
}

export interface Region {
  readonly naam: string;
  readonly organisatie: string;
  readonly bron: { readonly titel: string; readonly document: string; readonly datum?: string };
  readonly geldig_vanaf: string;
  readonly domeinen: readonly Domain[];
  readonly keuzes: readonly Keuze[];
  readonly file: string;
}

export interface Catalogue {
  /** Folder name, e.g. samen-doen. */
  readonly id: string;
  readonly folder: string;
  readonly region: Region;
  readonly products: readonly Product[];
}
