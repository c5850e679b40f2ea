/**
 * Strict JSON for profiles (a .json profile file, a line of a .jsonl population): JSON.parse,
 * plus what it does not check — a key that occurs twice in one object (JSON.parse silently keeps
 * the last, so one of two stated values would vanish; the YAML loader refuses it too) — and the
 * position of a syntax error. A .json profile used to be read as YAML, which accepts a trailing
 * comma, comments and unquoted words that no other JSON tool would.
 */
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TextFile } from '../util/files.js';

export type JsonText =
  | { readonly value: unknown }
  | { readonly error: 'syntax'; readonly offset: number }
  | { readonly error: 'duplicate'; readonly key: string; readonly offset: number };

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORDS = ['true', 'false', 'null'];

/**
 * Where text that JSON.parse refused goes wrong: V8 names a position for some mistakes only, so
 * the grammar is walked here (iteratively: a hostile file may nest deeply). Returns the offset of
 * the first character that cannot continue the JSON, or the length of the text when it ends early.
 */
export function jsonErrorOffset(text: string): number {
  const open: string[] = [];
  let i = 0;
  let state: 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'afterValue' | 'done' = 'value';
  const closed = () => (open.length === 0 ? 'done' : 'afterValue');
  /** Past a string starting at i; false (i at the problem) when it is not a valid string. */
  const string = (): boolean => {
    for (i++; i < text.length; ) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c !== 0x5c) i++;
      else if (text[i + 1] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
      else if ('"\\/bfnrt'.includes(text[i + 1] ?? 'x') && i + 1 < text.length) i += 2;
      else return false;
    }
    return false;
  };
  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
    if (i >= text.length) return state === 'done' ? -1 : text.length;
    const c = text[i]!;
    switch (state) {
      case 'done':
        return i;
      case 'valueOrEnd':
      case 'value': {
        if (state === 'valueOrEnd' && c === ']') {
          open.pop();
          i++;
          state = closed();
        } else if (c === '{' || c === '[') {
          open.push(c);
          i++;
          state = c === '{' ? 'keyOrEnd' : 'valueOrEnd';
        } else if (c === '"') {
          if (!string()) return i;
          state = closed();
        } else {
          NUMBER.lastIndex = i;
          const word = WORDS.find((w) => text.startsWith(w, i));
          if (word) i += word.length;
          else if (NUMBER.test(text)) i = NUMBER.lastIndex;
          else return i;
          state = closed();
        }
        break;
      }
      case 'keyOrEnd':
      case 'key': {
        if (state === 'keyOrEnd' && c === '}') {
          open.pop();
          i++;
          state = closed();
          break;
        }
        if (c !== '"' || !string()) return i;
        while (i < text.length && WHITESPACE.has(text[i]!)) i++;
        if (text[i] !== ':') return i;
        i++;
        state = 'value';
        break;
      }
      case 'afterValue': {
        const inObject = open[open.length - 1] === '{';
        if (c === ',') state = inObject ? 'key' : 'value';
        else if (c === (inObject ? '}' : ']')) {
          open.pop();
          state = closed();
        } else return i;
        i++;
        break;
      }
    }
  }
}

export function parseJsonText(text: string): JsonText {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'syntax', offset: Math.max(0, jsonErrorOffset(text)) };
  }
  const duplicate = typeof value === 'object' && value !== null && !keysAllDistinct(text, value) ? duplicateKey(text) : undefined;
  return duplicate ? { error: 'duplicate', ...duplicate } : { value };
}

/**
 * A quick proof that no object in `text` repeats a key, so the full scan can be skipped (a
 * population parses millions of lines). Every key is followed, after optional whitespace, by a
 * colon, so the colons preceded by a quote number at least the keys in the text; JSON.parse
 * keeps one key per name. When both counts are equal, no key was dropped, so none repeats.
 * (Colons inside strings only raise the first count, which then sends the line to the scan.)
 */
function keysAllDistinct(text: string, value: object): boolean {
  let colons = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
    let j = i - 1;
    while (j >= 0 && WHITESPACE.has(text[j]!)) j--;
    if (text.charCodeAt(j) === 0x22) colons++;
  }
  return colons === keyCount(value);
}

function keyCount(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) count += keyCount(item);
    return count;
  }
  for (const key in value) count += 1 + keyCount((value as Record<string, unknown>)[key]);
  return count;
}

/**
 * The first key that occurs twice in one object, for text JSON.parse accepted. Linear: strings
 * are skipped with indexOf, and a key is decoded only when it has an escape ("a" and "\u0061"
 * are the same key).
 */
export function duplicateKey(text: string): { key: string; offset: number } | undefined {
  const frames: (Set<string> | undefined)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      for (;;) {
        i = text.indexOf('"', i + 1);
        let backslashes = 0;
        while (text.charCodeAt(i - 1 - backslashes) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
      }
      if (expectKey) {
        const raw = text.slice(start, i + 1);
        const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        const keys = frames[frames.length - 1]!;
        if (keys.has(key)) return { key, offset: start };
        keys.add(key);
        expectKey = false;
      }
    } else if (c === 0x7b /* { */) {
      frames.push(new Set());
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      frames.push(undefined);
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      frames.pop();
    } else if (c === 0x2c /* , */) {
      expectKey = frames[frames.length - 1] !== undefined;
    }
  }
  return undefined;
}

/** 1-based line and column of an offset in a text. */
export function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

/**
 * What is wrong with a .json profile as strict JSON (a syntax error, or a key twice), located;
 * empty when it is strict JSON, and then the YAML route reads it (JSON is YAML) for the positions
 * of its values.
 */
export function strictJsonDiagnostics(file: TextFile): Diagnostic[] {
  const parsed = parseJsonText(file.text);
  if ('value' in parsed) return [];
  const at = { file: file.path, ...positionOf(file.text, parsed.offset) };
  if (parsed.error === 'duplicate') return [diag('WZ105', { key: parsed.key }, at)];
  const detail = parsed.offset >= file.text.trimEnd().length ? 'het bestand houdt op midden in de JSON' : `onverwacht teken ${JSON.stringify(file.text.charAt(parsed.offset))}`;
  return [diag('WZ725', { detail }, at)];
}
