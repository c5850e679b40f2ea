/**
 * The rules an engine runs, numbered once: rule i's result and its leaves' results live at fixed
 * positions, so the evaluator reads a clause's truth by index instead of by rule name, whichever
 * engine produced it. Leaves are numbered depth-first per rule, the order json-rules-engine
 * reports condition results in (`not` included).
 */
import type { ConditionJson, RuleJson } from '../compile/rules.js';

export interface RuleSet {
  readonly rules: readonly RuleJson[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Position of rule i's first leaf in `RuleResults.leaves`. */
  readonly leafStart: readonly number[];
  readonly leafCount: number;
}

/** What an engine tells about one profile: 1 = true, 0 = false, per rule and per leaf. */
export interface RuleResults {
  readonly rules: Uint8Array;
  readonly leaves: Uint8Array;
}

export function leafCountOf(cond: ConditionJson): number {
  if ('all' in cond) return cond.all.reduce((n, c) => n + leafCountOf(c), 0);
  if ('any' in cond) return cond.any.reduce((n, c) => n + leafCountOf(c), 0);
  if ('not' in cond) return leafCountOf(cond.not);
  return 1;
}

export function ruleSet(rules: readonly RuleJson[]): RuleSet {
  const indexOf = new Map<string, number>();
  const leafStart: number[] = [];
  let leafCount = 0;
  rules.forEach((rule, i) => {
    if (indexOf.has(rule.name)) throw new Error(`wijzer: two rules named ${rule.name}`);
    indexOf.set(rule.name, i);
    leafStart.push(leafCount);
    leafCount += leafCountOf(rule.conditions);
  });
  return { rules, indexOf, leafStart, leafCount };
}

/** The index of a rule the compiler emitted; a missing one is a bug. */
export function ruleIndex(set: RuleSet, name: string): number {
  const index = set.indexOf.get(name);
  if (index === undefined) throw new Error(`wijzer: no rule named ${name}`);
  return index;
}
