/**
 * The authoring guide's examples are what policy advisors copy, so each must pass `check`. Every
 * ```yaml block of docs/auteursgids.md is checked as what it is (a product, part of a product,
 * regio.yaml families, analyse.yaml, facts, definitions or a golden case), and every criterion
 * in the table of section 3 is type-checked against the bundled vocabulary.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from './support/scratch.js';
import { parse, stringify } from 'yaml';
import { analyseFolder } from '../src/analysis/folder.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { casePassed, runGoldenCases } from '../src/golden/runner.js';
import { prepareCatalogue, prepareScope } from '../src/pipeline.js';
import { fromRoot } from '../src/util/files.js';
import { CATALOGUES } from './support/paths.js';

const GUIDE = readFileSync(fromRoot('docs', 'auteursgids.md'), 'utf8');
const BASE = fromRoot('test', 'fixtures', 'negatief', '_basis');
const temp = (): string => scratchFolder('gids-');

/** The ```yaml blocks, with the indentation of an indented block (inside a list item) removed. */
function yamlBlocks(markdown: string): { line: number; text: string }[] {
  return [...markdown.matchAll(/^( *)```yaml\n([\s\S]*?)^\1```$/gm)].map((m) => ({
    line: markdown.slice(0, m.index).split('\n').length,
    text: m[2]!.split('\n').map((l) => l.slice(m[1]!.length)).join('\n'),
  }));
}

/** The criteria in the first column of the table of section 3 ("De criteriataal"). */
function criteriaOfTable(markdown: string): string[] {
  const section = markdown.slice(markdown.indexOf('## 3. De criteriataal'), markdown.indexOf('## 4.'));
  return section
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .flatMap((l) => [...l.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

/** What matters to an author: errors and warnings (documented choices and notes are fine). */
const problems = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity !== 'info').map((d) => `${d.code} ${d.message}`);

function baseProduct(): Record<string, unknown> {
  return parse(readFileSync(join(BASE, 'producten', '000-basis.yaml'), 'utf8')) as Record<string, unknown>;
}

/** A copy of the base catalogue of the negative fixtures with the given products and regio changes. */
function catalogueWith(products: Record<string, unknown>[], regio: Record<string, unknown> = {}): string {
  const dir = temp();
  cpSync(BASE, dir, { recursive: true });
  rmSync(join(dir, 'producten', '000-basis.yaml'));
  products.forEach((p, i) => writeFileSync(join(dir, 'producten', `voorbeeld-${i}.yaml`), stringify(p)));
  const region = parse(readFileSync(join(BASE, 'regio.yaml'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'regio.yaml'), stringify({ ...region, ...regio }));
  return dir;
}

const checkFolder = (dir: string) => problems(prepareCatalogue(dir).diagnostics);

type Example = Record<string, unknown>;

/** Checks one example as what its keys say it is; an example of no known kind fails. */
async function checkExample(example: Example): Promise<string[]> {
  if ('definities' in example || 'feiten' in example) {
    // A rules folder with the bundled facts and only this example's definitions (or only its facts).
    const rules = temp();
    mkdirSync(join(rules, 'definities'));
    if ('feiten' in example) mkdirSync(join(rules, 'feiten'));
    else cpSync(fromRoot('rules', 'feiten'), join(rules, 'feiten'), { recursive: true });
    writeFileSync(join(rules, 'definities' in example ? 'definities' : 'feiten', 'voorbeeld.yaml'), stringify(example));
    return problems(prepareScope(rules).diagnostics);
  }
  if ('verwacht' in example) {
    const root = temp();
    mkdirSync(join(root, 'samen-doen'));
    writeFileSync(join(root, 'samen-doen', 'voorbeeld.yaml'), stringify(example));
    const [result] = await runGoldenCases({ root, catalogueRoot: CATALOGUES });
    return casePassed(result!) ? [] : [...problems(result!.diagnostics), ...result!.failures];
  }
  if ('samenhang' in example || 'erkend' in example) {
    const dir = temp();
    cpSync(join(CATALOGUES, 'samen-doen'), dir, { recursive: true });
    writeFileSync(join(dir, 'analyse.yaml'), stringify(example));
    return problems(analyseFolder(dir, prepareScope()).diagnostics);
  }
  if ('families' in example) {
    // regio.yaml families: the base product is put in the example's family.
    const families = example['families'] as Record<string, unknown>;
    const products = Object.keys(families).map((familie) => ({ ...baseProduct(), familie }));
    return checkFolder(catalogueWith(products, { families }));
  }
  if ('id' in example && 'naam' in example) return checkFolder(catalogueWith([example]));
  if ('indicatie' in example || 'limieten' in example) return checkFolder(catalogueWith([{ ...baseProduct(), ...example }]));
  if ('als' in example) return checkCriteria([String(example['als'])]);
  return [`geen bekende soort voorbeeld (sleutels: ${Object.keys(example).join(', ')})`];
}

function checkCriteria(criteria: readonly string[]): string[] {
  const voorwaarden = criteria.map((als, i) => ({ id: `c${i}`, als, reden: 'Voorbeeld uit de auteursgids.', bron: 'De inwoner heeft lichte problematiek.' }));
  return checkFolder(catalogueWith([{ ...baseProduct(), indicatie: { voorwaarden } }]));
}

describe('docs/auteursgids.md: every example passes check', () => {
  const blocks = yamlBlocks(GUIDE);

  it('finds the examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    expect(criteriaOfTable(GUIDE).length).toBeGreaterThanOrEqual(15);
  });

  for (const block of blocks) {
    it(`the yaml example at line ${block.line}`, async () => {
      const example = parse(block.text) as Example;
      expect(example, 'a YAML mapping').toBeTypeOf('object');
      expect(await checkExample(example)).toEqual([]);
    });
  }

  for (const criterion of criteriaOfTable(GUIDE)) {
    it(`the criterion \`${criterion}\``, () => {
      expect(checkCriteria([criterion])).toEqual([]);
    });
  }

  it('catches a broken example (the check can fail)', async () => {
    expect(checkCriteria(['afstand_km < 4.9 km'])[0]).toContain('WZ501');
    expect((await checkExample({ families: { onbekend: { beleid: 'lichtst-passend' } }, samenhang: [] })).join()).toContain('WZ611');
    expect(await checkExample({ iets: 1 })).toHaveLength(1);
  });
});
