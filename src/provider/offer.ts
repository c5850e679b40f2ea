/**
 * A provider's offer against the catalogue's provider obligations (contract management):
 *  - aanbieder.ook_bieden of a product: offering it obliges offering those products too;
 *  - families.<f>.aanbieder_biedt_alle_niveaus in regio.yaml: offering one level obliges all.
 * The offer lists product ids or product codes; each violated obligation is a diagnostic at
 * the offered entry, with the source quote.
 */
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { Catalogue, Product } from '../catalogue/types.js';
import { suggest } from '../util/suggest.js';
import { loadYamlFile } from '../yaml/load.js';
import { spanOfPath } from '../yaml/strict.js';

interface RawOffer {
  aanbieder?: string;
  producten: string[];
}

export interface Violation {
  /** The offered product that carries the obligation. */
  readonly offered: Product;
  /** Products the offer must include but does not. */
  readonly missing: readonly Product[];
  readonly bron: string;
}

export interface OfferCheck {
  readonly aanbieder?: string;
  readonly offered: readonly Product[];
  readonly violations: readonly Violation[];
  readonly diagnostics: Diagnostic[];
}

function resolveEntry(catalogue: Catalogue, entry: string): Product | undefined {
  return catalogue.products.find((p) => p.id === entry) ?? catalogue.products.find((p) => Object.values(p.productcodes).some((codes) => codes?.includes(entry)));
}

/** An offer file (schemas/aanbod.schema.json) against the catalogue. */
export function checkOffer(catalogue: Catalogue, file: string): OfferCheck {
  const loaded = loadYamlFile<RawOffer>(file, 'aanbod.schema.json');
  if (!loaded.source || !loaded.value) return { offered: [], violations: [], diagnostics: loaded.diagnostics };
  const { source, value } = loaded;
  const result = checkOfferEntries(catalogue, value.producten, (index) => spanOfPath(source, ['producten', index]));
  return { ...result, ...(value.aanbieder ? { aanbieder: value.aanbieder } : {}), diagnostics: [...loaded.diagnostics, ...result.diagnostics] };
}

/** The offered entries (ids or codes), each located by `at`, against the obligations. */
export function checkOfferEntries(catalogue: Catalogue, entries: readonly string[], at: (index: number) => Span): OfferCheck {
  const diagnostics: Diagnostic[] = [];
  const offered: Product[] = [];
  const entrySpan = new Map<string, Span>();
  const known = [...catalogue.products.map((p) => p.id), ...catalogue.products.flatMap((p) => Object.values(p.productcodes).flatMap((c) => c ?? []))];
  entries.forEach((entry, index) => {
    const product = resolveEntry(catalogue, entry);
    if (!product) {
      const suggestion = suggest(entry, known);
      diagnostics.push(diag('WZ332', { entry, catalogue: catalogue.id, ...(suggestion ? { suggestion } : {}) }, at(index)));
      return;
    }
    if (!offered.includes(product)) offered.push(product);
    if (!entrySpan.has(product.id)) entrySpan.set(product.id, at(index));
  });
  const has = (p: Product) => offered.includes(p);
  const byId = (id: string) => catalogue.products.find((p) => p.id === id);
  const violations: Violation[] = [];
  for (const product of offered) {
    const obligation = product.aanbieder;
    if (!obligation) continue;
    const missing = obligation.ookBieden.map(byId).filter((p): p is Product => p !== undefined && !has(p));
    if (missing.length === 0) continue;
    violations.push({ offered: product, missing, bron: obligation.bron });
    diagnostics.push(diag('WZ330', { product: product.naam, missing: missing.map((p) => p.naam).join(', '), quote: obligation.bron }, entrySpan.get(product.id)));
  }
  for (const family of catalogue.region.families) {
    if (!family.aanbiederBiedtAlleNiveaus) continue;
    const members = catalogue.products.filter((p) => p.familie === family.id);
    const first = members.find(has);
    const missing = members.filter((p) => !has(p));
    if (!first || missing.length === 0) continue;
    violations.push({ offered: first, missing, bron: family.aanbiederBiedtAlleNiveaus.bron });
    diagnostics.push(diag('WZ331', { family: family.id, missing: missing.map((p) => p.naam).join(', '), count: missing.length, quote: family.aanbiederBiedtAlleNiveaus.bron }, entrySpan.get(first.id)));
  }
  return { offered, violations, diagnostics };
}
