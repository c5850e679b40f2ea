/**
 * Runs one negative fixture through the stage it is written for and returns the diagnostics,
 * with span files mapped back to the fixture. A fixture says what it is and what it expects
 * in its header comments:
 *   # soort: product | regio | feiten | definities | profiel | testcasus
 *   # verwacht: WZ304 12:14
 */
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { prepareCatalogue, prepareScope } from '../../src/pipeline.js';
import { checkQuotes } from '../../src/check/sources.js';
import { loadScope } from '../../src/vocabulary/scope.js';
import { loadProfile } from '../../src/vocabulary/profile.js';
import { runGoldenCases } from '../../src/golden/runner.js';
import { fromRoot } from '../../src/util/files.js';

export const FIXTURES = fromRoot('test', 'fixtures', 'negatief');
const BASE = join(FIXTURES, '_basis');

export interface Expectation {
  readonly code: string;
  readonly line: number;
  readonly col: number;
}

export interface FixtureHeader {
  readonly kind: string;
  readonly expected: Expectation[];
}

export function readHeader(file: string): FixtureHeader {
  const text = readFileSync(file, 'utf8');
  const kind = /^# soort: (\S+)/m.exec(text)?.[1] ?? '';
  const expected = [...text.matchAll(/^# verwacht: (WZ\d+) (\d+):(\d+)/gm)].map((m) => ({ code: m[1]!, line: Number(m[2]), col: Number(m[3]) }));
  return { kind, expected };
}

function withTemp<T>(build: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'wijzer-fixture-'));
  try {
    return build(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Diagnostics about the fixture file itself (others, e.g. about the base catalogue, are dropped). */
export async function diagnosticsFor(file: string, seeds?: string): Promise<Diagnostic[]> {
  const { kind } = readHeader(file);
  const name = basename(file);
  const own = (ds: Diagnostic[]): Diagnostic[] => ds.filter((d) => d.span && basename(d.span.file) === name);
  switch (kind) {
    case 'product':
      return withTemp((dir) => {
        cpSync(BASE, dir, { recursive: true });
        cpSync(file, join(dir, 'producten', name));
        const prepared = prepareCatalogue(dir);
        const quotes = prepared.catalogue ? checkQuotes(prepared.catalogue, join(dir, 'bronnen')) : [];
        return own([...prepared.diagnostics, ...quotes]);
      });
    case 'regio':
      return withTemp((dir) => {
        cpSync(BASE, dir, { recursive: true });
        cpSync(file, join(dir, 'regio.yaml'));
        return prepareCatalogue(dir).diagnostics.filter((d) => d.span && basename(d.span.file) === 'regio.yaml');
      });
    case 'feiten':
    case 'definities':
      return withTemp((dir) => {
        cpSync(fromRoot('rules'), dir, { recursive: true });
        mkdirSync(join(dir, kind), { recursive: true });
        cpSync(file, join(dir, kind, name));
        return own(loadScope(dir).diagnostics);
      });
    case 'profiel': {
      const scope = prepareScope();
      return own(loadProfile(file, scope.scope!.vocabulary).diagnostics);
    }
    case 'testcasus': {
      const dir = mkdtempSync(join(tmpdir(), 'wijzer-fixture-'));
      try {
        mkdirSync(join(dir, 'samen-doen'));
        cpSync(file, join(dir, 'samen-doen', name));
        const results = await runGoldenCases({ root: dir, catalogueRoot: fromRoot('catalogue'), ...(seeds ? { sourcesFolder: seeds } : {}) });
        return own(results.flatMap((r) => [...r.diagnostics]));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    default:
      throw new Error(`fixture ${file} has no '# soort:' header`);
  }
}
