/**
 * The compiled evaluator: the exported json-rules-engine rules (the very JSON `wijzer compile`
 * writes, not a second lowering) become one generated JavaScript function per rule set that
 * runs synchronously. It reads each fact it uses once per piece, evaluates every leaf
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
import { isNumeric, resolvePath } from './operators.js';
import type { RuleResults, RuleSet } from './rule-set.js';

type RunRules = (profile: Profile, plain: boolean, leaves: Uint8Array, rules: Uint8Array, numeric: typeof isNumeric, own: typeof Object.hasOwn, path: typeof resolvePath) => void;

/**
 * V8 does not optimise a function above a bytecode size (about 60 KB); the rules are emitted in
 * pieces of about this much source so that every piece is optimised, however large the catalogue.
 */
const PIECE_SOURCE = 20000;

const COMPARE: Record<string, string> = { lessThan: '<', lessThanInclusive: '<=', greaterThan: '>', greaterThanInclusive: '>=' };

class Generator {
  private readonly slots = new Map<string, number>();
  /** Per slot: the fact it holds and the path applied to it. */
  readonly reads: { readonly fact: string; readonly path: string | undefined }[] = [];
  /** The slots the current piece uses: it reads those facts into locals first. */
  private pieceSlots = new Set<number>();
  /** Test expressions already computed in the current piece, and their locals. */
  private tests = new Map<string, string>();
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

  /** A local holding the fact's value (after `path`), read once per piece. */
  private slot(fact: string, path: string | undefined): string {
    const key = `${path ?? ''}\u0000${fact}`;
    let index = this.slots.get(key);
    if (index === undefined) {
      index = this.reads.length;
      this.slots.set(key, index);
      this.reads.push({ fact, path });
    }
    this.pieceSlots.add(index);
    return `f${index}`;
  }

  /**
   * The finished piece: its fact reads, then its rules. json-rules-engine sees the profile's own
   * keys as facts (engine.run({...profile})), hence own(); the constant property names let V8
   * cache the lookups. Facts are read per piece into locals: no array per run.
   */
  finishPiece(): string {
    const reads = [...this.pieceSlots].map((index) => {
      const { fact, path } = this.reads[index]!;
      const name = JSON.stringify(fact);
      // A plain object (prototype Object.prototype or null) has no inherited value under a name
      // Object.prototype lacks, so one lookup does; other names and other objects check own().
      const raw = fact in Object.prototype ? `(own(p, ${name}) ? p[${name}] : undefined)` : `(plain ? p[${name}] : own(p, ${name}) ? p[${name}] : undefined)`;
      return `const f${index} = ${path === undefined ? raw : `path(${JSON.stringify(path)}, ${raw})`};`;
    });
    const piece = ['"use strict";', ...reads, ...this.body].join('\n');
    this.body = [];
    this.size = 0;
    this.pieceSlots = new Set();
    this.tests = new Map();
    return piece;
  }

  /**
   * Emits `cond`'s leaves and returns the expression of its truth. `record`: store each leaf's
   * result (the explanation reads the leaves of the clauses' positive form only).
   */
  condition(cond: ConditionJson, record: boolean): string {
    if ('all' in cond) return this.group(cond.all, '&&', record);
    if ('any' in cond) return this.group(cond.any, '||', record);
    if ('not' in cond) return `!(${this.condition(cond.not, record)})`;
    const x = this.slot(cond.fact, cond.path);
    const at = this.leaf++;
    // The same test recurs across rules (shared definitions, holds and passend forms): it is
    // computed once per piece and its local reused.
    const test = this.test(x, cond.operator, cond.value);
    let local = this.tests.get(test);
    if (!local) {
      local = `t${this.tests.size}`;
      this.tests.set(test, local);
      this.emit(`const ${local} = ${test};`);
    }
    if (record) this.emit(`L[${at}] = ${local} ? 1 : 0;`);
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
      case 'lessThan':
      case 'lessThanInclusive':
      case 'greaterThan':
      case 'greaterThanInclusive': {
        const op = COMPARE[operator]!;
        // Numbers are the common case; anything else goes through json-rules-engine's validator.
        // (A missing fact fails the validator too; testing for it first saves the call.)
        return `(typeof ${x} === 'number' ? ${x} ${op} ${literal} : ${x} !== undefined && numeric(${x}) && ${x} ${op} ${literal})`;
      }
      default:
        throw new Error(`wijzer: unknown operator ${operator}`);
    }
  }
}

export class CompiledEngine {
  private readonly pieces: readonly RunRules[];
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
      if (generator.size > PIECE_SOURCE) pieces.push(generator.finishPiece());
    });
    if (generator.size > 0) pieces.push(generator.finishPiece());
    this.source = pieces;
    this.pieces = pieces.map((piece) => new Function('p', 'plain', 'L', 'R', 'numeric', 'own', 'path', piece) as RunRules);
    this.results = { rules: new Uint8Array(set.rules.length), leaves: new Uint8Array(set.leafCount) };
  }

  /**
   * Decides every rule for one profile. The results are this engine's own buffers, valid until
   * its next run: allocating two typed arrays per profile cost more than deciding the rules.
   * Every run overwrites every position it writes (each included rule, each recorded leaf).
   */
  run(profile: Profile): RuleResults {
    const proto: unknown = Object.getPrototypeOf(profile);
    const plain = proto === Object.prototype || proto === null;
    for (const piece of this.pieces) piece(profile, plain, this.results.leaves, this.results.rules, isNumeric, Object.hasOwn, resolvePath);
    return this.results;
  }
}
