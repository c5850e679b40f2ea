/** Diff reports: coloured text, Markdown and JSON ("wijzer-diff/1"). */
import type { Product } from '../catalogue/types.js';
import type { Style } from '../report/style.js';
import type { ClauseChange } from './clauses.js';
import type { CatalogueDiff, ProductDiff } from './diff.js';
import { productCodesText } from '../report/explain.js';

export const DIFF_FORMAT = 'wijzer-diff/1';



function clauseLine(change: ClauseChange): string {
  const what = `${change.role} ${change.kind}`;
  switch (change.kind) {
    case 'gewijzigd':
      return `${what} (${change.id}): ${change.before} → ${change.after}`;
    case 'toegevoegd':
      return `${what}: ${change.after} (${change.id})`;
    case 'verwijderd':
      return `${what}: ${change.before} (${change.id})`;
    case 'toelichting gewijzigd':
      return `${what} (${change.id}): "${change.before}" → "${change.after}"`;
    case 'soort gewijzigd':
      return `${change.previousRole} → ${change.role} (${change.id}): ${change.after}`;
    case 'verwijzing gewijzigd':
      return `${what} (${change.id}): ${change.before} → ${change.after}`;
  }
}

function changed(p: ProductDiff): boolean {
  return p.attributes.length > 0 || p.clauses.length > 0;
}

function productLabel(product: Product): string {
  return `${product.naam} (${productCodesText(product)})`;
}

export function renderDiffText(diff: CatalogueDiff, style: Style): string {
  const lines = [style.bold(`Verschillen: ${diff.a.label} (${diff.a.catalogue.region.naam}) → ${diff.b.label} (${diff.b.catalogue.region.naam})`), ''];
  if (diff.region.length > 0) {
    lines.push(style.bold('Regio'));
    for (const r of diff.region) lines.push(`  ${r.attribute}: ${style.red(r.before)} → ${style.green(r.after)}`);
    lines.push('');
  }
  const modified = diff.products.filter(changed);
  lines.push(style.bold(`Gekoppelde producten: ${diff.products.length} (${diff.products.length - modified.length} gelijk, ${modified.length} gewijzigd)`));
  for (const p of diff.products) {
    const mark = changed(p) ? style.yellow('~') : ' ';
    const name = p.match.a.naam === p.match.b.naam ? productLabel(p.match.b) : `${productLabel(p.match.a)} ↔ ${productLabel(p.match.b)}`;
    lines.push(`${mark} ${name} ${style.dim(`[gekoppeld op ${p.match.how}: ${p.match.detail}]`)}`);
    for (const a of p.attributes) lines.push(`    ${a.attribute}: ${style.red(a.before)} → ${style.green(a.after)}`);
    for (const c of p.clauses) {
      const colour = c.kind === 'toegevoegd' ? style.green : c.kind === 'verwijderd' ? style.red : style.yellow;
      lines.push(`    ${colour(clauseLine(c))}`);
    }
  }
  if (diff.onlyA.length > 0) {
    lines.push('', style.bold(`Alleen in ${diff.a.label}`));
    for (const p of diff.onlyA) lines.push(style.red(`- ${productLabel(p)}`));
  }
  if (diff.onlyB.length > 0) {
    lines.push('', style.bold(`Alleen in ${diff.b.label}`));
    for (const p of diff.onlyB) lines.push(style.green(`+ ${productLabel(p)}`));
  }
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderDiffMarkdown(diff: CatalogueDiff): string {
  const out = [`# Verschillen: ${diff.a.label} → ${diff.b.label}`, ''];
  if (diff.region.length > 0) {
    out.push('## Regio', '', '| Kenmerk | Was | Wordt |', '|---|---|---|');
    for (const r of diff.region) out.push(`| ${r.attribute} | ${cell(r.before)} | ${cell(r.after)} |`);
    out.push('');
  }
  out.push('## Gekoppelde producten', '', '| Product | Gekoppeld op | Wijzigingen |', '|---|---|---|');
  for (const p of diff.products) {
    const count = p.attributes.length + p.clauses.length;
    out.push(`| ${cell(p.match.b.naam)} | ${p.match.how}: ${cell(p.match.detail)} | ${count === 0 ? 'gelijk' : count} |`);
  }
  for (const p of diff.products.filter(changed)) {
    out.push('', `### ${p.match.a.naam}${p.match.a.naam === p.match.b.naam ? '' : ` ↔ ${p.match.b.naam}`}`, '');
    for (const a of p.attributes) out.push(`- **${a.attribute}**: ${a.before} → ${a.after}`);
    for (const c of p.clauses) out.push(`- ${clauseLine(c)}`);
  }
  if (diff.onlyA.length > 0) out.push('', `## Alleen in ${diff.a.label}`, '', ...diff.onlyA.map((p) => `- ${productLabel(p)}`));
  if (diff.onlyB.length > 0) out.push('', `## Alleen in ${diff.b.label}`, '', ...diff.onlyB.map((p) => `- ${productLabel(p)}`));
  return `${out.join('\n')}\n`;
}

export function diffJson(diff: CatalogueDiff): object {
  const side = (s: CatalogueDiff['a']) => ({ versie: s.label, catalogus: s.catalogue.id, regio: s.catalogue.region.naam });
  return {
    formaat: DIFF_FORMAT,
    a: side(diff.a),
    b: side(diff.b),
    regio: diff.region,
    gekoppeld: diff.products.map((p) => ({
      a: p.match.a.id,
      b: p.match.b.id,
      gekoppeld_op: p.match.how,
      toelichting: p.match.detail,
      kenmerken: p.attributes.map((a) => ({ kenmerk: a.attribute, was: a.before, wordt: a.after })),
      criteria: p.clauses.map((c) => ({ soort: c.kind, rol: c.role, id: c.id, was: c.before ?? null, wordt: c.after ?? null })),
    })),
    alleen_in_a: diff.onlyA.map((p) => p.id),
    alleen_in_b: diff.onlyB.map((p) => p.id),
  };
}
