/** wijzer diff <a> <b> | wijzer diff <a> --base <ref>: what differs, product by product and clause by clause. */
import { diag } from '../../diagnostics/codes.js';
import { diffCatalogues } from '../../diff/diff.js';
import { loadVersions, parseVersion } from '../../diff/load-version.js';
import { diffJson, renderDiffMarkdown, renderDiffText } from '../../diff/render.js';
import { styleFor } from '../../report/style.js';
import { parseWithFormat } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { printDiagnostics, writeJson } from '../output.js';
import { usageError } from './check.js';
import { DIFF_USAGE } from './usage.js';

export { DIFF_USAGE };

export async function diffCommand(argv: string[], io: CliIO): Promise<number> {
  const parsedArgs = parseWithFormat(argv, { base: { type: 'string' } }, DIFF_USAGE, ['text', 'markdown', 'json'] as const);
  if (!parsedArgs.parsed) return usageError(io, parsedArgs.error);
  const { parsed, format } = parsedArgs;
  const base = parsed.values['base'];
  const args = parsed.positionals;
  let specs;
  if (typeof base === 'string' && args.length === 1) specs = [parseVersion(`${args[0]}@${base}`), parseVersion(args[0]!)];
  else if (base === undefined && args.length === 2) specs = [parseVersion(args[0]!), parseVersion(args[1]!)];
  else return usageError(io, diag('WZ902', { what: 'twee catalogi, of één catalogus met --base', usage: DIFF_USAGE }));

  const loaded = loadVersions(specs, io.cwd);
  if (!loaded.versions) {
    printDiagnostics(io, loaded.diagnostics);
    return EXIT.invalid;
  }
  loaded.release();
  const [a, b] = loaded.versions as [(typeof loaded.versions)[number], (typeof loaded.versions)[number]];
  const diff = diffCatalogues({ label: a.spec.label, catalogue: a.catalogue }, { label: b.spec.label, catalogue: b.catalogue });
  if (format === 'json') writeJson(io, diffJson(diff));
  else if (format === 'markdown') io.stdout.write(renderDiffMarkdown(diff));
  else io.stdout.write(`${renderDiffText(diff, styleFor(io.stdout, io.env))}\n`);
  return EXIT.ok;
}
