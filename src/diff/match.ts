/**
 * Matching products of two catalogues. Codes are not unique across regions (02A05 is
 * "Begeleiding specialistisch" in one document and "Individuele begeleiding 4" in another),
 * so every match says how it was made:
 *   id (two versions of one catalogue) → shared national product code → same productcategorie
 *   and family/level → similar name.
 */
import type { Catalogue, Product } from '../catalogue/types.js';
import { describeCodes, type Domain } from '../catalogue/productcode.js';

export type MatchHow = 'id' | 'productcode' | 'familie en niveau' | 'soort ondersteuning' | 'naam';

export interface ProductMatch {
  readonly a: Product;
  readonly b: Product;
  readonly how: MatchHow;
  readonly detail: string;
}

export interface Matching {
  readonly matches: readonly ProductMatch[];
  readonly onlyA: readonly Product[];
  readonly onlyB: readonly Product[];
}

function codesOf(product: Product): string[] {
  return describeCodes(product.productcodes).map((c) => `${c.domein} ${c.code}`);
}

function categoriesOf(product: Product): string[] {
  return describeCodes(product.productcodes).map((c) => c.categorie ?? '');
}

/** Words cut to a six-letter stem, so "behoudgericht" and "behouden" meet. */
function words(name: string): Set<string> {
  return new Set(name.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2).map((w) => w.slice(0, 6)));
}

const JEUGD_NAME_CATEGORIES: [RegExp, string][] = [
  [/dagbesteding|dagbehandeling/i, '41 dagbehandeling'],
  [/begeleiding|ambulant|jeugdhulp/i, '45 jeugdhulp ambulant'],
];

const NAME_CATEGORIES: [RegExp, string][] = [
  [/vervoer/i, '08 vervoerdiensten'],
  [/verblijf|logeer/i, '04 kortdurend verblijf'],
  [/dagbesteding|begeleiding groep|groepsbegeleiding/i, '07 dagbesteding'],
  [/dagbehandeling/i, '41 dagbehandeling'],
  [/begeleiding|ambulant/i, '02 begeleiding'],
];

/**
 * The kind of support: the productcategorie of the codes, or (without codes) read from the
 * name, plus the orientation (ontwikkel- or behoudgericht) where the name or variant says so.
 */
export function kindOf(product: Product, domains: readonly Domain[] = ['wmo']): { category?: string; orientation?: 'ontwikkel' | 'behoud' } {
  const fromCodes = describeCodes(product.productcodes).find((c) => c.categorie)?.categorie ?? undefined;
  const table = domains.includes('wmo') ? NAME_CATEGORIES : JEUGD_NAME_CATEGORIES;
  const category = fromCodes ?? table.find(([pattern]) => pattern.test(product.naam))?.[1];
  const text = `${product.naam} ${product.variant ?? ''}`.toLowerCase();
  const orientation = /ontwikkel|leren/.test(text) ? 'ontwikkel' : /behoud/.test(text) ? 'behoud' : undefined;
  return { ...(category ? { category } : {}), ...(orientation ? { orientation } : {}) };
}

/** Jaccard similarity of the words of two names. */
export function nameSimilarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  const shared = [...wa].filter((w) => wb.has(w)).length;
  return shared / Math.max(1, new Set([...wa, ...wb]).size);
}

const NAME_THRESHOLD = 0.5;

export function matchProducts(a: Catalogue, b: Catalogue, sameCatalogue: boolean): Matching {
  const restA = new Set(a.products);
  const restB = new Set(b.products);
  const matches: ProductMatch[] = [];
  const take = (pa: Product, pb: Product, how: MatchHow, detail: string) => {
    matches.push({ a: pa, b: pb, how, detail });
    restA.delete(pa);
    restB.delete(pb);
  };
  if (sameCatalogue) {
    for (const pa of [...restA]) {
      const pb = [...restB].find((p) => p.id === pa.id);
      if (pb) take(pa, pb, 'id', pa.id);
    }
  }
  for (const pa of [...restA]) {
    const codes = codesOf(pa);
    const pb = [...restB].find((p) => codesOf(p).some((c) => codes.includes(c)));
    if (pb) take(pa, pb, 'productcode', codesOf(pb).filter((c) => codes.includes(c)).join(', '));
  }
  for (const pa of [...restA]) {
    if (pa.familie === undefined) continue;
    const pb = [...restB].find((p) => {
      const sameCategory = categoriesOf(p).join() === categoriesOf(pa).join();
      return sameCategory && p.niveau === pa.niveau && p.variant === pa.variant && p.familie !== undefined && nameSimilarity(p.familie, pa.familie!) > 0;
    });
    if (pb) take(pa, pb, 'familie en niveau', `${pb.familie} ${pb.niveau ?? ''}${pb.variant ? ` ${pb.variant}` : ''}`.trim());
  }
  const bySimilarity = (pa: Product, options: Product[]) =>
    options.map((pb) => ({ pb, score: nameSimilarity(pa.naam, pb.naam) })).sort((x, y) => y.score - x.score)[0]?.pb;
  for (const pa of [...restA]) {
    const kind = kindOf(pa, a.region.domeinen);
    if (!kind.category || !kind.orientation) continue;
    const pb = bySimilarity(pa, [...restB].filter((p) => {
      const other = kindOf(p, b.region.domeinen);
      return other.category === kind.category && other.orientation === kind.orientation;
    }));
    if (pb) take(pa, pb, 'soort ondersteuning', `${kind.category}, ${kind.orientation}gericht`);
  }
  const candidates = [...restA]
    .flatMap((pa) => [...restB].map((pb) => ({ pa, pb, score: nameSimilarity(pa.naam, pb.naam) })))
    .filter((c) => c.score >= NAME_THRESHOLD)
    .sort((x, y) => y.score - x.score);
  for (const { pa, pb, score } of candidates) {
    if (restA.has(pa) && restB.has(pb)) take(pa, pb, 'naam', `${Math.round(score * 100)}% dezelfde woorden`);
  }
  return { matches, onlyA: [...restA], onlyB: [...restB] };
}
