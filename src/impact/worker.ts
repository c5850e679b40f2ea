/** One impact worker: loads both versions itself and evaluates its share of the population. */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareCatalogue, prepareScope } from '../pipeline.js';
import { ImpactRun, runImpact } from './impact.js';
import type { VersionSource, WorkerMessage, WorkerTask } from './parallel.js';

function compile(source: VersionSource) {
  const compiled = prepareCatalogue(source.folder, prepareScope(source.rulesDir)).compiled;
  if (!compiled) throw new Error(`worker could not compile ${source.label}`);
  return { label: source.label, compiled };
}

const task = workerData as WorkerTask;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
try {
  const run = new ImpactRun(compile(task.base), compile(task.current));
  const report = await runImpact(run, task.profiles, (done) => post({ type: 'progress', done }), 500);
  post({ type: 'report', report });
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
