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
import type { Decision } from '../evaluate/evaluate.js';
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

/** Outcome per group: families by their lightest fitting level, loose products by themselves. */
export function outcomesByGroup(evaluation: Decision): Map<string, { label: string; members: string[] }> {
  const members = new Map<string, string[]>();
  for (const p of evaluation.products) {
    if (p.product.familie === undefined) continue;
    const list = members.get(p.product.familie);
    if (list) list.push(p.product.id);
    else members.set(p.product.familie, [p.product.id]);
  }
  const out = new Map<string, { label: string; members: string[] }>();
  for (const family of evaluation.families) {
    const label =
      family.status === 'bepaald'
        ? family.lichtstPassend.map((p) => p.product.id).join(' + ')
        : family.status === 'keuze-toegang'
          ? `keuze toegang: ${family.keuze!.niveaus.map((p) => p.product.id).join(' / ')}`
          : family.status === 'geen'
            ? NO_PRODUCT
            : UNDECIDED;
    out.set(family.familie, { label, members: members.get(family.familie) ?? [] });
  }
  for (const product of evaluation.products) {
    if (product.product.familie !== undefined && product.product.niveau !== undefined) continue;
    const label = product.status === 'passend' ? product.product.id : product.status === 'onbekend' ? UNDECIDED : NO_PRODUCT;
    out.set(product.product.id, { label, members: [product.product.id] });
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

export class ImpactRun {
  private readonly before: Evaluator;
  private readonly after: Evaluator;
  readonly report: ImpactReport;

  constructor(base: { label: string; compiled: CompiledCatalogue }, current: { label: string; compiled: CompiledCatalogue }) {
    this.before = new Evaluator(base.compiled);
    this.after = new Evaluator(current.compiled);
    this.report = { base: base.label, current: current.label, catalogue: current.compiled.catalogue.region.naam, total: 0, changedProfiles: 0, skipped: 0, groups: new Map(), seconds: 0 };
  }

  /**
   * Adds one profile; `order` is its position in the population (by default: the next one).
   * Both versions decide; only a profile whose outcome changes is explained (for the cause).
   */
  add(entry: PopulationProfile, order = this.report.total): void {
    const decided = { before: this.before.decide(entry.profile), after: this.after.decide(entry.profile) };
    const old = outcomesByGroup(decided.before);
    const now = outcomesByGroup(decided.after);
    let changed = false;
    for (const group of [...new Set([...old.keys(), ...now.keys()])].sort()) {
      const from = old.get(group)?.label ?? NO_PRODUCT;
      const to = now.get(group)?.label ?? NO_PRODUCT;
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
      const members = [...new Set([...(old.get(group)?.members ?? []), ...(now.get(group)?.members ?? [])])];
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
