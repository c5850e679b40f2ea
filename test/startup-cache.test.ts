/**
 * The pipeline cache (src/cache/, issue 11): a cache-restored prepare equals a fresh one
 * exactly (functions included), outputs are byte-identical with and without the cache, a changed
 * input is never served stale, and a damaged entry is rebuilt silently.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareCatalogue, prepareScope, type Prepared } from '../src/pipeline.js';
import { cacheDir } from '../src/cache/store.js';
import { freeze, thaw, Unserialisable } from '../src/cache/graph.js';
import { clausesOf } from '../src/catalogue/types.js';
import { fromRoot } from '../src/util/files.js';
import { scratchFolder } from './support/scratch.js';

const CATALOGUE = fromRoot('catalogue', 'samen-doen');

/** Deep equality that also calls the functions of the graph (criterion positions, product locate). */
function expectSamePrepared(fresh: Prepared, restored: Prepared): void {
  const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'function' ? '<fn>' : v instanceof Map ? [...v.entries()] : v)));
  expect(strip(restored)).toEqual(strip(fresh));
  expect(restored.diagnostics).toStrictEqual(fresh.diagnostics);
  expect(restored.compiled?.catalogue).toBe(restored.catalogue);
  const a = fresh.catalogue!.products;
  const b = restored.catalogue!.products;
  expect(b.map((p) => p.id)).toEqual(a.map((p) => p.id));
  a.forEach((product, i) => {
    const other = b[i]!;
    const clauses = clausesOf(product);
    const otherClauses = clausesOf(other);
    clauses.forEach((c, j) => {
      const d = otherClauses[j]!;
      expect(d.clause).toStrictEqual({ ...c.clause, at: d.clause.at });
      for (const offset of [-3, 0, 1, 2.5, Number.NaN, ...Array.from({ length: c.clause.text.length + 3 }, (_, k) => k)]) expect(d.clause.at(offset)).toStrictEqual(c.clause.at(offset));
      for (const path of [c.path, [...c.path, 'bron'], [...c.path, 'als'], ['bestaat-niet'], []]) {
        expect(other.locate(path)).toStrictEqual(product.locate(path));
        expect(other.locate(path, 'key')).toStrictEqual(product.locate(path, 'key'));
      }
    });
  });
}

describe('pipeline cache', () => {
  it('is on in tests, in the run’s private folder', () => {
    expect(cacheDir()).toBe(process.env['WIJZER_CACHE']);
    expect(cacheDir({ WIJZER_CACHE: 'uit' })).toBeUndefined();
    expect(cacheDir({ WIJZER_CACHE: 'off' })).toBeUndefined();
    expect(cacheDir({ XDG_CACHE_HOME: '/x/y' })).toBe('/x/y/wijzer');
  });

  it('restores scope and catalogue exactly as a fresh prepare builds them', () => {
    const dir = scratchFolder('cache-');
    const previous = process.env['WIJZER_CACHE'];
    process.env['WIJZER_CACHE'] = dir;
    try {
      const freshScope = prepareScope(undefined, { cache: false });
      const fresh = prepareCatalogue(CATALOGUE, freshScope, { cache: false });
      const written = prepareCatalogue(CATALOGUE, prepareScope());
      expect(readdirSync(dir).filter((n) => n.endsWith('.bin'))).toHaveLength(2);
      const restoredScope = prepareScope();
      const restored = prepareCatalogue(CATALOGUE, restoredScope);
      expect(restored.scope).toBe(restoredScope.scope);
      expectSamePrepared(fresh, written);
      expectSamePrepared(fresh, restored);
      // The scope: facts (a Map), definitions (a Map with criterion positions).
      expect([...restoredScope.scope!.vocabulary.facts.entries()]).toStrictEqual([...freshScope.scope!.vocabulary.facts.entries()]);
      const freshDefs = [...freshScope.scope!.definitions.values()];
      const restoredDefs = [...restoredScope.scope!.definitions.values()];
      expect(restoredDefs.map((d) => d.name)).toEqual(freshDefs.map((d) => d.name));
      freshDefs.forEach((d, i) => {
        const r = restoredDefs[i]!;
        expect({ ...r, at: null }).toStrictEqual({ ...d, at: null });
        for (let k = -1; k <= d.text.length + 2; k++) expect(r.at(k)).toStrictEqual(d.at(k));
      });
    } finally {
      process.env['WIJZER_CACHE'] = previous;
    }
  });

  it('never serves a stale result: one changed criterion in a copied catalogue gives the new result', () => {
    const dir = scratchFolder('cache-');
    const previous = process.env['WIJZER_CACHE'];
    process.env['WIJZER_CACHE'] = dir;
    try {
      const copy = join(scratchFolder('catalogus-'), 'samen-doen');
      cpSync(CATALOGUE, copy, { recursive: true });
      const before = prepareCatalogue(copy, prepareScope());
      const product = before.catalogue!.products.find((p) => p.voorwaarden.length > 0)!;
      const clause = product.voorwaarden[0]!;
      const text = readFileSync(product.file, 'utf8');
      expect(text).toContain(clause.text);
      // Same length, other meaning: a malformed criterion (an error the checker reports).
      const broken = `${clause.text.slice(0, -1)}(`;
      writeFileSync(product.file, text.replace(clause.text, broken));
      const after = prepareCatalogue(copy, prepareScope());
      expect(after.diagnostics.some((d) => d.severity === 'fout')).toBe(true);
      expect(after.compiled).toBeUndefined();
      writeFileSync(product.file, text);
      const back = prepareCatalogue(copy, prepareScope());
      expect(back.compiled).toBeDefined();
      expect(back.diagnostics).toStrictEqual(before.diagnostics);
    } finally {
      process.env['WIJZER_CACHE'] = previous;
    }
  });

  it('ignores a damaged entry and rebuilds it silently', () => {
    const dir = scratchFolder('cache-');
    const previous = process.env['WIJZER_CACHE'];
    process.env['WIJZER_CACHE'] = dir;
    try {
      const fresh = prepareCatalogue(CATALOGUE, prepareScope(undefined, { cache: false }), { cache: false });
      prepareCatalogue(CATALOGUE, prepareScope());
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        const bytes = readFileSync(path);
        writeFileSync(path, Buffer.concat([bytes.subarray(0, 80), Buffer.from('kapot'), bytes.subarray(200, 400)]));
      }
      const rebuilt = prepareCatalogue(CATALOGUE, prepareScope());
      expectSamePrepared(fresh, rebuilt);
      const again = prepareCatalogue(CATALOGUE, prepareScope());
      expectSamePrepared(fresh, again);
    } finally {
      process.env['WIJZER_CACHE'] = previous;
    }
  });

  it('refuses graphs it cannot restore exactly', () => {
    expect(() => freeze({ f: () => 1 })).toThrow(Unserialisable);
    expect(() => freeze(new (class X {})())).toThrow(Unserialisable);
    const shared = { a: 1 };
    const back = thaw(freeze({ x: shared, y: shared, m: new Map([[1, shared]]), u: undefined, z: -0 })) as { x: object; y: object; m: Map<number, object>; u: undefined; z: number };
    expect(back.x).toBe(back.y);
    expect(back.m.get(1)).toBe(back.x);
    expect('u' in back).toBe(true);
    expect(Object.is(back.z, -0)).toBe(true);
  });
});

describe('CLI with and without cache', () => {
  const bin = fromRoot('bin', 'wijzer.js');
  it.skipIf(!existsSync(fromRoot('dist')))('evaluate prints byte-identical output with a cold cache, a warm cache and no cache', () => {
    const dir = scratchFolder('cache-');
    const args = [bin, 'evaluate', 'profielen/voorbeeld.yaml', '--catalogue', 'catalogue/samen-doen', '--format', 'json'];
    const runWith = (cache: string) => execFileSync(process.execPath, args, { cwd: fromRoot(), env: { ...process.env, WIJZER_CACHE: cache, NO_COLOR: '1' } });
    const cold = runWith(dir);
    expect(readdirSync(dir).filter((n) => n.endsWith('.bin')).length).toBeGreaterThan(0);
    const warm = runWith(dir);
    const none = runWith('uit');
    expect(warm.equals(cold)).toBe(true);
    expect(none.equals(cold)).toBe(true);
  });
});
