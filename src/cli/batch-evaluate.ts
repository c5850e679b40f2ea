/**
 * wijzer evaluate --profielen <map|.jsonl|.csv>: one result per profile of a population, streamed
 * as it is evaluated (memory does not grow with the population). The population is read by the
 * same readers as `wijzer impact` (src/impact/population.ts): line numbers, invalid profiles
 * reported and skipped, the --max-ongeldig limit, an empty population refused.
 *
 * --format jsonl: per profile the `wijzer-evaluatie/1` object of `evaluate --format json`, with
 * the profile's `id` in front. --format csv: per profile its id, the outcome per family (as
 * impact labels it) and the status per product.
 */
import type { Evaluator, Outcomes } from '../evaluate/evaluate.js';
import type { Evaluation } from '../evaluate/outcome.js';
import type { Profile } from '../vocabulary/types.js';
import { groupLabels, NO_PRODUCT } from '../impact/impact.js';
import type { Population } from '../impact/population.js';
import type { EngineKind } from '../engine/choice.js';
import { CSV_BOM, csvRow } from '../report/csv.js';
import { evaluationJson } from '../report/json.js';
import type { Vocabulary } from '../vocabulary/types.js';
import { EXIT, type CliIO } from './io.js';
import { displayPath, printDiagnostics, writeError } from './output.js';
import { openStreamOutput, type StreamOutput } from './stream-output.js';

import type { Geldigheid } from '../catalogue/validity.js';

export type BatchFormat = 'jsonl' | 'csv';
export const BATCH_FORMATS: readonly BatchFormat[] = ['jsonl', 'csv'];

export interface BatchRun {
  readonly population: Population;
  readonly evaluator: Evaluator;
  readonly engine: EngineKind;
  readonly vocabulary: Vocabulary;
  readonly format: BatchFormat;
  /** The -o file (absolute), or undefined for standard output. */
  readonly target?: string;
  /** The peildatum the evaluator's catalogue was projected onto, with what it left out (JSON lines show it). */
  readonly geldigheid?: Geldigheid;
}

/** The columns of the CSV: the groups impact compares (families, loose products) and the products, in catalogue order. */
interface CsvColumns {
  readonly groups: readonly string[];
  readonly products: readonly string[];
}

function csvColumns(evaluation: Outcomes): CsvColumns {
  return { groups: [...groupLabels(evaluation).keys()], products: evaluation.products.map((p) => p.product.id) };
}

function csvHeader(columns: CsvColumns): string {
  return csvRow(['id', ...columns.groups.map((g) => `uitkomst ${g}`), ...columns.products.map((p) => `status ${p}`)]);
}

function csvLine(id: string, evaluation: Outcomes, columns: CsvColumns): string {
  const outcomes = groupLabels(evaluation);
  const status = new Map(evaluation.products.map((p) => [p.product.id, p.status]));
  return csvRow([id, ...columns.groups.map((g) => outcomes.get(g) ?? NO_PRODUCT), ...columns.products.map((p) => status.get(p) ?? '')]);
}

function isSystemError(error: unknown): boolean {
  return typeof (error as NodeJS.ErrnoException | undefined)?.code === 'string';
}

export async function evaluateBatch(run: BatchRun, io: CliIO): Promise<number> {
  const { population, evaluator, vocabulary, format, target } = run;
  // The compiled evaluator answers at once; the reference engine must be awaited. The CSV needs
  // only the decisions, which the compiled evaluator gives without explaining (same results:
  // test/engine-differential.test.ts).
  const compiled = run.engine === 'wijzer';
  const evaluate = (p: Profile): Evaluation | Promise<Evaluation> => (compiled ? evaluator.evaluateSync(p) : evaluator.evaluate(p));
  const decide = (p: Profile): Outcomes | Promise<Outcomes> => (compiled ? evaluator.decide(p) : evaluator.evaluate(p));
  let out: StreamOutput | undefined;
  let evaluated = 0;
  let columns: CsvColumns | undefined;
  let committed = false;
  let outcome: ReturnType<Population['outcome']>;
  try {
    out = openStreamOutput(io, target);
    for await (const entry of population.profiles()) {
      if (format === 'jsonl') {
        const evaluation = await evaluate(entry.profile);
        await out.write(`${JSON.stringify({ id: entry.id, ...evaluationJson(run.geldigheid ? { ...evaluation, geldigheid: run.geldigheid } : evaluation, vocabulary) })}\n`);
      } else {
        const evaluation = await decide(entry.profile);
        if (!columns) {
          columns = csvColumns(evaluation);
          await out.write(`${CSV_BOM}${csvHeader(columns)}`);
        }
        await out.write(csvLine(entry.id, evaluation, columns));
      }
      evaluated++;
    }
    outcome = population.outcome();
    if (outcome.ok) {
      await out.commit();
      committed = true;
    }
  } catch (problem) {
    if (!target || !isSystemError(problem)) throw problem;
    printDiagnostics(io, [writeError(io, target, problem)]);
    return EXIT.invalid;
  } finally {
    if (!committed) out?.abort();
  }
  printDiagnostics(io, outcome.skipped);
  printDiagnostics(io, outcome.verdict.filter((d) => d.code !== 'WZ722'));
  const skipped = population.invalid;
  const shown = outcome.skipped.length < skipped ? ` (de eerste ${outcome.skipped.length} staan hierboven)` : '';
  const where = target ? (committed ? `; geschreven naar ${displayPath(io, target)}` : `; ${displayPath(io, target)} niet geschreven`) : '';
  io.stderr.write(`evaluate: ${evaluated} profiel${evaluated === 1 ? '' : 'en'} beoordeeld, ${skipped} ongeldig${skipped === 1 ? ' profiel' : 'e profielen'} overgeslagen${skipped > 0 ? shown : ''}${where}\n`);
  return outcome.ok ? EXIT.ok : EXIT.invalid;
}
