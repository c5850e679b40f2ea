/**
 * Number literals in criteria survive the round trip to JSON unchanged, or `check` refuses them
 * with a coded error at the literal (issue 10, item 1).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCriterion } from '../src/dsl/parse.js';
import { renderExpr, type Expr } from '../src/dsl/ast.js';
import { canonicalDecimal, MAX_LITERAL, plainDecimal, readNumberLiteral } from '../src/dsl/number-literal.js';
import { checkExpr } from '../src/check/typecheck.js';
import { rulesOf } from '../src/compile/rules.js';
import { prepareCatalogue, prepareScope } from '../src/pipeline.js';
import { Evaluator } from '../src/evaluate/evaluate.js';
import { seededRandom } from '../src/population/synthetic.js';

const at = (offset: number) => ({ file: 'x', line: 1, col: offset + 1 });
const scope = prepareScope().scope!;
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function codes(text: string): string[] {
  const parsed = parseCriterion(text, at);
  return [...parsed.diagnostics, ...(parsed.ast ? checkExpr(parsed.ast, scope, at) : [])].map((d) => d.code);
}

function parse(text: string): Expr {
  const parsed = parseCriterion(text, at);
  expect(parsed.diagnostics).toEqual([]);
  return parsed.ast!;
}

/** A one-product catalogue whose only voorwaarde is `criterion`. */
function catalogue(criterion: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'wijzer-literals-'));
  temps.push(dir);
  mkdirSync(join(dir, 'producten'));
  writeFileSync(join(dir, 'regio.yaml'), "naam: Getallen\norganisatie: wijzer-tests\nbron:\n  titel: Testbron\n  document: bron.txt\ngeldig_vanaf: '2026-01-01'\ndomeinen: [wmo]\n");
  writeFileSync(join(dir, 'producten', 'p.yaml'), `id: p\nnaam: P\neenheid: uur\nindicatie:\n  voorwaarden:\n    - id: c\n      als: ${criterion}\n      reden: r\n      bron: een zin uit de bron\n`);
  return dir;
}

describe('reading a number literal', () => {
  it('accepts literals whose double is exactly the number written', () => {
    for (const [text, value] of [
      ['0', 0], ['-0', 0], ['007', 7], ['18', 18], ['4.90', 4.9], ['0.1', 0.1], ['-12.5', -12.5],
      ['0.000001', 0.000001], ['0.0000001', 1e-7], ['0.000000000000000000000000000001', 1e-30],
      [String(MAX_LITERAL), MAX_LITERAL], [`-${MAX_LITERAL}`, -MAX_LITERAL], ['123456789012345', 123456789012345],
    ] as const) {
      const reading = readNumberLiteral(text);
      expect(reading, text).toEqual({ ok: true, value });
      expect(Object.is(reading.ok && reading.value, -0), `${text} is never -0`).toBe(false);
      expect(JSON.parse(JSON.stringify(value))).toBe(value);
    }
  });

  it('refuses literals beyond ±2^53 − 1 and literals that overflow to Infinity', () => {
    for (const text of [String(MAX_LITERAL + 1), '9007199254740993', '18014398509481984', '-9007199254740992', '1' + '0'.repeat(30), '9'.repeat(400), '-' + '9'.repeat(400)]) {
      expect(readNumberLiteral(text), text).toEqual({ ok: false, problem: 'te groot' });
    }
  });

  it('refuses literals with more digits than a double holds, naming the number it would become', () => {
    expect(readNumberLiteral('0.1000000000000000055511151231257827')).toEqual({ ok: false, problem: 'onnauwkeurig', value: 0.1 });
    expect(readNumberLiteral('1.00000000000000001')).toEqual({ ok: false, problem: 'onnauwkeurig', value: 1 });
    expect(readNumberLiteral('0.' + '0'.repeat(400) + '1')).toEqual({ ok: false, problem: 'onnauwkeurig', value: 0 });
    expect(readNumberLiteral('123456789.123456789')).toEqual({ ok: false, problem: 'onnauwkeurig', value: 123456789.12345679 });
  });

  it('writes numbers without an exponent, canonically', () => {
    expect(plainDecimal(1e-7)).toBe('0.0000001');
    expect(plainDecimal(-1.5e-10)).toBe('-0.00000000015');
    expect(plainDecimal(1e21)).toBe('1000000000000000000000');
    expect(plainDecimal(-0)).toBe('0');
    expect(plainDecimal(5e-324)).toBe(`0.${'0'.repeat(323)}5`);
    expect(canonicalDecimal('-000.500')).toBe('-0.5');
    expect(canonicalDecimal('-0.000')).toBe('0');
    expect(() => plainDecimal(Infinity)).toThrow();
  });

  it('on random literal texts: every accepted literal survives JSON and means the text written', () => {
    const next = seededRandom(510);
    const digits = (n: number): string => Array.from({ length: n }, () => String(Math.floor(next() * 10))).join('');
    let accepted = 0;
    for (let i = 0; i < 5000; i++) {
      const whole = digits(1 + Math.floor(next() * 22));
      const text = `${next() < 0.3 ? '-' : ''}${whole}${next() < 0.6 ? `.${digits(1 + Math.floor(next() * 22))}` : ''}`;
      const reading = readNumberLiteral(text);
      if (!reading.ok) continue;
      accepted++;
      expect(Number.isFinite(reading.value)).toBe(true);
      expect(JSON.parse(JSON.stringify({ value: reading.value })).value).toBe(reading.value);
      expect(canonicalDecimal(text)).toBe(plainDecimal(reading.value));
    }
    expect(accepted).toBeGreaterThan(500);
  });
});

describe('check refuses literals that do not survive JSON, at the literal', () => {
  it('WZ510 for a literal that is too large, with file:line:col of the literal', () => {
    const parsed = parseCriterion(`leeftijd >= ${'9'.repeat(400)}`, at);
    expect(parsed.ast).toBeUndefined();
    expect(parsed.diagnostics.map((d) => [d.code, d.span?.col])).toEqual([['WZ510', 13]]);
    const d = parsed.diagnostics[0]!;
    // The message names the literal, but cut short: a 400-digit number is not echoed in full.
    expect(d.message).toContain('9999999999');
    expect(d.message).toContain('(400 cijfers)');
    expect(d.message.length).toBeLessThan(200);
    expect(d.hint).toContain(String(MAX_LITERAL));
  });

  it('WZ511 for a literal that would become another number, saying which one to write', () => {
    const parsed = parseCriterion('leeftijd tussen 18 en 9007199254740993', at);
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['WZ510']);
    const precise = parseCriterion('reisafstand < 0.1000000000000000055511151231257827', at);
    expect(precise.diagnostics.map((d) => [d.code, d.span?.col])).toEqual([['WZ511', 15]]);
    expect(precise.diagnostics[0]!.message).toContain('0.1 worden');
    expect(precise.diagnostics[0]!.hint).toContain('Schrijf 0.1');
  });

  it('reports every bad literal in a criterion, in lists, tussen and aantal alike', () => {
    expect(codes(`leeftijd in [1, ${'9'.repeat(30)}, 0.30000000000000000001] of aantal beperkingen >= ${'1'.repeat(20)}`)).toEqual(['WZ510', 'WZ511', 'WZ510']);
  });

  it('gives the file, line and column in a product file, and compiles nothing', () => {
    const dir = catalogue(`leeftijd >= 18 en leeftijd < ${'9'.repeat(400)}`);
    const prepared = prepareCatalogue(dir);
    expect(prepared.compiled).toBeUndefined();
    const errors = prepared.diagnostics.filter((d) => d.severity === 'fout');
    expect(errors.map((d) => d.code)).toEqual(['WZ510']);
    expect(errors[0]!.span).toMatchObject({ file: join(dir, 'producten', 'p.yaml'), line: 7, col: 41 });
  });

  it('the reported bug: a bare engine on the compiled rules agrees with wijzer at the largest literal allowed', async () => {
    const prepared = prepareCatalogue(catalogue(`leeftijd >= ${MAX_LITERAL}`));
    const rules = JSON.parse(JSON.stringify(rulesOf(prepared.compiled!))) as { name: string }[];
    expect(JSON.stringify(rules)).not.toContain('null');
    const engine = new Engine(rules as never[], { allowUndefinedFacts: true });
    const fired = new Set((await engine.run({ leeftijd: 40 })).results.map((r) => r.name));
    const wijzer = await new Evaluator(prepared.compiled!).evaluate({ leeftijd: 40 });
    expect(wijzer.products[0]!.status).toBe('niet passend');
    expect(fired.has(`${prepared.compiled!.catalogue.id}/p/passend`)).toBe(false);
    // The bound is beyond the fact's range (0 to 130): a warning, not an error.
    expect(prepared.diagnostics.map((d) => d.code)).toContain('WZ512');
  });
});

describe('literals against the fact they are compared with', () => {
  it('WZ512 warns for a bound outside the fact’s range, naming the range', () => {
    expect(codes('leeftijd >= 131')).toEqual(['WZ512']);
    expect(codes('leeftijd < -1')).toEqual(['WZ512']);
    expect(codes('leeftijd in [18, 200]')).toEqual(['WZ512']);
    expect(codes('leeftijd tussen 0 en 130')).toEqual([]);
    const parsed = parseCriterion('leeftijd >= 131', at);
    const warning = checkExpr(parsed.ast!, scope, at)[0]!;
    expect(warning.severity).toBe('waarschuwing');
    expect(warning.message).toContain('van 0 tot en met 130');
    expect(warning.span?.col).toBe(13);
  });

  it('WZ513 refuses a count that is not a whole number, suggesting the equivalent whole one', () => {
    const parsed = parseCriterion('aantal beperkingen >= 1.5', at);
    const [error] = checkExpr(parsed.ast!, scope, at);
    expect(error?.code).toBe('WZ513');
    expect(error?.hint).toContain('aantal beperkingen >= 2');
    expect(checkExpr(parseCriterion('aantal beperkingen <= 1.5', at).ast!, scope, at)[0]?.hint).toContain('aantal beperkingen <= 1');
    expect(codes('aantal beperkingen >= 2')).toEqual([]);
  });

  it('renders extreme literals without an exponent, so the text parses back to the same AST', () => {
    for (const text of ['reisafstand < 0.0000001', `leeftijd >= -${MAX_LITERAL}`, 'leeftijd in [0.000000000000000000001, 7]', 'aantal beperkingen >= 0']) {
      const rendered = renderExpr(parse(text));
      expect(rendered).toBe(text);
      expect(renderExpr(parse(rendered))).toBe(rendered);
    }
    expect(renderExpr(parse('leeftijd >= -0.000'))).toBe('leeftijd >= 0');
  });
});
