import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCriterion } from '../src/dsl/parse.js';
import { renderExpr, type Expr } from '../src/dsl/ast.js';
import { cstDts } from '../grammar/generate-dts.js';

const at = (offset: number) => ({ file: 'x', line: 1, col: offset + 1 });

function parse(text: string): Expr {
  const result = parseCriterion(text, at);
  expect(result.diagnostics).toEqual([]);
  return result.ast!;
}

describe('criteria language: parser and AST', () => {
  it('gives "en" precedence over "of" and keeps parentheses', () => {
    expect(renderExpr(parse('a of b en c'))).toBe('a of b en c');
    const tree = parse('a of b en c');
    expect(tree.kind).toBe('or');
    expect(tree.kind === 'or' && tree.operands[1]!.kind).toBe('and');
    const grouped = parse('(a of b) en c');
    expect(grouped.kind).toBe('and');
    expect(renderExpr(grouped)).toBe('(a of b) en c');
  });

  it('parses every kind of test', () => {
    const cases: [string, Expr['kind'], string][] = [
      ['problematiek is licht', 'compare', 'problematiek is licht'],
      ['problematiek is niet licht', 'compare', 'problematiek is niet licht'],
      ['problematiek >= matig', 'compare', 'problematiek >= matig'],
      ['leeftijd minimaal 18 jaar', 'compare', 'leeftijd >= 18 jaar'],
      ['leeftijd maximaal 65', 'compare', 'leeftijd <= 65'],
      ['afstand < 4.9 km', 'compare', 'afstand < 4.9 km'],
      ['inzicht in [geen, weinig]', 'member', 'inzicht in [geen, weinig]'],
      ['inzicht niet in [goed]', 'member', 'inzicht niet in [goed]'],
      ['leeftijd tussen 18 en 65', 'between', 'leeftijd tussen 18 en 65'],
      ['beperkingen bevat verstandelijk', 'contains', 'beperkingen bevat verstandelijk'],
      ['beperkingen bevat niet verstandelijk', 'contains', 'beperkingen bevat niet verstandelijk'],
      ['aantal beperkingen >= 2', 'count', 'aantal beperkingen >= 2'],
      ['wlz_indicatie is ja', 'compare', 'wlz_indicatie is ja'],
      ['leeftijd = 18', 'compare', 'leeftijd = 18'],
      ['niet woont_zelfstandig', 'not', 'niet woont_zelfstandig'],
      ['woont_zelfstandig', 'name', 'woont_zelfstandig'],
    ];
    for (const [text, kind, rendered] of cases) {
      const ast = parse(text);
      expect(ast.kind, text).toBe(kind);
      expect(renderExpr(ast), text).toBe(rendered);
      expect(renderExpr(parse(renderExpr(ast))), `round trip of ${text}`).toBe(rendered);
    }
  });

  it('keeps "tussen ... en ..." apart from the "en" of a conjunction', () => {
    const ast = parse('leeftijd tussen 18 en 65 en problematiek is licht');
    expect(ast.kind).toBe('and');
    expect(ast.kind === 'and' && ast.operands.map((o) => o.kind)).toEqual(['between', 'compare']);
  });

  it('lets keywords be part of names', () => {
    expect(renderExpr(parse('inzicht is beperkt en eenheid is dagdeel'))).toBe('inzicht is beperkt en eenheid is dagdeel');
  });

  it('records source ranges for carets', () => {
    const ast = parse('leeftijd >= 18 en problematiek is licht');
    expect(ast.kind === 'and' && ast.operands[1]!.range).toEqual({ start: 18, end: 39 });
  });

  it.each([
    ['leeftijd >= 18 & x', 'WZ401', 15],
    ['problematiek is en licht', 'WZ402', 16],
    ['leeftijd >=', 'WZ403', 11],
    ['(a of b', 'WZ403', 7],
    ['   ', 'WZ404', 0],
    ['a b', 'WZ402', 2],
    ['4,9 km', 'WZ402', 0],
  ])('reports %j as %s at offset %i', (text, code, offset) => {
    const result = parseCriterion(text, at);
    expect(result.ast).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.span!.col - 1])).toEqual([[code, offset]]);
    expect(result.diagnostics[0]!.message).toMatch(/[a-z]/);
  });

  it('has generated CST types that match the grammar (npm run grammar:dts)', () => {
    expect(readFileSync(new URL('../grammar/cst.d.ts', import.meta.url), 'utf8')).toBe(cstDts());
  });
});
