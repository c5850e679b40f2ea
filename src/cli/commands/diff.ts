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
import { atDate } from '../../catalogue/validity.js';
import { DATE_PAIR_OPTIONS, datePair } from '../peildatum-option.js';
import { DIFF_USAGE } from './usage.js';

export { DIFF_USAGE };

export async function diffCommand(argv: string[], io: CliIO): Promise<number> {
  const parsedArgs = parseWithFormat(argv, { base: { type: 'string' }, ...DATE_PAIR_OPTIONS }, DIFF_USAGE, ['text', 'markdown', 'json'] as const);
  if (!parsedArgs.parsed) return usageError(io, parsedArgs.error);
  const { parsed, format } = parsedArgs;
  const base = parsed.values['base'];
  const args = parsed.positionals;
  const dates = datePair(parsed.values, io.env, false);
  if (dates.error) return usageError(io, dates.error);
  let specs;
  // One folder on two dates: what changes on a date (two projections of the same folder).
  if (base === undefined && args.length === 1 && dates.from !== undefined) specs = [parseVersion(args[0]!), parseVersion(args[0]!)];
  else if (typeof base === 'string' && args.length === 1) specs = [parseVersion(`${args[0]}@${base}`), parseVersion(args[0]!)];
  else if (base === undefined && args.length === 2) specs = [parseVersion(args[0]!), parseVersion(args[1]!)];
  else return usageError(io, diag('WZ902', { what: 'twee catalogi, één catalogus met --base, of één catalogus met --peildatum en --tot', usage: DIFF_USAGE }));

  const loaded = loadVersions(specs, io.cwd);
  if (!loaded.versions) {
    printDiagnostics(io, loaded.diagnostics);
    return EXIT.invalid;
  }
  loaded.release();
  const [a, b] = loaded.versions as [(typeof loaded.versions)[number], (typeof loaded.versions)[number]];
  const on = (v: typeof a, date: string | undefined) => (date === undefined ? { label: v.spec.label, catalogue: v.catalogue } : { label: `${v.spec.label} op ${date}`, catalogue: atDate(v.compiled, date).catalogue });
  const diff = diffCatalogues(on(a, dates.from), on(b, dates.to));
  if (format === 'json') writeJson(io, diffJson(diff));
  else if (format === 'markdown') io.stdout.write(renderDiffMarkdown(diff));
  else io.stdout.write(`${renderDiffText(diff, styleFor(io.stdout, io.env))}\n`);
  return EXIT.ok;
}
