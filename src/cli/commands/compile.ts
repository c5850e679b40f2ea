/** wijzer compile <catalogus> [-o bestand]: json-rules-engine rules that run on a bare Engine. */
import { resolve } from 'node:path';
import { diag } from '../../diagnostics/codes.js';
import { rulesOf } from '../../compile/rules.js';
import { prepareCatalogue } from '../../pipeline.js';
import { parse } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { defaultRulesDir } from '../../vocabulary/scope.js';
import { printDiagnostics, refuseOverwrite, writeOutput } from '../output.js';
import { usageError } from './check.js';
import { COMPILE_USAGE } from './usage.js';

export { COMPILE_USAGE };

export async function compileCommand(argv: string[], io: CliIO): Promise<number> {
  const { parsed, error } = parse(argv, { output: { type: 'string', short: 'o' } }, COMPILE_USAGE);
  if (!parsed) return usageError(io, error!);
  const folder = parsed.positionals[0];
  if (!folder || parsed.positionals.length > 1) return usageError(io, diag('WZ902', { what: 'precies één catalogusmap', usage: COMPILE_USAGE }));
  const output = parsed.values['output'];
  // What compile reads: the catalogue and the rules. Refused before any work is done.
  const inputs = [resolve(io.cwd, folder), defaultRulesDir()];
  const refused = typeof output === 'string' ? refuseOverwrite(output, inputs, io) : undefined;
  if (refused) {
    printDiagnostics(io, [refused]);
    return EXIT.invalid;
  }
  const prepared = prepareCatalogue(inputs[0]!);
  const errors = prepared.diagnostics.filter((d) => d.severity === 'fout');
  if (!prepared.compiled) {
    printDiagnostics(io, errors);
    return EXIT.invalid;
  }
  const rules = rulesOf(prepared.compiled);
  const text = `${JSON.stringify(rules, null, 2)}\n`;
  const written = writeOutput(io, output, text, inputs);
  if (written === undefined) return EXIT.invalid;
  if (written !== null) io.stdout.write(`${rules.length} regels voor ${prepared.compiled.products.length} producten geschreven naar ${written}\n`);
  return EXIT.ok;
}
