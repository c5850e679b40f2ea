import { describe, expect, it } from 'vitest';
import { casePassed, runGoldenCases } from '../src/golden/runner.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSourceDocument } from '../src/check/sources.js';
import { prepareCatalogue } from '../src/pipeline.js';
import { CATALOGUES, GOLDEN, NO_SEEDS, SEEDS } from './support/paths.js';

// The same runner as `wijzer test`: every case runs through json-rules-engine.
const results = await runGoldenCases({ root: GOLDEN, catalogueRoot: CATALOGUES, ...(SEEDS ? { sourcesFolder: SEEDS } : {}) });

describe('golden cases from the source documents', () => {
  it('checks the quote of every case against its source document', (ctx) => {
    ctx.skip(!SEEDS, NO_SEEDS);
    // Every catalogue with cases has its document among the seeds, so no case goes unchecked.
    for (const id of new Set(results.map((r) => r.catalogue))) {
      const catalogue = prepareCatalogue(join(CATALOGUES, id)).catalogue!;
      expect(loadSourceDocument(catalogue, SEEDS!).diagnostics, id).toEqual([]);
    }
    expect(readdirSync(GOLDEN).length).toBeGreaterThan(0);
  });

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
