import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticsFor, FIXTURES, readHeader } from './support/negative-fixtures.js';
import { NO_SEEDS, SEEDS } from './support/paths.js';

const files = readdirSync(FIXTURES)
  .filter((kind) => !kind.startsWith('_'))
  .flatMap((kind) => readdirSync(join(FIXTURES, kind)).map((name) => join(FIXTURES, kind, name)));

describe('negative fixtures report exactly the expected code at the expected place', () => {
  it('has fixtures', () => {
    expect(files.length).toBeGreaterThan(40);
  });
  for (const file of files) {
    const header = readHeader(file);
    const needsSeeds = file.endsWith('case-quote-not-in-source.yaml');
    it(file.slice(FIXTURES.length + 1), async (ctx) => {
      ctx.skip(needsSeeds && !SEEDS, NO_SEEDS);
      expect(header.expected.length, 'fixture declares what it expects').toBeGreaterThan(0);
      const got = (await diagnosticsFor(file, SEEDS)).map((d) => `${d.code} ${d.span?.line}:${d.span?.col}`).sort();
      expect(got).toEqual(header.expected.map((e) => `${e.code} ${e.line}:${e.col}`).sort());
    });
  }
});
