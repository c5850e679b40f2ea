/** Impact reports: text, Markdown, JSON ("wijzer-impact/1") and a standalone HTML page. */
import type { Style } from '../report/style.js';
import type { GroupImpact, ImpactCell, ImpactReport } from './impact.js';

export const IMPACT_FORMAT = 'wijzer-impact/1';

function changedCells(group: GroupImpact): ImpactCell[] {
  return [...group.cells.values()].filter((c) => c.from !== c.to).sort((a, b) => b.count - a.count);
}

function changedGroups(report: ImpactReport): GroupImpact[] {
  return [...report.groups.values()].filter((g) => g.changed > 0).sort((a, b) => b.changed - a.changed);
}

function topCauses(cell: ImpactCell, n = 3): [string, number][] {
  return [...cell.causes.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
}

function percentage(part: number, total: number): string {
  return total === 0 ? '0' : ((100 * part) / total).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
}

function skippedText(report: ImpactReport): string {
  return report.skipped > 0 ? ` (${report.skipped} ongeldige overgeslagen)` : '';
}

function headline(report: ImpactReport): string {
  const rate = report.seconds > 0 ? Math.round(report.total / report.seconds) : report.total;
  return `${report.total} profielen${skippedText(report)}, ${report.changedProfiles} met een andere uitkomst (${percentage(report.changedProfiles, report.total)}%); ${report.seconds.toFixed(1)} s (${rate} profielen/s)`;
}

export function renderImpactText(report: ImpactReport, style: Style): string {
  const lines = [style.bold(`Impact: ${report.base} → ${report.current} (${report.catalogue})`), headline(report)];
  for (const group of changedGroups(report)) {
    lines.push('', style.bold(`${group.group}: ${group.changed} profielen veranderen`));
    for (const cell of changedCells(group)) {
      lines.push(`  ${style.red(cell.from)} → ${style.green(cell.to)}: ${cell.count}`);
      for (const [cause, count] of topCauses(cell)) lines.push(`      oorzaak: ${cause} (${count}×)`);
      lines.push(style.dim(`      voorbeelden: ${cell.examples.map((e) => e.id).join(', ')}`));
    }
  }
  if (report.changedProfiles === 0) lines.push('', style.green('Geen enkel profiel krijgt een andere uitkomst.'));
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function renderImpactMarkdown(report: ImpactReport): string {
  const out = [`# Impact: ${report.base} → ${report.current}`, '', headline(report), ''];
  for (const group of changedGroups(report)) {
    out.push(`## ${group.group} (${group.changed} profielen)`, '', '| Was | Wordt | Aantal | Oorzaak | Voorbeelden |', '|---|---|---|---|---|');
    for (const c of changedCells(group)) {
      out.push(`| ${cell(c.from)} | ${cell(c.to)} | ${c.count} | ${cell(topCauses(c).map(([k, n]) => `${k} (${n}×)`).join('<br>'))} | ${c.examples.map((e) => e.id).join(', ')} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

export function impactJson(report: ImpactReport): object {
  return {
    formaat: IMPACT_FORMAT,
    basis: report.base,
    huidig: report.current,
    catalogus: report.catalogue,
    profielen: report.total,
    overgeslagen: report.skipped,
    gewijzigd: report.changedProfiles,
    seconden: Number(report.seconds.toFixed(3)),
    groepen: [...report.groups.values()].map((g) => ({
      groep: g.group,
      gewijzigd: g.changed,
      overgangen: [...g.cells.values()].map((c) => ({
        was: c.from,
        wordt: c.to,
        aantal: c.count,
        oorzaken: [...c.causes.entries()].map(([oorzaak, aantal]) => ({ oorzaak, aantal })),
        voorbeelden: c.examples.map((e) => ({ id: e.id, cause: e.cause })),
      })),
    })),
  };
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One page, no external resources: the transition matrix per group, then causes and examples. */
export function renderImpactHtml(report: ImpactReport): string {
  const sections = [...report.groups.values()]
    .sort((a, b) => b.changed - a.changed || a.group.localeCompare(b.group))
    .map((group) => {
      const cells = [...group.cells.values()];
      const froms = [...new Set(cells.map((c) => c.from))].sort();
      const tos = [...new Set(cells.map((c) => c.to))].sort();
      const count = (f: string, t: string) => cells.find((c) => c.from === f && c.to === t)?.count ?? 0;
      const matrix = `<table><thead><tr><th>was ↓ / wordt →</th>${tos.map((t) => `<th>${escapeHtml(t)}</th>`).join('')}</tr></thead><tbody>${froms
        .map((f) => `<tr><th>${escapeHtml(f)}</th>${tos.map((t) => `<td class="${f === t ? 'same' : count(f, t) > 0 ? 'moved' : ''}">${count(f, t) || ''}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
      const details = changedCells(group)
        .map((c) => `<li><b>${escapeHtml(c.from)} → ${escapeHtml(c.to)}</b>: ${c.count}<ul>${topCauses(c, 5).map(([k, n]) => `<li>${escapeHtml(k)} (${n}×)</li>`).join('')}<li class="examples">voorbeelden: ${c.examples.map((e) => escapeHtml(e.id)).join(', ')}</li></ul></li>`)
        .join('');
      return `<section><h2>${escapeHtml(group.group)} <small>${group.changed} gewijzigd</small></h2>${matrix}${details ? `<ul>${details}</ul>` : ''}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Impact ${escapeHtml(report.catalogue)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:right}th{background:#f4f4f4;text-align:left}td.same{color:#888}td.moved{background:#fde2c8;font-weight:bold}small{color:#666;font-weight:normal}.examples{color:#666}</style>
</head><body>
<h1>Impact: ${escapeHtml(report.base)} → ${escapeHtml(report.current)}</h1>
<p>${escapeHtml(report.catalogue)}: ${escapeHtml(headline(report))}</p>
${sections}
</body></html>
`;
}
