/**
 * The compiled evaluator: every rule's conditions (the exported json-rules-engine JSON, not a
 * second lowering) become closures that run synchronously. Each run reads every fact the rules
 * use once, evaluates every leaf (json-rules-engine does too: it never short-circuits inside one
 * priority group) and records rule and leaf results at the positions of the RuleSet.
 */
import type { ConditionJson } from '../compile/rules.js';
import type { Profile } from '../vocabulary/types.js';
import { leafTest, resolvePath } from './operators.js';
import type { RuleResults, RuleSet } from './rule-set.js';

/** Evaluates one condition; `leaves` is the run's leaf results, `values` the fact values read once. */
type CondFn = (values: readonly unknown[], leaves: Uint8Array) => boolean;

class Builder {
  readonly facts: string[] = [];
  readonly paths: (string | undefined)[] = [];
  private readonly slots = new Map<string, number>();
  next = 0;

  /** One slot per (fact, path): `aantal` leaves read the list's length once per run. */
  slot(fact: string, path: string | undefined): number {
    const key = `${path ?? ''}\u0000${fact}`;
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.facts.length;
      this.slots.set(key, slot);
      this.facts.push(fact);
      this.paths.push(path);
    }
    return slot;
  }

  condition(cond: ConditionJson): CondFn {
    if ('all' in cond) return this.group(cond.all, true);
    if ('any' in cond) return this.group(cond.any, false);
    if ('not' in cond) {
      const inner = this.condition(cond.not);
      return (values, leaves) => !inner(values, leaves);
    }
    const at = this.next++;
    const slot = this.slot(cond.fact, cond.path);
    const test = leafTest(cond.operator, cond.value);
    return (values, leaves) => {
      const result = test(values[slot]);
      leaves[at] = result ? 1 : 0;
      return result;
    };
  }

  /** all / any over every item (each leaf is recorded); json-rules-engine: an empty group is true. */
  private group(items: readonly ConditionJson[], every: boolean): CondFn {
    const fns = items.map((c) => this.condition(c));
    if (fns.length === 1) return fns[0]!;
    if (fns.length === 0) return () => true;
    return every
      ? (values, leaves) => {
          let result = true;
          for (const fn of fns) if (!fn(values, leaves)) result = false;
          return result;
        }
      : (values, leaves) => {
          let result = false;
          for (const fn of fns) if (fn(values, leaves)) result = true;
          return result;
        };
  }
}

export class CompiledEngine {
  private readonly rules: readonly CondFn[];
  private readonly facts: readonly string[];
  private readonly paths: readonly (string | undefined)[];

  constructor(private readonly set: RuleSet) {
    const builder = new Builder();
    this.rules = set.rules.map((rule, i) => {
      if (builder.next !== set.leafStart[i]) throw new Error(`wijzer: leaf numbering of rule ${rule.name} differs`);
      return builder.condition(rule.conditions);
    });
    this.facts = builder.facts;
    this.paths = builder.paths;
  }

  run(profile: Profile): RuleResults {
    // json-rules-engine sees the profile's own keys as facts (engine.run({...profile})).
    const values = this.facts.map((fact, i) => resolvePath(this.paths[i], Object.hasOwn(profile, fact) ? profile[fact] : undefined));
    const rules = new Uint8Array(this.rules.length);
    const leaves = new Uint8Array(this.set.leafCount);
    for (let i = 0; i < this.rules.length; i++) rules[i] = this.rules[i]!(values, leaves) ? 1 : 0;
    return { rules, leaves };
  }
}
