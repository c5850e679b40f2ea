/**
 * A small exact satisfiability search over finite domains. Formulas are in negation normal
 * form with atoms "fact takes one of these representatives" (a compiled leaf over a domain).
 * Search: simplify against the current domains, narrow domains from top-level atoms, then
 * split the smallest undecided domain. Catalogues have tens of facts with a handful of
 * representatives each, well within reach.
 */
import type { Cond } from '../compile/lower.js';
import type { FactValue } from '../vocabulary/types.js';
import { leafHolds, type Domains } from './domain.js';

type Formula = { kind: 'and'; items: Formula[] } | { kind: 'or'; items: Formula[] } | { kind: 'atom'; fact: string; allowed: Set<number> } | { kind: 'const'; value: boolean };

/** Domain values are referred to by index, so atoms are sets of small integers. */
export function toFormula(cond: Cond, domains: Domains): Formula {
  switch (cond.kind) {
    case 'all':
      return { kind: 'and', items: cond.items.map((c) => toFormula(c, domains)) };
    case 'any':
      return { kind: 'or', items: cond.items.map((c) => toFormula(c, domains)) };
    case 'leaf': {
      const domain = domains.get(cond.fact) ?? [];
      const allowed = new Set<number>();
      domain.forEach((value, i) => {
        if (leafHolds(cond, value)) allowed.add(i);
      });
      return { kind: 'atom', fact: cond.fact, allowed };
    }
  }
}

export const and = (...items: Formula[]): Formula => ({ kind: 'and', items });
export const or = (...items: Formula[]): Formula => ({ kind: 'or', items });
export type { Formula };

type Current = Map<string, number[]>;

function simplify(f: Formula, current: Current): Formula {
  switch (f.kind) {
    case 'const':
      return f;
    case 'atom': {
      const values = current.get(f.fact) ?? [];
      const inside = values.filter((v) => f.allowed.has(v)).length;
      if (inside === values.length) return { kind: 'const', value: true };
      if (inside === 0) return { kind: 'const', value: false };
      return f;
    }
    case 'and': {
      const items: Formula[] = [];
      for (const item of f.items) {
        const s = simplify(item, current);
        if (s.kind === 'const') {
          if (!s.value) return s;
        } else items.push(s);
      }
      return items.length === 0 ? { kind: 'const', value: true } : items.length === 1 ? items[0]! : { kind: 'and', items };
    }
    case 'or': {
      const items: Formula[] = [];
      for (const item of f.items) {
        const s = simplify(item, current);
        if (s.kind === 'const') {
          if (s.value) return s;
        } else items.push(s);
      }
      return items.length === 0 ? { kind: 'const', value: false } : items.length === 1 ? items[0]! : { kind: 'or', items };
    }
  }
}

function firstAtom(f: Formula): { fact: string; allowed: Set<number> } | undefined {
  if (f.kind === 'atom') return f;
  if (f.kind === 'and' || f.kind === 'or') {
    for (const item of f.items) {
      const atom = firstAtom(item);
      if (atom) return atom;
    }
  }
  return undefined;
}

export interface SearchStats {
  nodes: number;
}

/** A satisfying assignment (fact → value) or undefined when the formula cannot hold. */
export function solve(formula: Formula, domains: Domains, stats: SearchStats = { nodes: 0 }): Map<string, FactValue> | undefined {
  const start: Current = new Map([...domains.entries()].map(([fact, values]) => [fact, values.map((_, i) => i)]));
  const found = search(formula, start, stats);
  if (!found) return undefined;
  return new Map([...found.entries()].map(([fact, indexes]) => [fact, domains.get(fact)![indexes[0]!]!]));
}

function search(formula: Formula, current: Current, stats: SearchStats): Current | undefined {
  stats.nodes++;
  let f = simplify(formula, current);
  // Narrow domains with the atoms every solution must satisfy.
  for (;;) {
    if (f.kind === 'const') return f.value ? current : undefined;
    const units = f.kind === 'atom' ? [f] : f.kind === 'and' ? f.items.filter((i): i is Extract<Formula, { kind: 'atom' }> => i.kind === 'atom') : [];
    if (units.length === 0) break;
    const next = new Map(current);
    for (const unit of units) next.set(unit.fact, (next.get(unit.fact) ?? []).filter((v) => unit.allowed.has(v)));
    if ([...next.values()].some((v) => v.length === 0)) return undefined;
    current = next;
    f = simplify(f, current);
  }
  const atom = firstAtom(f)!;
  const values = current.get(atom.fact)!;
  for (const part of [values.filter((v) => atom.allowed.has(v)), values.filter((v) => !atom.allowed.has(v))]) {
    if (part.length === 0) continue;
    const found = search(f, new Map(current).set(atom.fact, part), stats);
    if (found) return found;
  }
  return undefined;
}
