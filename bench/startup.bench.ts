/**
 * Start-up time of the CLI (issue 11): fresh processes, median of RUNS each, against a bare
 * `node -e 0` in the same run. Evaluate runs with a warm cache (entries written beforehand) and a
 * cold one (a fresh, empty cache folder per run). Needs a build (`npm run build`).
 *   npx tsx bench/startup.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot } from '../src/util/files.js';

const RUNS = Number(process.env['RUNS'] ?? 7);
const BIN = fromRoot('bin', 'wijzer.js');
const EVALUATE = [BIN, 'evaluate', 'profielen/voorbeeld.yaml', '--catalogue', 'catalogue/samen-doen'];

function time(args: string[], env: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: fromRoot(), env, stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} ended with ${result.status}`);
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const scratch = mkdtempSync(join(tmpdir(), 'wijzer-startup-'));
try {
  const warm = join(scratch, 'warm');
  const base = { ...process.env, NO_COLOR: '1' };
  time(EVALUATE, { ...base, WIJZER_CACHE: warm }); // fills the warm cache
  const cases: { name: string; sample: (i: number) => number }[] = [
    { name: 'node -e 0', sample: () => time(['-e', '0'], base) },
    { name: 'wijzer --help', sample: () => time([BIN, '--help'], base) },
    { name: 'wijzer check catalogue/samen-doen (cache warm)', sample: () => time([BIN, 'check', 'catalogue/samen-doen'], { ...base, WIJZER_CACHE: warm }) },
    { name: 'wijzer evaluate, 1 profiel (cache warm)', sample: () => time(EVALUATE, { ...base, WIJZER_CACHE: warm }) },
    { name: 'wijzer evaluate, 1 profiel (cache koud)', sample: (i) => time(EVALUATE, { ...base, WIJZER_CACHE: join(scratch, `cold-${i}`) }) },
    { name: 'wijzer evaluate, 1 profiel (cache uit)', sample: () => time(EVALUATE, { ...base, WIJZER_CACHE: 'uit' }) },
  ];
  const results = cases.map(({ name, sample }) => ({ name, ms: median(Array.from({ length: RUNS }, (_, i) => sample(i))) }));
  const bare = results[0]!.ms;
  console.log(`start-up, median of ${RUNS} fresh processes`);
  for (const { name, ms } of results) console.log(`${name.padEnd(48)} ${ms.toFixed(0).padStart(6)} ms${name === 'node -e 0' ? '' : `  (+${(ms - bare).toFixed(0)} ms)`}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
