/**
 * Finite domains for exact analysis. Scales, enumerations and booleans are enumerated; numbers
 * are partitioned at the thresholds the criteria use (each threshold, a point between two
 * thresholds, and one beyond each end), so every region where all leaves agree has a
 * representative. Lists are represented by the labels the criteria test plus filler labels
 * up to the counts they compare with.
 */
import { assertNever } from '../dsl/ast.js';
import type { Cond, Leaf } from '../compile/lower.js';
import { leavesOf } from '../compile/lower.js';
import type { Fact, FactValue, Vocabulary } from '../vocabulary/types.js';

export type Domains = Map<string, readonly FactValue[]>;

function numberRepresentatives(fact: Extract<Fact, { kind: 'getal' }>, leaves: readonly Leaf[]): number[] {
  const thresholds = [...new Set(leaves.map((l) => (Array.isArray(l.value) ? (l.value as number[]) : [l.value as number])).flat())].sort((a, b) => a - b);
  const min = fact.minimum ?? -Infinity;
  const max = fact.maximum ?? Infinity;
  const reps = new Set<number>();
  const add = (n: number) => {
    if (n >= min && n <= max) reps.add(Number(n.toFixed(6)));
  };
  if (thresholds.length === 0) add(Number.isFinite(min) ? min : 0);
  thresholds.forEach((t, i) => {
    add(t);
    const next = thresholds[i + 1];
    if (next !== undefined) add((t + next) / 2);
  });
  if (thresholds.length > 0) {
    add(Math.max(min, thresholds[0]! - 1));
    add(Math.min(max, thresholds[thresholds.length - 1]! + 1));
  }
  return [...reps].sort((a, b) => a - b);
}

function listRepresentatives(fact: Extract<Fact, { kind: 'lijst' }>, leaves: readonly Leaf[]): string[][] {
  const tested = [...new Set(leaves.filter((l) => !l.path).map((l) => l.value as string))].filter((v) => fact.labels.includes(v));
  const fillers = fact.labels.filter((l) => !tested.includes(l));
  const maxCount = Math.max(0, ...leaves.filter((l) => l.path === '$.length').map((l) => (l.value as number) + 1));
  const out: string[][] = [];
  for (let mask = 0; mask < 1 << tested.length; mask++) {
    const base = tested.filter((_, i) => mask & (1 << i));
    for (let extra = 0; extra <= Math.min(fillers.length, Math.max(0, maxCount - base.length)); extra++) out.push([...base, ...fillers.slice(0, extra)]);
  }
  return out;
}

export function domainsFor(conds: readonly Cond[], vocabulary: Vocabulary): Domains {
  const leavesByFact = new Map<string, Leaf[]>();
  for (const leaf of conds.flatMap(leavesOf)) leavesByFact.set(leaf.fact, [...(leavesByFact.get(leaf.fact) ?? []), leaf]);
  const domains: Domains = new Map();
  for (const [name, leaves] of [...leavesByFact.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const fact = vocabulary.facts.get(name);
    if (!fact) continue;
    switch (fact.kind) {
      case 'ja-nee':
        domains.set(name, [false, true]);
        break;
      case 'schaal':
      case 'keuze':
        domains.set(name, [...fact.labels]);
        break;
      case 'getal':
        domains.set(name, numberRepresentatives(fact, leaves));
        break;
      case 'lijst':
        domains.set(name, listRepresentatives(fact, leaves));
        break;
      default:
        assertNever(fact);
    }
  }
  return domains;
}

/** The same semantics as json-rules-engine's built-in operators on a present fact. */
export function leafHolds(leaf: Leaf, value: FactValue): boolean {
  const subject: unknown = leaf.path === '$.length' && Array.isArray(value) ? value.length : value;
  switch (leaf.operator) {
    case 'equal':
      return subject === leaf.value;
    case 'in':
      return (leaf.value as readonly unknown[]).includes(subject);
    case 'contains':
      return Array.isArray(subject) && subject.includes(leaf.value as string);
    case 'doesNotContain':
      return Array.isArray(subject) && !subject.includes(leaf.value as string);
    case 'greaterThanInclusive':
      return typeof subject === 'number' && subject >= (leaf.value as number);
    case 'greaterThan':
      return typeof subject === 'number' && subject > (leaf.value as number);
    case 'lessThanInclusive':
      return typeof subject === 'number' && subject <= (leaf.value as number);
    case 'lessThan':
      return typeof subject === 'number' && subject < (leaf.value as number);
  }
}
