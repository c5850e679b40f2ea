/**
 * Whole-catalogue checks after loading: criteria against the vocabulary, references between
 * products, product codes and categories, functiemix, families, and the documented choices
 * (reported as warnings so the ambiguities of the sources stay visible).
 */
import { isAbsolute, relative } from 'node:path';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { PRODUCT_CATEGORIES, PRODUCT_CODE_PATTERN, productCategory, type Domain } from '../catalogue/productcode.js';
import { clausesOf, type Catalogue, type Keuze, type Product } from '../catalogue/types.js';
import { suggest } from '../util/suggest.js';
import { checkExpr, type Scope } from './typecheck.js';
import { checkKinds } from './kinds.js';
import { checkValidity } from './validity.js';
import { isDated, overlaps, periodOf } from '../catalogue/validity.js';

export function checkCatalogue(catalogue: Catalogue, scope: Scope): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = new Map<string, Product>();
  const codes = new Map<string, Product>();
  const levels = new Map<string, Product>();
  for (const product of catalogue.products) {
    const earlier = ids.get(product.id);
    // Both files are named: this one by the position, the earlier one in the message.
    if (earlier) out.push(diag('WZ301', { id: product.id, other: shortFile(catalogue, earlier.file) }, product.span));
    else ids.set(product.id, product);

    for (const domain of Object.keys(product.productcodes) as Domain[]) {
      (product.productcodes[domain] ?? []).forEach((code, index) => {
        const at = product.locate(['productcodes', domain, index]);
        if (!PRODUCT_CODE_PATTERN.test(code)) {
          out.push(diag('WZ302', { code }, at));
          return;
        }
        const category = productCategory(domain, code);
        if (!category.name) {
          const allowed = Object.entries(PRODUCT_CATEGORIES[domain]).map(([c, n]) => `${c} ${n}`).join(', ');
          out.push(diag('WZ303', { code, category: category.code, domain: domainName(domain), allowed }, at));
        }
        if (!catalogue.region.domeinen.includes(domain)) {
          out.push(diag('WZ313', { code, domain: domainName(domain), domains: catalogue.region.domeinen.map(domainName).join(', ') }, at));
        }
        const owner = codes.get(`${domain}:${code}`);
        // Two dated versions of one product share its code; checkValidity judges their periods.
        if (owner && owner.id !== product.id && !isDated(owner) && !isDated(product)) out.push(diag('WZ306', { code, other: owner.id, file: shortFile(catalogue, owner.file) }, at));
        else codes.set(`${domain}:${code}`, product);
      });
    }

    if (product.functiemix) {
      const sum = product.functiemix.reduce((total, part) => total + part.percentage, 0);
      if (Math.abs(sum - 100) > 0.001) out.push(diag('WZ305', { sum }, product.locate(['functiemix'])));
    }

    if (product.familie !== undefined && product.niveau !== undefined) {
      const key = `${product.familie}|${product.niveau}|${product.variant ?? ''}`;
      const other = levels.get(key);
      if (other && overlaps(periodOf(other), periodOf(product))) {
        out.push(diag('WZ309', { family: product.familie, level: product.niveau, ...(product.variant ? { variant: product.variant } : {}), other: other.id }, product.locate(['niveau'])));
      } else levels.set(key, product);
    }

    if (product.voorwaarden.length === 0) out.push(diag('WZ311', { id: product.id }, product.locate(['indicatie', 'voorwaarden'])));
    const clauseIds = new Set<string>();
    for (const { kind, clause } of clausesOf(product)) {
      if (kind !== 'alternatief') {
        if (clauseIds.has(clause.id)) out.push(diag('WZ316', { id: clause.id, product: product.id }, clause.span));
        clauseIds.add(clause.id);
      }
      if (clause.ast) out.push(...checkExpr(clause.ast, scope, clause.at));
    }
    for (const limiet of product.limieten) {
      if (clauseIds.has(limiet.id)) out.push(diag('WZ316', { id: limiet.id, product: product.id }, limiet.span));
      clauseIds.add(limiet.id);
      if (limiet.alleenAls?.ast) out.push(...checkExpr(limiet.alleenAls.ast, scope, limiet.alleenAls.at));
    }
    out.push(...checkKinds(product, scope));
    out.push(...choiceWarnings(product.keuzes));
  }

  const known = [...ids.keys()];
  const familyNames = [...new Set(catalogue.products.flatMap((p) => (p.familie ? [p.familie] : [])))];
  for (const product of catalogue.products) {
    product.vervolg.forEach((step, index) => {
      if (step.product !== undefined) checkReference(product, step.product, known, product.locate(['vervolg', index, 'product']), out);
    });
    product.combinatie?.vereist_een_van.forEach((target, index) => {
      checkReference(product, target, known, product.locate(['combinatie', 'vereist_een_van', index]), out);
    });
    product.uitsluitingen.forEach((clause, index) => {
      const at = (key: string) => product.locate(['indicatie', 'uitsluitingen', index, 'verwijzing', key]);
      if (clause.verwijzing?.kind === 'product') checkReference(product, clause.verwijzing.product, known, at('product'), out);
      if (clause.verwijzing?.kind === 'familie' && !familyNames.includes(clause.verwijzing.familie)) {
        const suggestion = suggest(clause.verwijzing.familie, familyNames);
        out.push(diag('WZ320', { id: clause.verwijzing.familie, ...(suggestion ? { suggestion } : {}) }, at('familie')));
      }
    });
    product.aanbieder?.ookBieden.forEach((target, index) => {
      checkReference(product, target, known, product.locate(['aanbieder', 'ook_bieden', index]), out);
    });
  }
  for (const family of catalogue.region.families) {
    if (familyNames.includes(family.id)) continue;
    const suggestion = suggest(family.id, familyNames);
    out.push(diag('WZ319', { id: family.id, ...(suggestion ? { suggestion } : {}) }, family.span));
  }
  out.push(...choiceWarnings(catalogue.region.keuzes));
  out.push(...checkValidity(catalogue));
  return out;
}

function checkReference(product: Product, target: string, known: string[], at: Diagnostic['span'], out: Diagnostic[]): void {
  if (target === product.id) out.push(diag('WZ312', { id: product.id }, at));
  else if (!known.includes(target)) {
    const suggestion = suggest(target, known);
    out.push(diag('WZ304', { id: target, ...(suggestion ? { suggestion } : {}) }, at));
  }
}

/** A file of the catalogue as its authors name it: relative to the catalogue folder. */
function shortFile(catalogue: Catalogue, file: string): string {
  const rel = relative(catalogue.folder, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

function choiceWarnings(keuzes: readonly Keuze[]): Diagnostic[] {
  return keuzes.map((k) => diag('WZ310', { subject: k.onderwerp, choice: k.keuze }, k.span));
}

function domainName(domain: Domain): string {
  return domain === 'wmo' ? 'Wmo' : 'Jeugd';
}
