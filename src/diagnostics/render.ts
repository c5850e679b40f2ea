/** Compiler-style printing: file:line:col, severity and code, the source line and a caret. */
import type { Diagnostic } from './diagnostic.js';
import { sortDiagnostics } from './diagnostic.js';
import type { Style } from '../report/style.js';
import { escapeControl, escapeControlKeepNewlines, SourceLines, type SourceLine } from './source-line.js';

const SEVERITY_WORD = { fout: 'fout', waarschuwing: 'waarschuwing', info: 'info' } as const;

/** Shown width of a source line; a longer line is shown as a window around the column. */
export const MAX_SHOWN_CHARS = 160;

/**
 * The part of a line to show and the padding that puts the caret under the column. Widths are
 * counted after escaping, so a line of control characters is cut just like a line of letters.
 */
function window(line: SourceLine, col: number): { shown: string; pad: string } | undefined {
  const text = line.text;
  const at = Math.max(0, col - 1);
  // The column lies past the part that was read: showing the start would put the caret wrongly.
  if (line.cut && at >= text.length) return undefined;
  // Binary content: an escaped row of NULs helps nobody.
  if (text.includes('\u0000')) return undefined;
  const pieces = Array.from({ length: text.length }, (_, i) => escapeControl(text[i]!));
  const width = (from: number, to: number): number => pieces.slice(from, to).reduce((sum, p) => sum + p.length, 0);
  let start = 0;
  if (width(0, Math.min(at, text.length)) > MAX_SHOWN_CHARS - 20) {
    start = Math.min(at, text.length);
    while (start > 0 && width(start - 1, Math.min(at, text.length)) <= MAX_SHOWN_CHARS / 2) start--;
  }
  let end = start;
  let used = 0;
  while (end < text.length && used + pieces[end]!.length <= MAX_SHOWN_CHARS) used += pieces[end++]!.length;
  const before = start > 0 ? '…' : '';
  const after = end < text.length || line.cut ? '…' : '';
  const prefix = before + pieces.slice(start, Math.min(at, end)).join('');
  return { shown: before + pieces.slice(start, end).join('') + after, pad: prefix.replace(/[^\t]/g, ' ') };
}

export function renderDiagnostic(d: Diagnostic, style: Style, lines = new SourceLines()): string {
  const where = d.span ? `${d.span.file}:${d.span.line}:${d.span.col}: ` : '';
  const severity = d.severity === 'fout' ? style.red(SEVERITY_WORD[d.severity]) : style.yellow(SEVERITY_WORD[d.severity]);
  // Messages quote the user's input; a raw escape sequence there could rewrite the terminal.
  const out = [`${escapeControl(where)}${severity} ${style.bold(d.code)}: ${escapeControlKeepNewlines(d.message)}`];
  if (d.span) {
    const line = lines.line(d.span.file, d.span.line);
    const shown = line && window(line, d.span.col);
    if (shown) {
      const gutter = `${d.span.line}`;
      out.push(style.dim(`  ${gutter} | `) + shown.shown);
      out.push(style.dim(`  ${' '.repeat(gutter.length)} | `) + shown.pad + style.red('^'));
    }
  }
  if (d.hint) out.push(`  hulp: ${escapeControlKeepNewlines(d.hint).replace(/\n/g, '\n        ')}`);
  return out.join('\n');
}

export function renderDiagnostics(diagnostics: readonly Diagnostic[], style: Style): string {
  const lines = new SourceLines();
  return sortDiagnostics(diagnostics).map((d) => renderDiagnostic(d, style, lines)).join('\n\n');
}

export function summary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'fout').length;
  const warnings = diagnostics.filter((d) => d.severity === 'waarschuwing').length;
  return `${errors} fout${errors === 1 ? '' : 'en'}, ${warnings} waarschuwing${warnings === 1 ? '' : 'en'}`;
}
