/**
 * The shapes of the JSON API as the consultant's page reads them (see docs/openapi.json and
 * docs/json-uitvoer.md). Browser modules may not import server code, so the contract is
 * restated here; only the fields the page uses are listed.
 */

export type FactValue = boolean | number | string | string[];
export type Profile = Record<string, FactValue>;

export interface CatalogusKort {
  readonly id: string;
  readonly naam: string;
  readonly organisatie?: string;
  readonly domeinen?: readonly string[];
  readonly producten?: number;
}

export type FeitSoort = 'ja-nee' | 'getal' | 'schaal' | 'keuze' | 'lijst';

export interface Feit {
  readonly naam: string;
  readonly soort: FeitSoort;
  readonly omschrijving: string;
  readonly waarden?: readonly string[];
  readonly toelichting?: Readonly<Record<string, string>>;
  readonly eenheid?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly catalogi: readonly string[];
}

export interface Vocabulaire {
  readonly feiten: readonly Feit[];
  readonly gereserveerd: readonly string[];
}

export interface Fout {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly hint?: string;
  readonly pad?: string;
}

export interface Detail {
  readonly feit: string;
  readonly onderwerp: string;
  readonly waarde: unknown;
  readonly waarde_tekst: string;
  readonly vereist: string;
  readonly voldaan: boolean | null;
}

export interface Bestemming {
  readonly product: string | null;
  readonly familie: string | null;
  readonly buiten_catalogus: string | null;
}

export interface Clausule {
  readonly id: string;
  readonly rol: 'voorwaarde' | 'uitsluiting' | 'kenmerk' | 'alternatief';
  readonly uitkomst: 'waar' | 'onwaar' | 'onbekend';
  readonly voorwaarde: string;
  readonly reden: string;
  readonly bron: string;
  readonly verwijzing: Bestemming | null;
  readonly details: readonly Detail[];
}

export interface Limiet {
  readonly id: string;
  readonly soort: string;
  readonly tekst: string;
  readonly uitkomst: string;
  readonly uitleg: string;
  readonly reden: string;
  readonly bron: string;
}

export interface ProductUitkomst {
  readonly id: string;
  readonly naam: string;
  readonly productcodes: readonly string[];
  readonly familie: string | null;
  readonly niveau: number | string | null;
  readonly variant: string | null;
  readonly status: 'passend' | 'niet passend' | 'uitgesloten' | 'onbekend';
  readonly ontbrekende_feiten: readonly string[];
  readonly open_uitsluitingen: readonly { id: string; reden: string; ontbrekende_feiten: readonly string[] }[];
  readonly combinatie: {
    readonly vereist_een_van: readonly string[];
    readonly voldaan_door: string | null;
    readonly bron: string | null;
    readonly onbeslist: readonly string[];
    readonly uitgesloten: readonly string[];
  } | null;
  readonly code: { soort: string; domein: string | null; codes: readonly string[]; reden: string | null } | null;
  readonly limieten: readonly Limiet[];
  readonly clausules: readonly Clausule[];
}

export interface FamilieUitkomst {
  readonly familie: string;
  readonly status: 'bepaald' | 'onbekend' | 'keuze-toegang' | 'geen';
  readonly lichtst_passend: readonly string[];
  readonly uitleg?: string;
}

export interface Verwijzing {
  readonly soort: 'uitsluiting' | 'vervolg';
  readonly naar: Bestemming;
  readonly vanuit: readonly string[];
  readonly richting: string | null;
  readonly reden: string;
  readonly bron: string;
}

export interface Evaluatie {
  readonly formaat: string;
  readonly catalogus: string;
  readonly regio: string;
  readonly families: readonly FamilieUitkomst[];
  readonly producten: readonly ProductUitkomst[];
  readonly verwijzingen: readonly Verwijzing[];
}

export interface Vraag {
  readonly feit: string;
  readonly beslist: number;
  readonly speelt_mee: number;
  readonly omschrijving: string;
}

export interface CatalogusDetail {
  readonly id: string;
  readonly naam: string;
  readonly producten: readonly { id: string; naam: string; productcodes: readonly string[] }[];
}
