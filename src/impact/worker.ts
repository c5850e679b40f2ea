/**
 * One impact worker: loads both versions itself, evaluates the chunks of profiles it is sent one
 * after another (one Engine per version, never concurrently), and sends its report at the end.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareCatalogue, prepareScope } from '../pipeline.js';
import { ImpactRun } from './impact.js';
import type { ToWorker, VersionSource, WorkerMessage, WorkerTask } from './parallel.js';

function compile(source: VersionSource) {
  const compiled = prepareCatalogue(source.folder, prepareScope(source.rulesDir)).compiled;
  if (!compiled) throw new Error(`worker could not compile ${source.label}`);
  return { label: source.label, compiled };
}

const task = workerData as WorkerTask;
const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);
let run: ImpactRun | undefined;
let queue = Promise.resolve();

async function handle(message: ToWorker): Promise<void> {
  run ??= new ImpactRun(compile(task.base), compile(task.current));
  if (message.type === 'chunk') {
    for (const entry of message.profiles) run.add(entry, entry.order);
    post({ type: 'chunk-done', count: message.profiles.length });
  } else post({ type: 'report', report: run.report });
}

port.on('message', (message: ToWorker) => {
  queue = queue.then(() => handle(message)).catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
});
