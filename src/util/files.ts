/**
 * Safe file access for user-supplied paths, no throws. Only regular files are read: a FIFO
 * blocks forever, /dev/zero never ends, a directory or socket cannot be read as text. Each
 * read checks the type and size before reading, and again on the open descriptor, so a file
 * swapped between the check and the open cannot slip through.
 */
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, statSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface TextFile {
  readonly path: string;
  readonly text: string;
}

/** The read-side limits of one file check. Without maxBytes any size is allowed (streaming readers). */
export interface ReadLimits {
  readonly maxBytes?: number;
}

/** Paths are echoed in messages; a hostile path of kilobytes is cut. */
function shownPath(path: string): string {
  return path.length > 200 ? `${path.slice(0, 100)}…${path.slice(-60)}` : path;
}

function notRegular(path: string, stat: Stats): Diagnostic | undefined {
  if (stat.isFile()) return undefined;
  const at = { file: path, line: 1, col: 1 };
  const p = { path: shownPath(path) };
  if (stat.isDirectory()) return diag('WZ112', p, at);
  if (stat.isFIFO()) return diag('WZ113', p, at);
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return diag('WZ114', p, at);
  if (stat.isSocket()) return diag('WZ115', p, at);
  return diag('WZ109', { detail: 'dit is geen gewoon bestand' }, at);
}

function tooLarge(path: string, size: number, maxBytes: number | undefined): Diagnostic | undefined {
  if (maxBytes === undefined || size <= maxBytes) return undefined;
  return diag('WZ102', { size, max: maxBytes }, { file: path, line: 1, col: 1 });
}

/** The coded error for a failed stat or open. */
function accessError(path: string, error: unknown): Diagnostic {
  const at = { file: path, line: 1, col: 1 };
  const p = { path: shownPath(path) };
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return diag('WZ101', p, at);
    case 'ELOOP':
      return diag('WZ116', p, at);
    case 'EACCES':
    case 'EPERM':
      return diag('WZ117', p, at);
    case 'ENOTDIR':
      return diag('WZ118', p, at);
    case 'ENAMETOOLONG':
      return diag('WZ119', p, at);
    case 'ENXIO': // opening a socket
      return diag('WZ115', p, at);
    default:
      return diag('WZ109', { detail: code ?? 'onbekend' }, at);
  }
}

/**
 * Checks without opening that `path` is a regular file within the limits. Opening is left
 * out on purpose: opening some devices already has effects.
 */
export function checkRegularFile(path: string, limits: ReadLimits = {}): { size?: number; diagnostics: Diagnostic[] } {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (error) {
    return { diagnostics: [accessError(path, error)] };
  }
  const problem = notRegular(path, stat) ?? tooLarge(path, stat.size, limits.maxBytes);
  return problem ? { diagnostics: [problem] } : { size: stat.size, diagnostics: [] };
}

// Non-blocking, so a FIFO swapped in after the check cannot hang the open; no controlling tty.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * Opens a regular file for reading after checking its type and size (again on the open
 * descriptor). The caller closes `fd`, e.g. by handing it to createReadStream({ fd }).
 */
export function openRegularFile(path: string, limits: ReadLimits = {}): { fd?: number; size?: number; diagnostics: Diagnostic[] } {
  const checked = checkRegularFile(path, limits);
  if (checked.size === undefined) return checked;
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return { diagnostics: [accessError(path, error)] };
  }
  try {
    const stat = fstatSync(fd);
    const problem = notRegular(path, stat) ?? tooLarge(path, stat.size, limits.maxBytes);
    if (problem) {
      closeSync(fd);
      return { diagnostics: [problem] };
    }
    return { fd, size: stat.size, diagnostics: [] };
  } catch (error) {
    closeSync(fd);
    return { diagnostics: [accessError(path, error)] };
  }
}

/**
 * Reads at most maxBytes + 1 bytes from an open file: the size from stat can be stale (a file
 * that grows, a /proc file that reports 0), so the limit is enforced on what is actually read.
 */
function readAtMost(fd: number, expected: number, maxBytes: number): { bytes: Buffer; over: boolean } {
  let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(expected + 1, 64 * 1024)));
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      if (buffer.length > maxBytes) return { bytes: buffer, over: true };
      const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
      buffer.copy(grown, 0, 0, total);
      buffer = grown;
    }
    const n = readSync(fd, buffer, total, buffer.length - total, null);
    if (n === 0) return { bytes: buffer.subarray(0, total), over: false };
    total += n;
  }
}

/**
 * Unsaved texts by absolute path, consulted before the disk (the language server sets it to the
 * editor's open documents). Unset — the CLI — every read goes to the disk as before.
 */
export type ReadOverlay = (absolutePath: string) => string | undefined;
let overlay: ReadOverlay | undefined;

export function setReadOverlay(read: ReadOverlay | undefined): void {
  overlay = read;
}

/** Reads a whole UTF-8 text file of at most maxBytes (default MAX_FILE_BYTES). */
export function readTextFile(path: string, limits: ReadLimits = {}): { file?: TextFile; diagnostics: Diagnostic[] } {
  const at = { file: path, line: 1, col: 1 };
  const maxBytes = limits.maxBytes ?? MAX_FILE_BYTES;
  const unsaved = overlay?.(resolve(path));
  if (unsaved !== undefined) {
    if (Buffer.byteLength(unsaved, 'utf8') > maxBytes) return { diagnostics: [diag('WZ102', { size: Buffer.byteLength(unsaved, 'utf8'), max: maxBytes }, at)] };
    if (unsaved.includes('\u0000')) return { diagnostics: [diag('WZ103', {}, at)] };
    return { file: { path, text: unsaved.charCodeAt(0) === 0xfeff ? unsaved.slice(1) : unsaved }, diagnostics: [] };
  }
  const opened = openRegularFile(path, { maxBytes });
  if (opened.fd === undefined) return { diagnostics: opened.diagnostics };
  let bytes: Buffer;
  try {
    const read = readAtMost(opened.fd, opened.size ?? 0, maxBytes);
    if (read.over) return { diagnostics: [diag('WZ102', { size: `meer dan ${maxBytes}`, max: maxBytes }, at)] };
    bytes = read.bytes;
  } catch (error) {
    return { diagnostics: [accessError(path, error)] };
  } finally {
    closeSync(opened.fd);
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
