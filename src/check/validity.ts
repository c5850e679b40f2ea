/**
 * Checks of geldig_vanaf / geldig_tot on the region, the products and their clauses, and of the
 * versions of one product (several product files with the same product code): their periods may
 * not overlap (WZ343) and a gap between them is reported (WZ344).
 */
import { isAbsolute, relative } from 'node:path';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { Domain } from '../catalogue/productcode.js';
import { clausesOf, type Catalogue, type Product } from '../catalogue/types.js';
import { isDated, isIsoDate, nextDay, overlaps, periodOf, periodText, UNKNOWN_DATE, type Dated } from '../catalogue/validity.js';

type Locate = (field: 'geldig_vanaf' | 'geldig_tot') => Span;

function checkDates(dated: Dated, what: string, locate: Locate, out: Diagnostic[]): void {
  for (const field of ['geldig_vanaf', 'geldig_tot'] as const) {
    const value = dated[field];
    if (value === undefined) continue;
    if (value === UNKNOWN_DATE) out.push(diag('WZ342', { field, what }, locate(field)));
    else if (!isIsoDate(value)) out.push(diag('WZ340', { value, field }, locate(field)));
  }
  const period = periodOf(dated);
  if (period.vanaf && period.tot && period.tot < period.vanaf) out.push(diag('WZ341', { vanaf: period.vanaf, tot: period.tot, what }, locate('geldig_tot')));
}

export function checkValidity(catalogue: Catalogue): Diagnostic[] {
  const out: Diagnostic[] = [];
  const region = catalogue.region;
  checkDates(region, `regio ${region.naam}`, (field) => region.locate?.([field], 'value') ?? { file: region.file, line: 1, col: 1 }, out);
  for (const product of catalogue.products) {
    checkDates(product, `product ${product.id}`, (field) => product.locate([field], 'value'), out);
    for (const { kind, clause, path } of clausesOf(product)) {
      if (kind === 'alternatief') continue;
      checkDates(clause, `${kind} ${clause.id}`, (field) => product.locate([...path, field], 'value'), out);
    }
  }
  out.push(...checkVersions(catalogue));
  return out;
}

/** Versions of one product: the product files sharing a product code, of which one carries a date. */
function checkVersions(catalogue: Catalogue): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byCode = new Map<string, Product[]>();
  for (const product of catalogue.products) {
    for (const domain of Object.keys(product.productcodes) as Domain[]) {
      for (const code of product.productcodes[domain] ?? []) {
        const key = `${domain}:${code}`;
        const list = byCode.get(key) ?? [];
        if (!list.includes(product)) list.push(product);
        byCode.set(key, list);
      }
    }
  }
  const reported = new Set<string>();
  for (const [key, products] of byCode) {
    if (products.length < 2 || !products.some(isDated)) continue;
    const code = key.slice(key.indexOf(':') + 1);
    const sorted = [...products].sort((a, b) => (periodOf(a).vanaf ?? '').localeCompare(periodOf(b).vanaf ?? ''));
    sorted.forEach((product, i) => {
      const period = periodOf(product);
      for (const other of sorted.slice(0, i)) {
        const otherPeriod = periodOf(other);
        if (!overlaps(period, otherPeriod)) continue;
        const pair = `${other.id}|${product.id}`;
        if (reported.has(pair)) continue;
        reported.add(pair);
        const at = product.geldig_vanaf !== undefined ? product.locate(['geldig_vanaf'], 'value') : product.span;
        out.push(diag('WZ343', { code, id: product.id, period: periodText(period), other: other.id, file: shortFile(catalogue, other.file), otherPeriod: periodText(otherPeriod) }, at));
      }
      const previous = sorted[i - 1];
      const before = previous ? periodOf(previous) : undefined;
      if (previous && before?.tot && period.vanaf && nextDay(before.tot) < period.vanaf && !reported.has(`gap|${previous.id}|${product.id}`)) {
        reported.add(`gap|${previous.id}|${product.id}`);
        out.push(diag('WZ344', { code, id: product.id, vanaf: period.vanaf, other: previous.id, file: shortFile(catalogue, previous.file), tot: before.tot }, product.locate(['geldig_vanaf'], 'value')));
      }
    });
  }
  return out;
}

/** A file of the catalogue as its authors name it: relative to the catalogue folder. */
function shortFile(catalogue: Catalogue, file: string): string {
  const rel = relative(catalogue.folder, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}
