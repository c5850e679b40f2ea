/** wijzer evaluate <profiel> --catalogue <map>...: explained result per product and family. */
import { resolve } from 'node:path';
import { diag } from '../../diagnostics/codes.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { Evaluator } from '../../evaluate/evaluate.js';
import type { Evaluation } from '../../evaluate/outcome.js';
import { prepareCatalogue, prepareScope } from '../../pipeline.js';
import { evaluationJson } from '../../report/json.js';
import { renderComparisonMarkdown, renderMarkdown } from '../../report/markdown.js';
import { styleFor } from '../../report/style.js';
import { renderComparisonText, renderText } from '../../report/text.js';
import { EXISTING_INDICATIONS_KEY, loadProfile } from '../../vocabulary/profile.js';
import type { Profile } from '../../vocabulary/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { suggest } from '../../util/suggest.js';
import { list, parseWithFormat } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { displayPath, printDiagnostics, writeJson } from '../output.js';
import { usageError } from './check.js';

export const EVALUATE_USAGE = 'wijzer evaluate <profiel.yaml|.json> --catalogue <map> [--catalogue <map>...] [--format text|json|markdown]';

export async function evaluateCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseWithFormat(argv, { catalogue: { type: 'string', multiple: true }, regels: { type: 'string' } }, EVALUATE_USAGE, ['text', 'json', 'markdown'] as const);
  if (!args.parsed) return usageError(io, args.error);
  const { parsed, format } = args;
  const [profilePath, ...extraFolders] = parsed.positionals;
  if (!profilePath) return usageError(io, diag('WZ902', { what: 'een profielbestand', usage: EVALUATE_USAGE }));
  // `--catalogue catalogue/*` expands to several folders; the ones after the first arrive as positionals.
  const given = list(parsed.values['catalogue']);
  const folders = [...given, ...(given.length > 0 ? extraFolders : [])];
  if (extraFolders.length > 0 && given.length === 0) return usageError(io, diag('WZ902', { what: 'precies één profielbestand en --catalogue <map>', usage: EVALUATE_USAGE }));
  if (folders.length === 0) return usageError(io, diag('WZ902', { what: '--catalogue <map>', usage: EVALUATE_USAGE }));

  const rules = parsed.values['regels'];
  const scope = prepareScope(typeof rules === 'string' ? resolve(io.cwd, rules) : undefined);
  if (!scope.scope) {
    printDiagnostics(io, scope.diagnostics);
    return EXIT.invalid;
  }
  const profile = loadProfile(resolve(io.cwd, profilePath), scope.scope.vocabulary);
  if (!profile.profile) {
    printDiagnostics(io, profile.diagnostics);
    return EXIT.invalid;
  }
  const evaluations: Evaluation[] = [];
  for (const folder of folders) {
    const prepared = prepareCatalogue(resolve(io.cwd, folder), scope);
    if (!prepared.compiled || hasErrors(prepared.diagnostics)) {
      printDiagnostics(io, prepared.diagnostics.filter((d) => d.severity === 'fout'));
      return EXIT.invalid;
    }
    evaluations.push(await new Evaluator(prepared.compiled).evaluate(profile.profile));
  }
  printDiagnostics(io, unknownExistingIndications(profile.profile, evaluations, resolve(io.cwd, profilePath)));
  const vocabulary = scope.scope.vocabulary;
  const name = displayPath(io, resolve(io.cwd, profilePath));
  if (format === 'json') {
    writeJson(io, evaluations.length === 1 ? evaluationJson(evaluations[0]!, vocabulary) : evaluations.map((e) => evaluationJson(e, vocabulary)));
  } else if (format === 'markdown') {
    const summary = evaluations.length > 1 ? [renderComparisonMarkdown(evaluations, name)] : [];
    io.stdout.write(`${[...summary, ...evaluations.map((e) => renderMarkdown(e, vocabulary, name))].join('\n')}\n`);
  } else {
    const style = styleFor(io.stdout, io.env);
    const summary = evaluations.length > 1 ? [renderComparisonText(evaluations, style, name)] : [];
    io.stdout.write(`${[...summary, ...evaluations.map((e) => renderText(e, vocabulary, style, name))].join('\n\n')}\n`);
  }
  return EXIT.ok;
}

/** Existing indications that match no product are reported, not silently ignored. */
function unknownExistingIndications(profile: Profile, evaluations: readonly Evaluation[], file: string): Diagnostic[] {
  const listed = profile[EXISTING_INDICATIONS_KEY];
  if (!Array.isArray(listed)) return [];
  const known = evaluations.flatMap((e) => e.products.map((p) => p.product.id));
  return listed
    .filter((id) => !known.includes(id))
    .map((id) => {
      const suggestion = suggest(id, known);
      return diag('WZ707', { id, ...(suggestion ? { suggestion } : {}) }, { file, line: 1, col: 1 });
    });
}
