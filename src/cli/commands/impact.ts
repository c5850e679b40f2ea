/** wijzer impact <catalogus> --base <versie|map> --profielen <pad>: whom a change moves, and why. */
import { resolve } from 'node:path';
import { diag } from '../../diagnostics/codes.js';
import { loadVersions, parseVersion, type LoadedVersion } from '../../diff/load-version.js';
import { MIN_PROFILES_PER_WORKER, runImpactOnWorkers } from '../../impact/parallel.js';
import { availableParallelism } from 'node:os';
import { ImpactRun, runImpact } from '../../impact/impact.js';
import { loadPopulation } from '../../impact/population.js';
import { impactJson, renderImpactHtml, renderImpactMarkdown, renderImpactText } from '../../impact/render.js';
import { styleFor } from '../../report/style.js';
import { isDirectory } from '../../util/files.js';
import { parseWithFormat } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { printDiagnostics, writeOutput } from '../output.js';
import { usageError } from './check.js';

export const IMPACT_USAGE = 'wijzer impact <catalogus> --base <git-versie|map> --profielen <map|.jsonl|.csv> [--format text|markdown|json|html] [-o <bestand>]';

export async function impactCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseWithFormat(argv, { base: { type: 'string' }, profielen: { type: 'string' }, output: { type: 'string', short: 'o' } }, IMPACT_USAGE, ['text', 'markdown', 'json', 'html'] as const);
  if (!args.parsed) return usageError(io, args.error);
  const { parsed, format } = args;
  const [folder, ...rest] = parsed.positionals;
  const base = parsed.values['base'];
  const profiles = parsed.values['profielen'];
  if (!folder || rest.length > 0 || typeof base !== 'string' || typeof profiles !== 'string') {
    return usageError(io, diag('WZ902', { what: 'een catalogus, --base en --profielen', usage: IMPACT_USAGE }));
  }
  const baseSpec = isDirectory(resolve(io.cwd, base)) ? parseVersion(base) : parseVersion(`${folder}@${base}`);
  const loaded = loadVersions([baseSpec, parseVersion(folder)], io.cwd);
  if (!loaded.versions) {
    printDiagnostics(io, loaded.diagnostics);
    return EXIT.invalid;
  }
  try {
    return await impactOf(loaded.versions, resolve(io.cwd, profiles), format ?? 'text', parsed.values['output'], io);
  } finally {
    loaded.release();
  }
}

async function impactOf(versions: LoadedVersion[], profilesPath: string, format: 'text' | 'markdown' | 'json' | 'html', output: unknown, io: CliIO): Promise<number> {
  const [before, after] = versions as [LoadedVersion, LoadedVersion];
  const population = await loadPopulation(profilesPath, after.scope.vocabulary);
  if (!population.profiles) {
    printDiagnostics(io, population.diagnostics);
    return EXIT.invalid;
  }
  const tty = io.stderr.isTTY === true;
  let lastTenth = -1;
  const progress = (done: number, total: number) => {
    const tenth = Math.floor((10 * done) / total);
    if (tty) io.stderr.write(`\rimpact: ${done}/${total} profielen (${Math.floor((100 * done) / total)}%)${done === total ? '\n' : ''}`);
    else if (tenth !== lastTenth) {
      lastTenth = tenth;
      io.stderr.write(`impact: ${done}/${total} profielen (${Math.floor((100 * done) / total)}%)\n`);
    }
  };
  const source = (v: LoadedVersion) => ({ label: v.spec.label, folder: v.folder, ...(v.rulesDir ? { rulesDir: v.rulesDir } : {}) });
  const report =
    population.profiles.length >= 2 * MIN_PROFILES_PER_WORKER && availableParallelism() > 1
      ? await runImpactOnWorkers(source(before), source(after), population.profiles, progress)
      : await runImpact(new ImpactRun({ label: before.spec.label, compiled: before.compiled }, { label: after.spec.label, compiled: after.compiled }), population.profiles, progress);
  const text =
    format === 'json'
      ? `${JSON.stringify(impactJson(report), null, 2)}\n`
      : format === 'markdown'
        ? renderImpactMarkdown(report)
        : format === 'html'
          ? renderImpactHtml(report)
          : `${renderImpactText(report, styleFor(io.stdout, io.env))}\n`;
  const written = writeOutput(io, output, text);
  if (written === undefined) return EXIT.invalid;
  if (written !== null) io.stdout.write(`${report.total} profielen, ${report.changedProfiles} gewijzigd; rapport geschreven naar ${written}\n`);
  return EXIT.ok;
}
