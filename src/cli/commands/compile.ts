/** wijzer compile <catalogus> [-o bestand]: json-rules-engine rules that run on a bare Engine. */
import { resolve } from 'node:path';
import { diag } from '../../diagnostics/codes.js';
import { rulesOf } from '../../compile/rules.js';
import { prepareCatalogue } from '../../pipeline.js';
import { parse } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { printDiagnostics, writeOutput } from '../output.js';
import { usageError } from './check.js';

export const COMPILE_USAGE = 'wijzer compile <catalogus> [-o <bestand.json>]';

export async function compileCommand(argv: string[], io: CliIO): Promise<number> {
  const { parsed, error } = parse(argv, { output: { type: 'string', short: 'o' } }, COMPILE_USAGE);
  if (!parsed) return usageError(io, error!);
  const folder = parsed.positionals[0];
  if (!folder || parsed.positionals.length > 1) return usageError(io, diag('WZ902', { what: 'precies één catalogusmap', usage: COMPILE_USAGE }));
  const prepared = prepareCatalogue(resolve(io.cwd, folder));
  const errors = prepared.diagnostics.filter((d) => d.severity === 'fout');
  if (!prepared.compiled) {
    printDiagnostics(io, errors);
    return EXIT.invalid;
  }
  const rules = rulesOf(prepared.compiled);
  const text = `${JSON.stringify(rules, null, 2)}\n`;
  const output = parsed.values['output'];
  const written = writeOutput(io, output, text);
  if (written === undefined) return EXIT.invalid;
  if (written !== null) io.stdout.write(`${rules.length} regels voor ${prepared.compiled.products.length} producten geschreven naar ${written}\n`);
  return EXIT.ok;
}
