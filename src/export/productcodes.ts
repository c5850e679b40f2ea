/**
 * The productcodelijst of a region as a municipality maintains it for iWmo/iJw: one row per
 * (product, wet, productcode), with the productcategorie, the eenheid and the frequentie with
 * their iWmo/iJw codes, and the period the product is valid. Pure: rows in, text out.
 */
import type { Catalogue, Product } from '../catalogue/types.js';
import { productFrequentie } from '../catalogue/limits.js';
import { eenheidCode, productCategory, PRODUCT_CODE_PATTERN, type Domain } from '../catalogue/productcode.js';
import { csvRow, CSV_BOM } from '../report/csv.js';

export interface ProductcodeRow {
  readonly wet: string;
  readonly productcategorie: string;
  readonly productcategorieNaam: string;
  readonly productcode: string;
  readonly productnaam: string;
  readonly productId: string;
  readonly eenheid: string;
  readonly eenheidCode: string;
  readonly frequentie: string;
  readonly frequentieCode: string;
  readonly geldigVanaf: string;
  readonly geldigTot: string;
}

export const WET: Readonly<Record<Domain, string>> = { wmo: 'Wmo', jeugd: 'Jeugdwet' };
const DOMAIN_ORDER: readonly Domain[] = ['wmo', 'jeugd'];

/** Column headers, in the order of `productcodeCells`. */
export const PRODUCTCODE_HEADERS = [
  'Wet',
  'Productcategorie',
  'Productcategorie (naam)',
  'Productcode',
  'Productnaam',
  'Product-id',
  'Eenheid',
  'Eenheid (code)',
  'Frequentie',
  'Frequentie (code)',
  'Geldig vanaf',
  'Geldig tot',
] as const;

export function productcodeCells(row: ProductcodeRow): string[] {
  return [
    row.wet,
    row.productcategorie,
    row.productcategorieNaam,
    row.productcode,
    row.productnaam,
    row.productId,
    row.eenheid,
    row.eenheidCode,
    row.frequentie,
    row.frequentieCode,
    row.geldigVanaf,
    row.geldigTot,
  ];
}

/** A date field read defensively: only a non-empty string counts. */
function dateField(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The period of one product (version): its own dates, else the region's. */
export function validityOf(product: Product, catalogue: Catalogue): { vanaf: string; tot: string } {
  const own = product as { geldig_vanaf?: unknown; geldig_tot?: unknown };
  const region = catalogue.region as { geldig_vanaf?: unknown; geldig_tot?: unknown };
  return {
    vanaf: dateField(own.geldig_vanaf) ?? dateField(region.geldig_vanaf) ?? '',
    tot: dateField(own.geldig_tot) ?? dateField(region.geldig_tot) ?? '',
  };
}

function row(product: Product, catalogue: Catalogue, domain: Domain, code: string): ProductcodeRow {
  const category = code && PRODUCT_CODE_PATTERN.test(code) ? productCategory(domain, code) : undefined;
  const frequentie = product.frequentie ? productFrequentie(product.frequentie.per) : undefined;
  const { vanaf, tot } = validityOf(product, catalogue);
  return {
    wet: WET[domain],
    productcategorie: category?.code ?? '',
    productcategorieNaam: category?.name ?? '',
    productcode: code,
    productnaam: product.naam,
    productId: product.id,
    eenheid: product.eenheid,
    eenheidCode: eenheidCode(product.eenheid) ?? '',
    frequentie: frequentie?.naam ?? '',
    frequentieCode: frequentie?.code ?? '',
    geldigVanaf: vanaf,
    geldigTot: tot,
  };
}

/**
 * One row per (product, wet, productcode). A product without a national code gets one row per
 * domain of the region with the code left empty, so the list shows which codes are still missing.
 * Sorted by wet, productcode (empty last), product id and geldig vanaf: stable for any file order.
 */
export function productcodeRows(catalogue: Catalogue): ProductcodeRow[] {
  const rows: ProductcodeRow[] = [];
  for (const product of catalogue.products) {
    const domains = DOMAIN_ORDER.filter((d) => (product.productcodes[d]?.length ?? 0) > 0);
    if (domains.length === 0) {
      for (const domain of DOMAIN_ORDER.filter((d) => catalogue.region.domeinen.includes(d))) rows.push(row(product, catalogue, domain, ''));
      continue;
    }
    for (const domain of domains) for (const code of product.productcodes[domain] ?? []) rows.push(row(product, catalogue, domain, code));
  }
  const byDomain = (r: ProductcodeRow) => Object.values(WET).indexOf(r.wet);
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort(
    (a, b) =>
      byDomain(a) - byDomain(b) ||
      Number(a.productcode === '') - Number(b.productcode === '') ||
      compare(a.productcode, b.productcode) ||
      compare(a.productId, b.productId) ||
      compare(a.geldigVanaf, b.geldigVanaf),
  );
}

/** CSV as Dutch Excel opens it: `;`, CRLF, UTF-8 with BOM. */
export function productcodesCsv(rows: readonly ProductcodeRow[]): string {
  return `${CSV_BOM}${csvRow(PRODUCTCODE_HEADERS)}${rows.map((r) => csvRow(productcodeCells(r))).join('')}`;
}

/** The same rows as JSON (null for an empty field), with the region they belong to. */
export function productcodesJson(catalogue: Catalogue, rows: readonly ProductcodeRow[]): object {
  const orNull = (v: string) => (v === '' ? null : v);
  return {
    formaat: 'wijzer-productcodes/1',
    catalogus: catalogue.id,
    regio: catalogue.region.naam,
    organisatie: catalogue.region.organisatie,
    producten: rows.map((r) => ({
      wet: r.wet,
      productcategorie: r.productcategorie === '' ? null : { code: r.productcategorie, naam: orNull(r.productcategorieNaam) },
      productcode: orNull(r.productcode),
      productnaam: r.productnaam,
      product_id: r.productId,
      eenheid: { naam: r.eenheid, iwmo_code: orNull(r.eenheidCode) },
      frequentie: r.frequentieCode === '' ? null : { naam: r.frequentie, iwmo_code: r.frequentieCode },
      geldig_vanaf: orNull(r.geldigVanaf),
      geldig_tot: orNull(r.geldigTot),
    })),
  };
}
