/**
 * Two engines, one truth: the compiled evaluator and json-rules-engine on the same exported
 * rules must give every rule and every leaf the same result. Used by the differential tests on
 * the bundled catalogues and by the property test's hostile numbers.
 */
import { expect } from 'vitest';
import type { RuleJson } from '../../src/compile/rules.js';
import { CompiledEngine } from '../../src/engine/compiled.js';
import { JsonRulesEngine } from '../../src/engine/json-rules-engine.js';
import { ruleSet } from '../../src/engine/rule-set.js';
import type { Profile } from '../../src/vocabulary/types.js';

export class EnginePair {
  private readonly compiled: CompiledEngine;
  private readonly reference: JsonRulesEngine;
  private readonly rules: readonly RuleJson[];

  /** `rules` as exported: after the round trip through JSON text, as a consumer reads them. */
  constructor(rules: readonly RuleJson[]) {
    this.rules = JSON.parse(JSON.stringify(rules)) as RuleJson[];
    const set = ruleSet(this.rules);
    this.compiled = new CompiledEngine(set);
    this.reference = new JsonRulesEngine(set);
  }

  /** Fails the test at the first rule or leaf where the engines differ, naming it and the profile. */
  async expectSame(profile: Profile): Promise<void> {
    const fast = this.compiled.run(profile);
    const slow = await this.reference.run(profile);
    if (Buffer.compare(fast.rules, slow.rules) === 0 && Buffer.compare(fast.leaves, slow.leaves) === 0) return;
    const rule = this.rules.findIndex((_, i) => fast.rules[i] !== slow.rules[i]);
    const leaf = fast.leaves.findIndex((v, i) => v !== slow.leaves[i]);
    expect.fail(`engines differ (rule ${rule >= 0 ? this.rules[rule]!.name : '—'}, leaf ${leaf}) for ${JSON.stringify(profile)}`);
  }
}
