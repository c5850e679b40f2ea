/** wijzer compare <catalogus>...: kind of support × region, for purchasing teams. */
import { resolve } from 'node:path';
import { diag } from '../../diagnostics/codes.js';
import { buildMatrix, matrixJson, renderMatrixMarkdown, renderMatrixText } from '../../diff/matrix.js';
import { prepareCatalogue, prepareScope } from '../../pipeline.js';
import { styleFor } from '../../report/style.js';
import type { Catalogue } from '../../catalogue/types.js';
import { list, parseWithFormat } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { printDiagnostics, writeJson } from '../output.js';
import { usageError } from './check.js';
import { COMPARE_USAGE } from './usage.js';

export { COMPARE_USAGE };

export async function compareCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseWithFormat(argv, { catalogue: { type: 'string', multiple: true } }, COMPARE_USAGE, ['text', 'markdown', 'json'] as const);
  if (!args.parsed) return usageError(io, args.error);
  const { parsed, format } = args;
  const folders = [...parsed.positionals, ...list(parsed.values['catalogue'])];
  if (folders.length === 0) return usageError(io, diag('WZ902', { what: 'een of meer catalogusmappen', usage: COMPARE_USAGE }));
  const scope = prepareScope();
  const catalogues: Catalogue[] = [];
  for (const folder of folders) {
    const prepared = prepareCatalogue(resolve(io.cwd, folder), scope);
    if (!prepared.catalogue || !prepared.compiled) {
      printDiagnostics(io, prepared.diagnostics.filter((d) => d.severity === 'fout'));
      return EXIT.invalid;
    }
    catalogues.push(prepared.catalogue);
  }
  const matrix = buildMatrix(catalogues);
  if (format === 'json') writeJson(io, matrixJson(matrix));
  else if (format === 'markdown') io.stdout.write(renderMatrixMarkdown(matrix));
  else io.stdout.write(`${renderMatrixText(matrix, styleFor(io.stdout, io.env))}\n`);
  return EXIT.ok;
}
