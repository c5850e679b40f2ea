/**
 * The whole pipeline for one catalogue folder, as the CLI and the tests use it:
 * load rules (vocabulary + definitions) → load catalogue → check → compile.
 * Compilation only happens when there are no errors.
 *
 * Both steps are cached on disk (src/cache/): an entry is keyed by the digest of every input
 * file (the rules folder, every file of the catalogue folder, the schemas) and of wijzer's own
 * code, so any change to any of them means a rebuild. With a cache hit nothing is parsed or
 * checked; the heavy modules (src/cache/build.ts) are loaded only on a miss.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Catalogue } from './catalogue/types.js';
import type { Scope } from './check/typecheck.js';
import type { CompiledCatalogue } from './compile/rules.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { freeze, thaw } from './cache/graph.js';
import { digestFolder, wijzerIdentity, type FolderDigest } from './cache/inputs.js';
import { cacheDir, digest, readEntry, writeEntry } from './cache/store.js';
import { fromRoot } from './util/files.js';

export interface Prepared {
  readonly scope?: Scope;
  readonly catalogue?: Catalogue;
  readonly compiled?: CompiledCatalogue;
  readonly diagnostics: Diagnostic[];
}

export interface PrepareOptions {
  /** false: neither read nor write the cache (default: on, unless WIJZER_CACHE=uit). */
  readonly cache?: boolean;
}

type Builder = typeof import('./cache/build.js');

// From sources (tsx, vitest) the builder is imported up front; the built CLI loads it on the
// first cache miss (a synchronous require of an ES module, Node ≥ 20.19).
let builder: Builder | undefined = import.meta.url.endsWith('.ts') ? await import('./cache/build.js') : undefined;

/** Set to true by the esbuild bundle (scripts/bundle.ts); undeclared everywhere else. */
declare const __WIJZER_BUNDLE__: boolean | undefined;

function build(): Builder {
  if (!builder) {
    // In the bundle this `require` is esbuild's: build.js becomes a lazily started part of the bundle.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    builder = (typeof __WIJZER_BUNDLE__ !== 'undefined' && __WIJZER_BUNDLE__ ? require('./cache/build.js') : createRequire(import.meta.url)('./cache/build.js')) as Builder;
  }
  return builder;
}

/** The cache key of a scope, by the scope object (survives `{ ...scopeResult }`). */
const scopeKeys = new WeakMap<Scope, string>();

function cacheFolder(options: PrepareOptions | undefined): string | undefined {
  return options?.cache === false ? undefined : cacheDir();
}

function defaultRulesDir(): string {
  return fromRoot('rules');
}

/** Results built while the inputs changed under us are not stored. */
function unchanged(folder: string, before: FolderDigest): boolean {
  return digestFolder(folder)?.digest === before.digest;
}

export function prepareScope(rulesDir?: string, options?: PrepareOptions): { scope?: Scope; diagnostics: Diagnostic[] } {
  const dir = cacheFolder(options);
  const identity = dir ? wijzerIdentity() : undefined;
  const folder = rulesDir ?? defaultRulesDir();
  const inputs = identity ? digestFolder(folder) : undefined;
  if (!dir || !identity || !inputs) return build().loadScope(rulesDir);
  const slot = digest(['scope', folder, resolve(folder)]);
  const key = digest([identity, slot, inputs.digest]);
  const cached = readEntry(dir, 'regels', slot, key);
  if (cached) {
    try {
      const result = thaw(cached) as { scope?: Scope; diagnostics: Diagnostic[] };
      if (Array.isArray(result.diagnostics)) {
        if (result.scope) scopeKeys.set(result.scope, key);
        return result;
      }
    } catch {
      // a damaged entry is rebuilt below
    }
  }
  const result = build().loadScope(rulesDir);
  if (result.scope) scopeKeys.set(result.scope, key);
  store(dir, 'regels', slot, key, result, inputs, folder);
  return result;
}

export function prepareCatalogue(folder: string, scopeResult: { scope?: Scope; diagnostics: Diagnostic[] } = prepareScope(), options?: PrepareOptions): Prepared {
  const scope = scopeResult.scope;
  if (!scope) return { diagnostics: [...scopeResult.diagnostics] };
  const dir = cacheFolder(options);
  const scopeKey = dir ? scopeKeys.get(scope) : undefined;
  const inputs = scopeKey ? digestFolder(folder) : undefined;
  if (!dir || !scopeKey || !inputs) {
    const own = buildCatalogue(folder, scope, scopeResult.diagnostics);
    return { scope, ...own, diagnostics: [...scopeResult.diagnostics, ...own.diagnostics] };
  }
  const slot = digest(['catalogus', folder, resolve(folder)]);
  // Whether the scope diagnostics given hold an error decides whether the catalogue is compiled.
  const scopeFailed = scopeResult.diagnostics.some((d) => d.severity === 'fout');
  const key = digest([scopeKey, slot, inputs.digest, scopeFailed ? 'regels-fout' : 'regels-goed']);
  const cached = readEntry(dir, 'catalogus', slot, key);
  let own: Omit<Prepared, 'scope'> | undefined;
  if (cached) {
    try {
      const result = thaw(cached) as Omit<Prepared, 'scope'>;
      if (Array.isArray(result.diagnostics)) own = result;
    } catch {
      // a damaged entry is rebuilt below
    }
  }
  if (!own) {
    own = buildCatalogue(folder, scope, scopeResult.diagnostics);
    store(dir, 'catalogus', slot, key, own, inputs, folder, scope);
  }
  return { scope, ...own, diagnostics: [...scopeResult.diagnostics, ...own.diagnostics] };
}

/** The catalogue's own part of the result: its diagnostics (without the scope's), catalogue and compiled rules. */
function buildCatalogue(folder: string, scope: Scope, scopeDiagnostics: readonly Diagnostic[]): Omit<Prepared, 'scope'> {
  const { loadCatalogue, checkCatalogue, compileCatalogue, hasErrors } = build();
  const loaded = loadCatalogue(folder);
  const diagnostics = [...loaded.diagnostics];
  const catalogue = loaded.catalogue;
  if (!catalogue) return { diagnostics };
  diagnostics.push(...checkCatalogue(catalogue, scope));
  if (hasErrors([...scopeDiagnostics, ...diagnostics])) return { catalogue, diagnostics };
  return { catalogue, compiled: compileCatalogue(catalogue, scope), diagnostics };
}

function store(dir: string, kind: string, slot: string, key: string, value: unknown, inputs: FolderDigest, folder: string, scope?: Scope): void {
  let bytes: Buffer;
  try {
    bytes = freeze(value, inputs.texts, scope ? reachable(scope) : undefined);
  } catch {
    return; // not serialisable: simply not cached
  }
  if (unchanged(folder, inputs)) writeEntry(dir, kind, slot, key, bytes);
}

/** Every object of the scope: a catalogue entry must not point into it (it is stored on its own). */
function reachable(root: object): Set<object> {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (!value || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (value instanceof Map) for (const [k, v] of value) stack.push(k, v);
    else if (value instanceof Set) for (const v of value) stack.push(v);
    else for (const v of Object.values(value)) stack.push(v);
  }
  return seen;
}
