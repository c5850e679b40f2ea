/** Markdown: for a memo, a case file or a pull request. */
import type { Evaluation } from '../evaluate/outcome.js';
import type { Vocabulary } from '../vocabulary/types.js';
import { offeredText, regionRows } from './compare.js';
import { questionWeight } from './text.js';
import { productName, openExclusionLines, codeText, combinationText, decisiveClauses, factLabel, familyText, kenmerkLines, leafLine, limitLine, productCodesText, referralLine, relevantLeaves, STATUS_ORDER, unitText } from './explain.js';
import { isHardExcess } from '../evaluate/outcome.js';
import { periodText, type WithGeldigheid } from '../catalogue/validity.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderMarkdown(evaluation: Evaluation & WithGeldigheid, vocabulary: Vocabulary, profileName: string): string {
  const out: string[] = [`# ${evaluation.regionName}: profiel ${profileName}`, ''];
  if (evaluation.families.length > 0) {
    out.push('## Lichtst passende voorziening per familie', '', '| Familie | Uitkomst |', '|---|---|');
    for (const f of evaluation.families) out.push(`| ${cell(f.familie)} | ${cell(familyText(f, vocabulary))} |`);
    out.push('');
  }
  if (evaluation.verwijzingen.length > 0) {
    out.push('## Verwijzingen en vervolg', '');
    for (const v of evaluation.verwijzingen) out.push(`- ${referralLine(v, productName(evaluation))}`, `  > ${v.bron}`);
    out.push('');
  }
  out.push('## Producten', '', '| Product | Codes | Eenheid | Status |', '|---|---|---|---|');
  const sorted = [...evaluation.products].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  for (const p of sorted) out.push(`| ${cell(p.product.naam)} | ${cell(productCodesText(p.product))} | ${cell(unitText(p.product))} | ${p.status} |`);
  out.push('');
  for (const p of sorted) {
    out.push(`### ${p.product.naam}: ${p.status}`, '');
    for (const clause of decisiveClauses(p)) {
      const c = clause.compiled.clause;
      out.push(`- **${c.reden}**${clause.truth === 'onbekend' ? ' _(nog onbekend)_' : ''}`);
      if (p.status !== 'passend') for (const leaf of relevantLeaves(clause)) out.push(`  - ${leafLine(leaf, vocabulary)}`);
      out.push(`  > ${c.bron}`);
    }
    for (const limit of p.limieten) {
      out.push(`- ${isHardExcess(limit) ? '**Limiet overschreden**' : 'Limiet'}: ${limitLine(limit)}`);
      if (limit.verdict === 'overschreden') out.push(`  > ${limit.compiled.limiet.bron}`);
    }
    const combination = combinationText(p);
    if (combination) out.push(`- ${combination}`);
    for (const line of [...openExclusionLines(p), ...kenmerkLines(p)]) out.push(`- ${line}`);
    const code = codeText(p.code);
    if (code) out.push(`- ${code}`);
    if (p.missing.length > 0) out.push(`- Ontbrekende feiten: ${p.missing.map(factLabel).join(', ')}`);
    out.push('');
  }
  const notValid = evaluation.geldigheid?.nietGeldig ?? [];
  if (notValid.length > 0) {
    out.push(`## Niet geldig op peildatum ${evaluation.geldigheid!.peildatum}`, '', '| Product | Codes | Geldig |', '|---|---|---|');
    for (const n of notValid) out.push(`| ${cell(n.product.naam)} | ${cell(productCodesText(n.product))} | ${cell(periodText(n.period))} |`);
    out.push('');
  }
  if (evaluation.questions.length > 0) {
    out.push('## Nog te vragen', '');
    evaluation.questions.forEach((q, i) => out.push(`${i + 1}. ${factLabel(q.fact)} (${questionWeight(q)})`));
    out.push('');
  }
  return out.join('\n');
}

export function renderComparisonMarkdown(evaluations: readonly Evaluation[], profileName: string): string {
  const out = [`# Vergelijking per regio: profiel ${profileName}`, '', '| Regio | Lichtst passend | Nog onbekend | Eerst vragen |', '|---|---|---|---|'];
  for (const row of regionRows(evaluations)) {
    out.push(`| ${cell(row.region)} | ${cell(offeredText(row))} | ${row.undecided} | ${cell(row.questions.map(factLabel).join(', '))} |`);
  }
  return `${out.join('\n')}\n`;
}
