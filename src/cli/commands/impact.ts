/** wijzer impact <catalogus> --base <versie|map> --profielen <pad>: whom a change moves, and why. */
import { resolve } from 'node:path';
import { diag } from '../../diagnostics/codes.js';
import { loadVersions, parseVersion, type LoadedVersion } from '../../diff/load-version.js';
import { DEFAULT_INVALID_LIMIT, parseInvalidLimit } from '../../impact/invalid-limit.js';
import { runImpactStreaming } from '../../impact/parallel.js';
import { openPopulation, type Population } from '../../impact/population.js';
import { impactJson, renderImpactHtml, renderImpactMarkdown, renderImpactText } from '../../impact/render.js';
import { styleFor } from '../../report/style.js';
import { isDirectory } from '../../util/files.js';
import { parseWithFormat } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { printDiagnostics, refuseOverwrite, writeOutput } from '../output.js';
import { usageError } from './check.js';
import { atDate } from '../../catalogue/validity.js';
import { DATE_PAIR_OPTIONS, datePair, type DatePair } from '../peildatum-option.js';
import { IMPACT_USAGE } from './usage.js';

export { IMPACT_USAGE };

type Format = 'text' | 'markdown' | 'json' | 'html';

export async function impactCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseWithFormat(
    argv,
    { base: { type: 'string' }, profielen: { type: 'string' }, 'max-ongeldig': { type: 'string' }, output: { type: 'string', short: 'o' }, ...DATE_PAIR_OPTIONS },
    IMPACT_USAGE,
    ['text', 'markdown', 'json', 'html'] as const,
  );
  if (!args.parsed) return usageError(io, args.error);
  const { parsed, format } = args;
  const [folder, ...rest] = parsed.positionals;
  const base = parsed.values['base'];
  const profiles = parsed.values['profielen'];
  // Without --base: the same folder on --peildatum (before) and --tot (after).
  const onDates = base === undefined && parsed.values['tot'] !== undefined;
  if (!folder || rest.length > 0 || (typeof base !== 'string' && !onDates) || typeof profiles !== 'string') {
    return usageError(io, diag('WZ902', { what: 'een catalogus, --base (of --peildatum en --tot) en --profielen', usage: IMPACT_USAGE }));
  }
  // Both versions are judged on what applies on a date: --peildatum (default today) and --tot (default the same).
  const dates = datePair(parsed.values, io.env, true);
  if (dates.error) return usageError(io, dates.error);
  const limitOption = parsed.values['max-ongeldig'];
  const limit = typeof limitOption === 'string' ? parseInvalidLimit(limitOption) : DEFAULT_INVALID_LIMIT;
  if (!limit) return usageError(io, diag('WZ917', { value: String(limitOption), option: '--max-ongeldig', expected: 'een aantal (zoals 10) of een percentage tot 100% (zoals 1% of 0.5%)' }));
  const output = parsed.values['output'];
  const profilesPath = resolve(io.cwd, profiles);
  const baseFolder = typeof base !== 'string' ? folder : isDirectory(resolve(io.cwd, base)) ? base : undefined;
  // The report must not replace the population or land in a catalogue it reads.
  if (typeof output === 'string') {
    const refused = refuseOverwrite(output, [profilesPath, resolve(io.cwd, folder), ...(baseFolder ? [resolve(io.cwd, baseFolder)] : [])], io);
    if (refused) {
      printDiagnostics(io, [refused]);
      return EXIT.invalid;
    }
  }
  const baseSpec = baseFolder ? parseVersion(baseFolder) : parseVersion(`${folder}@${String(base)}`);
  const loaded = loadVersions([baseSpec, parseVersion(folder)], io.cwd);
  if (!loaded.versions) {
    printDiagnostics(io, loaded.diagnostics);
    return EXIT.invalid;
  }
  try {
    const [before, after] = loaded.versions as [LoadedVersion, LoadedVersion];
    const opened = openPopulation(profilesPath, after.scope.vocabulary, limit);
    if (!opened.population) {
      printDiagnostics(io, opened.diagnostics);
      return EXIT.invalid;
    }
    return await impactOf(before, after, opened.population, format ?? 'text', output, io, dates);
  } finally {
    loaded.release();
  }
}

/** Progress on stderr: a live line on a terminal, else a line per tenth of the population read. */
function progressReporter(io: CliIO, population: Population): { update: (done: number) => void; finish: (done: number) => void; stop: () => void } {
  const tty = io.stderr.isTTY === true;
  let lastTenth = 0;
  return {
    update(done) {
      const percent = Math.floor(100 * population.progress());
      if (tty) io.stderr.write(`\rimpact: ${done} profielen (${percent}% gelezen)`);
      else if (Math.floor(percent / 10) > lastTenth && percent < 100) {
        lastTenth = Math.floor(percent / 10);
        io.stderr.write(`impact: ${done} profielen (${percent}% gelezen)\n`);
      }
    },
    finish(done) {
      io.stderr.write(`${tty ? '\r' : ''}impact: ${done}/${done} profielen (100%)\n`);
    },
    stop() {
      if (tty) io.stderr.write('\n');
    },
  };
}

function render(format: Format, report: Parameters<typeof impactJson>[0], io: CliIO): string {
  if (format === 'json') return `${JSON.stringify(impactJson(report), null, 2)}\n`;
  if (format === 'markdown') return renderImpactMarkdown(report);
  if (format === 'html') return renderImpactHtml(report);
  return `${renderImpactText(report, styleFor(io.stdout, io.env))}\n`;
}

async function impactOf(before: LoadedVersion, after: LoadedVersion, population: Population, format: Format, output: unknown, io: CliIO, dates: DatePair): Promise<number> {
  const progress = progressReporter(io, population);
  // The label names the date only where the dates differ (what changes on a date).
  const version = (v: LoadedVersion, date: string) => ({
    source: { label: dates.from !== dates.to ? `${v.spec.label} op ${date}` : v.spec.label, folder: v.folder, ...(v.rulesDir ? { rulesDir: v.rulesDir } : {}), peildatum: date },
    compiled: atDate(v.compiled, date),
  });
  const report = await runImpactStreaming(version(before, dates.from!), version(after, dates.to!), population, progress.update);
  const outcome = population.outcome();
  if (outcome.ok) progress.finish(report.total);
  else progress.stop();
  printDiagnostics(io, outcome.skipped);
  printDiagnostics(io, outcome.verdict);
  if (!outcome.ok) return EXIT.invalid;
  report.skipped = population.invalid;
  const written = writeOutput(io, output, render(format, report, io));
  if (written === undefined) return EXIT.invalid;
  if (written !== null) io.stdout.write(`${report.total} profielen, ${report.changedProfiles} gewijzigd; rapport geschreven naar ${written}\n`);
  return EXIT.ok;
}
