/**
 * Bounded reads of single source lines for the diagnostic renderer. A diagnostic on line 1 of a
 * 400 MB profile must not read 400 MB: lines are found by scanning in small chunks from the
 * nearest line start seen before, up to a scan budget, and only a window of the line is kept.
 */
import { closeSync, readSync } from 'node:fs';
import { openRegularFile } from '../util/files.js';

const BLOCK_BYTES = 64 * 1024;
/** Past this many bytes of scanning for one line the source line is simply not shown. */
export const MAX_SCAN_BYTES = 32 * 1024 * 1024;
/** At most this much of one line is read; longer lines are cut. */
export const MAX_LINE_BYTES = 16 * 1024;

export interface SourceLine {
  readonly text: string;
  /** True when the line goes on past MAX_LINE_BYTES. */
  readonly cut: boolean;
}

/** Known line starts of one file, kept so diagnostics sorted by line continue the scan. */
interface FileLines {
  readonly starts: Map<number, number>;
  /** The last block read, so nearby lines cost no new read. */
  block?: { readonly start: number; readonly bytes: Buffer };
}

export class SourceLines {
  private readonly files = new Map<string, FileLines | null>();

  /** The given 1-based line of `file`, or undefined when it is not a readable regular file or too far in. */
  line(file: string, lineNumber: number): SourceLine | undefined {
    if (!Number.isSafeInteger(lineNumber) || lineNumber < 1) return undefined;
    let known = this.files.get(file);
    if (known === null) return undefined;
    // No size limit: only small windows are read. The type check keeps FIFOs and devices out.
    const opened = openRegularFile(file);
    if (opened.fd === undefined) {
      this.files.set(file, null);
      return undefined;
    }
    if (!known) {
      known = { starts: new Map([[1, 0]]) };
      this.files.set(file, known);
    }
    try {
      const start = findLineStart(opened.fd, known, lineNumber);
      return start === undefined ? undefined : readLine(opened.fd, known, start);
    } catch {
      return undefined;
    } finally {
      closeSync(opened.fd);
    }
  }
}

/** The block of the file that holds `position` (empty past the end). */
function blockAt(fd: number, known: FileLines, position: number): { start: number; bytes: Buffer } {
  const start = position - (position % BLOCK_BYTES);
  if (known.block?.start !== start) {
    const bytes = Buffer.allocUnsafe(BLOCK_BYTES);
    let length = 0;
    for (;;) {
      const n = readSync(fd, bytes, length, BLOCK_BYTES - length, start + length);
      if (n === 0) break;
      length += n;
      if (length === BLOCK_BYTES) break;
    }
    known.block = { start, bytes: bytes.subarray(0, length) };
  }
  return known.block;
}

function findLineStart(fd: number, known: FileLines, lineNumber: number): number | undefined {
  const cached = known.starts.get(lineNumber);
  if (cached !== undefined) return cached;
  let line = 1;
  for (const l of known.starts.keys()) if (l <= lineNumber && l > line) line = l;
  const from = known.starts.get(line)!;
  let position = from;
  while (position - from < MAX_SCAN_BYTES) {
    const block = blockAt(fd, known, position);
    if (position >= block.start + block.bytes.length) return undefined;
    const newline = block.bytes.indexOf(0x0a, position - block.start);
    if (newline < 0) {
      position = block.start + block.bytes.length;
      continue;
    }
    position = block.start + newline + 1;
    if (++line === lineNumber) {
      known.starts.set(lineNumber, position);
      return position;
    }
  }
  return undefined;
}

function readLine(fd: number, known: FileLines, start: number): SourceLine {
  const parts: Buffer[] = [];
  let length = 0;
  let position = start;
  while (length < MAX_LINE_BYTES) {
    const block = blockAt(fd, known, position);
    const offset = position - block.start;
    if (offset >= block.bytes.length) break;
    const newline = block.bytes.indexOf(0x0a, offset);
    const end = Math.min(newline < 0 ? block.bytes.length : newline, offset + MAX_LINE_BYTES - length);
    parts.push(block.bytes.subarray(offset, end));
    length += end - offset;
    if (newline >= 0 && newline === end) return { text: decode(Buffer.concat(parts)), cut: false };
    position = block.start + end;
  }
  return { text: decode(Buffer.concat(parts)), cut: length >= MAX_LINE_BYTES };
}

function decode(bytes: Buffer): string {
  // A cut can split a multi-byte character; the replacement character is fine for display.
  const text = bytes.toString('utf8');
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

/**
 * Characters that must not reach a terminal raw: C0 controls except tab, DEL, C1 controls
 * (ANSI escape sequences, bells), and the invisible or direction-changing marks that can make
 * shown text differ from what is in the file.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Like escapeControl, but keeps line breaks (for multi-line messages and hints). */
export function escapeControlKeepNewlines(text: string): string {
  return text.split('\n').map(escapeControl).join('\n');
}
