/**
 * wijzer fmt [paths] [--check]: rewrites catalogue, vocabulary, definition, golden-case and
 * profile files in one canonical layout (src/fmt/). With --check nothing is written: the files
 * that would change are listed and the exit code is 1, for CI.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { diag } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatYaml } from '../../fmt/format.js';
import { readTextFile } from '../../util/files.js';
import { canonicalPath, writeFileAtomic } from '../../util/write.js';
import { parse } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { displayPath, printDiagnostics, writeError } from '../output.js';
import { usageError } from './check.js';
import { FMT_USAGE } from './usage.js';

export { FMT_USAGE };

/** What fmt formats when no path is given, relative to the current folder. */
export const FMT_DEFAULT_PATHS = ['catalogue', 'rules', 'test/golden', 'profielen'] as const;

const YAML_FILE = /\.ya?ml$/i;

export async function fmtCommand(argv: string[], io: CliIO): Promise<number> {
  const { parsed, error } = parse(argv, { check: { type: 'boolean' } }, FMT_USAGE);
  if (!parsed) return usageError(io, error!);
  const check = parsed.values['check'] === true;
  const explicit = parsed.positionals.length > 0;
  const roots = (explicit ? parsed.positionals : [...FMT_DEFAULT_PATHS]).map((p) => resolve(io.cwd, p));

  const diagnostics: Diagnostic[] = [];
  const files = collectFiles(roots, explicit, diagnostics, (file) => displayPath(io, file));
  if (!explicit && files.length === 0 && diagnostics.length === 0) {
    diagnostics.push(diag('WZ101', { path: FMT_DEFAULT_PATHS.join(', ') }));
  }

  const changed: string[] = [];
  for (const file of files) {
    const read = readTextFile(file);
    if (!read.file) {
      diagnostics.push(...read.diagnostics);
      continue;
    }
    const result = formatYaml(read.file.text, file);
    diagnostics.push(...result.diagnostics);
    if (!result.changed || result.text === undefined) continue;
    if (!check) {
      try {
        writeFileAtomic(file, result.text);
      } catch (problem) {
        diagnostics.push(writeError(io, file, problem));
        continue;
      }
    }
    changed.push(file);
    io.stdout.write(`${displayPath(io, file)}\n`);
  }

  printDiagnostics(io, diagnostics);
  io.stdout.write(`${summary(check, changed.length, files.length, diagnostics)}\n`);
  const failed = diagnostics.some((d) => d.severity === 'fout');
  return failed || (check && changed.length > 0) ? EXIT.invalid : EXIT.ok;
}

function summary(check: boolean, changed: number, total: number, diagnostics: readonly Diagnostic[]): string {
  const files = (n: number) => `${n} ${n === 1 ? 'bestand' : 'bestanden'}`;
  const broken = new Set(diagnostics.filter((d) => d.severity === 'fout').map((d) => d.span?.file ?? '')).size;
  const skipped = broken > 0 ? `; ${files(broken)} niet opgemaakt vanwege de fouten hierboven` : '';
  if (check) {
    if (changed === 0) return `${files(total)} gecontroleerd: alles is al opgemaakt${skipped}.`;
    return `${files(total)} gecontroleerd: ${changed} ${changed === 1 ? 'is' : 'zijn'} niet opgemaakt (voer wijzer fmt uit)${skipped}.`;
  }
  return `${files(total)} gecontroleerd, ${changed} opgemaakt${skipped}.`;
}

/**
 * The YAML files under the given paths, sorted and each once. A folder is searched recursively
 * (hidden folders and symbolic links to folders are skipped, so a link cannot lead in a circle).
 * A given path that does not exist, or a given file that is not YAML, is a diagnostic; a default
 * folder that does not exist is skipped.
 */
function collectFiles(roots: readonly string[], explicit: boolean, diagnostics: Diagnostic[], show: (file: string) => string): string[] {
  const found = new Map<string, string>();
  const add = (file: string) => {
    const key = canonicalPath(file);
    if (!found.has(key)) found.set(key, file);
  };
  for (const root of roots) {
    let isDir: boolean;
    try {
      isDir = statSync(root).isDirectory();
    } catch {
      if (explicit) {
        // readTextFile gives the coded reason (missing, no permission, a loop, a file in the path).
        diagnostics.push(...readTextFile(root).diagnostics.map((d) => (d.code === 'WZ101' ? diag('WZ101', { path: show(root) }, d.span) : d)));
      }
      continue;
    }
    if (isDir) walk(root, add);
    else if (YAML_FILE.test(root)) add(root);
    else diagnostics.push(diag('WZ122', { path: show(root) }, { file: root, line: 1, col: 1 }));
  }
  return [...found.values()].sort();
}

function walk(folder: string, add: (file: string) => void): void {
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const path = join(folder, name);
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      continue;
    }
    if (stat.isDirectory()) walk(path, add);
    else if (YAML_FILE.test(name) && (stat.isFile() || stat.isSymbolicLink())) add(path);
  }
}
