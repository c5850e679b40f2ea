/**
 * Impact at population scale (issues 10 and 11): `wijzer genereer` writes BENCH_POPULATION
 * profiles (default 1,000,000) to a temporary .jsonl, and `wijzer impact` streams it through two
 * versions of Samen Doen (the IB2 edit of test/diff/versies/ib2-inzicht-strenger) on worker
 * threads. Both run as the user runs them — the built CLI (`npm run build` first) in a fresh
 * process — whose resident memory (worker threads included) is sampled from /proc every 50 ms.
 * Targets: impact under 20 s and peak memory under 500 MB, whatever the population's size.
 *   npx tsx bench/population.bench.ts
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot } from '../src/util/files.js';

const COUNT = Number(process.env['BENCH_POPULATION'] ?? 1_000_000);
const TARGET_MB = 500;
const TARGET_SECONDS = 20;
const MB = 1024 * 1024;

/** Resident memory of a process in bytes (Linux), or 0 once it has gone. */
function rss(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs the CLI; its peak resident memory, wall time and output. */
function wijzer(args: string[]): Promise<{ code: number; stdout: string; stderr: string; seconds: number; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [fromRoot('bin', 'wijzer.js'), ...args], { cwd: fromRoot(), env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, rss(child.pid!))), 50);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code: code ?? 1, stdout, stderr, seconds: Number(process.hrtime.bigint() - start) / 1e9, peakMb: peak / MB });
    });
  });
}

const folder = mkdtempSync(join(tmpdir(), 'wijzer-bench-population-'));
try {
  const population = join(folder, 'populatie.jsonl');
  const edited = join(folder, 'samen-doen');
  cpSync(fromRoot('catalogue', 'samen-doen'), edited, { recursive: true });
  cpSync(fromRoot('test', 'diff', 'versies', 'ib2-inzicht-strenger', 'producten'), join(edited, 'producten'), { recursive: true });

  const generated = await wijzer(['genereer', '--aantal', String(COUNT), '--seed', '42', '--catalogue', 'catalogue/samen-doen', '-o', population]);
  if (generated.code !== 0) throw new Error(`genereer failed:\n${generated.stderr}`);
  const bytes = statSync(population).size;
  console.log(`genereer: ${COUNT} profielen in ${generated.seconds.toFixed(1)} s, ${(bytes / MB).toFixed(0)} MB (${(bytes / COUNT).toFixed(0)} bytes per profiel), piek RSS ${generated.peakMb.toFixed(0)} MB`);

  const impact = await wijzer(['impact', edited, '--base', 'catalogue/samen-doen', '--profielen', population, '--format', 'json']);
  if (impact.code !== 0) throw new Error(`impact failed:\n${impact.stderr}`);
  const report = JSON.parse(impact.stdout) as { profielen: number; gewijzigd: number; overgeslagen: number };
  const memory = impact.peakMb < TARGET_MB ? `onder het doel van ${TARGET_MB} MB` : `BOVEN het doel van ${TARGET_MB} MB`;
  const time = impact.seconds < TARGET_SECONDS ? `onder het doel van ${TARGET_SECONDS} s` : `BOVEN het doel van ${TARGET_SECONDS} s`;
  console.log(
    `impact samen-doen (IB2 inzicht aangescherpt) op ${report.profielen} profielen: ${impact.seconds.toFixed(1)} s (${time}), ${Math.round(report.profielen / impact.seconds).toLocaleString('nl-NL')} profielen/s, ${report.gewijzigd} gewijzigd, ${report.overgeslagen} overgeslagen; piek RSS ${impact.peakMb.toFixed(0)} MB (${memory})`,
  );
  if (impact.peakMb >= TARGET_MB || impact.seconds >= TARGET_SECONDS) process.exitCode = 1;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
