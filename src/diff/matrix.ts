/**
 * The purchasing matrix: kind of support (productcategorie and orientation) × region, with
 * levels, units and key attributes of every product.
 */
import type { Catalogue, Product } from '../catalogue/types.js';
import { eenheidCode } from '../catalogue/productcode.js';
import { productCodesText } from '../report/explain.js';
import type { Style } from '../report/style.js';
import { kindOf } from './match.js';

export interface MatrixRow {
  readonly kind: string;
  /** One list of products per catalogue, in the order of `catalogues`. */
  readonly cells: readonly (readonly Product[])[];
}

export interface Matrix {
  readonly catalogues: readonly Catalogue[];
  readonly rows: readonly MatrixRow[];
}

export function kindLabel(product: Product, catalogue: Catalogue): string {
  const kind = kindOf(product, catalogue.region.domeinen);
  const category = kind.category ?? 'overig';
  return kind.orientation ? `${category} · ${kind.orientation}gericht` : category;
}

export function buildMatrix(catalogues: readonly Catalogue[]): Matrix {
  const kinds = [...new Set(catalogues.flatMap((c) => c.products.map((p) => kindLabel(p, c))))].sort();
  const byLevel = (a: Product, b: Product) => (a.niveau ?? 0) - (b.niveau ?? 0) || a.naam.localeCompare(b.naam);
  return {
    catalogues,
    rows: kinds.map((kind) => ({ kind, cells: catalogues.map((c) => c.products.filter((p) => kindLabel(p, c) === kind).sort(byLevel)) })),
  };
}

export function productSummary(p: Product): string {
  const parts = [
    p.niveau !== undefined ? `niveau ${p.niveau}` : undefined,
    `per ${p.eenheid}${eenheidCode(p.eenheid) ? ` (${eenheidCode(p.eenheid)})` : ''}`,
    productCodesText(p),
    p.functiemix ? p.functiemix.map((f) => `${f.percentage}% ${f.opleiding}`).join('/') : undefined,
    p.groep?.inwoners_per_begeleider !== undefined ? `${p.groep.inwoners_per_begeleider} per begeleider` : undefined,
    p.duur?.maximum ? `max ${p.duur.maximum.aantal} ${p.duur.maximum.eenheid}` : undefined,
    p.combinatie ? `alleen met ${p.combinatie.vereist_een_van.join('/')}` : undefined,
  ].filter((x): x is string => x !== undefined);
  return `${p.naam} (${parts.join('; ')})`;
}

export function renderMatrixText(matrix: Matrix, style: Style): string {
  const names = matrix.catalogues.map((c) => c.region.naam);
  const width = Math.max(...names.map((n) => n.length));
  const lines = [style.bold(`Productvergelijking: ${names.join(', ')}`)];
  for (const row of matrix.rows) {
    lines.push('', style.bold(row.kind));
    row.cells.forEach((products, i) => {
      const label = names[i]!.padEnd(width);
      if (products.length === 0) lines.push(`  ${label}  ${style.dim('—')}`);
      products.forEach((p, j) => lines.push(`  ${j === 0 ? label : ' '.repeat(width)}  ${productSummary(p)}`));
    });
  }
  return lines.join('\n');
}

export function renderMatrixMarkdown(matrix: Matrix): string {
  const names = matrix.catalogues.map((c) => c.region.naam);
  const out = ['# Productvergelijking', '', `| Soort ondersteuning | ${names.join(' | ')} |`, `|---|${names.map(() => '---').join('|')}|`];
  for (const row of matrix.rows) {
    const cells = row.cells.map((products) => (products.length === 0 ? '—' : products.map((p) => productSummary(p).replace(/\|/g, '\\|')).join('<br>')));
    out.push(`| ${row.kind} | ${cells.join(' | ')} |`);
  }
  return `${out.join('\n')}\n`;
}

export function matrixJson(matrix: Matrix): object {
  return {
    formaat: 'wijzer-vergelijking/1',
    regios: matrix.catalogues.map((c) => ({ catalogus: c.id, regio: c.region.naam })),
    rijen: matrix.rows.map((row) => ({
      soort: row.kind,
      cellen: row.cells.map((products, i) => ({
        catalogus: matrix.catalogues[i]!.id,
        producten: products.map((p) => ({ id: p.id, naam: p.naam, niveau: p.niveau ?? null, eenheid: p.eenheid, productcodes: p.productcodes, samenvatting: productSummary(p) })),
      })),
    })),
  };
}
