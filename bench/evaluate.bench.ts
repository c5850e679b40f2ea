/**
 * Throughput of evaluation: profiles per second per catalogue, sequential runs on one Engine
 * (the supported way; see README). Run with `npm run bench`; figures go in closing notes.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Evaluator } from '../src/evaluate/evaluate.js';
import { prepareCatalogue, prepareScope } from '../src/pipeline.js';
import { fromRoot } from '../src/util/files.js';
import type { Profile } from '../src/vocabulary/types.js';
import { randomProfile, seededRandom } from '../src/population/synthetic.js';

const PROFILES = Number(process.env['BENCH_PROFILES'] ?? 2000);

const scope = prepareScope();
const next = seededRandom(42);
const profiles = Array.from({ length: PROFILES }, () => randomProfile(scope.scope!.vocabulary, next) as Profile);

console.log(`wijzer bench: ${PROFILES} volledige profielen per catalogus, sequentieel, Node ${process.version}`);
for (const name of readdirSync(fromRoot('catalogue')).sort()) {
  const prepared = prepareCatalogue(join(fromRoot('catalogue'), name), scope);
  if (!prepared.compiled) {
    console.log(`${name}: overgeslagen (fouten in de catalogus)`);
    continue;
  }
  const evaluator = new Evaluator(prepared.compiled);
  const rules = prepared.compiled.products.reduce((n, p) => n + p.clauses.length * 2 + 1, 0);
  for (let i = 0; i < 50; i++) await evaluator.evaluate(profiles[i]!); // warm-up
  const start = process.hrtime.bigint();
  for (const profile of profiles) await evaluator.evaluate(profile);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const heap = process.memoryUsage().heapUsed / 1024 / 1024;
  console.log(`${name}: ${rules} regels, ${(PROFILES / seconds).toFixed(0)} profielen/s, heap ${heap.toFixed(0)} MiB`);
}
