/** Readable Dutch text for consultants: the default output on a terminal. */
import type { Evaluation, ProductOutcome, Status } from '../evaluate/outcome.js';
import type { Vocabulary } from '../vocabulary/types.js';
import { productName, openExclusionLines, codeText, combinationText, decisiveClauses, factLabel, familyText, kenmerkLines, leafLine, limitLine, productCodesText, referralLine, relevantLeaves, STATUS_ORDER, unitText } from './explain.js';
import { isHardExcess } from '../evaluate/outcome.js';
import type { Style } from './style.js';
import { offeredText, regionRows } from './compare.js';
import { periodText, type WithGeldigheid } from '../catalogue/validity.js';

const MARK: Record<Status, string> = { passend: '✔ passend', 'niet passend': '✘ niet passend', uitgesloten: '⛔ uitgesloten', onbekend: '? onbekend' };

function statusText(status: Status, style: Style): string {
  const mark = MARK[status];
  return status === 'passend' ? style.green(mark) : status === 'onbekend' ? style.yellow(mark) : style.red(mark);
}

function productBlock(p: ProductOutcome, vocabulary: Vocabulary, style: Style): string[] {
  const lines = [`  ${statusText(p.status, style)}  ${style.bold(p.product.naam)} ${style.dim(`(${p.product.id}; ${productCodesText(p.product)}; ${unitText(p.product)})`)}`];
  for (const clause of decisiveClauses(p)) {
    const c = clause.compiled.clause;
    if (p.status === 'passend') {
      lines.push(`      • ${c.reden}`);
      continue;
    }
    const label = clause.role === 'uitsluiting' ? 'uitsluiting' : clause.truth === 'onbekend' ? 'nog onbekend' : 'niet voldaan';
    lines.push(`      • ${label}: ${c.reden}`);
    for (const leaf of relevantLeaves(clause)) lines.push(`          ${leafLine(leaf, vocabulary)}`);
    lines.push(style.dim(`          bron: "${c.bron}"`));
  }
  for (const limit of p.limieten) {
    const bites = isHardExcess(limit);
    lines.push(`      • ${bites ? 'limiet overschreden' : 'limiet'}: ${limitLine(limit)}`);
    if (bites || limit.verdict === 'overschreden') lines.push(style.dim(`          bron: "${limit.compiled.limiet.bron}"`));
  }
  const combination = combinationText(p);
  if (combination) lines.push(`      • ${combination}`);
  for (const line of [...openExclusionLines(p), ...kenmerkLines(p)]) lines.push(`      • ${line}`);
  const code = codeText(p.code);
  if (code) lines.push(`      • ${code}`);
  if (p.status === 'onbekend' && p.missing.length > 0) lines.push(`      ontbrekende feiten: ${p.missing.map(factLabel).join(', ')}`);
  return lines;
}

export function questionWeight(q: { decides: number; involved: number }): string {
  const decides = q.decides > 0 ? `beslist ${q.decides} product${q.decides === 1 ? '' : 'en'}, ` : '';
  return `${decides}speelt mee bij ${q.involved} product${q.involved === 1 ? '' : 'en'}`;
}

export function renderText(evaluation: Evaluation & WithGeldigheid, vocabulary: Vocabulary, style: Style, profileName: string): string {
  const lines: string[] = [];
  lines.push(style.bold(`${evaluation.regionName} — profiel ${profileName}`));
  lines.push('');
  if (evaluation.families.length > 0) {
    lines.push(style.bold('Lichtst passende voorziening per familie'));
    for (const family of evaluation.families) {
      const text = familyText(family, vocabulary);
      const colour = family.status === 'bepaald' || family.status === 'keuze-toegang' ? style.green : family.status === 'geen' ? style.red : style.yellow;
      lines.push(`  ${family.familie}: ${colour(text)}`);
    }
    lines.push('');
  }
  if (evaluation.verwijzingen.length > 0) {
    const naam = productName(evaluation);
    lines.push(style.bold('Verwijzingen en vervolg'));
    for (const v of evaluation.verwijzingen) {
      lines.push(`  • ${referralLine(v, naam)}`);
      lines.push(style.dim(`      bron: "${v.bron}"`));
    }
    lines.push('');
  }
  lines.push(style.bold('Producten'));
  const sorted = [...evaluation.products].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  for (const p of sorted) lines.push(...productBlock(p, vocabulary, style));
  const notValid = evaluation.geldigheid?.nietGeldig ?? [];
  if (notValid.length > 0) {
    lines.push('');
    lines.push(style.bold(`Niet geldig op peildatum ${evaluation.geldigheid!.peildatum}`));
    for (const n of notValid) lines.push(`  ${style.dim('○ niet geldig op peildatum')}  ${n.product.naam} ${style.dim(`(${n.product.id}; ${productCodesText(n.product)}; geldig ${periodText(n.period)})`)}`);
  }
  if (evaluation.questions.length > 0) {
    lines.push('');
    lines.push(style.bold('Nog te vragen (meest beslissend eerst)'));
    evaluation.questions.forEach((q, i) => {
      const fact = vocabulary.facts.get(q.fact);
      lines.push(`  ${i + 1}. ${factLabel(q.fact)} — ${fact?.omschrijving ?? ''} (${questionWeight(q)})`);
    });
  }
  return lines.join('\n');
}

/** Several catalogues: a side-by-side summary first, then each region in full. */
export function renderComparisonText(evaluations: readonly Evaluation[], style: Style, profileName: string): string {
  const rows = regionRows(evaluations);
  const width = Math.max(...rows.map((r) => r.region.length));
  const lines = [style.bold(`Vergelijking per regio — profiel ${profileName}`), ''];
  for (const row of rows) {
    lines.push(`  ${row.region.padEnd(width)}  ${row.offered.length > 0 ? style.green(offeredText(row)) : style.red(offeredText(row))}`);
    if (row.undecided > 0) lines.push(`  ${' '.repeat(width)}  ${style.yellow(`${row.undecided} nog onbekend; eerst vragen: ${row.questions.map(factLabel).join(', ')}`)}`);
  }
  return lines.join('\n');
}
