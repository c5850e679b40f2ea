/**
 * Impact on worker threads: a large population is spread over workers, each with its own
 * compiled evaluators for both versions. The population streams: this thread reads (a .jsonl
 * population line by line, unparsed; other formats checked here), and hands out chunks to
 * whichever worker has room, at most CHUNKS_IN_FLIGHT per worker, so memory stays bounded however
 * large the population is. Workers parse and check lines, decide, and report invalid lines back
 * (recorded in the Population in population order). The partial reports are merged in population
 * order, which gives the very report one thread would.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Population, PopulationEntry, PopulationProfile } from './population.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { Profile } from '../vocabulary/types.js';

/** An entry of Population.entries(). */
export type OrderedEntry = PopulationEntry & { readonly order: number };
import { EXAMPLES_PER_CELL, ImpactRun, runImpact, type GroupImpact, type ImpactCell, type ImpactReport } from './impact.js';
import type { CompiledCatalogue } from '../compile/rules.js';

export interface VersionSource {
  readonly label: string;
  readonly folder: string;
  readonly rulesDir?: string;
  /** The catalogue as it applies on this date (atDate); the worker projects what it loads. */
  readonly peildatum?: string;
}

export interface WorkerTask {
  readonly base: VersionSource;
  readonly current: VersionSource;
  /** The .jsonl population whose lines the worker parses and checks (for the diagnostics' file). */
  readonly population?: string;
}

/**
 * Work for a worker, each with its position in the population (`order`, for merging reports):
 * checked profiles, then .jsonl lines the worker parses and checks itself — parsing is a third of
 * the work, so it is shared rather than left to this thread. Lines travel as parallel arrays
 * (cheap to copy between threads); `entries` are their positions as the Population counts them
 * (to record outcomes). Within a chunk every profile comes before every line, in population order.
 */
export interface Chunk {
  readonly profiles: { readonly order: number; readonly id: string; readonly profile: Profile }[];
  readonly lines: { readonly texts: string[]; readonly numbers: number[]; readonly entries: number[]; readonly orders: number[] };
}

/** A line a worker found invalid. */
export interface InvalidLine {
  readonly entry: number;
  readonly at: Span;
  readonly diagnostics: readonly Diagnostic[];
}

export type ToWorker = { type: 'chunk'; chunk: Chunk } | { type: 'end' };
export type WorkerMessage = { type: 'chunk-done'; evaluated: number; validLines: number; invalid: InvalidLine[] } | { type: 'report'; report: ImpactReport } | { type: 'error'; message: string };

/** Below this many profiles, starting workers (each compiles both versions) costs more than it saves. */
export const MIN_PROFILES_FOR_WORKERS = 10_000;
/** Profiles per message: large enough that messaging is cheap, small enough to keep workers even. */
export const CHUNK_SIZE = 500;
/** Chunks a worker holds at most: one it works on and one waiting, so it never idles. */
const CHUNKS_IN_FLIGHT = 2;

/** The compiled worker; from src/ (tests, scripts/dev.ts) a bootstrap registers tsx first. */
function startWorker(task: WorkerTask): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData: task });
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: task });
}

function mergeCell(a: ImpactCell | undefined, b: ImpactCell): ImpactCell {
  if (!a) return b;
  const causes = new Map(a.causes);
  for (const [cause, n] of b.causes) causes.set(cause, (causes.get(cause) ?? 0) + n);
  const causeOrder = new Map(a.causeOrder);
  for (const [cause, order] of b.causeOrder) causeOrder.set(cause, Math.min(order, causeOrder.get(cause) ?? order));
  // Each part holds its first examples, so the first of all are among them.
  const examples = [...a.examples, ...b.examples].sort((x, y) => x.order - y.order).slice(0, EXAMPLES_PER_CELL);
  return { from: a.from, to: a.to, count: a.count + b.count, examples, causes, causeOrder, order: Math.min(a.order, b.order) };
}

/**
 * Entries in the order of first appearance in the population, as one thread inserts them; groups
 * first seen in the same profile are inserted by name there, hence the name as tie-breaker.
 */
function byOrder<T extends { order: number }>(entries: Iterable<[string, T]>): Map<string, T> {
  return new Map([...entries].sort((a, b) => a[1].order - b[1].order || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

export function mergeReports(reports: readonly ImpactReport[]): ImpactReport {
  const first = reports[0]!;
  const groups = new Map<string, GroupImpact>();
  for (const report of reports) {
    for (const [name, group] of report.groups) {
      const target = groups.get(name) ?? { group: name, cells: new Map<string, ImpactCell>(), changed: 0, order: group.order };
      for (const [key, cell] of group.cells) target.cells.set(key, mergeCell(target.cells.get(key), cell));
      groups.set(name, { ...target, changed: target.changed + group.changed, order: Math.min(target.order, group.order) });
    }
  }
  const ordered = byOrder(
    [...groups].map(([name, group]): [string, GroupImpact] => [
      name,
      {
        ...group,
        cells: byOrder(
          [...group.cells].map(([key, cell]): [string, ImpactCell] => {
            const causes = new Map([...cell.causes].sort((a, b) => cell.causeOrder.get(a[0])! - cell.causeOrder.get(b[0])!));
            return [key, { ...cell, causes }];
          }),
        ),
      },
    ]),
  );
  return {
    base: first.base,
    current: first.current,
    catalogue: first.catalogue,
    total: reports.reduce((n, r) => n + r.total, 0),
    changedProfiles: reports.reduce((n, r) => n + r.changedProfiles, 0),
    skipped: 0,
    groups: ordered,
    seconds: 0,
  };
}

interface Running {
  readonly worker: Worker;
  inFlight: number;
  readonly report: Promise<ImpactReport>;
}

/**
 * Evaluates a population on `workers` threads, fed in chunks as it is read. `onProgress` gets
 * the number of profiles evaluated so far. Unchecked .jsonl lines (entries of `population`) are
 * checked on the workers and their outcomes recorded in `population`.
 */
export async function runImpactOnWorkers(
  base: VersionSource,
  current: VersionSource,
  profiles: Iterable<PopulationProfile | OrderedEntry> | AsyncIterable<PopulationProfile | OrderedEntry>,
  onProgress: (done: number) => void,
  workers = availableParallelism(),
  chunkSize = CHUNK_SIZE,
  population?: Population,
): Promise<ImpactReport> {
  const start = process.hrtime.bigint();
  let done = 0;
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    wake?.();
  };
  const running: Running[] = Array.from({ length: Math.max(1, workers) }, () => {
    const worker = startWorker({ base, current, ...(population ? { population: population.path } : {}) });
    const state = { worker, inFlight: 0 } as { worker: Worker; inFlight: number; report: Promise<ImpactReport> };
    state.report = new Promise<ImpactReport>((resolveReport, reject) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'chunk-done') {
          state.inFlight--;
          for (const line of message.invalid) population?.record({ kind: 'invalid', at: line.at, diagnostics: line.diagnostics }, line.entry);
          population?.countValid(message.validLines);
          done += message.evaluated;
          onProgress(done);
          wake?.();
        } else if (message.type === 'report') resolveReport(message.report);
        else reject(new Error(message.message));
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`impact worker stopped with code ${code}`)));
    });
    state.report.catch(fail);
    return state;
  });
  /** The worker with the fewest chunks, once one has room. */
  const freeWorker = async (): Promise<Running> => {
    for (;;) {
      if (failure) throw failure;
      const free = running.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      if (free.inFlight < CHUNKS_IN_FLIGHT) return free;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  };
  const send = async (chunk: Chunk) => {
    const target = await freeWorker();
    target.inFlight++;
    target.worker.postMessage({ type: 'chunk', chunk } satisfies ToWorker);
  };
  const empty = (): Chunk => ({ profiles: [], lines: { texts: [], numbers: [], entries: [], orders: [] } });
  const size = (c: Chunk): number => c.profiles.length + c.lines.texts.length;
  try {
    let chunk = empty();
    let order = 0;
    for await (const item of profiles) {
      if ('kind' in item && item.kind === 'line') {
        chunk.lines.texts.push(item.line.text);
        chunk.lines.numbers.push(item.line.number);
        chunk.lines.entries.push(item.order);
        chunk.lines.orders.push(order++);
      } else {
        if (chunk.lines.texts.length > 0) {
          // Profiles after lines would break the order within a chunk: start a new one.
          await send(chunk);
          chunk = empty();
        }
        chunk.profiles.push({ order: order++, id: item.id, profile: item.profile });
      }
      if (size(chunk) === chunkSize) {
        await send(chunk);
        chunk = empty();
      }
    }
    if (size(chunk) > 0) await send(chunk);
    for (const r of running) r.worker.postMessage({ type: 'end' } satisfies ToWorker);
    const merged = mergeReports(await Promise.all(running.map((r) => r.report)));
    merged.seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return merged;
  } finally {
    await Promise.all(running.map((r) => r.worker.terminate()));
  }
}

export interface ImpactVersion {
  readonly source: VersionSource;
  readonly compiled: CompiledCatalogue;
}

/**
 * Impact of a streamed population: on this thread when it turns out small (the first
 * MIN_PROFILES_FOR_WORKERS profiles are held to find out), else on workers.
 */
export async function runImpactStreaming(
  base: ImpactVersion,
  current: ImpactVersion,
  population: Population,
  onProgress: (done: number) => void,
  workers = availableParallelism(),
): Promise<ImpactReport> {
  const iterator = population.entries()[Symbol.asyncIterator]();
  const head: PopulationProfile[] = [];
  let ended = false;
  while (head.length < MIN_PROFILES_FOR_WORKERS) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const profile = population.profileOf(next.value);
    if (profile) head.push(profile);
  }
  const rest = { [Symbol.asyncIterator]: () => iterator };
  if (ended || workers < 2) {
    const all = (async function* () {
      yield* head;
      if (ended) return;
      for await (const entry of rest) {
        const profile = population.profileOf(entry);
        if (profile) yield profile;
      }
    })();
    return runImpact(new ImpactRun({ label: base.source.label, compiled: base.compiled }, { label: current.source.label, compiled: current.compiled }), all, onProgress);
  }
  const all = (async function* () {
    yield* head.splice(0);
    yield* rest;
  })();
  return runImpactOnWorkers(base.source, current.source, all, onProgress, workers, CHUNK_SIZE, population);
}
