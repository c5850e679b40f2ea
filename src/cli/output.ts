/** Printing helpers shared by the commands. Paths are shown relative to where the user is. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { renderDiagnostics } from '../diagnostics/render.js';
import { styleFor } from '../report/style.js';
import type { CliIO } from './io.js';

export function displayPath(io: CliIO, file: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(io.cwd, file);
  return rel.startsWith('..') && rel.split('/').filter((p) => p === '..').length > 2 ? file : rel || '.';
}

/** Renders with the real (absolute) file for reading source lines, then shows short paths. */
export function printDiagnostics(io: CliIO, diagnostics: readonly Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  const text = renderDiagnostics(diagnostics, styleFor(io.stderr, io.env));
  const files = [...new Set(diagnostics.flatMap((d) => (d.span ? [d.span.file] : [])))].sort((a, b) => b.length - a.length);
  let shown = text;
  for (const file of files) shown = shown.split(`${file}:`).join(`${displayPath(io, file)}:`);
  io.stderr.write(`${shown}\n`);
}

export function diagnosticsJson(io: CliIO, diagnostics: readonly Diagnostic[]): object[] {
  return diagnostics.map((d) => ({ ...d, ...(d.span ? { span: { ...d.span, file: displayPath(io, d.span.file) } } : {}) }));
}

export function writeJson(io: CliIO, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Writes `text` to stdout, or to the file of an -o option (folders created). Returns the shown
 * path of the written file, null for stdout, or undefined after reporting a write error.
 */
export function writeOutput(io: CliIO, output: unknown, text: string): string | null | undefined {
  if (typeof output !== 'string') {
    io.stdout.write(text);
    return null;
  }
  const target = resolve(io.cwd, output);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  } catch (e) {
    printDiagnostics(io, [diag('WZ109', { detail: `kan ${output} niet schrijven (${(e as NodeJS.ErrnoException).code ?? 'onbekend'})` })]);
    return undefined;
  }
  return displayPath(io, target);
}
