/** wijzer aanbieder <catalogus> <aanbod.yaml>: does a provider's offer meet the provider obligations? */
import { resolve } from 'node:path';
import { diag } from '../../diagnostics/codes.js';
import { prepareCatalogue } from '../../pipeline.js';
import { checkOffer } from '../../provider/offer.js';
import { list, parseWithFormat } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { diagnosticsJson, displayPath, printDiagnostics, writeJson } from '../output.js';
import { usageError } from './check.js';
import { AANBIEDER_USAGE } from './usage.js';

export { AANBIEDER_USAGE };

export async function aanbiederCommand(argv: string[], io: CliIO): Promise<number> {
  const parsedArgs = parseWithFormat(argv, { catalogue: { type: 'string', multiple: true } }, AANBIEDER_USAGE, ['text', 'json'] as const);
  if (!parsedArgs.parsed) return usageError(io, parsedArgs.error);
  const { parsed, format } = parsedArgs;
  // The catalogue may also be named with --catalogue, like in every other command.
  const [folder, offerFile, ...rest] = [...list(parsed.values['catalogue']), ...parsed.positionals];
  if (!folder || !offerFile || rest.length > 0) return usageError(io, diag('WZ902', { what: 'een catalogusmap en een aanbod-bestand', usage: AANBIEDER_USAGE }));
  const prepared = prepareCatalogue(resolve(io.cwd, folder));
  if (!prepared.catalogue || !prepared.compiled) {
    printDiagnostics(io, prepared.diagnostics.filter((d) => d.severity === 'fout'));
    return EXIT.invalid;
  }
  const result = checkOffer(prepared.catalogue, resolve(io.cwd, offerFile));
  const ok = result.diagnostics.every((d) => d.severity !== 'fout');
  if (format === 'json') {
    writeJson(io, {
      formaat: 'wijzer-aanbod/1',
      catalogus: prepared.catalogue.id,
      aanbieder: result.aanbieder ?? null,
      aangeboden: result.offered.map((p) => p.id),
      voldoet: ok,
      overtredingen: result.violations.map((v) => ({ product: v.offered.id, ontbreekt: v.missing.map((p) => p.id), bron: v.bron })),
      diagnostics: diagnosticsJson(io, result.diagnostics),
    });
    return ok ? EXIT.ok : EXIT.invalid;
  }
  printDiagnostics(io, result.diagnostics);
  // An offer file that does not load (YAML or schema errors) has no verdict to summarise.
  const unreadable = result.diagnostics.some((d) => d.severity === 'fout' && !['WZ330', 'WZ331', 'WZ332'].includes(d.code));
  if (unreadable) return EXIT.invalid;
  const who = result.aanbieder ?? displayPath(io, resolve(io.cwd, offerFile));
  const unknown = result.diagnostics.filter((d) => d.code === 'WZ332').length;
  const problems = [
    ...(result.violations.length > 0 ? [`${result.violations.length} verplichting${result.violations.length === 1 ? '' : 'en'} geschonden`] : []),
    ...(unknown > 0 ? [`${unknown} onbekend${unknown === 1 ? ' product' : 'e producten'}`] : []),
  ];
  io.stdout.write(
    ok
      ? `${who}: het aanbod (${result.offered.length} producten) voldoet aan de verplichtingen voor aanbieders van ${prepared.catalogue.region.naam}.\n`
      : `${who}: het aanbod voldoet niet: ${problems.join(', ')}.\n`,
  );
  return ok ? EXIT.ok : EXIT.invalid;
}
