/**
 * Property test (issue 10, item 1): for generated catalogues with extreme numbers, long lists,
 * deep nesting of en/of/niet and chains of definitions, the compiled rules — after the round
 * trip to JSON, on a bare json-rules-engine Engine — decide every product as wijzer does, the
 * compiled evaluator gives every rule and leaf the bare Engine's result, and every clause's truth
 * equals an independent three-valued reading of its AST.
 *
 * Seeded and deterministic; the catalogues are written to a temporary folder (removed after)
 * in the bundled rules/ vocabulary plus a generated definitions file.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { afterAll, describe, expect, it } from 'vitest';
import { assertNever, type Expr, type Value } from '../src/dsl/ast.js';
import { MAX_LITERAL, plainDecimal } from '../src/dsl/number-literal.js';
import type { Scope } from '../src/check/typecheck.js';
import { rulesOf, type CompiledCatalogue } from '../src/compile/rules.js';
import { Evaluator } from '../src/evaluate/evaluate.js';
import { isHardExcess, isOpenHardLimit, type ProductOutcome, type Truth } from '../src/evaluate/outcome.js';
import { prepareCatalogue, prepareScope } from '../src/pipeline.js';
import { seededRandom } from '../src/population/synthetic.js';
import { fromRoot } from '../src/util/files.js';
import { EnginePair } from './support/differential.js';
import type { Fact, FactValue, Profile } from '../src/vocabulary/types.js';

const CATALOGUES = 4;
const PRODUCTS = 5;
const PROFILES = 60;
const DEFINITIONS = 8;

const root = mkdtempSync(join(tmpdir(), 'wijzer-property-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Random = () => number;
const pick = <T,>(items: readonly T[], next: Random): T => items[Math.floor(next() * items.length)]!;
const chance = (p: number, next: Random): boolean => next() < p;

// --- generating criteria ------------------------------------------------------------------

/** Numbers at and around the fact's bounds, huge, tiny and negative (some outside the range: WZ512 warns). */
function numberPool(fact: Extract<Fact, { kind: 'getal' }>): number[] {
  const lo = fact.minimum ?? 0;
  const hi = fact.maximum ?? 1000;
  return [lo, hi, lo + 1, hi - 1, hi + 1, -1, -0.5, (lo + hi) / 2, 0.5, 0.000001, hi - 0.000001, 1e-10, 123456789012345, MAX_LITERAL, -MAX_LITERAL, 18, 2.75];
}

/** The literal text: mostly canonical, sometimes with leading or trailing zeros (same number). */
function literal(value: number, next: Random): string {
  const text = plainDecimal(value);
  if (value === 0 && chance(0.3, next)) return '-0.000';
  if (chance(0.15, next)) return text.startsWith('-') ? `-00${text.slice(1)}` : `00${text}`;
  if (chance(0.15, next)) return text.includes('.') ? `${text}00` : `${text}.0`;
  return text;
}

class CriterionGenerator {
  constructor(
    private readonly facts: readonly Fact[],
    private readonly definitions: readonly string[],
    private readonly next: Random,
  ) {}

  expression(depth: number): string {
    const next = this.next;
    if (depth <= 0 || chance(0.25, next)) return this.atom();
    const roll = next();
    if (roll < 0.2) return `niet (${this.expression(depth - 1)})`;
    const count = 2 + Math.floor(next() * 2);
    const operands = Array.from({ length: count }, () => `(${this.expression(depth - 1)})`);
    return operands.join(roll < 0.6 ? ' en ' : ' of ');
  }

  /** A chain of negations and groups far deeper than people write (the parser allows 64). */
  deep(levels: number): string {
    let text = this.atom();
    for (let i = 0; i < levels; i++) {
      const roll = this.next();
      text = roll < 0.4 ? `niet ${text}` : roll < 0.7 ? `(${text} en ${this.atom()})` : `(${this.atom()} of ${text})`;
    }
    return text;
  }

  atom(): string {
    const next = this.next;
    if (this.definitions.length > 0 && chance(0.08, next)) return `${chance(0.3, next) ? 'niet ' : ''}${pick(this.definitions, next)}`;
    const fact = pick(this.facts, next);
    switch (fact.kind) {
      case 'ja-nee':
        return pick([fact.name, `niet ${fact.name}`, `${fact.name} is ja`, `${fact.name} is nee`, `${fact.name} is niet ja`], next);
      case 'getal': {
        const pool = numberPool(fact);
        const n = (): string => `${literal(pick(pool, next), next)}${fact.eenheid && chance(0.3, next) ? ` ${fact.eenheid}` : ''}`;
        const roll = next();
        if (roll < 0.5) return `${fact.name} ${pick(['>=', '<=', '>', '<', '=', '!=', '≥', '≤', '≠', 'minimaal', 'maximaal'], next)} ${n()}`;
        if (roll < 0.75) {
          // Now and then a long list: up to 40 numbers.
          const items = Array.from({ length: 1 + Math.floor(next() * (chance(0.2, next) ? 40 : 4)) }, n);
          return `${fact.name} ${chance(0.4, next) ? 'niet in' : 'in'} [${items.join(', ')}]`;
        }
        const [a, b] = [pick(pool, next), pick(pool, next)].sort((x, y) => x - y);
        return `${fact.name} tussen ${literal(a!, next)} en ${literal(b!, next)}`;
      }
      case 'schaal': {
        const label = (): string => pick(fact.labels, next);
        const roll = next();
        if (roll < 0.5) return `${fact.name} ${pick(['is', 'is niet', '>=', '<=', '>', '<'], next)} ${label()}`;
        if (roll < 0.8) return `${fact.name} ${chance(0.4, next) ? 'niet in' : 'in'} [${Array.from({ length: 1 + Math.floor(next() * 12) }, label).join(', ')}]`;
        const [i, j] = [Math.floor(next() * fact.labels.length), Math.floor(next() * fact.labels.length)].sort((x, y) => x - y);
        return `${fact.name} tussen ${fact.labels[i!]} en ${fact.labels[j!]}`;
      }
      case 'keuze': {
        const label = (): string => pick(fact.labels, next);
        return chance(0.5, next)
          ? `${fact.name} ${pick(['is', 'is niet'], next)} ${label()}`
          : `${fact.name} ${chance(0.4, next) ? 'niet in' : 'in'} [${Array.from({ length: 1 + Math.floor(next() * 12) }, label).join(', ')}]`;
      }
      case 'lijst':
        return chance(0.6, next)
          ? `${fact.name} bevat ${chance(0.4, next) ? 'niet ' : ''}${pick(fact.labels, next)}`
          : `aantal ${fact.name} ${pick(['>=', '<=', '>', '<', '=', '!='], next)} ${Math.floor(next() * (fact.labels.length + 2))}`;
      default:
        return assertNever(fact);
    }
  }

  /** Something that fits the parser's limits (4000 characters, 64 levels), tried a few times. */
  criterion(): string {
    for (let attempt = 0; attempt < 20; attempt++) {
      const text = chance(0.25, this.next) ? this.deep(10 + Math.floor(this.next() * 40)) : this.expression(1 + Math.floor(this.next() * 3));
      if (text.length <= 4000) return text;
    }
    return this.atom();
  }
}

// --- writing catalogues ---------------------------------------------------------------------

const yaml = (text: string): string => JSON.stringify(text);

function writeDefinitions(rulesDir: string, generator: (names: string[]) => CriterionGenerator): string[] {
  const names: string[] = [];
  const lines = ['definities:'];
  for (let i = 0; i < DEFINITIONS; i++) {
    const name = `gegenereerd_${i}`;
    // Each definition may use the earlier ones: a chain in which every other one shares its two
    // predecessors (a diamond), plus uses picked at random.
    const text = i > 1 && i % 2 === 0 ? `${names[i - 1]} en niet (${names[i - 2]} of ${generator([]).atom()})` : generator(names).expression(2);
    lines.push(`  ${name}:`, `    als: ${yaml(text)}`, `    omschrijving: gegenereerde definitie ${i}`);
    names.push(name);
  }
  writeFileSync(join(rulesDir, 'definities', 'gegenereerd.yaml'), `${lines.join('\n')}\n`);
  return names;
}

const LIMIT_UNITS: Readonly<Record<string, readonly string[]>> = {
  maanden: ['maand', 'jaar', 'week', 'dag'],
  jaar: ['jaar', 'maand'],
  uur: ['uur'],
  dagdelen: ['dagdeel'],
  sessies: ['sessie'],
  km: ['kilometer'],
};

function clauses(kind: string, count: number, gen: CriterionGenerator): string[] {
  if (count === 0) return [];
  const lines = [`  ${kind}:`];
  for (let i = 0; i < count; i++) lines.push(`    - id: ${kind.slice(0, 4)}${i}`, `      als: ${yaml(gen.criterion())}`, '      reden: gegenereerd', '      bron: gegenereerd citaat');
  return lines;
}

function limits(facts: readonly Fact[], gen: CriterionGenerator, next: Random): string[] {
  const usable = facts.filter((f): f is Extract<Fact, { kind: 'getal' }> => f.kind === 'getal' && f.eenheid !== undefined && f.eenheid in LIMIT_UNITS);
  const count = Math.floor(next() * 3);
  if (count === 0 || usable.length === 0) return [];
  const lines = ['limieten:'];
  for (let i = 0; i < count; i++) {
    const fact = pick(usable, next);
    const amount = (): string => `{ aantal: ${pick([0, 0.5, 1, 3, 24, 1000000, 0.000001, fact.maximum ?? 1, (fact.maximum ?? 1) + 1, 999999.99], next)}, eenheid: ${pick(LIMIT_UNITS[fact.eenheid!]!, next)} }`;
    lines.push(`  - id: limiet${i}`, '    soort: volume', '    per: week', `    feit: ${fact.name}`);
    const roll = next();
    if (roll < 0.7) lines.push(`    maximum: ${amount()}`);
    if (roll > 0.4) lines.push(`    minimum: ${amount()}`);
    if (chance(0.3, next)) lines.push('    richtwaarde: true');
    if (chance(0.4, next)) lines.push(`    alleen_als: ${yaml(gen.expression(2))}`);
    lines.push('    reden: gegenereerd', '    bron: gegenereerd citaat');
  }
  return lines;
}

function writeCatalogue(folder: string, facts: readonly Fact[], gen: CriterionGenerator, next: Random): void {
  mkdirSync(join(folder, 'producten'), { recursive: true });
  writeFileSync(join(folder, 'regio.yaml'), "naam: Gegenereerd\norganisatie: wijzer-tests\nbron:\n  titel: Testbron\n  document: bron.txt\ngeldig_vanaf: '2026-01-01'\ndomeinen: [wmo]\n");
  for (let p = 0; p < PRODUCTS; p++) {
    const lines = [
      `id: p${p}`,
      `naam: Product ${p}`,
      'eenheid: uur',
      ...limits(facts, gen, next),
      'indicatie:',
      ...clauses('voorwaarden', 1 + Math.floor(next() * 3), gen),
      ...clauses('uitsluitingen', Math.floor(next() * 3), gen),
      ...clauses('kenmerken', Math.floor(next() * 2), gen),
    ];
    writeFileSync(join(folder, 'producten', `p${p}.yaml`), `${lines.join('\n')}\n`);
  }
}

// --- profiles -------------------------------------------------------------------------------

/** Values at the bounds and at the literals' neighbourhoods, within the fact's range (profiles are held to it). */
function profileValue(fact: Fact, next: Random): FactValue {
  switch (fact.kind) {
    case 'ja-nee':
      return chance(0.5, next);
    case 'getal': {
      const lo = fact.minimum ?? -MAX_LITERAL;
      const hi = fact.maximum ?? MAX_LITERAL;
      const candidate = pick([...numberPool(fact), lo + next() * (hi - lo), Math.round(lo + next() * (hi - lo)), 0.5 + 0.000001, 1e-10 / 2], next);
      return Math.min(hi, Math.max(lo, candidate));
    }
    case 'schaal':
    case 'keuze':
      return pick(fact.labels, next);
    case 'lijst':
      return chance(0.1, next) ? [...fact.labels] : fact.labels.filter(() => chance(0.3, next));
    default:
      return assertNever(fact);
  }
}

function profileFor(facts: readonly Fact[], next: Random): Profile {
  const density = pick([1, 1, 0.9, 0.6, 0.3], next);
  const profile: Record<string, FactValue> = {};
  for (const fact of facts) if (chance(density, next)) profile[fact.name] = profileValue(fact, next);
  return profile;
}

// --- an independent reading of a criterion (Kleene's three-valued logic) --------------------

function not(t: Truth): Truth {
  return t === 'waar' ? 'onwaar' : t === 'onwaar' ? 'waar' : 'onbekend';
}

function truth(b: boolean): Truth {
  return b ? 'waar' : 'onwaar';
}

function compareNumbers(a: number, op: string, b: number): boolean {
  return op === '>=' ? a >= b : op === '<=' ? a <= b : op === '>' ? a > b : op === '<' ? a < b : op === '=' ? a === b : a !== b;
}

function reference(expr: Expr, scope: Scope, profile: Profile): Truth {
  const known = (name: string): FactValue | undefined => profile[name];
  const rank = (fact: Fact, value: Value | string): number => ('labels' in fact ? fact.labels.indexOf(typeof value === 'string' ? value : value.kind === 'label' ? value.name : '') : -1);
  const num = (value: Value): number => (value.kind === 'number' ? value.value : NaN);
  switch (expr.kind) {
    case 'and': {
      const parts = expr.operands.map((o) => reference(o, scope, profile));
      return parts.includes('onwaar') ? 'onwaar' : parts.every((p) => p === 'waar') ? 'waar' : 'onbekend';
    }
    case 'or': {
      const parts = expr.operands.map((o) => reference(o, scope, profile));
      return parts.includes('waar') ? 'waar' : parts.every((p) => p === 'onwaar') ? 'onwaar' : 'onbekend';
    }
    case 'not':
      return not(reference(expr.operand, scope, profile));
    case 'name': {
      const definition = scope.definitions.get(expr.ref.name);
      if (definition) return reference(definition.ast!, scope, profile);
      const value = known(expr.ref.name);
      return value === undefined ? 'onbekend' : truth(value === true);
    }
    case 'compare': {
      const fact = scope.vocabulary.facts.get(expr.fact.name)!;
      const value = known(fact.name);
      if (value === undefined) return 'onbekend';
      if (fact.kind === 'getal') return truth(compareNumbers(value as number, expr.op, num(expr.value)));
      if (fact.kind === 'ja-nee') return truth(compareNumbers(Number(value), expr.op, Number(expr.value.kind === 'boolean' && expr.value.value)));
      return truth(compareNumbers(rank(fact, value as string), expr.op, rank(fact, expr.value)));
    }
    case 'member': {
      const fact = scope.vocabulary.facts.get(expr.fact.name)!;
      const value = known(fact.name);
      if (value === undefined) return 'onbekend';
      const inside = expr.values.some((v) => (v.kind === 'number' ? v.value === value : v.kind === 'label' && v.name === value));
      return truth(inside !== expr.negated);
    }
    case 'between': {
      const fact = scope.vocabulary.facts.get(expr.fact.name)!;
      const value = known(fact.name);
      if (value === undefined) return 'onbekend';
      if (fact.kind === 'getal') return truth((value as number) >= num(expr.low) && (value as number) <= num(expr.high));
      const r = rank(fact, value as string);
      return truth(r >= rank(fact, expr.low) && r <= rank(fact, expr.high));
    }
    case 'contains': {
      const value = known(expr.fact.name);
      if (value === undefined) return 'onbekend';
      return truth((value as readonly string[]).includes(expr.value.kind === 'label' ? expr.value.name : '') !== expr.negated);
    }
    case 'count': {
      const value = known(expr.fact.name);
      if (value === undefined) return 'onbekend';
      return truth(compareNumbers((value as readonly string[]).length, expr.op, expr.count));
    }
    default:
      return assertNever(expr);
  }
}

// --- the property ---------------------------------------------------------------------------

/** What the product rule decides: every voorwaarde holds, no uitsluiting applies, no hard limit is exceeded or open. */
function engineVerdict(product: ProductOutcome): boolean {
  const clausesFit = product.clauses.every((c) => (c.role === 'voorwaarde' ? c.truth === 'waar' : c.role === 'uitsluiting' ? c.truth !== 'waar' : true));
  return clausesFit && !product.limieten.some((l) => isHardExcess(l) || isOpenHardLimit(l));
}

interface Generated {
  readonly compiled: CompiledCatalogue;
  readonly scope: Scope;
}

function generate(seed: number): Generated[] {
  const next = seededRandom(seed);
  const rulesDir = join(root, `rules-${seed}`);
  cpSync(fromRoot('rules'), rulesDir, { recursive: true });
  const bundled = prepareScope(rulesDir).scope!;
  const facts = [...bundled.vocabulary.facts.values()];
  const names = writeDefinitions(rulesDir, (known) => new CriterionGenerator(facts, known, next));
  const scopeResult = prepareScope(rulesDir);
  expect(scopeResult.diagnostics.filter((d) => d.severity === 'fout'), 'generated definitions check').toEqual([]);
  const gen = new CriterionGenerator(facts, [...names, ...bundled.definitions.keys()], next);
  const out: Generated[] = [];
  for (let c = 0; c < CATALOGUES; c++) {
    const folder = join(root, `gegenereerd-${seed}-${c}`);
    writeCatalogue(folder, facts, gen, next);
    const prepared = prepareCatalogue(folder, scopeResult);
    const errors = prepared.diagnostics.filter((d) => d.severity === 'fout');
    expect(errors.map((d) => `${d.code} ${d.span?.file}:${d.span?.line} ${d.message}`), 'generated catalogue checks').toEqual([]);
    out.push({ compiled: prepared.compiled!, scope: scopeResult.scope! });
    if (c < HOSTILE_CATALOGUES) refusesHostileLiteral(folder, gen, scopeResult, next);
  }
  return out;
}

/** Literals that do not survive JSON: Infinity, beyond 2^53, more digits than a double holds, an underflow. */
const HOSTILE = [['9'.repeat(400), 'WZ510'], ['9007199254740993', 'WZ510'], ['-' + '1'.repeat(40), 'WZ510'], ['0.1000000000000000055511151231257827', 'WZ511'], [`0.${'0'.repeat(400)}1`, 'WZ511']] as const;
const HOSTILE_CATALOGUES = 2;

/** The same catalogue with one more product holding a hostile literal: check refuses it at the literal, nothing compiles. */
function refusesHostileLiteral(folder: string, gen: CriterionGenerator, scopeResult: ReturnType<typeof prepareScope>, next: Random): void {
  const [text, code] = pick(HOSTILE, next);
  const file = join(folder, 'producten', 'vijandig.yaml');
  const test = pick(['>=', '<', 'in [3,', 'tussen 0 en'], next);
  const prefix = `(${gen.expression(1)}) of leeftijd ${test} `;
  const criterion = `${prefix}${text}${test.startsWith('in') ? ']' : ''}`;
  writeFileSync(file, `id: vijandig\nnaam: Vijandig\neenheid: uur\nindicatie:\n  voorwaarden:\n    - id: v\n      als: ${yaml(criterion)}\n      reden: r\n      bron: gegenereerd citaat\n`);
  const prepared = prepareCatalogue(folder, scopeResult);
  rmSync(file);
  expect(prepared.compiled, criterion).toBeUndefined();
  const errors = prepared.diagnostics.filter((d) => d.severity === 'fout');
  expect(errors.map((d) => [d.code, d.span?.file, d.span?.line, d.span?.col]), criterion.slice(0, 300)).toEqual([[code, file, 7, 12 + 1 + prefix.length]]);
}

describe('generated catalogues: wijzer and a bare engine on the exported rules agree', () => {
  it('for extreme numbers, long lists, deep nesting and definitions, on many random profiles', async () => {
    const catalogues = generate(20261201);
    let compared = 0;
    const statuses = new Map<string, number>();
    for (const { compiled, scope } of catalogues) {
      const inMemory = rulesOf(compiled);
      const exported = JSON.parse(JSON.stringify(inMemory)) as { name: string }[];
      // The round trip to JSON changes nothing: no Infinity turned null, no -0 turned 0.
      expect(exported).toEqual(inMemory);
      const engine = new Engine(exported as never[], { allowUndefinedFacts: true });
      const evaluator = new Evaluator(compiled);
      const pair = new EnginePair(inMemory);
      const facts = [...scope.vocabulary.facts.values()];
      const next = seededRandom(compiled.products.length * 7919 + compiled.catalogue.id.length);
      for (let i = 0; i < PROFILES; i++) {
        const profile = profileFor(facts, next);
        // The compiled evaluator gives every rule and leaf the result json-rules-engine gives.
        await pair.expectSame(profile);
        const { results } = await engine.run({ ...profile });
        const fired = new Set(results.map((r) => String(r.name)));
        const evaluation = await evaluator.evaluate(profile);
        for (const product of evaluation.products) {
          const where = `${compiled.catalogue.id}/${product.product.id} with ${JSON.stringify(profile)}`;
          const passend = fired.has(`${compiled.catalogue.id}/${product.product.id}/passend`);
          expect(passend, `passend rule, ${where}`).toBe(engineVerdict(product));
          if (product.status === 'passend') expect(passend, where).toBe(true);
          if (product.status === 'niet passend' || product.status === 'uitgesloten') expect(passend, where).toBe(false);
          statuses.set(product.status, (statuses.get(product.status) ?? 0) + 1);
          for (const clause of product.clauses) {
            expect(clause.truth, `${clause.compiled.holdsRule.name}: ${clause.compiled.clause.text}, ${where}`).toBe(reference(clause.compiled.clause.ast!, scope, profile));
            expect(fired.has(clause.compiled.holdsRule.name)).toBe(clause.truth === 'waar');
            expect(fired.has(clause.compiled.failsRule.name)).toBe(clause.truth === 'onwaar');
          }
          for (const limit of product.limieten) {
            expect(fired.has(limit.compiled.rule.name), `${limit.compiled.rule.name}, ${where}`).toBe(limit.verdict === 'overschreden');
            if (limit.verdict === 'situatie onbekend') expect(fired.has(limit.compiled.situation!.outsideRule.name)).toBe(true);
          }
          compared++;
        }
      }
    }
    expect(compared).toBe(CATALOGUES * PRODUCTS * PROFILES);
    // The generator must reach every status, or the comparison proves little.
    for (const status of ['passend', 'niet passend', 'uitgesloten', 'onbekend']) expect(statuses.get(status) ?? 0, status).toBeGreaterThan(0);
  });
});
