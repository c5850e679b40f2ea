/**
 * Throughput of evaluation: profiles per second per catalogue, sequential runs on one Engine
 * (the supported way; see README). Run with `npm run bench`; figures go in closing notes.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Evaluator } from '../src/evaluate/evaluate.js';
import { prepareCatalogue, prepareScope } from '../src/pipeline.js';
import { fromRoot } from '../src/util/files.js';
import type { Fact, Profile } from '../src/vocabulary/types.js';

const PROFILES = Number(process.env['BENCH_PROFILES'] ?? 2000);

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function value(fact: Fact, next: () => number): Profile[string] {
  switch (fact.kind) {
    case 'ja-nee':
      return next() < 0.5;
    case 'getal':
      return Math.round((fact.minimum ?? 0) + next() * Math.min(100, (fact.maximum ?? 100) - (fact.minimum ?? 0)));
    case 'schaal':
    case 'keuze':
      return fact.labels[Math.floor(next() * fact.labels.length)]!;
    case 'lijst':
      return fact.labels.filter(() => next() < 0.3);
  }
}

const scope = prepareScope();
const facts = [...scope.scope!.vocabulary.facts.values()];
const next = random(42);
const profiles = Array.from({ length: PROFILES }, () => Object.fromEntries(facts.map((f) => [f.name, value(f, next)])) as Profile);

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
