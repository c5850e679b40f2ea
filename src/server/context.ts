/**
 * What the server holds: the rules scope and every served catalogue, loaded once through the
 * same pipeline as the CLI (load → check → compile), with one Evaluator per catalogue.
 *
 * Evaluation runs on the compiled evaluator, which answers synchronously and reuses its result
 * buffers; each catalogue still evaluates through a serial queue, so a request can never see
 * another's results (and the reference json-rules-engine, which must not run several profiles at
 * once on one Engine — upstream #303 — stays safe if it is ever chosen). Profiles are never
 * stored or logged.
 */
import { basename, resolve } from 'node:path';
import type { Catalogue } from '../catalogue/types.js';
import type { Scope } from '../check/typecheck.js';
import type { CompiledCatalogue } from '../compile/rules.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { Evaluator } from '../evaluate/evaluate.js';
import type { Evaluation } from '../evaluate/outcome.js';
import { prepareCatalogue, prepareScope } from '../pipeline.js';
import type { Profile } from '../vocabulary/types.js';
import { atDate, dated, PEILDATUM_ENV, peildatumOf, todayIso, type DatedCatalogue, type WithGeldigheid } from '../catalogue/validity.js';

/** Runs tasks one after another, in arrival order. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export interface ServedCatalogue {
  readonly id: string;
  readonly folder: string;
  readonly catalogue: Catalogue;
  readonly compiled: CompiledCatalogue;
  /** Warnings and infos of `check` (errors keep a catalogue from being served). */
  readonly diagnostics: readonly Diagnostic[];
  /** Evaluates on what applies today (or WIJZER_PEILDATUM / the peildatum the server was started with). */
  evaluate(profile: Profile): Promise<Evaluation & WithGeldigheid>;
}

export interface ServerContext {
  readonly scope: Scope;
  readonly rulesDir?: string;
  readonly catalogues: ReadonlyMap<string, ServedCatalogue>;
  /** The day the server applies the catalogues on: today, or WIJZER_PEILDATUM / the one it was started with. */
  peildatum(): string;
}

/** Loads the catalogues to serve; a catalogue with errors is not served and its errors are returned. */
export function loadContext(folders: readonly string[], rulesDir?: string, options: { peildatum?: string } = {}): { context?: ServerContext; diagnostics: Diagnostic[] } {
  // A fixed date (option, or a valid WIJZER_PEILDATUM) or the calendar: the projection is redone when the day changes.
  const fromEnv = process.env[PEILDATUM_ENV] ? peildatumOf(undefined, process.env).date : undefined;
  const fixed = options.peildatum ?? fromEnv;
  const peildatum = () => fixed ?? todayIso();
  const scopeResult = prepareScope(rulesDir);
  if (!scopeResult.scope) return { diagnostics: scopeResult.diagnostics };
  const diagnostics: Diagnostic[] = [];
  const catalogues = new Map<string, ServedCatalogue>();
  for (const folder of folders) {
    const prepared = prepareCatalogue(resolve(folder), scopeResult);
    if (!prepared.catalogue || !prepared.compiled || hasErrors(prepared.diagnostics)) {
      diagnostics.push(...prepared.diagnostics.filter((d) => d.severity === 'fout'));
      continue;
    }
    const compiled = prepared.compiled;
    let current: { date: string; projected: DatedCatalogue; evaluator: Evaluator } | undefined;
    const evaluatorOn = (date: string) => {
      if (current?.date !== date) {
        const projected = atDate(compiled, date);
        current = { date, projected, evaluator: new Evaluator(projected) };
      }
      return current;
    };
    const queue = new SerialQueue();
    const id = basename(resolve(folder));
    catalogues.set(id, {
      id,
      folder: resolve(folder),
      catalogue: prepared.catalogue,
      compiled: prepared.compiled,
      diagnostics: prepared.diagnostics.filter((d) => !scopeResult.diagnostics.includes(d)),
      evaluate: (profile) =>
        queue.run(async () => {
          const { projected, evaluator } = evaluatorOn(peildatum());
          return dated(await evaluator.evaluate(profile), projected);
        }),
    });
  }
  return { context: { scope: scopeResult.scope, ...(rulesDir ? { rulesDir } : {}), catalogues, peildatum }, diagnostics };
}
