/** What is different between two catalogues (two regions, or two versions of one). */
import type { Catalogue, Product } from '../catalogue/types.js';
import { attributes, type AttributeName } from './attributes.js';
import { diffClauses, type ClauseChange } from './clauses.js';
import { matchProducts, type ProductMatch } from './match.js';

export interface AttributeChange {
  readonly attribute: AttributeName;
  readonly before: string;
  readonly after: string;
}

export interface ProductDiff {
  readonly match: ProductMatch;
  readonly attributes: readonly AttributeChange[];
  readonly clauses: readonly ClauseChange[];
}

export interface CatalogueDiff {
  readonly a: { readonly label: string; readonly catalogue: Catalogue };
  readonly b: { readonly label: string; readonly catalogue: Catalogue };
  readonly region: readonly { readonly attribute: string; readonly before: string; readonly after: string }[];
  readonly products: readonly ProductDiff[];
  readonly onlyA: readonly Product[];
  readonly onlyB: readonly Product[];
}

function productDiff(match: ProductMatch): ProductDiff {
  const before = attributes(match.a);
  const after = attributes(match.b);
  const changed = (Object.keys(before) as AttributeName[])
    .filter((name) => before[name] !== after[name])
    .map((attribute) => ({ attribute, before: before[attribute], after: after[attribute] }));
  return { match, attributes: changed, clauses: diffClauses(match.a, match.b) };
}

/** Family agreements of regio.yaml as comparable text. */
function familiesText(region: Catalogue['region']): string {
  const parts = region.families.map((f) => {
    const what = [...(f.niveaukeuze ? [`niveau kiest de toegang (${f.niveaukeuze.regel})`] : []), ...(f.aanbiederBiedtAlleNiveaus ? ['aanbieder biedt alle niveaus'] : [])];
    return `${f.id}: ${what.join(', ')}`;
  });
  return parts.length === 0 ? '—' : parts.join('; ');
}

export function diffCatalogues(a: { label: string; catalogue: Catalogue }, b: { label: string; catalogue: Catalogue }): CatalogueDiff {
  const sameCatalogue = a.catalogue.id === b.catalogue.id;
  const matching = matchProducts(a.catalogue, b.catalogue, sameCatalogue);
  const ra = a.catalogue.region;
  const rb = b.catalogue.region;
  const regionFields: [string, string, string][] = [
    ['naam', ra.naam, rb.naam],
    ['organisatie', ra.organisatie, rb.organisatie],
    ['brondocument', `${ra.bron.titel} (${ra.bron.document})`, `${rb.bron.titel} (${rb.bron.document})`],
    ['geldig vanaf', ra.geldig_vanaf, rb.geldig_vanaf],
    ['geldig tot', ra.geldig_tot ?? '—', rb.geldig_tot ?? '—'],
    ['domeinen', ra.domeinen.join(', '), rb.domeinen.join(', ')],
    ['families', familiesText(ra), familiesText(rb)],
  ];
  return {
    a,
    b,
    region: regionFields.filter(([, x, y]) => x !== y).map(([attribute, before, after]) => ({ attribute, before, after })),
    products: matching.matches.map(productDiff),
    onlyA: matching.onlyA,
    onlyB: matching.onlyB,
  };
}

export function isEmptyDiff(diff: CatalogueDiff): boolean {
  return diff.region.length === 0 && diff.onlyA.length === 0 && diff.onlyB.length === 0 && diff.products.every((p) => p.attributes.length === 0 && p.clauses.length === 0);
}
