/** wijzer analyse <catalogus>: gaps, overlaps and dead criteria, each with a counterexample. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyseFolder } from '../../analysis/folder.js';
import { analysisJson, counterexampleBlock, counterexampleYaml, renderAnalysisMarkdown, summaryLine } from '../../analysis/render.js';
import { diag } from '../../diagnostics/codes.js';
import { renderDiagnostic } from '../../diagnostics/render.js';
import { prepareScope } from '../../pipeline.js';
import { styleFor } from '../../report/style.js';
import { parseWithFormat } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { defaultRulesDir } from '../../vocabulary/scope.js';
import { writeFileAtomic } from '../../util/write.js';
import { displayPath, printDiagnostics, refuseOverwrite, writeError, writeJson } from '../output.js';
import { usageError } from './check.js';
import { ANALYSE_USAGE } from './usage.js';

export { ANALYSE_USAGE };

export async function analyseCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseWithFormat(argv, { tegenvoorbeelden: { type: 'string' } }, ANALYSE_USAGE, ['text', 'markdown', 'json'] as const);
  if (!args.parsed) return usageError(io, args.error);
  const { parsed, format } = args;
  if (parsed.positionals.length !== 1) return usageError(io, diag('WZ902', { what: 'precies één catalogusmap', usage: ANALYSE_USAGE }));
  const folder = resolve(io.cwd, parsed.positionals[0]!);
  const examples = parsed.values['tegenvoorbeelden'];
  // Counterexamples written into the catalogue would be read as products next time: refused.
  const refused = typeof examples === 'string' ? refuseOverwrite(examples, [folder, defaultRulesDir()], io) : undefined;
  if (refused) {
    printDiagnostics(io, [refused]);
    return EXIT.invalid;
  }
  const result = analyseFolder(folder, prepareScope());
  if (!result.findings) {
    printDiagnostics(io, result.diagnostics.filter((d) => d.severity === 'fout'));
    return EXIT.invalid;
  }
  const findings = result.findings;
  if (typeof examples === 'string') {
    const target = resolve(io.cwd, examples);
    try {
      mkdirSync(target, { recursive: true });
    } catch (error) {
      printDiagnostics(io, [writeError(io, target, error)]);
      return EXIT.invalid;
    }
    for (const f of findings.filter((x) => x.counterexample)) {
      const file = join(target, `${f.key.replace(/[^a-z0-9+-]+/gi, '_')}.yaml`);
      try {
        writeFileAtomic(file, `# ${f.diagnostic.message}\n${counterexampleYaml(f)}\n`);
      } catch (error) {
        printDiagnostics(io, [writeError(io, file, error)]);
        return EXIT.invalid;
      }
    }
  }
  const name = displayPath(io, folder);
  if (format === 'json') writeJson(io, analysisJson(name, findings, (file) => displayPath(io, file)));
  else if (format === 'markdown') io.stdout.write(renderAnalysisMarkdown(name, findings));
  else {
    const style = styleFor(io.stdout, io.env);
    for (const f of findings) {
      const text = renderDiagnostic(f.diagnostic, style);
      io.stdout.write(`${text.split(`${f.diagnostic.span?.file ?? ''}:`).join(`${displayPath(io, f.diagnostic.span?.file ?? '')}:`)}\n${counterexampleBlock(f, style)}\n\n`);
    }
    io.stdout.write(`${name}: ${summaryLine(findings)}\n`);
  }
  return EXIT.ok;
}
