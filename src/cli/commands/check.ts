/** wijzer check <catalogus>...: every diagnostic of every stage, like a compiler. */
import { resolve } from 'node:path';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { diag } from '../../diagnostics/codes.js';
import { prepareCatalogue, prepareScope } from '../../pipeline.js';
import { list, parseWithFormat } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { diagnosticsJson, displayPath, printDiagnostics, writeJson } from '../output.js';
import { CHECK_USAGE } from './usage.js';

export { CHECK_USAGE };

/** A documented choice: the catalogue explains how it read an ambiguous source. Not a problem. */
const CHOICE = 'WZ310';

export async function checkCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseWithFormat(
    argv,
    { catalogue: { type: 'string', multiple: true }, regels: { type: 'string' }, bronnen: { type: 'string' }, analyse: { type: 'boolean' }, keuzes: { type: 'boolean' }, verbose: { type: 'boolean' } },
    CHECK_USAGE,
    ['text', 'json'] as const,
  );
  if (!args.parsed) return usageError(io, args.error);
  // Loaded here, not at the top: every command imports usageError from this module.
  const [{ checkQuotes, quotesSkipped, sourcesFolderProblem }, { analyseFolder }] = await Promise.all([import('../../check/sources.js'), import('../../analysis/folder.js')]);
  const { parsed, format } = args;
  const folders = [...parsed.positionals, ...list(parsed.values['catalogue'])];
  if (folders.length === 0) return usageError(io, diag('WZ902', { what: 'de map van een catalogus', usage: CHECK_USAGE }));
  const rulesOption = parsed.values['regels'];
  const scope = prepareScope(typeof rulesOption === 'string' ? resolve(io.cwd, rulesOption) : undefined);
  const sourcesOption = parsed.values['bronnen'];
  const sources = typeof sourcesOption === 'string' ? resolve(io.cwd, sourcesOption) : undefined;
  if (sources !== undefined) {
    const problem = sourcesFolderProblem(sources, String(sourcesOption));
    if (problem) return usageError(io, problem);
  }
  const showChoices = parsed.values['keuzes'] === true || parsed.values['verbose'] === true;

  let failed = hasErrors(scope.diagnostics);
  const report: { catalogus: string; diagnostics: object[] }[] = [];
  for (const folder of folders) {
    const prepared = prepareCatalogue(resolve(io.cwd, folder), { ...scope, diagnostics: [] });
    const diagnostics: Diagnostic[] = [...prepared.diagnostics];
    if (sources && prepared.catalogue) diagnostics.push(...checkQuotes(prepared.catalogue, sources));
    if (parsed.values['analyse'] === true && prepared.compiled) {
      const analysis = analyseFolder(resolve(io.cwd, folder), { ...scope, diagnostics: [] });
      // The catalogue itself compiled, so any error left comes from analyse.yaml.
      diagnostics.push(...(analysis.findings ?? []).map((f) => f.diagnostic), ...analysis.diagnostics.filter((d) => d.severity === 'fout'));
    }
    failed ||= hasErrors(diagnostics);
    const sorted = sortDiagnostics(diagnostics);
    // JSON is data for tools: it keeps every diagnostic, documented choices included.
    if (format === 'json') report.push({ catalogus: folder, diagnostics: diagnosticsJson(io, sorted) });
    else {
      printDiagnostics(io, showChoices ? sorted : sorted.filter((d) => d.code !== CHOICE));
      const products = prepared.catalogue ? ` (${count(prepared.catalogue.products.length, 'product', 'producten')})` : '';
      io.stdout.write(`${displayPath(io, resolve(io.cwd, folder))}${products}: ${checkSummary(sorted, showChoices)}\n`);
    }
  }
  const notes = sources === undefined ? [quotesSkipped('geen --bronnen opgegeven')] : [];
  if (format === 'json') writeJson(io, { regels: diagnosticsJson(io, scope.diagnostics), catalogi: report, meldingen: diagnosticsJson(io, notes) });
  else printDiagnostics(io, [...scope.diagnostics, ...notes]);
  return failed ? EXIT.invalid : EXIT.ok;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "0 fouten, 2 waarschuwingen, 16 gedocumenteerde keuzes": choices are counted apart from warnings. */
export function checkSummary(diagnostics: readonly Diagnostic[], choicesShown: boolean): string {
  const choices = diagnostics.filter((d) => d.code === CHOICE).length;
  const info = diagnostics.filter((d) => d.severity === 'info' && d.code !== CHOICE).length;
  const parts = [
    count(diagnostics.filter((d) => d.severity === 'fout').length, 'fout', 'fouten'),
    count(diagnostics.filter((d) => d.severity === 'waarschuwing').length, 'waarschuwing', 'waarschuwingen'),
    `${count(choices, 'gedocumenteerde keuze', 'gedocumenteerde keuzes')}${choices > 0 && !choicesShown ? ' (toon ze met --keuzes)' : ''}`,
    ...(info > 0 ? [`${info} ter informatie`] : []),
  ];
  return parts.join(', ');
}

export function usageError(io: CliIO, error: Diagnostic): number {
  printDiagnostics(io, [error]);
  return EXIT.usage;
}
