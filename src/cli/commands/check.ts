/** wijzer check <catalogus>...: every diagnostic of every stage, like a compiler. */
import { resolve } from 'node:path';
import { checkQuotes } from '../../check/sources.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { diag } from '../../diagnostics/codes.js';
import { summary } from '../../diagnostics/render.js';
import { isDirectory } from '../../util/files.js';
import { prepareCatalogue, prepareScope } from '../../pipeline.js';
import { analyseFolder } from '../../analysis/folder.js';
import { list, parseWithFormat } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { diagnosticsJson, displayPath, printDiagnostics, writeJson } from '../output.js';

export const CHECK_USAGE = 'wijzer check <catalogus>... [--regels <map>] [--bronnen <map>] [--analyse] [--format text|json]';

export async function checkCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseWithFormat(argv, { regels: { type: 'string' }, bronnen: { type: 'string' }, analyse: { type: 'boolean' } }, CHECK_USAGE, ['text', 'json'] as const);
  if (!args.parsed) return usageError(io, args.error);
  const { parsed, format } = args;
  if (parsed.positionals.length === 0) return usageError(io, diag('WZ902', { what: 'de map van een catalogus', usage: CHECK_USAGE }));
  const rulesOption = parsed.values['regels'];
  const scope = prepareScope(typeof rulesOption === 'string' ? resolve(io.cwd, rulesOption) : undefined);
  const sources = typeof parsed.values['bronnen'] === 'string' ? resolve(io.cwd, parsed.values['bronnen']) : undefined;
  if (sources !== undefined && !isDirectory(sources)) return usageError(io, diag('WZ101', { path: String(parsed.values['bronnen']) }));

  let failed = hasErrors(scope.diagnostics);
  const report: { catalogus: string; diagnostics: object[] }[] = [];
  for (const folder of list(parsed.positionals)) {
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
    if (format === 'json') report.push({ catalogus: folder, diagnostics: diagnosticsJson(io, sorted) });
    else {
      printDiagnostics(io, sorted);
      io.stdout.write(`${displayPath(io, resolve(io.cwd, folder))}: ${summary(sorted)}${prepared.catalogue ? `, ${prepared.catalogue.products.length} producten` : ''}\n`);
    }
  }
  if (format === 'json') writeJson(io, { regels: diagnosticsJson(io, scope.diagnostics), catalogi: report });
  else printDiagnostics(io, scope.diagnostics);
  return failed ? EXIT.invalid : EXIT.ok;
}

export function usageError(io: CliIO, error: Diagnostic): number {
  printDiagnostics(io, [error]);
  return EXIT.usage;
}
