/**
 * Clause-level criteria diff. Clauses are matched by role and id, then by identical meaning;
 * their meaning is the canonical rendering of the AST, so reformatting is not a change.
 */
import { bestemmingKey, clausesOf, type Clause, type Product } from '../catalogue/types.js';
import { meaning } from '../catalogue/family.js';
import type { ClauseRole } from '../compile/rules.js';

export interface ClauseChange {
  /** 'soort gewijzigd': the same clause moved between kinds, e.g. from voorwaarde to kenmerk. */
  readonly kind: 'toegevoegd' | 'verwijderd' | 'gewijzigd' | 'toelichting gewijzigd' | 'soort gewijzigd' | 'verwijzing gewijzigd';
  readonly role: ClauseRole;
  /** 'soort gewijzigd' only: the kind it had before. */
  readonly previousRole?: ClauseRole;
  readonly id: string;
  readonly before?: string;
  readonly after?: string;
  readonly reden?: string;
}


function roled(product: Product): { role: ClauseRole; clause: Clause }[] {
  return clausesOf(product).map((c) => ({ role: c.kind, clause: c.clause }));
}

export function diffClauses(a: Product, b: Product): ClauseChange[] {
  const before = roled(a);
  const after = roled(b);
  const unmatchedAfter = new Set(after);
  const changes: ClauseChange[] = [];
  const pairs: [(typeof before)[number], (typeof after)[number]][] = [];
  const unmatchedBefore: typeof before = [];
  for (const old of before) {
    const byId = after.find((n) => unmatchedAfter.has(n) && n.role === old.role && n.clause.id === old.clause.id);
    const byMeaning = byId ?? after.find((n) => unmatchedAfter.has(n) && n.role === old.role && meaning(n.clause) === meaning(old.clause));
    if (byMeaning) {
      unmatchedAfter.delete(byMeaning);
      pairs.push([old, byMeaning]);
    } else unmatchedBefore.push(old);
  }
  // A clause that changed kind (voorwaarde → kenmerk) keeps its id or its meaning.
  for (const old of [...unmatchedBefore]) {
    const moved = [...unmatchedAfter].find((n) => n.clause.id === old.clause.id) ?? [...unmatchedAfter].find((n) => meaning(n.clause) === meaning(old.clause));
    if (!moved) continue;
    unmatchedAfter.delete(moved);
    unmatchedBefore.splice(unmatchedBefore.indexOf(old), 1);
    changes.push({ kind: 'soort gewijzigd', role: moved.role, previousRole: old.role, id: moved.clause.id, before: meaning(old.clause), after: meaning(moved.clause), reden: moved.clause.reden });
  }
  for (const [old, now] of pairs) {
    const referral = (c: Clause) => (c.verwijzing ? `${c.verwijzing.kind === 'familie' ? 'familie ' : ''}${bestemmingKey(c.verwijzing)}` : '—');
    if (referral(old.clause) !== referral(now.clause)) {
      changes.push({ kind: 'verwijzing gewijzigd', role: old.role, id: now.clause.id, before: referral(old.clause), after: referral(now.clause), reden: now.clause.reden });
    }
    if (meaning(old.clause) !== meaning(now.clause)) {
      changes.push({ kind: 'gewijzigd', role: old.role, id: now.clause.id, before: meaning(old.clause), after: meaning(now.clause), reden: now.clause.reden });
    } else if (old.clause.reden !== now.clause.reden) {
      changes.push({ kind: 'toelichting gewijzigd', role: old.role, id: now.clause.id, before: old.clause.reden, after: now.clause.reden });
    }
  }
  for (const old of unmatchedBefore) changes.push({ kind: 'verwijderd', role: old.role, id: old.clause.id, before: meaning(old.clause), reden: old.clause.reden });
  for (const now of unmatchedAfter) changes.push({ kind: 'toegevoegd', role: now.role, id: now.clause.id, after: meaning(now.clause), reden: now.clause.reden });
  return changes;
}
