/** Safe file access for user-supplied paths: size limits and encoding checks, no throws. */
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface TextFile {
  readonly path: string;
  readonly text: string;
}

export function readTextFile(path: string): { file?: TextFile; diagnostics: Diagnostic[] } {
  const at = { file: path, line: 1, col: 1 };
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { diagnostics: [diag('WZ109', { detail: 'dit is geen gewoon bestand' }, at)] };
    size = stat.size;
  } catch {
    return { diagnostics: [diag('WZ101', { path }, at)] };
  }
  if (size > MAX_FILE_BYTES) return { diagnostics: [diag('WZ102', { size, max: MAX_FILE_BYTES }, at)] };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { diagnostics: [diag('WZ109', { detail: (error as NodeJS.ErrnoException).code ?? 'onbekend' }, at)] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { diagnostics: [diag('WZ103', {}, at)] };
  }
  if (text.includes('\u0000')) return { diagnostics: [diag('WZ103', {}, at)] };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { file: { path, text }, diagnostics: [] };
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** YAML files directly inside a folder, sorted so output is stable. */
export function yamlFilesIn(folder: string): string[] {
  if (!isDirectory(folder)) return [];
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => join(folder, name));
}

/** The package root, found from this module's location (works from src/ and dist/src/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      if (statSync(join(dir, 'package.json')).isFile() && statSync(join(dir, 'schemas')).isDirectory()) return dir;
    } catch {
      // keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('wijzer: package root not found');
    dir = parent;
  }
}

export function fromRoot(...parts: string[]): string {
  return resolve(packageRoot(), ...parts);
}
