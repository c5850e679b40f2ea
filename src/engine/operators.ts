/**
 * json-rules-engine's default operators (7.3, engine-default-operators.js), restated: a fact value
 * that fails an operator's validator makes the leaf false, whatever the comparison would say.
 * The compiled evaluator generates code with exactly these results; the differential tests
 * (test/engine-differential.test.ts) hold both engines, and this table, to one truth.
 */
type Check = (fact: unknown, value: unknown) => boolean;

/** json-rules-engine's numberValidator, word for word. */
export const isNumeric = (fact: unknown): boolean => Number.parseFloat(fact as string).toString() !== 'NaN';
const anyValue = (): boolean => true;

const OPERATORS: Record<string, { readonly valid: (fact: unknown) => boolean; readonly test: Check }> = {
  equal: { valid: anyValue, test: (a, b) => a === b },
  notEqual: { valid: anyValue, test: (a, b) => a !== b },
  in: { valid: anyValue, test: (a, b) => (b as unknown[]).indexOf(a) > -1 },
  notIn: { valid: anyValue, test: (a, b) => (b as unknown[]).indexOf(a) === -1 },
  contains: { valid: Array.isArray, test: (a, b) => (a as unknown[]).indexOf(b) > -1 },
  doesNotContain: { valid: Array.isArray, test: (a, b) => (a as unknown[]).indexOf(b) === -1 },
  lessThan: { valid: isNumeric, test: (a, b) => (a as number) < (b as number) },
  lessThanInclusive: { valid: isNumeric, test: (a, b) => (a as number) <= (b as number) },
  greaterThan: { valid: isNumeric, test: (a, b) => (a as number) > (b as number) },
  greaterThanInclusive: { valid: isNumeric, test: (a, b) => (a as number) >= (b as number) },
};

/** A leaf's test on a fact value; an operator the compiler never emits is a bug. */
export function leafTest(operator: string, value: unknown): (fact: unknown) => boolean {
  const op = OPERATORS[operator];
  if (!op) throw new Error(`wijzer: unknown operator ${operator}`);
  const { valid, test } = op;
  // Fast paths for what the compiler emits most; same results as valid && test.
  if (operator === 'equal') return (fact) => fact === value;
  if (operator === 'in') {
    const list = value as unknown[];
    return (fact) => list.indexOf(fact) > -1;
  }
  return (fact) => valid(fact) && test(fact, value);
}

/**
 * json-rules-engine resolves a `path` with JSONPath on object values only; for `$.length` on a
 * list that is its length. Other values pass unchanged, as there.
 */
export function resolvePath(path: string | undefined, value: unknown): unknown {
  if (path === undefined || value === null || typeof value !== 'object') return value;
  if (path !== '$.length') throw new Error(`wijzer: unsupported path ${path}`);
  return (value as { length?: unknown }).length;
}
