import { describe, expect, it } from 'vitest';
import { casePassed, runGoldenCases } from '../src/golden/runner.js';
import { CATALOGUES, GOLDEN, SEEDS } from './support/paths.js';

// The same runner as `wijzer test`: every case runs through json-rules-engine.
const results = await runGoldenCases({ root: GOLDEN, catalogueRoot: CATALOGUES, ...(SEEDS ? { sourcesFolder: SEEDS } : {}) });

describe('golden cases from the source documents', () => {
  it('has at least 20 cases for Samen Doen', () => {
    expect(results.filter((r) => r.catalogue === 'samen-doen').length).toBeGreaterThanOrEqual(20);
  });
  for (const result of results) {
    it(`${result.catalogue}: ${result.name}`, () => {
      expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
      expect(result.failures).toEqual([]);
      expect(result.checks).toBeGreaterThan(0);
      expect(result.source.length).toBeGreaterThan(10);
      expect(casePassed(result)).toBe(true);
    });
  }
});
