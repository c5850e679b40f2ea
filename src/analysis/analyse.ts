/**
 * Exact analysis of a catalogue: gaps and overlaps within families, products and clauses
 * that can never hold, exclusions that never bite, combinations with impossible partners,
 * unused facts and definitions, and products no follow-up leads to. Every gap and overlap
 * comes with a concrete counterexample profile that `wijzer evaluate` reproduces.
 */
import { clausesOf, type Catalogue, type Product } from '../catalogue/types.js';
import { sharedVoorwaarden } from '../catalogue/family.js';
import { DOMAIN_FACTS } from '../evaluate/domain.js';
import { checkExpr, type Scope } from '../check/typecheck.js';
import { dependenciesOf } from '../check/usage.js';
import { lower, type Cond } from '../compile/lower.js';
import type { CompiledCatalogue, CompiledProduct } from '../compile/rules.js';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { EXISTING_INDICATIONS_KEY } from '../vocabulary/profile.js';
import type { FactValue } from '../vocabulary/types.js';
import { domainsFor } from './domain.js';
import type { AnalysisSettings, Criterion, FamilyPolicy } from './settings.js';
import { and, solve, toFormula, type Formula } from './solver.js';

export type Counterexample = Record<string, FactValue | string[]>;

export interface Finding {
  readonly diagnostic: Diagnostic;
  /** Stable key for acknowledging a finding in analyse.yaml. */
  readonly key: string;
  readonly counterexample?: Counterexample;
  /** What evaluating the counterexample must show. */
  readonly reproduce?: { readonly kind: 'gat'; readonly family: string } | { readonly kind: 'overlap'; readonly products: readonly [string, string] };
  readonly acknowledged?: string;
}

export interface AnalysisInput {
  readonly compiled: CompiledCatalogue;
  readonly scope: Scope;
  readonly settings: AnalysisSettings;
  /** All catalogues of the bundle, for unused facts and definitions. */
  readonly bundle: readonly Catalogue[];
}

function passend(p: CompiledProduct): Cond {
  const parts = p.clauses.flatMap((c) => (c.role === 'voorwaarde' ? [c.holds] : c.role === 'uitsluiting' ? [c.fails] : []));
  return { kind: 'all', items: parts };
}

function notPassend(p: CompiledProduct): Cond {
  const parts = p.clauses.flatMap((c) => (c.role === 'voorwaarde' ? [c.fails] : c.role === 'uitsluiting' ? [c.holds] : []));
  return { kind: 'any', items: parts };
}

class Analysis {
  readonly findings: Finding[] = [];
  private readonly constraints: Cond[];

  constructor(private readonly input: AnalysisInput) {
    this.constraints = input.settings.samenhang.flatMap((c) => this.criterion(c));
  }

  private criterion(c: Criterion): Cond[] {
    if (!c.ast || checkExpr(c.ast, this.input.scope, c.at).some((d) => d.severity === 'fout')) return [];
    return [lower(c.ast, this.input.scope, true)];
  }

  /** A satisfying profile for all conditions (with the declared constraints), or undefined. */
  private solveAll(conds: Cond[], extra: Formula[] = []): Counterexample | undefined {
    const all = [...conds, ...this.constraints];
    const domains = domainsFor(all, this.input.scope.vocabulary);
    const formula = and(...all.map((c) => toFormula(c, domains)), ...extra);
    const solution = solve(formula, domains);
    return solution ? (Object.fromEntries(solution) as Counterexample) : undefined;
  }

  private add(finding: Finding): void {
    this.findings.push(finding);
  }

  private products(): readonly CompiledProduct[] {
    return this.input.compiled.products;
  }

  run(): Finding[] {
    const dead = new Set<string>();
    for (const p of this.products()) {
      if (!this.solveAll([passend(p)])) {
        dead.add(p.product.id);
        this.add({ key: `dood/${p.product.id}`, diagnostic: diag('WZ652', { id: p.product.id }, p.product.span) });
      }
      const voorwaarden = p.clauses.filter((c) => c.role === 'voorwaarde');
      for (const clause of p.clauses) {
        if (clause.role !== 'alternatief' && !this.solveAll([clause.holds])) {
          this.add({ key: `dood/${p.product.id}/${clause.clause.id}`, diagnostic: diag('WZ653', { id: p.product.id, clause: clause.clause.id }, clause.clause.span) });
        } else if (clause.role === 'uitsluiting' && !dead.has(p.product.id) && !this.solveAll([clause.holds, ...voorwaarden.map((v) => v.holds)])) {
          this.add({ key: `bijt-niet/${p.product.id}/${clause.clause.id}`, diagnostic: diag('WZ654', { id: p.product.id, clause: clause.clause.id }, clause.clause.span) });
        }
      }
    }
    for (const p of this.products()) {
      const required = p.product.combinatie?.vereist_een_van ?? [];
      if (required.length > 0 && !p.product.combinatie?.of_als && required.every((id) => dead.has(id))) {
        this.add({ key: `combinatie/${p.product.id}`, diagnostic: diag('WZ655', { id: p.product.id, targets: required.join(', ') }, p.product.combinatie!.span) });
      }
    }
    this.families(dead);
    this.unused();
    this.unreachable();
    return this.acknowledge();
  }

  private families(dead: Set<string>): void {
    const byFamily = new Map<string, CompiledProduct[]>();
    for (const p of this.products()) {
      if (p.product.familie === undefined || p.product.niveau === undefined) continue;
      byFamily.set(p.product.familie, [...(byFamily.get(p.product.familie) ?? []), p]);
    }
    for (const [family, members] of byFamily) {
      const declared = this.input.settings.families.get(family);
      const policy: FamilyPolicy = declared?.beleid ?? 'lichtst-passend';
      const entry = declared?.toegang ? this.criterion(declared.toegang) : this.sharedClauses(members);
      const gap = this.solveAll([...entry, ...members.map(notPassend)]);
      if (gap) {
        const example = this.withCombinations(gap, members);
        this.add({
          key: `gat/${family}`,
          diagnostic: diag('WZ650', { family }, members[0]!.product.span),
          counterexample: example,
          reproduce: { kind: 'gat', family },
        });
      }
      if (policy === 'meerdere-toegestaan') continue;
      for (let i = 0; i < members.length; i++) {
        for (const other of members.slice(i + 1)) {
          const a = members[i]!;
          if (dead.has(a.product.id) || dead.has(other.product.id)) continue;
          if (policy === 'lichtst-passend' && a.product.niveau !== other.product.niveau) continue;
          const both = this.solveAll([passend(a), passend(other)]);
          if (!both) continue;
          const example = this.withCombinations(both, [a, other]);
          this.add({
            key: `overlap/${a.product.id}+${other.product.id}`,
            diagnostic: diag('WZ651', { a: a.product.id, b: other.product.id }, other.product.span),
            counterexample: example,
            reproduce: { kind: 'overlap', products: [a.product.id, other.product.id] },
          });
        }
      }
    }
  }

  /** Default entry group of a family: the voorwaarden every level shares (by meaning). */
  private sharedClauses(members: readonly CompiledProduct[]): Cond[] {
    const shared = new Set(sharedVoorwaarden(members.map((m) => m.product)));
    return (members[0]?.clauses ?? []).filter((c) => shared.has(c.clause)).map((c) => c.holds);
  }

  /** Products that need another one get it as an existing indication, so only the criteria decide. */
  private withCombinations(example: Counterexample, members: readonly CompiledProduct[]): Counterexample {
    const required = [...new Set(members.flatMap((m) => (m.product.combinatie ? [m.product.combinatie.vereist_een_van[0]!] : [])))];
    return required.length > 0 ? { ...example, [EXISTING_INDICATIONS_KEY]: required } : example;
  }

  private unused(): void {
    const { scope, bundle } = this.input;
    // Facts the evaluator reads itself to pick a Wmo or Jeugd code count as used where a product has both.
    const bothCodes = bundle.some((c) => c.products.some((p) => (p.productcodes.wmo?.length ?? 0) > 0 && (p.productcodes.jeugd?.length ?? 0) > 0));
    const used = new Set<string>(bothCodes ? DOMAIN_FACTS : []);
    const usedDefinitions = new Set<string>();
    for (const catalogue of bundle) {
      for (const product of catalogue.products) {
        product.limieten.forEach((l) => {
          used.add(l.feit);
          if (l.alleenAls?.ast) dependenciesOf(l.alleenAls.ast, scope).facts.forEach((f) => used.add(f));
        });
        for (const { clause } of clausesOf(product)) {
          if (!clause.ast) continue;
          const dependencies = dependenciesOf(clause.ast, scope);
          dependencies.facts.forEach((f) => used.add(f));
          dependencies.definitions.forEach((d) => usedDefinitions.add(d));
        }
      }
    }
    for (const fact of scope.vocabulary.facts.values()) {
      if (!used.has(fact.name)) this.add({ key: `ongebruikt/feit/${fact.name}`, diagnostic: diag('WZ656', { name: fact.name }, fact.span) });
    }
    for (const definition of scope.definitions.values()) {
      if (!usedDefinitions.has(definition.name)) this.add({ key: `ongebruikt/definitie/${definition.name}`, diagnostic: diag('WZ657', { name: definition.name }, definition.at(0)) });
    }
  }

  private unreachable(): void {
    const products: readonly Product[] = this.input.compiled.catalogue.products;
    const targets = new Set(products.flatMap((p) => p.vervolg.flatMap((v) => (v.product ? [v.product] : []))));
    if (targets.size === 0) return;
    for (const p of products) {
      if (!targets.has(p.id)) this.add({ key: `onbereikbaar/${p.id}`, diagnostic: diag('WZ658', { id: p.id }, p.span) });
    }
  }

  private acknowledge(): Finding[] {
    const acks = this.input.settings.erkend;
    const out = this.findings.map((f): Finding => {
      const ack = acks.find((a) => a.sleutel === f.key);
      if (!ack) return f;
      return { ...f, acknowledged: ack.reden, diagnostic: diag('WZ659', { key: f.key, reason: ack.reden, finding: f.diagnostic.message }, f.diagnostic.span) };
    });
    for (const ack of acks) {
      if (!this.findings.some((f) => f.key === ack.sleutel)) out.push({ key: `erkenning/${ack.sleutel}`, diagnostic: diag('WZ660', { key: ack.sleutel }, ack.span) });
    }
    return out;
  }
}

export function analyse(input: AnalysisInput): Finding[] {
  return new Analysis(input).run();
}

