/**
 * wijzer export productcodes <catalogus> [--format csv|json|xlsx] [-o bestand]
 * wijzer export catalogus <catalogus>... -o <bestand.xlsx>
 *
 * CSV and JSON go to stdout or, with -o, through the atomic writer. A workbook (.xlsx) is binary
 * and always needs -o: it is never written to a terminal or a pipe by accident. Same input, same
 * bytes (the workbook's timestamps are fixed, see src/export/xlsx.ts).
 */
import { resolve } from 'node:path';
import { diag } from '../../diagnostics/codes.js';
import type { Catalogue } from '../../catalogue/types.js';
import { catalogusWorkbook, productcodesWorkbook } from '../../export/catalogus.js';
import { productcodeRows, productcodesCsv, productcodesJson } from '../../export/productcodes.js';
import { prepareCatalogue, prepareScope } from '../../pipeline.js';
import { writeFileAtomic } from '../../util/write.js';
import { suggest } from '../../util/suggest.js';
import { defaultRulesDir } from '../../vocabulary/scope.js';
import { choice, list, parse } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { displayPath, printDiagnostics, refuseOverwrite, writeError, writeOutput } from '../output.js';
import { usageError } from './check.js';
import { EXPORT_USAGE } from './usage.js';

export { EXPORT_USAGE };

const KINDS = ['productcodes', 'catalogus'] as const;
const FORMATS = { productcodes: ['csv', 'json', 'xlsx'], catalogus: ['xlsx'] } as const;

export async function exportCommand(argv: string[], io: CliIO): Promise<number> {
  const { parsed, error } = parse(argv, { format: { type: 'string' }, output: { type: 'string', short: 'o' }, catalogue: { type: 'string', multiple: true } }, EXPORT_USAGE);
  if (!parsed) return usageError(io, error!);
  const [kind, ...positionals] = parsed.positionals;
  if (kind === undefined) return usageError(io, diag('WZ902', { what: 'wat u wilt exporteren (productcodes of catalogus)', usage: EXPORT_USAGE }));
  if (!(KINDS as readonly string[]).includes(kind)) {
    const suggestion = suggest(kind, KINDS);
    return usageError(io, diag('WZ936', { name: kind, usage: EXPORT_USAGE, ...(suggestion ? { suggestion } : {}) }));
  }
  const what = kind as (typeof KINDS)[number];
  const format = choice(parsed.values['format'] ?? (what === 'productcodes' ? 'csv' : 'xlsx'), FORMATS[what], '--format');
  if (format.error) return usageError(io, format.error);
  const folders = [...positionals, ...list(parsed.values['catalogue'])];
  if (folders.length === 0) return usageError(io, diag('WZ902', { what: what === 'productcodes' ? 'een catalogusmap' : 'een of meer catalogusmappen', usage: EXPORT_USAGE }));
  if (what === 'productcodes' && folders.length > 1) return usageError(io, diag('WZ902', { what: 'precies één catalogusmap (de productcodelijst is per regio)', usage: EXPORT_USAGE }));
  const output = typeof parsed.values['output'] === 'string' ? parsed.values['output'] : undefined;
  if (format.value === 'xlsx' && output === undefined) {
    const example = what === 'productcodes' ? `wijzer export productcodes ${folders[0]} --format xlsx -o productcodes.xlsx` : `wijzer export catalogus ${folders.join(' ')} -o catalogus.xlsx`;
    return usageError(io, diag('WZ935', { example }));
  }
  // What export reads: the catalogues and the rules. Refused before any work is done.
  const inputs = [...folders.map((f) => resolve(io.cwd, f)), defaultRulesDir()];
  const refused = output !== undefined ? refuseOverwrite(output, inputs, io) : undefined;
  if (refused) {
    printDiagnostics(io, [refused]);
    return EXIT.invalid;
  }
  const catalogues = loadCatalogues(inputs.slice(0, folders.length), io);
  if (!catalogues) return EXIT.invalid;

  if (format.value === 'xlsx') {
    const bytes = what === 'productcodes' ? await productcodesWorkbook(catalogues[0]!) : await catalogusWorkbook(catalogues);
    const target = resolve(io.cwd, output!);
    try {
      writeFileAtomic(target, bytes);
    } catch (err) {
      printDiagnostics(io, [writeError(io, target, err)]);
      return EXIT.invalid;
    }
    io.stdout.write(`${what === 'productcodes' ? 'Productcodelijst' : 'Catalogus'} geschreven naar ${displayPath(io, target)}\n`);
    return EXIT.ok;
  }
  const catalogue = catalogues[0]!;
  const rows = productcodeRows(catalogue);
  const text = format.value === 'json' ? `${JSON.stringify(productcodesJson(catalogue, rows), null, 2)}\n` : productcodesCsv(rows);
  const written = writeOutput(io, output, text, inputs);
  if (written === undefined) return EXIT.invalid;
  if (written !== null) io.stdout.write(`Productcodelijst (${rows.length} regels) geschreven naar ${written}\n`);
  return EXIT.ok;
}

/** The catalogues, checked as every command checks them; undefined after reporting errors. */
function loadCatalogues(folders: readonly string[], io: CliIO): Catalogue[] | undefined {
  const scope = prepareScope();
  const catalogues: Catalogue[] = [];
  for (const folder of folders) {
    const prepared = prepareCatalogue(folder, scope);
    if (!prepared.catalogue || !prepared.compiled) {
      printDiagnostics(io, prepared.diagnostics.filter((d) => d.severity === 'fout'));
      return undefined;
    }
    catalogues.push(prepared.catalogue);
  }
  return catalogues;
}
