/** Printing helpers shared by the commands. Paths are shown relative to where the user is. */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { renderDiagnostics } from '../diagnostics/render.js';
import { styleFor } from '../report/style.js';
import { canonicalPath, sameFile, writeFileAtomic, writeProblem } from '../util/write.js';
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
 * The refusal for an output path that is, or lies inside, one of the command's inputs (a file or a
 * folder it reads), so no command overwrites or pollutes what it reads. Symbolic links and `..`
 * are resolved first; a hard link to an input file counts as that file. Relative paths are taken
 * from `io.cwd` (or the process's folder) and shown as the user would type them.
 */
export function refuseOverwrite(output: string, inputs: readonly string[], io?: CliIO): Diagnostic | undefined {
  const cwd = io?.cwd ?? process.cwd();
  const show = (file: string) => (io ? displayPath(io, file) : file);
  const target = resolve(cwd, output);
  const canonicalTarget = canonicalPath(target);
  for (const input of inputs) {
    const source = resolve(cwd, input);
    const canonicalSource = canonicalPath(source);
    const same = canonicalTarget === canonicalSource || sameFile(target, source);
    const inside = !same && canonicalTarget.startsWith(canonicalSource.endsWith(sep) ? canonicalSource : `${canonicalSource}${sep}`);
    if (!same && !inside) continue;
    // Where a link leads is what matters: show it when the path as given does not say so.
    const via = canonicalTarget !== target && !target.startsWith(`${source}${sep}`) && target !== source ? show(canonicalTarget) : undefined;
    return diag('WZ120', { output: show(target), input: show(source), relation: same ? 'is dezelfde als de' : 'ligt in de', ...(via ? { via } : {}) });
  }
  return undefined;
}

/** The diagnostic for a failed write: it says the file cannot be written, and why. */
export function writeError(io: CliIO, target: string, error: unknown): Diagnostic {
  return diag('WZ121', { path: displayPath(io, target), detail: writeProblem(error) });
}

/**
 * Writes `text` to stdout, or to the file of an -o option (folders created): into a temporary
 * file beside it that is renamed into place, so an interrupted run never leaves half a file.
 * An output that is (inside) one of `inputs` is refused before anything is written. Returns the
 * shown path of the written file, null for stdout, or undefined after reporting the problem.
 */
export function writeOutput(io: CliIO, output: unknown, text: string, inputs: readonly string[] = []): string | null | undefined {
  if (typeof output !== 'string') {
    io.stdout.write(text);
    return null;
  }
  const target = resolve(io.cwd, output);
  const refused = refuseOverwrite(target, inputs, io);
  if (refused) {
    printDiagnostics(io, [refused]);
    return undefined;
  }
  try {
    writeFileAtomic(target, text);
  } catch (error) {
    printDiagnostics(io, [writeError(io, target, error)]);
    return undefined;
  }
  return displayPath(io, target);
}
