/**
 * The reference engine: the exported rules on a real json-rules-engine Engine, read back into
 * the RuleSet's positions. One Engine per rule set and profiles one after another (concurrent
 * runs on one Engine drop rules, upstream #303). Slow (promises, deep clones of every condition
 * per run); kept for `--engine json-rules-engine` and the differential tests.
 */
import { Engine, type RuleResult } from 'json-rules-engine';
import type { Profile } from '../vocabulary/types.js';
import type { RuleResults, RuleSet } from './rule-set.js';

interface EvaluatedCondition {
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
  result?: boolean;
}

function collectLeaves(node: EvaluatedCondition, out: Uint8Array, at: number): number {
  const children = node.all ?? node.any ?? (node.not ? [node.not] : undefined);
  if (!children) {
    out[at] = node.result === true ? 1 : 0;
    return at + 1;
  }
  for (const child of children) at = collectLeaves(child, out, at);
  return at;
}

export class JsonRulesEngine {
  private readonly engine: Engine;

  /** `only`: run just these rules (by index); the others read as false. */
  constructor(
    private readonly set: RuleSet,
    only?: readonly number[],
  ) {
    // allowUndefinedFacts: a partial profile is normal. Event params (reasons, quotes) are for
    // consumers of the exported rules; json-rules-engine would clone them on every run.
    const chosen = only ?? set.rules.map((_, i) => i);
    const lean = chosen.map((i) => ({ ...structuredClone(set.rules[i]!), event: { type: set.rules[i]!.event.type } }));
    this.engine = new Engine(lean as never[], { allowUndefinedFacts: true });
  }

  async run(profile: Profile): Promise<RuleResults> {
    const { results, failureResults } = await this.engine.run({ ...profile });
    const rules = new Uint8Array(this.set.rules.length);
    const leaves = new Uint8Array(this.set.leafCount);
    for (const ruleResult of [...results, ...failureResults] as RuleResult[]) {
      const index = this.set.indexOf.get(String(ruleResult.name));
      if (index === undefined) throw new Error(`wijzer: engine returned unknown rule ${String(ruleResult.name)}`);
      rules[index] = ruleResult.result === true ? 1 : 0;
      collectLeaves(ruleResult.conditions as unknown as EvaluatedCondition, leaves, this.set.leafStart[index]!);
    }
    return { rules, leaves };
  }
}
