/**
 * `npm run bench`: the speed figures of issue 11 in one run.
 *  1. Per bundled catalogue, on the same varied profiles (src/population/varied.ts, seed 42):
 *     - the compiled evaluator deciding every rule wijzer needs (src/engine/compiled.ts);
 *     - a bare json-rules-engine Engine on the exported rules (`wijzer compile`), run one
 *       profile after another as the README prescribes — the reference;
 *     - the whole explained evaluation (what `evaluate` prints) on the compiled evaluator and on
 *       wijzer's json-rules-engine path (`--engine json-rules-engine`);
 *     as profiles/s and as ratios to the bare Engine.
 *  2. Cost per rule per profile with a catalogue's rules duplicated 2×, 4×, 8× (must stay flat).
 *  3. Cold start of the CLI (bench/startup.bench.ts, fresh processes against `node -e 0`).
 *  4. `analyse` of all five catalogues.
 *  5. Impact over BENCH_POPULATION (default 1,000,000) profiles with peak memory
 *     (bench/population.bench.ts, in its own process so its memory is its own).
 * BENCH_PROFILES sets the profiles per catalogue for the bare Engine (default 2,000).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { Engine } from 'json-rules-engine';
import { rulesOf, type RuleJson } from '../src/compile/rules.js';
import { CompiledEngine } from '../src/engine/compiled.js';
import { ruleSet } from '../src/engine/rule-set.js';
import { Evaluator } from '../src/evaluate/evaluate.js';
import { prepareCatalogue, prepareScope } from '../src/pipeline.js';
import { seededRandom } from '../src/population/synthetic.js';
import { VariedProfiles, VARIANTS } from '../src/population/varied.js';
import type { Profile } from '../src/vocabulary/types.js';
import { fromRoot } from '../src/util/files.js';

const PROFILES = Number(process.env['BENCH_PROFILES'] ?? 2000);
const ROUNDS = 3;

/** Profiles per second: the best of ROUNDS passes (the least disturbed by other work on the machine). */
async function rate(profiles: readonly Profile[], run: (p: Profile) => unknown, minSeconds = 0.5): Promise<number> {
  let best = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let done = 0;
    const start = process.hrtime.bigint();
    let seconds = 0;
    do {
      // Await only what returns a promise: a microtask per synchronous call would cap the compiled
      // evaluator at about half a million profiles/s.
      for (const p of profiles) {
        const result = run(p);
        if (result instanceof Promise) await result;
      }
      done += profiles.length;
      seconds = Number(process.hrtime.bigint() - start) / 1e9;
    } while (seconds < minSeconds);
    best = Math.max(best, done / seconds);
  }
  return best;
}

function bareEngine(rules: readonly RuleJson[]): Engine {
  return new Engine(JSON.parse(JSON.stringify(rules)) as never[], { allowUndefinedFacts: true });
}

const fmt = (n: number): string => Math.round(n).toLocaleString('nl-NL');
const scope = prepareScope();
const vocabulary = scope.scope!.vocabulary;

console.log(`wijzer bench — Node ${process.version}; ${PROFILES} gevarieerde profielen per catalogus (seed 42), beste van ${ROUNDS} rondes`);
console.log('\n1. Evaluatie per catalogus (profielen/s; × = verhouding tot een kale json-rules-engine Engine op de geëxporteerde regels)');
let lowest = Infinity;
for (const name of readdirSync(fromRoot('catalogue')).sort()) {
  const compiled = prepareCatalogue(fromRoot('catalogue', name), scope).compiled!;
  const generator = new VariedProfiles(compiled, vocabulary, seededRandom(42));
  const profiles = Array.from({ length: PROFILES }, (_, i) => generator.profile(VARIANTS[i % VARIANTS.length]!));
  const exported = rulesOf(compiled);
  const engine = bareEngine(exported);
  const bare = await rate(profiles, (p) => engine.run({ ...p }), 0);
  const fast = new Evaluator(compiled);
  const decider = (fast as unknown as { compiledEngine: CompiledEngine }).compiledEngine;
  const compiledRate = await rate(profiles, (p) => decider.run(p));
  const explained = await rate(profiles, (p) => fast.evaluateSync(p));
  const reference = new Evaluator(compiled, { engine: 'json-rules-engine' });
  const referenceRate = await rate(profiles.slice(0, Math.max(200, PROFILES / 4)), (p) => reference.evaluate(p), 0);
  lowest = Math.min(lowest, compiledRate / bare);
  console.log(
    `${name}: ${exported.length} regels | kale Engine ${fmt(bare)} | gecompileerde evaluator ${fmt(compiledRate)} (${fmt(compiledRate / bare)}×) | volledige uitleg: gecompileerd ${fmt(explained)} (${(explained / bare).toFixed(1)}×), json-rules-engine-pad ${fmt(referenceRate)} (${(referenceRate / bare).toFixed(1)}×)`,
  );
}
console.log(`laagste verhouding gecompileerde evaluator / kale Engine: ${fmt(lowest)}× (doel ≥ 500×)`);

console.log('\n2. Kosten per regel per profiel bij 1×, 2×, 4×, 8× de regels (samen-doen; ns, moet vlak blijven)');
{
  const compiled = prepareCatalogue(fromRoot('catalogue', 'samen-doen'), scope).compiled!;
  const generator = new VariedProfiles(compiled, vocabulary, seededRandom(42));
  const profiles = Array.from({ length: PROFILES }, (_, i) => generator.profile(VARIANTS[i % VARIANTS.length]!));
  const rules = rulesOf(compiled);
  const cells: string[] = [];
  for (const factor of [1, 2, 4, 8]) {
    const copies = Array.from({ length: factor }, (_, k) => rules.map((r) => ({ ...r, name: `${r.name}#${k}` }))).flat();
    const engine = new CompiledEngine(ruleSet(copies));
    const perSecond = await rate(profiles, (p) => engine.run(p));
    cells.push(`${factor}× (${copies.length} regels): ${(1e9 / perSecond / copies.length).toFixed(1)} ns`);
  }
  console.log(cells.join(' | '));
}

console.log('\n3. Koude start (verse processen)');
spawnSync(process.execPath, ['--import', 'tsx', fromRoot('bench', 'startup.bench.ts')], { stdio: 'inherit', env: process.env });

console.log('\n4. analyse van alle vijf catalogi');
{
  const cells: string[] = [];
  let total = 0;
  for (const name of readdirSync(fromRoot('catalogue')).sort()) {
    const start = process.hrtime.bigint();
    const analysed = spawnSync(process.execPath, [fromRoot('bin', 'wijzer.js'), 'analyse', `catalogue/${name}`, '--format', 'json'], { cwd: fromRoot(), encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    total += seconds;
    cells.push(`${name} ${seconds.toFixed(2)} s${analysed.status === 0 ? '' : ` (exit ${analysed.status})`}`);
  }
  console.log(`analyse: ${cells.join(' | ')} — samen ${total.toFixed(2)} s (verse processen)`);
}

console.log('\n5. Impact op een gegenereerde populatie');
const streamed = spawnSync(process.execPath, ['--import', 'tsx', fromRoot('bench', 'population.bench.ts')], { stdio: 'inherit', env: process.env });
if (streamed.status !== 0) process.exitCode = streamed.status ?? 1;
if (lowest < 500) process.exitCode = 1;
