/**
 * Impact of a catalogue change on a population: every profile is evaluated by both versions
 * (each on its own json-rules-engine Engine, one after another) and the outcome per family —
 * the lightest fitting product, "geen passend product" or "nog onbekend" — is compared.
 * Changed profiles are counted per transition, with examples and the clause that caused it.
 */
import { limitText } from '../catalogue/limits.js';
import type { CompiledCatalogue } from '../compile/rules.js';
import { meaning } from '../catalogue/family.js';
import { Evaluator } from '../evaluate/evaluate.js';
import type { ProductOutcome } from '../evaluate/outcome.js';
import type { Outcomes } from '../evaluate/evaluate.js';
import type { PopulationProfile } from './population.js';

export const NO_PRODUCT = 'geen passend product';
export const UNDECIDED = 'nog onbekend';
export const EXAMPLES_PER_CELL = 3;

/**
 * `order` is the position in the population of the profile that first gave a group, cell, cause
 * or example: partial reports of workers are merged in that order, so they give the very report
 * one thread would (the same order of groups and transitions, the same examples).
 */
export interface ImpactExample {
  readonly id: string;
  readonly cause: string;
  readonly order: number;
}

export interface ImpactCell {
  readonly from: string;
  readonly to: string;
  count: number;
  readonly examples: ImpactExample[];
  readonly causes: Map<string, number>;
  readonly causeOrder: Map<string, number>;
  readonly order: number;
}

export interface GroupImpact {
  readonly group: string;
  readonly cells: Map<string, ImpactCell>;
  changed: number;
  readonly order: number;
}

export interface ImpactReport {
  readonly base: string;
  readonly current: string;
  readonly catalogue: string;
  total: number;
  changedProfiles: number;
  /** Invalid profiles of the population that were skipped. */
  skipped: number;
  readonly groups: Map<string, GroupImpact>;
  seconds: number;
}

/**
 * The groups impact compares — families, and products outside a family — with their members:
 * they depend on the catalogue only, not on the profile.
 */
export function groupMembers(evaluation: Outcomes): Map<string, string[]> {
  const families = new Map<string, string[]>();
  for (const p of evaluation.products) {
    if (p.product.familie === undefined) continue;
    const list = families.get(p.product.familie);
    if (list) list.push(p.product.id);
    else families.set(p.product.familie, [p.product.id]);
  }
  const out = new Map<string, string[]>();
  for (const family of evaluation.families) out.set(family.familie, families.get(family.familie) ?? []);
  for (const p of evaluation.products) if (p.product.familie === undefined || p.product.niveau === undefined) out.set(p.product.id, [p.product.id]);
  return out;
}

/** The outcome of each group for one profile: a family by its lightest fitting level, a loose product by itself. */
export function groupLabels(evaluation: Outcomes): Map<string, string> {
  const out = new Map<string, string>();
  for (const family of evaluation.families) {
    const label =
      family.status === 'bepaald'
        ? family.lichtstPassend.map((p) => p.product.id).join(' + ')
        : family.status === 'keuze-toegang'
          ? `keuze toegang: ${family.keuze!.niveaus.map((p) => p.product.id).join(' / ')}`
          : family.status === 'geen'
            ? NO_PRODUCT
            : UNDECIDED;
    out.set(family.familie, label);
  }
  for (const product of evaluation.products) {
    if (product.product.familie !== undefined && product.product.niveau !== undefined) continue;
    out.set(product.product.id, product.status === 'passend' ? product.product.id : product.status === 'onbekend' ? UNDECIDED : NO_PRODUCT);
  }
  return out;
}

function truthChange(id: string, before: ProductOutcome | undefined, after: ProductOutcome | undefined): string | undefined {
  if (!before) return `${id}: product toegevoegd`;
  if (!after) return `${id}: product verwijderd`;
  // Kenmerken never change a status, so they are never the cause.
  const ids = [...new Set([...before.clauses, ...after.clauses].filter((c) => c.role !== 'kenmerk').map((c) => `${c.role}/${c.compiled.clause.id}`))];
  for (const key of ids) {
    const old = before.clauses.find((c) => `${c.role}/${c.compiled.clause.id}` === key);
    const now = after.clauses.find((c) => `${c.role}/${c.compiled.clause.id}` === key);
    if (old?.truth === now?.truth) continue;
    const texts = old && now && meaning(old.compiled.clause) !== meaning(now.compiled.clause) ? ` (${meaning(old.compiled.clause)} → ${meaning(now.compiled.clause)})` : now ? ` (${meaning(now.compiled.clause)})` : ` (${meaning(old!.compiled.clause)})`;
    return `${id} ${key}: ${old?.truth ?? 'nieuw'} → ${now?.truth ?? 'vervallen'}${texts}`;
  }
  const limitIds = [...new Set([...before.limieten, ...after.limieten].map((l) => l.compiled.limiet.id))];
  for (const limitId of limitIds) {
    const old = before.limieten.find((l) => l.compiled.limiet.id === limitId);
    const now = after.limieten.find((l) => l.compiled.limiet.id === limitId);
    if (old?.verdict === now?.verdict && (old && limitText(old.compiled.limiet)) === (now && limitText(now.compiled.limiet))) continue;
    return `${id} limiet/${limitId}: ${old ? limitText(old.compiled.limiet) : 'nieuw'} → ${now ? limitText(now.compiled.limiet) : 'vervallen'}`;
  }
  return before.status !== after.status ? `${id}: ${before.status} → ${after.status}` : undefined;
}

/** The first clause whose outcome differs between the versions, for the products of a group. */
export function causeOf(before: ReadonlyMap<string, ProductOutcome>, after: ReadonlyMap<string, ProductOutcome>, members: readonly string[]): string {
  const statusChanged = members.filter((id) => before.get(id)?.status !== after.get(id)?.status);
  for (const id of [...statusChanged, ...members]) {
    const change = truthChange(id, before.get(id), after.get(id));
    if (change) return change;
  }
  return 'volgorde of familie gewijzigd';
}

/** The groups of both versions (sorted) and their members in either: fixed for a pair of catalogues. */
interface Layout {
  readonly groups: readonly string[];
  readonly members: ReadonlyMap<string, readonly string[]>;
}

function layoutOf(before: Outcomes, after: Outcomes): Layout {
  const old = groupMembers(before);
  const now = groupMembers(after);
  const groups = [...new Set([...old.keys(), ...now.keys()])].sort();
  return { groups, members: new Map(groups.map((g) => [g, [...new Set([...(old.get(g) ?? []), ...(now.get(g) ?? [])])]])) };
}

export class ImpactRun {
  private readonly before: Evaluator;
  private readonly after: Evaluator;
  private layout: Layout | undefined;
  readonly report: ImpactReport;

  constructor(base: { label: string; compiled: CompiledCatalogue }, current: { label: string; compiled: CompiledCatalogue }) {
    this.before = new Evaluator(base.compiled);
    // Products the change leaves alone are decided once, on the base version.
    this.after = new Evaluator(current.compiled, { sameAs: this.before });
    this.report = { base: base.label, current: current.label, catalogue: current.compiled.catalogue.region.naam, total: 0, changedProfiles: 0, skipped: 0, groups: new Map(), seconds: 0 };
  }

  /**
   * Adds one profile; `order` is its position in the population (by default: the next one).
   * Both versions decide; only a profile whose outcome changes is explained (for the cause).
   */
  add(entry: PopulationProfile, order = this.report.total): void {
    const before = this.before.decide(entry.profile);
    const decided = { before, after: this.after.decide(entry.profile, before) };
    const old = groupLabels(decided.before);
    const now = groupLabels(decided.after);
    this.layout ??= layoutOf(decided.before, decided.after);
    let changed = false;
    for (const group of this.layout.groups) {
      const from = old.get(group) ?? NO_PRODUCT;
      const to = now.get(group) ?? NO_PRODUCT;
      const impact = this.group(group, order);
      const key = `${from}\u0000${to}`;
      let cell = impact.cells.get(key);
      if (!cell) {
        cell = { from, to, count: 0, examples: [], causes: new Map(), causeOrder: new Map(), order };
        impact.cells.set(key, cell);
      }
      cell.count++;
      if (from === to) continue;
      changed = true;
      impact.changed++;
      const members = this.layout.members.get(group)!;
      const cause = causeOf(this.before.outcomesOf(entry.profile, decided.before, members), this.after.outcomesOf(entry.profile, decided.after, members), members);
      cell.causes.set(cause, (cell.causes.get(cause) ?? 0) + 1);
      if (!cell.causeOrder.has(cause)) cell.causeOrder.set(cause, order);
      if (cell.examples.length < EXAMPLES_PER_CELL) cell.examples.push({ id: entry.id, cause, order });
    }
    this.report.total++;
    if (changed) this.report.changedProfiles++;
  }

  private group(name: string, order: number): GroupImpact {
    let group = this.report.groups.get(name);
    if (!group) {
      group = { group: name, cells: new Map(), changed: 0, order };
      this.report.groups.set(name, group);
    }
    return group;
  }
}

/** Evaluates a population on this thread, reporting progress every `every` profiles. */
export async function runImpact(
  run: ImpactRun,
  population: Iterable<PopulationProfile> | AsyncIterable<PopulationProfile>,
  onProgress: (done: number) => void = () => undefined,
  every = 1000,
): Promise<ImpactReport> {
  const start = process.hrtime.bigint();
  let done = 0;
  for await (const entry of population) {
    run.add(entry);
    if (++done % every === 0) onProgress(done);
  }
  if (done % every !== 0) onProgress(done);
  run.report.seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return run.report;
}
