/** Analysis reports: diagnostics with counterexamples (text), Markdown, JSON ("wijzer-analyse/1"). */
import { stringify } from 'yaml';
import type { Style } from '../report/style.js';
import type { Finding } from './analyse.js';

export const ANALYSIS_FORMAT = 'wijzer-analyse/1';

export function counterexampleYaml(finding: Finding): string {
  return stringify(finding.counterexample ?? {}, { flowCollectionPadding: false }).trimEnd();
}

export function summaryLine(findings: readonly Finding[]): string {
  const open = findings.filter((f) => !f.acknowledged && f.diagnostic.severity !== 'info').length;
  const acknowledged = findings.filter((f) => f.acknowledged).length;
  const info = findings.filter((f) => !f.acknowledged && f.diagnostic.severity === 'info').length;
  return `${open} bevinding${open === 1 ? '' : 'en'}, ${acknowledged} erkend, ${info} ter informatie`;
}

export function renderAnalysisMarkdown(catalogue: string, findings: readonly Finding[]): string {
  const out = [`# Analyse: ${catalogue}`, '', summaryLine(findings), ''];
  for (const f of findings) {
    out.push(`## ${f.diagnostic.code} \`${f.key}\``, '', f.diagnostic.message, '');
    if (f.acknowledged) out.push(`Erkend: ${f.acknowledged}`, '');
    if (f.counterexample) out.push('Tegenvoorbeeld:', '', '```yaml', counterexampleYaml(f), '```', '');
  }
  return `${out.join('\n')}\n`;
}

export function analysisJson(catalogue: string, findings: readonly Finding[], displayFile: (file: string) => string): object {
  return {
    formaat: ANALYSIS_FORMAT,
    catalogus: catalogue,
    bevindingen: findings.map((f) => ({
      sleutel: f.key,
      code: f.diagnostic.code,
      severity: f.diagnostic.severity,
      message: f.diagnostic.message,
      span: f.diagnostic.span ? { ...f.diagnostic.span, file: displayFile(f.diagnostic.span.file) } : null,
      erkend: f.acknowledged ?? null,
      tegenvoorbeeld: f.counterexample ?? null,
    })),
  };
}

export function counterexampleBlock(finding: Finding, style: Style): string {
  return `  sleutel: ${finding.key}${finding.counterexample ? `\n  tegenvoorbeeld:\n${style.dim(counterexampleYaml(finding).replace(/^/gm, '    '))}` : ''}`;
}
