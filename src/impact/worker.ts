/**
 * One impact worker: loads both versions itself, parses and checks the .jsonl lines it is sent,
 * decides each profile on both versions (explaining only a changed group, for its cause), and
 * sends its report at the end. Chunks are handled one after another.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareCatalogue, prepareScope } from '../pipeline.js';
import { ImpactRun } from './impact.js';
import { atDate } from '../catalogue/validity.js';
import type { InvalidLine, ToWorker, VersionSource, WorkerMessage, WorkerTask } from './parallel.js';
import { checkLine } from './population.js';
import type { Vocabulary } from '../vocabulary/types.js';

function compile(source: VersionSource) {
  const compiled = prepareCatalogue(source.folder, prepareScope(source.rulesDir)).compiled;
  if (!compiled) throw new Error(`worker could not compile ${source.label}`);
  return { label: source.label, compiled: source.peildatum ? atDate(compiled, source.peildatum) : compiled };
}

const task = workerData as WorkerTask;
const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);
let run: ImpactRun | undefined;
let queue = Promise.resolve();

/** Lines are checked against the vocabulary of the current version, as the main thread does. */
let vocabulary: Vocabulary | undefined;

async function handle(message: ToWorker): Promise<void> {
  run ??= new ImpactRun(compile(task.base), compile(task.current));
  if (message.type === 'chunk') {
    const invalid: InvalidLine[] = [];
    const { profiles, lines } = message.chunk;
    for (const item of profiles) run.add(item, item.order);
    let validLines = 0;
    for (let i = 0; i < lines.texts.length; i++) {
      vocabulary ??= prepareScope(task.current.rulesDir).scope!.vocabulary;
      const outcome = checkLine(task.population!, { number: lines.numbers[i]!, text: lines.texts[i]! }, vocabulary);
      if (outcome.kind === 'invalid') {
        invalid.push({ entry: lines.entries[i]!, at: outcome.at, diagnostics: outcome.diagnostics });
        continue;
      }
      run.add(outcome.entry, lines.orders[i]);
      validLines++;
    }
    const evaluated = profiles.length + validLines;
    post({ type: 'chunk-done', evaluated, validLines, invalid });
  } else post({ type: 'report', report: run.report });
}

port.on('message', (message: ToWorker) => {
  queue = queue.then(() => handle(message)).catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
});
