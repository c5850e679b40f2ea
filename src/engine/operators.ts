/**
 * What the generated code (compiled.ts) needs from json-rules-engine 7.3 at run time, restated
 * word for word: its number validator (a fact value that fails it makes a comparison false,
 * whatever the comparison would say) and its path resolution. The operators themselves are
 * written out by the generator; the differential tests (test/engine-differential.test.ts) hold
 * both engines to one truth.
 */

/** json-rules-engine's numberValidator, word for word. */
export const isNumeric = (fact: unknown): boolean => Number.parseFloat(fact as string).toString() !== 'NaN';

/**
 * json-rules-engine resolves a `path` with JSONPath on object values only; for `$.length` on a
 * list that is its length. Other values pass unchanged, as there.
 */
export function resolvePath(path: string | undefined, value: unknown): unknown {
  if (path === undefined || value === null || typeof value !== 'object') return value;
  if (path !== '$.length') throw new Error(`wijzer: unsupported path ${path}`);
  return (value as { length?: unknown }).length;
}
