/**
 * Throughput: evaluation (profiles per second per catalogue, sequential runs on one Engine per
 * catalogue, as the README prescribes) and impact (profiles per second through two versions).
 * Run with `npm run bench`; BENCH_PROFILES and BENCH_IMPACT set the population sizes. Then
 * bench/population.bench.ts (BENCH_POPULATION profiles, default a million, streamed from a
 * file) runs in a fresh process, so its peak memory is its own and not this one's.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Evaluator } from '../src/evaluate/evaluate.js';
import { ImpactRun, runImpact } from '../src/impact/impact.js';
import { prepareCatalogue, prepareScope } from '../src/pipeline.js';
import { archetypeProfile, seededRandom } from '../src/population/synthetic.js';
import { fromRoot } from '../src/util/files.js';

const PROFILES = Number(process.env['BENCH_PROFILES'] ?? 5000);
const IMPACT = Number(process.env['BENCH_IMPACT'] ?? 20000);

const scope = prepareScope();
const vocabulary = scope.scope!.vocabulary;
const mib = () => (process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0);

console.log(`wijzer bench — Node ${process.version}; synthetische profielen rond de producten (seed 42), sequentieel`);
for (const name of readdirSync(fromRoot('catalogue')).sort()) {
  const compiled = prepareCatalogue(fromRoot('catalogue', name), scope).compiled!;
  const next = seededRandom(42);
  const profiles = Array.from({ length: PROFILES }, () => archetypeProfile(compiled.products, vocabulary, next));
  const evaluator = new Evaluator(compiled);
  for (const p of profiles.slice(0, 50)) await evaluator.evaluate(p); // warm-up
  const start = process.hrtime.bigint();
  for (const p of profiles) await evaluator.evaluate(p);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rules = compiled.products.reduce((n, p) => n + p.clauses.length * 2 + 1, 0);
  console.log(`evaluatie ${name}: ${rules} regels, ${(PROFILES / seconds).toFixed(0)} profielen/s, heap ${mib()} MiB`);
}

// Impact: Samen Doen against the IB2 edit of test/diff/versies/ib2-inzicht-strenger.
const edited = join(mkdtempSync(join(tmpdir(), 'wijzer-bench-')), 'samen-doen');
cpSync(fromRoot('catalogue', 'samen-doen'), edited, { recursive: true });
cpSync(fromRoot('test', 'diff', 'versies', 'ib2-inzicht-strenger', 'producten'), join(edited, 'producten'), { recursive: true });
const base = prepareCatalogue(fromRoot('catalogue', 'samen-doen'), scope).compiled!;
const current = prepareCatalogue(edited, scope).compiled!;
const next = seededRandom(42);
const population = Array.from({ length: IMPACT }, (_, i) => ({ id: `p${i}`, profile: archetypeProfile(base.products, vocabulary, next) }));
const report = await runImpact(new ImpactRun({ label: 'basis', compiled: base }, { label: 'gewijzigd', compiled: current }), population);
console.log(`impact samen-doen (IB2 inzicht aangescherpt): ${IMPACT} profielen in ${report.seconds.toFixed(1)} s, ${(IMPACT / report.seconds).toFixed(0)} profielen/s, ${report.changedProfiles} gewijzigd, heap ${mib()} MiB`);

// Impact on a population too large for memory, in its own process (see population.bench.ts).
const streamed = spawnSync(process.execPath, ['--import', 'tsx', fromRoot('bench', 'population.bench.ts')], { stdio: 'inherit', env: process.env });
if (streamed.status !== 0) process.exitCode = streamed.status ?? 1;
