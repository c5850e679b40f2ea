/**
 * The compiled evaluator: the exported json-rules-engine rules (the very JSON `wijzer compile`
 * writes, not a second lowering) become one generated JavaScript function per rule set that
 * runs synchronously. It reads each fact the rules use once, evaluates every leaf
 * (json-rules-engine does too: it never short-circuits within one priority group) and records
 * rule and leaf results at the positions of the RuleSet.
 *
 * Why generated code and not closures: a closure per leaf costs a call and a megamorphic
 * dispatch per leaf; straight-line code lets V8 inline the comparisons (measured: 4–6× faster
 * on the bundled catalogues). Only JSON literals and slot numbers enter the code — fact names
 * and values go through JSON.stringify, so no catalogue text can become code.
 */
import type { ConditionJson } from '../compile/rules.js';
import type { Profile } from '../vocabulary/types.js';
import { isNumeric, leafTest, resolvePath } from './operators.js';
import type { RuleResults, RuleSet } from './rule-set.js';

type RunRules = (values: readonly unknown[], leaves: Uint8Array, rules: Uint8Array, numeric: typeof isNumeric) => void;

/**
 * V8 does not optimise a function above a bytecode size (about 60 KB); the rules are emitted in
 * pieces of about this much source so that every piece is optimised, however large the catalogue.
 */
const PIECE_SOURCE = 8000;

const COMPARE: Record<string, string> = { lessThan: '<', lessThanInclusive: '<=', greaterThan: '>', greaterThanInclusive: '>=' };

class Generator {
  private readonly slots = new Map<string, string>();
  /** Per slot: the fact it holds and the path applied to it. */
  readonly reads: { readonly fact: string; readonly path: string | undefined }[] = [];
  body: string[] = [];
  /** Characters in `body`, to cut the code in pieces V8 optimises. */
  size = 0;
  private leaf = 0;

  emit(...lines: string[]): void {
    for (const line of lines) {
      this.body.push(line);
      this.size += line.length;
    }
  }

  /** Leaves up to `next` belong to a rule that does not run. */
  skip(next: number): void {
    this.leaf = next;
  }

  get leafCount(): number {
    return this.leaf;
  }

  /** A local holding the fact's value (after `path`), read once per run. */
  private slot(fact: string, path: string | undefined): string {
    const key = `${path ?? ''}\u0000${fact}`;
    let name = this.slots.get(key);
    if (!name) {
      name = `v[${this.slots.size}]`;
      this.slots.set(key, name);
      this.reads.push({ fact, path });
    }
    return name;
  }

  /**
   * Emits `cond`'s leaves and returns the expression of its truth. `record`: store each leaf's
   * result (the explanation reads the leaves of the clauses' positive form only).
   */
  condition(cond: ConditionJson, record: boolean): string {
    if ('all' in cond) return this.group(cond.all, '&&', record);
    if ('any' in cond) return this.group(cond.any, '||', record);
    if ('not' in cond) return `!(${this.condition(cond.not, record)})`;
    leafTest(cond.operator, cond.value); // rejects an operator the engine does not know
    const x = this.slot(cond.fact, cond.path);
    const at = this.leaf++;
    const test = this.test(x, cond.operator, cond.value);
    if (!record) return `(${test})`;
    const local = `l${at}`;
    this.emit(`const ${local} = ${test};`, `L[${at}] = ${local} ? 1 : 0;`);
    return local;
  }

  /** json-rules-engine: an empty all and an empty any are both true. */
  private group(items: readonly ConditionJson[], op: '&&' | '||', record: boolean): string {
    const parts = items.map((c) => this.condition(c, record));
    return parts.length === 0 ? 'true' : `(${parts.join(` ${op} `)})`;
  }

  /** The operator's test as an expression, with the same results as src/engine/operators.ts. */
  private test(x: string, operator: string, value: unknown): string {
    const literal = JSON.stringify(value);
    switch (operator) {
      case 'equal':
        return `${x} === ${literal}`;
      case 'notEqual':
        return `${x} !== ${literal}`;
      case 'in':
        return (value as unknown[]).length === 0 ? 'false' : `(${(value as unknown[]).map((v) => `${x} === ${JSON.stringify(v)}`).join(' || ')})`;
      case 'notIn':
        return (value as unknown[]).length === 0 ? 'true' : `(${(value as unknown[]).map((v) => `${x} !== ${JSON.stringify(v)}`).join(' && ')})`;
      case 'contains':
        return `(Array.isArray(${x}) && ${x}.indexOf(${literal}) > -1)`;
      case 'doesNotContain':
        return `(Array.isArray(${x}) && ${x}.indexOf(${literal}) === -1)`;
      default: {
        const op = COMPARE[operator]!;
        // Numbers are the common case; anything else goes through json-rules-engine's validator.
        // (A missing fact fails the validator too; testing for it first saves the call.)
        return `(typeof ${x} === 'number' ? ${x} ${op} ${literal} : ${x} !== undefined && numeric(${x}) && ${x} ${op} ${literal})`;
      }
    }
  }
}

export class CompiledEngine {
  private readonly pieces: readonly RunRules[];
  /** Per fact name: the slots it fills (a list fact may fill one with the list and one with its length). */
  private readonly slotsOf: ReadonlyMap<string, readonly { readonly slot: number; readonly path: string | undefined }[]>;
  private readonly slotCount: number;
  private readonly results: RuleResults;
  /** The generated source, for inspection (tests, debugging). */
  readonly source: readonly string[];

  /**
   * `recordLeaves(i)`: whether rule i's leaf results are kept (default: every rule's);
   * `include(i)`: whether rule i runs at all (default: every rule; one left out reads false).
   */
  constructor(
    private readonly set: RuleSet,
    options: { readonly recordLeaves?: (rule: number) => boolean; readonly include?: (rule: number) => boolean } = {},
  ) {
    const { recordLeaves = () => true, include = () => true } = options;
    const generator = new Generator();
    const pieces: string[] = [];
    set.rules.forEach((rule, i) => {
      if (generator.leafCount !== set.leafStart[i]) throw new Error(`wijzer: leaf numbering of rule ${rule.name} differs`);
      if (!include(i)) {
        generator.skip(set.leafStart[i + 1] ?? set.leafCount);
        return;
      }
      const truth = generator.condition(rule.conditions, recordLeaves(i));
      generator.emit(`R[${i}] = ${truth} ? 1 : 0;`);
      if (generator.size > PIECE_SOURCE) {
        pieces.push(['"use strict";', ...generator.body].join('\n'));
        generator.body = [];
        generator.size = 0;
      }
    });
    if (generator.body.length > 0) pieces.push(['"use strict";', ...generator.body].join('\n'));
    this.source = pieces;
    this.pieces = pieces.map((piece) => new Function('v', 'L', 'R', 'numeric', piece) as RunRules);
    const slotsOf = new Map<string, { slot: number; path: string | undefined }[]>();
    generator.reads.forEach(({ fact, path }, slot) => slotsOf.set(fact, [...(slotsOf.get(fact) ?? []), { slot, path }]));
    this.slotsOf = slotsOf;
    this.slotCount = generator.reads.length;
    this.results = { rules: new Uint8Array(set.rules.length), leaves: new Uint8Array(set.leafCount) };
  }

  /**
   * The fact values, one per slot. json-rules-engine sees the profile's own enumerable keys as
   * facts (engine.run({...profile})) — exactly Object.keys. Walking the profile's keys rather
   * than looking up every fact the rules use keeps this cheap for the partial profiles of a
   * population, whose objects all have different shapes.
   */
  private readFacts(profile: Profile): unknown[] {
    const values: unknown[] = new Array(this.slotCount).fill(undefined);
    for (const key of Object.keys(profile)) {
      const slots = this.slotsOf.get(key);
      if (!slots) continue;
      const value = profile[key];
      for (const { slot, path } of slots) values[slot] = resolvePath(path, value);
    }
    return values;
  }

  /**
   * Decides every rule for one profile. The results are this engine's own buffers, valid until
   * its next run: allocating two typed arrays per profile cost more than deciding the rules.
   * Every run overwrites every position it writes (each included rule, each recorded leaf).
   */
  run(profile: Profile): RuleResults {
    const values = this.readFacts(profile);
    for (const piece of this.pieces) piece(values, this.results.leaves, this.results.rules, isNumeric);
    return this.results;
  }
}
