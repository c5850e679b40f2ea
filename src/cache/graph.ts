/**
 * Freezes the in-memory result of the pipeline (scope, catalogue, compiled rules, diagnostics)
 * into bytes and thaws it back, exactly: Maps, Sets, undefined, -0 and shared objects survive
 * (v8's structured serialisation keeps identity inside one graph), frozen objects are frozen
 * again, and the two kinds of function the loaders put into the graph are rebuilt:
 *  - `at` of a criterion (offset in its `text` → span in the file): sampled for every offset
 *    of the text, so the rebuilt function answers every integer offset the same way (offsets
 *    outside the text are clamped, as the original does, and a non-integer offset gets the
 *    span the original falls back to);
 *  - `locate` of a product (data path → span): rebuilt lazily from the product file's text,
 *    which the entry keeps, with the same YAML parse the loader used.
 * Anything else (another function, a class instance, a symbol key, a getter) makes the graph
 * unserialisable: the caller then simply does not cache it.
 */
import { resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Span } from '../diagnostics/diagnostic.js';
import { parseYaml, spanOfPath, type PathSegment, type YamlSource } from '../yaml/strict.js';

export class Unserialisable extends Error {}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFunction = (...args: any[]) => unknown;

type Recipe =
  | { readonly kind: 'offsets'; readonly file: string; readonly lines: Int32Array; readonly cols: Int32Array; readonly fallback: Span }
  | { readonly kind: 'spans'; readonly spans: readonly Span[]; readonly fallback: Span }
  | { readonly kind: 'locate'; readonly file: string; readonly text: string };

interface Frozen {
  readonly root: unknown;
  /** holder[key] = the function the recipe rebuilds (holders are objects of root). */
  readonly patches: [object, string, number][];
  readonly recipes: Recipe[];
  /** Objects of root to freeze again, after patching. */
  readonly frozen: object[];
}

function isSpan(value: unknown): value is Span {
  if (!value || typeof value !== 'object') return false;
  const keys = Object.keys(value);
  const span = value as Span;
  return keys.length === 3 && keys[0] === 'file' && keys[1] === 'line' && keys[2] === 'col' && typeof span.file === 'string' && Number.isInteger(span.line) && Number.isInteger(span.col);
}

function offsetsRecipe(at: (offset: number) => unknown, text: string): Recipe {
  const samples: unknown[] = [];
  for (let i = 0; i <= text.length + 1; i++) samples.push(at(i));
  const fallback = at(Number.NaN);
  if (!isSpan(fallback) || !samples.every(isSpan)) throw new Unserialisable('criterion position is no span');
  const spans = samples as Span[];
  const file = spans[0]!.file;
  if (spans.every((s) => s.file === file && s.line <= 0x7fffffff && s.col <= 0x7fffffff)) {
    return { kind: 'offsets', file, lines: Int32Array.from(spans, (s) => s.line), cols: Int32Array.from(spans, (s) => s.col), fallback };
  }
  return { kind: 'spans', spans, fallback };
}

function locateRecipe(holder: Record<string, unknown>, texts: ReadonlyMap<string, string>): Recipe {
  const file = holder['file'];
  const text = typeof file === 'string' ? (texts.get(file) ?? texts.get(resolve(file))) : undefined;
  if (typeof file !== 'string' || text === undefined) throw new Unserialisable('product file text unknown');
  return { kind: 'locate', file, text };
}

/**
 * The graph as bytes. `texts` gives the text of every file a `locate` function reads (by the
 * path the product records); `external` objects (e.g. a scope the caller passes in again) must
 * not occur in the graph.
 */
export function freeze(root: unknown, texts: ReadonlyMap<string, string> = new Map(), external: ReadonlySet<object> = new Set()): Buffer {
  const copies = new Map<object, unknown>();
  const functions = new Map<AnyFunction, number>();
  const frozen: Frozen = { root: undefined, patches: [], recipes: [], frozen: [] };

  const fn = (value: AnyFunction, holder: Record<string, unknown>, key: string): number => {
    const known = functions.get(value);
    if (known !== undefined) return known;
    let recipe: Recipe;
    if (key === 'at' && typeof holder['text'] === 'string') recipe = offsetsRecipe(value as (offset: number) => unknown, holder['text']);
    else if (key === 'locate') recipe = locateRecipe(holder, texts);
    else throw new Unserialisable(`function at ${key}`);
    frozen.recipes.push(recipe);
    functions.set(value, frozen.recipes.length - 1);
    return frozen.recipes.length - 1;
  };

  const copy = (value: unknown): unknown => {
    if (typeof value === 'function' || typeof value === 'symbol') throw new Unserialisable(typeof value);
    if (value === null || typeof value !== 'object') return value;
    const done = copies.get(value);
    if (done !== undefined) return done;
    if (external.has(value)) throw new Unserialisable('external object in graph');
    if (Object.getOwnPropertySymbols(value).length > 0) throw new Unserialisable('symbol key');
    const proto = Object.getPrototypeOf(value) as unknown;
    let out: object;
    if (proto === Map.prototype) {
      const map = new Map<unknown, unknown>();
      out = map;
      copies.set(value, out);
      for (const [k, v] of value as Map<unknown, unknown>) map.set(copy(k), copy(v));
    } else if (proto === Set.prototype) {
      const set = new Set<unknown>();
      out = set;
      copies.set(value, out);
      for (const v of value as Set<unknown>) set.add(copy(v));
    } else if (proto === Array.prototype) {
      const array = value as unknown[];
      if (Object.keys(array).length !== array.length) throw new Unserialisable('sparse array or array with properties');
      const list: unknown[] = [];
      out = list;
      copies.set(value, out);
      for (const item of array) list.push(copy(item));
    } else if (proto === Object.prototype) {
      const record: Record<string, unknown> = {};
      out = record;
      copies.set(value, out);
      const descriptors = Object.getOwnPropertyDescriptors(value);
      for (const [key, descriptor] of Object.entries(descriptors)) {
        if (!descriptor.enumerable || !('value' in descriptor)) throw new Unserialisable(`property ${key}`);
        if (typeof descriptor.value === 'function') {
          record[key] = null; // keeps the key's place; patched on thaw
          frozen.patches.push([record, key, fn(descriptor.value as AnyFunction, value as Record<string, unknown>, key)]);
        } else record[key] = copy(descriptor.value);
      }
    } else throw new Unserialisable('object that is no plain object, array, Map or Set');
    if (Object.isFrozen(value)) frozen.frozen.push(out);
    return out;
  };

  const result: Frozen = { ...frozen, root: copy(root) };
  return serialize(result);
}

function spanFrom(span: Span): Span {
  return { file: span.file, line: span.line, col: span.col };
}

function rebuild(recipe: Recipe): AnyFunction {
  switch (recipe.kind) {
    case 'offsets': {
      const { file, lines, cols, fallback } = recipe;
      const last = lines.length - 1;
      return (offset: number): Span => {
        const i = Math.max(0, Math.min(offset, last));
        return Number.isInteger(i) ? { file, line: lines[i]!, col: cols[i]! } : spanFrom(fallback);
      };
    }
    case 'spans': {
      const { spans, fallback } = recipe;
      const last = spans.length - 1;
      return (offset: number): Span => {
        const i = Math.max(0, Math.min(offset, last));
        return spanFrom(Number.isInteger(i) ? spans[i]! : fallback);
      };
    }
    case 'locate': {
      let source: YamlSource | undefined;
      const { file, text } = recipe;
      return (path: readonly PathSegment[], which?: 'key' | 'value'): Span => {
        source ??= parseYaml({ path: file, text }).source;
        if (!source) return { file, line: 1, col: 1 };
        return spanOfPath(source, path, which);
      };
    }
  }
}

/** The graph back from bytes; throws on anything malformed (the caller treats that as a miss). */
export function thaw(bytes: Buffer): unknown {
  const frozen = deserialize(bytes) as Frozen;
  if (!frozen || typeof frozen !== 'object' || !Array.isArray(frozen.patches) || !Array.isArray(frozen.recipes) || !Array.isArray(frozen.frozen)) throw new Error('malformed cache entry');
  const functions = frozen.recipes.map(rebuild);
  for (const [holder, key, index] of frozen.patches) {
    const rebuilt = functions[index];
    if (!rebuilt || !holder || typeof holder !== 'object') throw new Error('malformed cache entry');
    (holder as Record<string, unknown>)[key] = rebuilt;
  }
  for (const object of frozen.frozen) Object.freeze(object);
  return frozen.root;
}
