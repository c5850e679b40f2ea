/**
 * Runs compiled rules on the real json-rules-engine. One Engine per catalogue, profiles run
 * one after another (see README: concurrent runs on one Engine are slow and unsafe).
 */
import { Engine, type RuleResult } from 'json-rules-engine';
import type { Profile } from '../vocabulary/types.js';
import type { RuleJson } from '../compile/rules.js';

export interface LeafResult {
  readonly result: boolean | undefined;
  readonly factResult: unknown;
}

export interface RuleOutcome {
  readonly result: boolean;
  /** Leaf results in depth-first order (matches leavesOf on the compiled condition). */
  readonly leaves: readonly LeafResult[];
}

interface EvaluatedCondition {
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  result?: boolean;
  factResult?: unknown;
}

function collectLeaves(node: EvaluatedCondition, out: LeafResult[]): void {
  const children = node.all ?? node.any;
  if (children) children.forEach((child) => collectLeaves(child, out));
  else out.push({ result: node.result, factResult: node.factResult });
}

export class RuleRunner {
  private readonly engine: Engine;

  constructor(rules: readonly RuleJson[]) {
    // allowUndefinedFacts: a partial profile is normal (facts still to be asked); the
    // compiled leaves are false for a missing fact, which the evaluator turns into "onbekend".
    // Event params (reasons, quotes) are for consumers of the exported rules; wijzer reads
    // results by rule name, and json-rules-engine clones every event on every run.
    const lean = rules.map((r) => ({ ...structuredClone(r), event: { type: r.event.type } }));
    this.engine = new Engine(lean as never[], { allowUndefinedFacts: true });
  }

  async run(profile: Profile): Promise<Map<string, RuleOutcome>> {
    const { results, failureResults } = await this.engine.run({ ...profile });
    const outcomes = new Map<string, RuleOutcome>();
    for (const ruleResult of [...results, ...failureResults] as RuleResult[]) {
      const leaves: LeafResult[] = [];
      collectLeaves(ruleResult.conditions as unknown as EvaluatedCondition, leaves);
      outcomes.set(String(ruleResult.name), { result: ruleResult.result === true, leaves });
    }
    return outcomes;
  }
}
