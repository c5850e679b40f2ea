/**
 * Loads a catalogue folder: regio.yaml plus producten/*.yaml. Each product's criteria are
 * parsed here (DSL text inside YAML, with positions mapped back into the YAML file).
 */
import { basename, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseCriterion } from '../dsl/parse.js';
import { isDirectory, yamlFilesIn } from '../util/files.js';
import { loadYamlFile } from '../yaml/load.js';
import { scalarOffsetMapper } from '../yaml/scalar-offsets.js';
import { nodeAt, spanOfPath, type PathSegment, type YamlSource } from '../yaml/strict.js';
import type { Bestemming, Catalogue, Clause, Familie, Keuze, Limiet, Product, Region } from './types.js';
import type { Domain } from './productcode.js';

type RawClause = { id: string; als: string; reden: string; bron: string; keuze?: string; verwijzing?: RawBestemming; geldig_vanaf?: string; geldig_tot?: string };
type RawBestemming = { product?: string; familie?: string; buiten_catalogus?: string };
type RawLimiet = Omit<LimietBaseRaw, 'span' | 'kind' | 'richtwaarde' | 'feit' | 'alleenAls'> & {
  soort: Limiet['kind'];
  per?: 'dag' | 'week' | 'maand' | 'jaar' | 'traject' | 'indicatie';
  richtwaarde?: boolean;
  feit?: string;
  alleen_als?: string;
};
type LimietBaseRaw = Omit<Limiet, 'per'>;
type RawFamilie = { niveaukeuze?: { regel: string; bron: string }; aanbieder_biedt_alle_niveaus?: { bron: string } };
type RawKeuze = { onderwerp: string; keuze: string; citaten: string[] };
type RawProduct = Omit<Product, 'file' | 'span' | 'vervolg' | 'combinatie' | 'voorwaarden' | 'uitsluitingen' | 'kenmerken' | 'limieten' | 'aanbieder' | 'keuzes' | 'productcodes'> & {
  productcodes?: Partial<Record<Domain, string[]>>;
  vervolg?: Omit<Product['vervolg'][number], 'span'>[];
  combinatie?: Omit<NonNullable<Product['combinatie']>, 'span' | 'of_als'> & { of_als?: string };
  indicatie: { voorwaarden: RawClause[]; uitsluitingen?: RawClause[]; kenmerken?: RawClause[] };
  limieten?: RawLimiet[];
  aanbieder?: { ook_bieden: string[]; reden?: string; bron: string };
  keuzes?: RawKeuze[];
};
type RawRegion = Omit<Region, 'file' | 'keuzes' | 'families'> & { keuzes?: RawKeuze[]; families?: Record<string, RawFamilie> };

/** The profile fact an indicatieduur limit is checked against when the limit names none. */
export const DEFAULT_DURATION_FACT = 'gevraagde_indicatieduur_maanden';

export const PRODUCTS_FOLDER = 'producten';
export const REGION_FILE = 'regio.yaml';

function keuzes(source: YamlSource, raw: RawKeuze[] | undefined, path: PathSegment[]): Keuze[] {
  return (raw ?? []).map((k, i) => ({ ...k, span: spanOfPath(source, [...path, i]) }));
}

function clauses(source: YamlSource, raw: RawClause[] | undefined, kind: 'voorwaarden' | 'uitsluitingen' | 'kenmerken', diagnostics: Diagnostic[]): Clause[] {
  return (raw ?? []).map((c, i) => {
    const path = ['indicatie', kind, i];
    const at = scalarOffsetMapper(source, nodeAt(source, [...path, 'als']).node);
    const parsed = parseCriterion(c.als, at);
    diagnostics.push(...parsed.diagnostics);
    const verwijzing = c.verwijzing ? bestemming(c.verwijzing) : undefined;
    return {
      id: c.id,
      text: c.als,
      reden: c.reden,
      bron: c.bron,
      ...(c.keuze ? { keuze: c.keuze } : {}),
      ...(verwijzing ? { verwijzing } : {}),
      ...(c.geldig_vanaf !== undefined ? { geldig_vanaf: c.geldig_vanaf } : {}),
      ...(c.geldig_tot !== undefined ? { geldig_tot: c.geldig_tot } : {}),
      at,
      span: spanOfPath(source, path),
      ...(parsed.ast ? { ast: parsed.ast } : {}),
    };
  });
}

/** The schema allows exactly one of product / familie / buiten_catalogus. */
function bestemming(raw: RawBestemming): Bestemming | undefined {
  if (raw.product !== undefined) return { kind: 'product', product: raw.product };
  if (raw.familie !== undefined) return { kind: 'familie', familie: raw.familie };
  if (raw.buiten_catalogus !== undefined) return { kind: 'buiten-catalogus', naam: raw.buiten_catalogus };
  return undefined;
}

function limieten(source: YamlSource, raw: RawLimiet[] | undefined, diagnostics: Diagnostic[]): Limiet[] {
  return (raw ?? []).map((l, i): Limiet => {
    const { soort, per, richtwaarde, feit, alleen_als, ...rest } = l;
    let alleenAls: Clause | undefined;
    if (alleen_als !== undefined) {
      const path = ['limieten', i, 'alleen_als'];
      const at = scalarOffsetMapper(source, nodeAt(source, path).node);
      const parsed = parseCriterion(alleen_als, at);
      diagnostics.push(...parsed.diagnostics);
      alleenAls = { id: `${l.id}-alleen-als`, text: alleen_als, reden: l.reden, bron: l.bron, at, span: spanOfPath(source, path), ...(parsed.ast ? { ast: parsed.ast } : {}) };
    }
    const base = { ...rest, richtwaarde: richtwaarde ?? false, feit: feit ?? DEFAULT_DURATION_FACT, ...(alleenAls ? { alleenAls } : {}), span: spanOfPath(source, ['limieten', i]) };
    // The checker reports a volume limit without `per` or `feit` (WZ318); the defaults keep loading total.
    return soort === 'volume' ? { ...base, kind: 'volume', per: per ?? 'indicatie' } : { ...base, kind: 'indicatieduur' };
  });
}

const ALTERNATIVE_ID = 'combinatie-alternatief';

function combination(source: YamlSource, raw: NonNullable<RawProduct['combinatie']>, diagnostics: Diagnostic[]): NonNullable<Product['combinatie']> {
  const { of_als, ...rest } = raw;
  const result = { ...rest, span: spanOfPath(source, ['combinatie', 'vereist_een_van']) };
  if (of_als === undefined) return result;
  const at = scalarOffsetMapper(source, nodeAt(source, ['combinatie', 'of_als']).node);
  const parsed = parseCriterion(of_als, at);
  diagnostics.push(...parsed.diagnostics);
  const clause: Clause = { id: ALTERNATIVE_ID, text: of_als, reden: raw.reden, bron: raw.bron, at, span: spanOfPath(source, ['combinatie', 'of_als']), ...(parsed.ast ? { ast: parsed.ast } : {}) };
  return { ...result, of_als: clause };
}

export function loadProduct(path: string): { product?: Product; diagnostics: Diagnostic[] } {
  const loaded = loadYamlFile<RawProduct>(path, 'product.schema.json');
  if (!loaded.source || !loaded.value) return { diagnostics: loaded.diagnostics };
  const { source, value: raw } = loaded;
  const diagnostics = [...loaded.diagnostics];
  const { indicatie, vervolg, combinatie, keuzes: rawKeuzes, productcodes, limieten: rawLimieten, aanbieder, ...rest } = raw;
  const product: Product = {
    ...rest,
    file: path,
    span: spanOfPath(source, ['id']),
    locate: (p, which) => spanOfPath(source, p, which),
    productcodes: productcodes ?? {},
    vervolg: (vervolg ?? []).map((v, i) => ({ ...v, span: spanOfPath(source, ['vervolg', i]) })),
    ...(combinatie ? { combinatie: combination(source, combinatie, diagnostics) } : {}),
    voorwaarden: clauses(source, indicatie.voorwaarden, 'voorwaarden', diagnostics),
    uitsluitingen: clauses(source, indicatie.uitsluitingen, 'uitsluitingen', diagnostics),
    kenmerken: clauses(source, indicatie.kenmerken, 'kenmerken', diagnostics),
    limieten: limieten(source, rawLimieten, diagnostics),
    ...(aanbieder ? { aanbieder: { ookBieden: aanbieder.ook_bieden, ...(aanbieder.reden ? { reden: aanbieder.reden } : {}), bron: aanbieder.bron, span: spanOfPath(source, ['aanbieder']) } } : {}),
    keuzes: keuzes(source, rawKeuzes, ['keuzes']),
  };
  return { product, diagnostics };
}

export function loadRegion(path: string): { region?: Region; diagnostics: Diagnostic[] } {
  const loaded = loadYamlFile<RawRegion>(path, 'regio.schema.json');
  if (!loaded.source || !loaded.value) return { diagnostics: loaded.diagnostics };
  const { keuzes: rawKeuzes, families: rawFamilies, ...rest } = loaded.value;
  const source = loaded.source;
  const families = Object.entries(rawFamilies ?? {}).map(([id, f]): Familie => ({
    id,
    ...(f.niveaukeuze ? { niveaukeuze: f.niveaukeuze } : {}),
    ...(f.aanbieder_biedt_alle_niveaus ? { aanbiederBiedtAlleNiveaus: f.aanbieder_biedt_alle_niveaus } : {}),
    span: spanOfPath(source, ['families', id], 'key'),
  }));
  return { region: { ...rest, file: path, locate: (p, which) => spanOfPath(source, p, which), families, keuzes: keuzes(source, rawKeuzes, ['keuzes']) }, diagnostics: loaded.diagnostics };
}

/** Loads what can be loaded; a product with errors is left out, its errors reported. */
export function loadCatalogue(folder: string): { catalogue?: Catalogue; diagnostics: Diagnostic[] } {
  const at = { file: folder, line: 1, col: 1 };
  if (!existsSync(folder)) return { diagnostics: [diag('WZ101', { path: folder }, at)] };
  if (!isDirectory(folder)) return { diagnostics: [diag('WZ109', { detail: 'een catalogus is een map met regio.yaml en producten/' }, at)] };
  const diagnostics: Diagnostic[] = [];
  const regionFile = join(folder, REGION_FILE);
  let region: Region | undefined;
  if (!existsSync(regionFile)) diagnostics.push(diag('WZ307', { path: folder }, at));
  else {
    const loaded = loadRegion(regionFile);
    diagnostics.push(...loaded.diagnostics);
    region = loaded.region;
  }
  const files = yamlFilesIn(join(folder, PRODUCTS_FOLDER));
  if (files.length === 0) diagnostics.push(diag('WZ308', { path: folder }, at));
  const products: Product[] = [];
  for (const file of files) {
    const loaded = loadProduct(file);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.product) products.push(loaded.product);
  }
  if (!region) return { diagnostics };
  return { catalogue: { id: basename(resolve(folder)), folder, region, products }, diagnostics };
}
