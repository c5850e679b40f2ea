/**
 * wijzer evaluate <profiel> --catalogue <map>...: explained result per product and family.
 * wijzer evaluate --profielen <map|.jsonl|.csv> --catalogue <map>: one result per profile of a
 * population, streamed (see ../batch-evaluate.ts).
 */
import { resolve } from 'node:path';
import { diag } from '../../diagnostics/codes.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import type { EngineKind } from '../../engine/choice.js';
import { Evaluator } from '../../evaluate/evaluate.js';
import type { Evaluation } from '../../evaluate/outcome.js';
import { DEFAULT_INVALID_LIMIT, parseInvalidLimit } from '../../impact/invalid-limit.js';
import { openPopulation } from '../../impact/population.js';
import { prepareCatalogue, prepareScope } from '../../pipeline.js';
import { evaluationJson } from '../../report/json.js';
import { renderComparisonMarkdown, renderMarkdown } from '../../report/markdown.js';
import { styleFor } from '../../report/style.js';
import { renderComparisonText, renderText } from '../../report/text.js';
import { EXISTING_INDICATIONS_KEY, loadProfile } from '../../vocabulary/profile.js';
import type { Profile } from '../../vocabulary/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { fromRoot } from '../../util/files.js';
import { suggest } from '../../util/suggest.js';
import { choice, list, parse, type Parsed } from '../args.js';
import { BATCH_FORMATS, evaluateBatch } from '../batch-evaluate.js';
import { ENGINE_OPTION, engineOption } from '../engine-option.js';
import { EXIT, type CliIO } from '../io.js';
import { displayPath, printDiagnostics, refuseOverwrite, writeJson } from '../output.js';
import { usageError } from './check.js';
import { EVALUATE_USAGE } from './usage.js';
import { atDate, dated, peildatumOf, type WithGeldigheid } from '../../catalogue/validity.js';

/** One line (the command overview lists one line per command): the single-profile form, then the population form. */
export { EVALUATE_USAGE };

const SINGLE_FORMATS = ['text', 'json', 'markdown'] as const;

export async function evaluateCommand(argv: string[], io: CliIO): Promise<number> {
  const options = {
    catalogue: { type: 'string', multiple: true },
    regels: { type: 'string' },
    format: { type: 'string' },
    profielen: { type: 'string' },
    'max-ongeldig': { type: 'string' },
    output: { type: 'string', short: 'o' },
    peildatum: { type: 'string' },
    ...ENGINE_OPTION,
  } as const;
  const { parsed, error } = parse(argv, options, EVALUATE_USAGE);
  if (!parsed) return usageError(io, error!);
  if (typeof parsed.values['profielen'] === 'string') return batchCommand(parsed, parsed.values['profielen'], io);
  const chosen = choice(parsed.values['format'], SINGLE_FORMATS, '--format');
  if (chosen.error) return usageError(io, chosen.error);
  const format = chosen.value;
  if (parsed.values['output'] !== undefined || parsed.values['max-ongeldig'] !== undefined) {
    return usageError(io, diag('WZ902', { what: '--profielen <map|.jsonl|.csv> (-o en --max-ongeldig gelden voor een populatie)', usage: EVALUATE_USAGE }));
  }
  const engine = engineOption(parsed.values['engine'], io.env);
  if (engine.error) return usageError(io, engine.error);
  const peildatum = peildatumOf(parsed.values['peildatum'], io.env);
  if (peildatum.error) return usageError(io, peildatum.error);
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
  const evaluations: (Evaluation & WithGeldigheid)[] = [];
  for (const folder of folders) {
    const prepared = prepareCatalogue(resolve(io.cwd, folder), scope);
    if (!prepared.compiled || hasErrors(prepared.diagnostics)) {
      printDiagnostics(io, prepared.diagnostics.filter((d) => d.severity === 'fout'));
      return EXIT.invalid;
    }
    // What applies on the peildatum: the one projection every command evaluates.
    const projected = atDate(prepared.compiled, peildatum.date!);
    evaluations.push(dated(await new Evaluator(projected, { engine: engine.engine }).evaluate(profile.profile), projected));
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

/** The population form: exactly one catalogue, the output checked against every input first. */
async function batchCommand(parsed: Parsed, profiles: string, io: CliIO): Promise<number> {
  const chosen = choice(parsed.values['format'], BATCH_FORMATS, '--format');
  if (chosen.error) return usageError(io, chosen.error);
  const engine = engineOption(parsed.values['engine'], io.env);
  if (engine.error) return usageError(io, engine.error);
  const peildatum = peildatumOf(parsed.values['peildatum'], io.env);
  if (peildatum.error) return usageError(io, peildatum.error);
  const folders = list(parsed.values['catalogue']);
  if (folders.length !== 1 || parsed.positionals.length > 0) {
    return usageError(io, diag('WZ902', { what: 'precies één --catalogue <map>, en naast --profielen geen los profielbestand', usage: EVALUATE_USAGE }));
  }
  const limitOption = parsed.values['max-ongeldig'];
  const limit = typeof limitOption === 'string' ? parseInvalidLimit(limitOption) : DEFAULT_INVALID_LIMIT;
  if (!limit) return usageError(io, diag('WZ917', { value: String(limitOption), option: '--max-ongeldig', expected: 'een aantal (zoals 10) of een percentage tot 100% (zoals 1% of 0.5%)' }));
  const rules = parsed.values['regels'];
  const rulesDir = typeof rules === 'string' ? resolve(io.cwd, rules) : undefined;
  const folder = resolve(io.cwd, folders[0]!);
  const profilesPath = resolve(io.cwd, profiles);
  const output = parsed.values['output'];
  const target = typeof output === 'string' ? resolve(io.cwd, output) : undefined;
  // The results must not replace the population or land in the catalogue or rules it reads.
  if (target) {
    const refused = refuseOverwrite(target, [profilesPath, folder, rulesDir ?? fromRoot('rules')], io);
    if (refused) {
      printDiagnostics(io, [refused]);
      return EXIT.invalid;
    }
  }
  const scope = prepareScope(rulesDir);
  if (!scope.scope) {
    printDiagnostics(io, scope.diagnostics);
    return EXIT.invalid;
  }
  const prepared = prepareCatalogue(folder, scope);
  if (!prepared.compiled || hasErrors(prepared.diagnostics)) {
    printDiagnostics(io, prepared.diagnostics.filter((d) => d.severity === 'fout'));
    return EXIT.invalid;
  }
  const vocabulary = scope.scope.vocabulary;
  const opened = openPopulation(profilesPath, vocabulary, limit);
  if (!opened.population) {
    printDiagnostics(io, opened.diagnostics);
    return EXIT.invalid;
  }
  const kind: EngineKind = engine.engine;
  const projected = atDate(prepared.compiled, peildatum.date!);
  const evaluator = new Evaluator(projected, { engine: kind });
  return evaluateBatch({ population: opened.population, evaluator, engine: kind, vocabulary, format: chosen.value ?? 'jsonl', geldigheid: projected.geldigheid, ...(target ? { target } : {}) }, io);
}

/** Existing indications that match no product are reported, not silently ignored. */
function unknownExistingIndications(profile: Profile, evaluations: readonly (Evaluation & WithGeldigheid)[], file: string): Diagnostic[] {
  const listed = profile[EXISTING_INDICATIONS_KEY];
  if (!Array.isArray(listed)) return [];
  const known = evaluations.flatMap((e) => [...e.products.map((p) => p.product.id), ...(e.geldigheid?.nietGeldig ?? []).map((n) => n.product.id)]);
  return listed
    .filter((id) => !known.includes(id))
    .map((id) => {
      const suggestion = suggest(id, known);
      return diag('WZ707', { id, ...(suggestion ? { suggestion } : {}) }, { file, line: 1, col: 1 });
    });
}
