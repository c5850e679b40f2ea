/**
 * Impact on worker threads: json-rules-engine is single-threaded, so a large population is
 * split over workers, each with its own Engines for both versions (one Engine per catalogue,
 * profiles one after another — see README), and the partial reports are merged.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PopulationProfile } from './population.js';
import type { GroupImpact, ImpactReport } from './impact.js';

export interface VersionSource {
  readonly label: string;
  readonly folder: string;
  readonly rulesDir?: string;
}

export interface WorkerTask {
  readonly base: VersionSource;
  readonly current: VersionSource;
  readonly profiles: readonly PopulationProfile[];
}

export type WorkerMessage = { type: 'progress'; done: number } | { type: 'report'; report: ImpactReport } | { type: 'error'; message: string };

/** Below this many profiles per worker, starting workers costs more than it saves. */
export const MIN_PROFILES_PER_WORKER = 5000;

/** The compiled worker; from src/ (tests, scripts/dev.ts) a bootstrap registers tsx first. */
function startWorker(task: WorkerTask): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData: task });
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: task });
}

export function mergeReports(reports: readonly ImpactReport[]): ImpactReport {
  const first = reports[0]!;
  const groups = new Map<string, GroupImpact>();
  for (const report of reports) {
    for (const [name, group] of report.groups) {
      const target = groups.get(name) ?? { group: name, cells: new Map(), changed: 0 };
      target.changed += group.changed;
      for (const [key, cell] of group.cells) {
        const into = target.cells.get(key) ?? { from: cell.from, to: cell.to, count: 0, examples: [], causes: new Map() };
        into.count += cell.count;
        into.examples.push(...cell.examples.slice(0, Math.max(0, 3 - into.examples.length)));
        for (const [cause, n] of cell.causes) into.causes.set(cause, (into.causes.get(cause) ?? 0) + n);
        target.cells.set(key, into);
      }
      groups.set(name, target);
    }
  }
  return {
    base: first.base,
    current: first.current,
    catalogue: first.catalogue,
    total: reports.reduce((n, r) => n + r.total, 0),
    changedProfiles: reports.reduce((n, r) => n + r.changedProfiles, 0),
    groups,
    seconds: 0,
  };
}

export async function runImpactOnWorkers(
  base: VersionSource,
  current: VersionSource,
  profiles: readonly PopulationProfile[],
  onProgress: (done: number, total: number) => void,
  workers = Math.min(availableParallelism(), Math.ceil(profiles.length / MIN_PROFILES_PER_WORKER)),
): Promise<ImpactReport> {
  const start = process.hrtime.bigint();
  const size = Math.ceil(profiles.length / workers);
  const done = new Array<number>(workers).fill(0);
  const reports = await Promise.all(
    Array.from({ length: workers }, (_, i) => {
      const task: WorkerTask = { base, current, profiles: profiles.slice(i * size, (i + 1) * size) };
      return new Promise<ImpactReport>((resolveReport, reject) => {
        const worker = startWorker(task);
        worker.on('message', (message: WorkerMessage) => {
          if (message.type === 'progress') {
            done[i] = message.done;
            onProgress(done.reduce((a, b) => a + b, 0), profiles.length);
          } else if (message.type === 'report') resolveReport(message.report);
          else reject(new Error(message.message));
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code !== 0 ? reject(new Error(`impact worker stopped with code ${code}`)) : undefined));
      });
    }),
  );
  const merged = mergeReports(reports);
  merged.seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return merged;
}
