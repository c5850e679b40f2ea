/**
 * A population that does not fit in memory: `wijzer genereer` writes BENCH_POPULATION profiles
 * (default 1,000,000) to a temporary .jsonl, and `wijzer impact` streams it through two versions
 * of Samen Doen (the IB2 edit of test/diff/versies/ib2-inzicht-strenger), on worker threads as
 * the CLI does. Both run in this process, whose resident memory (workers included) is sampled;
 * the target is a peak under 500 MB whatever the population's size. Run on its own with
 * `npx tsx bench/population.bench.ts`; `npm run bench` runs it after the evaluation figures.
 */
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main.js';
import { fromRoot } from '../src/util/files.js';

const COUNT = Number(process.env['BENCH_POPULATION'] ?? 1_000_000);
const TARGET_MB = 500;
const MB = 1024 * 1024;

/** The peak resident set size while `work` runs, sampled every 100 ms. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number; seconds: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const start = process.hrtime.bigint();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: peak / MB, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
  } finally {
    clearInterval(timer);
  }
}

/** Resident memory at each progress line of impact: flat when memory does not grow with the population. */
const trajectory: string[] = [];

async function wijzer(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: {
      write: (t: string) => {
        stderr += t;
        const done = /^impact: (\d+)/.exec(t)?.[1];
        if (done) trajectory.push(`${done}: ${(process.memoryUsage().rss / MB).toFixed(0)} MB`);
      },
    },
    stdin: process.stdin,
    cwd: fromRoot(),
    env: { NO_COLOR: '1' },
  });
  return { code, stdout, stderr };
}

const folder = mkdtempSync(join(tmpdir(), 'wijzer-bench-population-'));
try {
  const population = join(folder, 'populatie.jsonl');
  const edited = join(folder, 'samen-doen');
  cpSync(fromRoot('catalogue', 'samen-doen'), edited, { recursive: true });
  cpSync(fromRoot('test', 'diff', 'versies', 'ib2-inzicht-strenger', 'producten'), join(edited, 'producten'), { recursive: true });

  const generated = await withPeakRss(() => wijzer(['genereer', '--aantal', String(COUNT), '--seed', '42', '--catalogue', 'catalogue/samen-doen', '-o', population]));
  if (generated.result.code !== 0) throw new Error(`genereer failed:\n${generated.result.stderr}`);
  const bytes = statSync(population).size;
  console.log(
    `genereer: ${COUNT} profielen in ${generated.seconds.toFixed(1)} s, ${(bytes / MB).toFixed(0)} MB (${(bytes / COUNT).toFixed(0)} bytes per profiel), piek RSS ${generated.peakMb.toFixed(0)} MB`,
  );

  const impact = await withPeakRss(() => wijzer(['impact', edited, '--base', 'catalogue/samen-doen', '--profielen', population, '--format', 'json']));
  if (impact.result.code !== 0) throw new Error(`impact failed:\n${impact.result.stderr}`);
  const report = JSON.parse(impact.result.stdout) as { profielen: number; gewijzigd: number; overgeslagen: number };
  const verdict = impact.peakMb < TARGET_MB ? `onder het doel van ${TARGET_MB} MB` : `BOVEN het doel van ${TARGET_MB} MB`;
  console.log(
    `impact samen-doen (IB2 inzicht aangescherpt) op ${report.profielen} gegenereerde profielen: ${impact.seconds.toFixed(1)} s, ${(report.profielen / impact.seconds).toFixed(0)} profielen/s, ${report.gewijzigd} gewijzigd, ${report.overgeslagen} overgeslagen; piek RSS ${impact.peakMb.toFixed(0)} MB (${verdict})`,
  );
  console.log(`  RSS per voortgangsregel (profielen: MB): ${trajectory.join(', ')}`);
  if (impact.peakMb >= TARGET_MB) process.exitCode = 1;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
