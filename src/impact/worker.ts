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
  const prepared = prepareCatalogue(source.folder, prepareScope(source.rulesDir));
  if (!prepared.compiled || !prepared.scope) throw new Error(`worker could not compile ${source.label}`);
  return { label: source.label, compiled: source.peildatum ? atDate(prepared.compiled, source.peildatum) : prepared.compiled, vocabulary: prepared.scope.vocabulary };
}

const task = workerData as WorkerTask;
const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);
let versions: { run: ImpactRun; vocabulary: Vocabulary } | undefined;
let queue = Promise.resolve();

async function handle(message: ToWorker): Promise<void> {
  if (!versions) {
    const current = compile(task.current);
    // Lines are checked against the vocabulary of the current version, as the main thread does.
    versions = { run: new ImpactRun(compile(task.base), current), vocabulary: current.vocabulary };
  }
  const { run, vocabulary } = versions;
  if (message.type === 'chunk') {
    const invalid: InvalidLine[] = [];
    const { profiles, lines } = message.chunk;
    for (const item of profiles) run.add(item, item.order);
    let validLines = 0;
    for (let i = 0; i < lines.texts.length; i++) {
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
