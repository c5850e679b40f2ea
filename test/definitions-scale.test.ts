/**
 * Definitions and profiles that are small on disk but hostile in shape: a definition that uses the
 * next one twice (size doubles per level), a diamond, a 5,000-step chain, deep nesting through
 * definitions, cycles, and a profile with 100,000 unknown keys. Each ends in coded diagnostics
 * naming the definition and its chain, without expanding anything exponentially and without a
 * stack overflow. (How fast is `npm run bench`'s business; here a hang shows up as a timeout.)
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from './support/scratch.js';
import { checkDefinitions, checkExpr, type Definition, type Scope } from '../src/check/typecheck.js';
import { MAX_DEFINITION_LEVELS, MAX_EXPANDED_COMPARISONS, MAX_EXPANDED_NESTING } from '../src/check/expansion.js';
import { dependenciesOf } from '../src/check/usage.js';
import { leavesOf, lower } from '../src/compile/lower.js';
import { rulesOf } from '../src/compile/rules.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { parseCriterion } from '../src/dsl/parse.js';
import { Evaluator } from '../src/evaluate/evaluate.js';
import { prepareCatalogue, prepareScope } from '../src/pipeline.js';
import { fromRoot } from '../src/util/files.js';
import { checkProfileValue, loadProfile, MAX_UNKNOWN_FACTS_REPORTED } from '../src/vocabulary/profile.js';
import { loadScope } from '../src/vocabulary/scope.js';

const base = loadScope().scope!;
const temp = (): string => scratchFolder('defs-');

/** A scope with extra definitions, built in memory (no YAML) so the 5,000-step chain is quick to set up. */
function scopeWith(definitions: Record<string, string>): Scope {
  const map = new Map<string, Definition>(base.definitions);
  let line = 1;
  for (const [name, text] of Object.entries(definitions)) {
    const row = line++;
    const at = (offset: number) => ({ file: 'vijandig.yaml', line: row, col: offset + 1 });
    const parsed = parseCriterion(text, at);
    expect(parsed.diagnostics).toEqual([]);
    map.set(name, { name, text, omschrijving: name, at, ...(parsed.ast ? { ast: parsed.ast } : {}) });
  }
  return { vocabulary: base.vocabulary, definitions: map };
}

/** d1 uses d2 twice, d2 uses d3 twice, …: 2^(levels-1) comparisons once written out. */
function doubling(levels: number, prefix = 'd'): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 1; i <= levels; i++) out[`${prefix}${i}`] = i === levels ? 'leeftijd >= 18' : `${prefix}${i + 1} en ${prefix}${i + 1}`;
  return out;
}

/** Two definitions per level, each using both of the next level: a diamond lattice. */
function diamond(levels: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 1; i <= levels; i++) {
    const last = i === levels;
    out[`a${i}`] = last ? 'leeftijd >= 18' : `a${i + 1} of b${i + 1}`;
    out[`b${i}`] = last ? 'leeftijd < 65' : `a${i + 1} en b${i + 1}`;
  }
  return out;
}

function chain(steps: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 1; i <= steps; i++) out[`c${i}`] = i === steps ? 'leeftijd >= 18' : `c${i + 1}`;
  return out;
}

const own = (ds: Diagnostic[]) => ds.filter((d) => d.span?.file === 'vijandig.yaml');
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
const clause = (text: string) => {
  const at = (offset: number) => ({ file: 'product.yaml', line: 7, col: offset + 1 });
  return { ast: parseCriterion(text, at).ast!, at };
};

describe('definitions written out: size', () => {
  it('40 definitions that each use the next twice: one WZ607 where the limit is crossed, naming the chain', () => {
    const diagnostics = own(checkDefinitions(scopeWith(doubling(40))));
    expect(codes(diagnostics)).toEqual(['WZ607']);
    // 2^10 = 1024 comparisons is the first above 1,000: d30 (d40 is one comparison).
    expect(diagnostics[0]!.message).toContain("Definitie 'd30'");
    expect(diagnostics[0]!.message).toContain('1024 vergelijkingen');
    expect(diagnostics[0]!.message).toContain(`maximaal ${MAX_EXPANDED_COMPARISONS}`);
    expect(diagnostics[0]!.message).toMatch(/via d30 → d31 → .* → d40\./);
    expect(diagnostics[0]!.span).toEqual({ file: 'vijandig.yaml', line: 30, col: 1 });
  });

  it('a diamond of 30 levels: WZ607 at both definitions of the level that crosses the limit', () => {
    const diagnostics = own(checkDefinitions(scopeWith(diamond(30))));
    expect(codes(diagnostics)).toEqual(['WZ607', 'WZ607']);
    expect(diagnostics.map((d) => /Definitie '(\w+)'/.exec(d.message)?.[1])).toEqual(['a20', 'b20']);
  });

  it('a product criterion that uses an oversized definition gets WZ608 and is not compiled', () => {
    const scope = scopeWith(doubling(40));
    const { ast, at } = clause('d1 en leeftijd < 65');
    const diagnostics = checkExpr(ast, scope, at);
    expect(codes(diagnostics)).toEqual(['WZ608']);
    expect(diagnostics[0]!.message).toContain('meer dan een miljoen vergelijkingen');
    expect(diagnostics[0]!.message).toMatch(/via d1 → d2 → d3 → d4 → … \(\d+ meer\) → d38 → d39 → d40\./);
  });

  it('a criterion within the limit compiles to plain inlined conditions and evaluates', async () => {
    const scope = scopeWith(doubling(10)); // d1: 512 comparisons
    expect(own(checkDefinitions(scope))).toEqual([]);
    const { ast, at } = clause('d1');
    expect(checkExpr(ast, scope, at)).toEqual([]);
    expect(leavesOf(lower(ast, scope, true))).toHaveLength(512);

    const dir = temp();
    cpSync(fromRoot('test', 'fixtures', 'negatief', '_basis'), dir, { recursive: true });
    const product = join(dir, 'producten', '000-basis.yaml');
    writeFileSync(product, readFileSync(product, 'utf8').replace('als: problematiek is licht', 'als: d1'));
    const prepared = prepareCatalogue(dir, { scope, diagnostics: [] });
    expect(prepared.diagnostics.filter((d) => d.severity === 'fout')).toEqual([]);
    const rules = JSON.stringify(rulesOf(prepared.compiled!));
    expect(rules).not.toContain('"condition"'); // no shared-condition references: every use inlined
    const evaluation = await new Evaluator(prepared.compiled!).evaluate({ leeftijd: 40 });
    expect(evaluation.products[0]!.status).toBe('passend');
    const young = await new Evaluator(prepared.compiled!).evaluate({ leeftijd: 12 });
    expect(young.products[0]!.status).toBe('niet passend');
  });

  it('many uses of a definition inside one criterion add up (WZ608), even when each use is fine', () => {
    const scope = scopeWith(doubling(9)); // d1: 256 comparisons
    const { ast, at } = clause('d1 en d1 en d1 en d1');
    expect(codes(checkExpr(ast, scope, at))).toEqual(['WZ608']);
  });
});

describe('definitions written out: depth', () => {
  it('a 5,000-step chain: one WZ606 where the depth limit is crossed, no stack overflow', () => {
    const scope = scopeWith(chain(5000));
    const diagnostics = own(checkDefinitions(scope));
    expect(codes(diagnostics)).toEqual(['WZ606']);
    const tip = 5000 - MAX_DEFINITION_LEVELS;
    expect(diagnostics[0]!.message).toContain(`Definitie 'c${tip}' is te diep genest: ${MAX_DEFINITION_LEVELS + 1} definities in elkaar`);
    expect(diagnostics[0]!.message).toMatch(new RegExp(`via c${tip} → c${tip + 1} → .* → c5000\\.`));
  });

  it('a product criterion at the top of the chain gets WZ609 at the use, and lowering is never reached', () => {
    const scope = scopeWith(chain(5000));
    const { ast, at } = clause('leeftijd < 65 en c1');
    const diagnostics = checkExpr(ast, scope, at);
    expect(codes(diagnostics)).toEqual(['WZ609']);
    expect(diagnostics[0]!.message).toContain("Definitie 'c1' kan hier niet uitgeschreven worden: zij is te diep genest (5000 definities in elkaar");
    expect(diagnostics[0]!.span).toEqual({ file: 'product.yaml', line: 7, col: 18 });
    // Lowering an unchecked criterion is a bug: it says so instead of overflowing the stack.
    expect(() => lower(ast, scope, true)).toThrow(/wijzer: lowering unchecked criterion/);
  });

  it('exactly the depth limit is allowed', () => {
    const scope = scopeWith(chain(MAX_DEFINITION_LEVELS));
    expect(own(checkDefinitions(scope))).toEqual([]);
    const { ast, at } = clause('c1');
    expect(checkExpr(ast, scope, at)).toEqual([]);
    expect(leavesOf(lower(ast, scope, true))[0]!.via).toHaveLength(MAX_DEFINITION_LEVELS);
  });

  it('nesting that becomes too deep only once written out: WZ606 on and/of/niet levels', () => {
    const defs: Record<string, string> = {};
    for (let i = 1; i <= 20; i++) defs[`n${i}`] = i === 20 ? 'leeftijd >= 18' : `${'niet ('.repeat(30)}n${i + 1}${')'.repeat(30)}`;
    const diagnostics = own(checkDefinitions(scopeWith(defs)));
    expect(codes(diagnostics)).toEqual(['WZ606']);
    expect(diagnostics[0]!.message).toMatch(new RegExp(`niveaus en/of/niet na uitschrijven \\(maximaal ${MAX_EXPANDED_NESTING}\\)`));
  });

  it('the dependencies of a criterion at the top of a 5,000-step chain are found without recursion', () => {
    const scope = scopeWith(chain(5000));
    const { ast } = clause('c1');
    const deps = dependenciesOf(ast, scope);
    expect(deps.definitions.size).toBe(5000);
    expect([...deps.facts]).toEqual(['leeftijd']);
  });
});

describe('unknown names in many definitions', () => {
  it('2,000 definitions with an unknown name each: all reported (WZ501), the first 20 with a suggestion', () => {
    const defs = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`u${i}`, `leeftijd_${i} >= 1`]));
    const diagnostics = own(checkDefinitions(scopeWith(defs)));
    expect(codes(diagnostics).filter((c) => c === 'WZ501')).toHaveLength(2000);
    expect(diagnostics.filter((d) => d.hint?.includes('Bedoelt u'))).toHaveLength(20);
  });
});

describe('cycles between definitions', () => {
  it('a cycle of 5,000 definitions: WZ507 at each, with a short chain, in linear time', () => {
    const defs = chain(5000);
    defs['c5000'] = 'c1 en leeftijd >= 18';
    const diagnostics = own(checkDefinitions(scopeWith(defs)));
    expect(diagnostics).toHaveLength(5000);
    expect(new Set(codes(diagnostics))).toEqual(new Set(['WZ507']));
    expect(diagnostics[0]!.message).toMatch(/Definitie 'c1' verwijst \(via c1 → c2 → c3 → c4 → … \(4994 meer\) → c4999 → c5000 → c1\) naar zichzelf/);
    const chainOf = (name: string) => /\(via (.*)\) naar zichzelf/.exec(diagnostics.find((d) => d.message.startsWith(`Definitie '${name}'`))!.message)![1];
    expect(chainOf('c2500')).toBe('c2500 → c2501 → c2502 → c2503 → … (4994 meer) → c2498 → c2499 → c2500');
    expect(chainOf('c4999')).toBe('c4999 → c5000 → c1 → c2 → … (4994 meer) → c4997 → c4998 → c4999');
    expect(chainOf('c3')).toBe('c3 → c4 → c5 → c6 → … (4994 meer) → c1 → c2 → c3');
  });

  it('two definitions using each other keep their short chains', () => {
    const diagnostics = own(checkDefinitions(scopeWith({ kip: 'ei en leeftijd >= 1', ei: 'kip' })));
    expect(diagnostics.map((d) => d.message)).toEqual(["Definitie 'kip' verwijst (via kip → ei → kip) naar zichzelf.", "Definitie 'ei' verwijst (via ei → kip → ei) naar zichzelf."]);
  });

  it('every chain shown is a real walk from the definition back to itself (random graphs)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let checked = 0;
    for (let round = 0; round < 40; round++) {
      const uses = new Map<string, string[]>();
      for (let i = 0; i < 7; i++) uses.set(`g${i}`, [...new Set(Array.from({ length: 1 + Math.floor(random() * 2) }, () => `g${Math.floor(random() * 7)}`))]);
      const defs = Object.fromEntries([...uses].map(([name, targets]) => [name, [...targets, 'leeftijd >= 1'].join(' of ')]));
      for (const d of own(checkDefinitions(scopeWith(defs))).filter((x) => x.code === 'WZ507')) {
        const [, name, chain] = /Definitie '(\w+)' verwijst \(via (.*)\) naar zichzelf/.exec(d.message)!;
        const names = chain!.split(' → ');
        if (names.some((n) => n.startsWith('…'))) continue; // abbreviated: the 5,000-cycle test covers those
        checked++;
        expect(names[0]).toBe(name);
        expect(names.at(-1)).toBe(name);
        names.slice(1).forEach((next, i) => expect(uses.get(names[i]!)).toContain(next));
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('a product criterion using a definition that reaches a cycle gets WZ609, not an endless lowering', () => {
    const scope = scopeWith({ kip: 'ei en leeftijd >= 1', ei: 'kip', boer: 'kip of leeftijd > 80' });
    const { ast, at } = clause('boer');
    const diagnostics = checkExpr(ast, scope, at);
    expect(codes(diagnostics)).toEqual(['WZ609']);
    expect(diagnostics[0]!.message).toContain("Definitie 'boer' kan hier niet uitgeschreven worden: zij gebruikt 'kip', die naar zichzelf verwijst");
    expect(() => lower(ast, scope, true)).toThrow(/wijzer: lowering unchecked criterion/);
  });
});

describe('a definitions file on disk', () => {
  function rulesWith(body: string): string {
    const dir = temp();
    cpSync(fromRoot('rules'), dir, { recursive: true });
    mkdirSync(join(dir, 'definities'), { recursive: true });
    writeFileSync(join(dir, 'definities', 'vijandig.yaml'), `definities:\n${body}`);
    return dir;
  }
  const yaml = (defs: Record<string, string>) =>
    Object.entries(defs)
      .map(([name, als]) => `  ${name}:\n    als: ${als}\n    omschrijving: x\n`)
      .join('');

  it('the 40-level doubling file gives WZ607 at the line of d30 through loadScope', () => {
    const result = loadScope(rulesWith(yaml(doubling(40))));
    const mine = result.diagnostics.filter((d) => d.span?.file.endsWith('vijandig.yaml'));
    expect(codes(mine)).toEqual(['WZ607']);
    expect(mine[0]!.span).toMatchObject({ line: 3 + 29 * 3, col: 10 }) // the als: of d30;
  });

  it('a catalogue whose product uses the oversized definition is refused before compiling', () => {
    const rules = rulesWith(yaml(doubling(40)));
    const dir = temp();
    cpSync(fromRoot('test', 'fixtures', 'negatief', '_basis'), dir, { recursive: true });
    const product = join(dir, 'producten', '000-basis.yaml');
    writeFileSync(product, `id: p\nnaam: P\neenheid: uur\nindicatie:\n  voorwaarden:\n    - { id: c, als: d1, reden: r, bron: De inwoner heeft lichte problematiek. }\n`);
    // As `check` does it: the scope's own errors are reported apart, the catalogue is checked on its own.
    const prepared = prepareCatalogue(dir, { ...prepareScope(rules), diagnostics: [] });
    expect(codes(prepared.diagnostics)).toContain('WZ608');
    expect(prepared.compiled).toBeUndefined();
  });
});

describe('profiles with very many unknown keys', () => {
  const vocabulary = base.vocabulary;

  it('100,000 unknown keys: the first 20 are reported, then one WZ710 that counts the rest', () => {
    const value: Record<string, number> = { leeftijd: 40 };
    for (let i = 0; i < 100_000; i++) value[`onbekend${i}`] = 1;
    let line = 0;
    const result = checkProfileValue(value, vocabulary, () => ({ file: 'p.yaml', line: ++line, col: 1 }));
    expect(result.profile).toBeUndefined();
    expect(codes(result.diagnostics)).toEqual([...Array<string>(MAX_UNKNOWN_FACTS_REPORTED).fill('WZ701'), 'WZ710']);
    expect(result.diagnostics.at(-1)!.message).toBe('En nog 99980 onbekende feiten in het profiel (de eerste 20 staan hierboven).');
  });

  it('unknown keys and a wrong value are both reported; a suggestion is still made', () => {
    const result = checkProfileValue({ leeftijdd: 40, problematiek: 'zwaarr' }, vocabulary, (path) => ({ file: 'p.yaml', line: path.length, col: 1 }));
    expect(codes(result.diagnostics)).toEqual(['WZ701', 'WZ703']);
    expect(result.diagnostics[0]!.hint).toContain("Bedoelt u 'leeftijd'?");
  });

  it('exactly 20 unknown keys: no summary', () => {
    const value = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`x${i}`, 1]));
    expect(codes(checkProfileValue(value, vocabulary, () => ({ file: 'p.yaml', line: 1, col: 1 })).diagnostics)).not.toContain('WZ710');
  });

  it('a profile file: WZ710 points at the first key that is not reported one by one', () => {
    const path = join(temp(), 'profiel.yaml');
    writeFileSync(path, `leeftijd: 40\n${Array.from({ length: 500 }, (_, i) => `onbekend${i}: 1\n`).join('')}`);
    const result = loadProfile(path, vocabulary);
    expect(result.diagnostics).toHaveLength(21);
    expect(result.diagnostics[20]).toMatchObject({ code: 'WZ710', span: { line: 22, col: 1 } });
    expect(result.diagnostics[0]).toMatchObject({ code: 'WZ701', span: { line: 2, col: 1 } });
  });
});
