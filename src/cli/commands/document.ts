/** wijzer document <catalogus> [--format html|md|pdf] [-o bestand]: the product description document. */
import { extname, resolve } from 'node:path';
import { diag } from '../../diagnostics/codes.js';
import { prepareCatalogue, prepareScope } from '../../pipeline.js';
import { writeFileAtomic } from '../../util/write.js';
import { defaultRulesDir } from '../../vocabulary/scope.js';
import { parseWithFormat } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { displayPath, printDiagnostics, refuseOverwrite, writeError, writeOutput } from '../output.js';
import { usageError } from './check.js';
import { DOCUMENT_USAGE } from './usage.js';

export { DOCUMENT_USAGE };

const FORMATS = ['html', 'md', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

/** Without --format the extension of -o decides (.md, .pdf), otherwise HTML. */
function formatOf(explicit: Format | undefined, output: unknown): Format {
  if (explicit) return explicit;
  const ext = typeof output === 'string' ? extname(output).toLowerCase() : '';
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.pdf') return 'pdf';
  return 'html';
}

export async function documentCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseWithFormat(argv, { output: { type: 'string', short: 'o' } }, DOCUMENT_USAGE, FORMATS);
  if (!args.parsed) return usageError(io, args.error);
  const { parsed } = args;
  const folder = parsed.positionals[0];
  if (!folder || parsed.positionals.length > 1) return usageError(io, diag('WZ902', { what: 'precies één catalogusmap', usage: DOCUMENT_USAGE }));
  const output = parsed.values['output'];
  const format = formatOf(args.format, output);
  if (format === 'pdf' && typeof output !== 'string') return usageError(io, diag('WZ902', { what: 'een uitvoerbestand (-o <bestand.pdf>) voor --format pdf', usage: DOCUMENT_USAGE }));
  // What document reads: the catalogue and the rules. Refused before any work is done.
  const inputs = [resolve(io.cwd, folder), defaultRulesDir()];
  const refused = typeof output === 'string' ? refuseOverwrite(output, inputs, io) : undefined;
  if (refused) {
    printDiagnostics(io, [refused]);
    return EXIT.invalid;
  }
  const scope = prepareScope();
  const prepared = prepareCatalogue(inputs[0]!, scope);
  if (!prepared.catalogue || !prepared.compiled) {
    printDiagnostics(io, prepared.diagnostics.filter((d) => d.severity === 'fout'));
    return EXIT.invalid;
  }
  const { renderDocument } = await import('../../document/index.js');
  const catalogue = prepared.catalogue;
  const summary = (written: string) => `Productbeschrijvingen van ${catalogue.region.naam} (${catalogue.products.length} producten) geschreven naar ${written}\n`;

  if (format === 'pdf') {
    const target = resolve(io.cwd, output as string);
    const { printPdf } = await import('../../document/pdf.js');
    let pdf: Uint8Array;
    try {
      pdf = await printPdf(renderDocument(catalogue, 'html', prepared.scope), io.env['WIJZER_CHROMIUM'] ?? '/usr/bin/chromium');
    } catch (error) {
      printDiagnostics(io, [diag('WZ930', { detail: error instanceof Error ? error.message.split('\n')[0]! : String(error) })]);
      return EXIT.invalid;
    }
    try {
      writeFileAtomic(target, pdf);
    } catch (error) {
      printDiagnostics(io, [writeError(io, target, error)]);
      return EXIT.invalid;
    }
    io.stdout.write(summary(displayPath(io, target)));
    return EXIT.ok;
  }

  const written = writeOutput(io, output, renderDocument(catalogue, format, prepared.scope), inputs);
  if (written === undefined) return EXIT.invalid;
  if (written !== null) io.stdout.write(summary(written));
  return EXIT.ok;
}
