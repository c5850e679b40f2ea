/** Compiler-style printing: file:line:col, severity and code, the source line and a caret. */
import { readFileSync } from 'node:fs';
import type { Diagnostic } from './diagnostic.js';
import { sortDiagnostics } from './diagnostic.js';
import type { Style } from '../report/style.js';

const SEVERITY_WORD = { fout: 'fout', waarschuwing: 'waarschuwing', info: 'info' } as const;

function sourceLine(file: string, line: number, cache: Map<string, string[] | null>): string | undefined {
  if (!cache.has(file)) {
    try {
      cache.set(file, readFileSync(file, 'utf8').split(/\r?\n/));
    } catch {
      cache.set(file, null);
    }
  }
  return cache.get(file)?.[line - 1];
}

export function renderDiagnostic(d: Diagnostic, style: Style, cache = new Map<string, string[] | null>()): string {
  const where = d.span ? `${d.span.file}:${d.span.line}:${d.span.col}: ` : '';
  const severity = d.severity === 'fout' ? style.red(SEVERITY_WORD[d.severity]) : style.yellow(SEVERITY_WORD[d.severity]);
  const lines = [`${where}${severity} ${style.bold(d.code)}: ${d.message}`];
  if (d.span) {
    const text = sourceLine(d.span.file, d.span.line, cache);
    if (text !== undefined && text.length <= 400) {
      const gutter = `${d.span.line}`;
      lines.push(style.dim(`  ${gutter} | `) + text);
      const pad = text.slice(0, Math.max(0, d.span.col - 1)).replace(/[^\t]/g, ' ');
      lines.push(style.dim(`  ${' '.repeat(gutter.length)} | `) + pad + style.red('^'));
    }
  }
  if (d.hint) lines.push(`  hulp: ${d.hint.replace(/\n/g, '\n        ')}`);
  return lines.join('\n');
}

export function renderDiagnostics(diagnostics: readonly Diagnostic[], style: Style): string {
  const cache = new Map<string, string[] | null>();
  return sortDiagnostics(diagnostics).map((d) => renderDiagnostic(d, style, cache)).join('\n\n');
}

export function summary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'fout').length;
  const warnings = diagnostics.filter((d) => d.severity === 'waarschuwing').length;
  return `${errors} fout${errors === 1 ? '' : 'en'}, ${warnings} waarschuwing${warnings === 1 ? '' : 'en'}`;
}
