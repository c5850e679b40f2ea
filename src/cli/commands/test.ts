/** wijzer test: replays all golden cases (on the compiled evaluator, or --engine json-rules-engine), with a report per case. */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { quotesSkipped, sourcesFolderProblem } from '../../check/sources.js';
import { diag } from '../../diagnostics/codes.js';
import { casePassed, runGoldenCases, type CaseResult } from '../../golden/runner.js';
import { styleFor } from '../../report/style.js';
import { fromRoot, isDirectory } from '../../util/files.js';
import { list, parse } from '../args.js';
import { peildatumOf } from '../../catalogue/validity.js';
import { EXIT, type CliIO } from '../io.js';
import { displayPath, printDiagnostics } from '../output.js';
import { usageError } from './check.js';
import { TEST_USAGE } from './usage.js';
import { ENGINE_OPTION, engineOption } from '../engine-option.js';

export { TEST_USAGE };

/** The seeds folder next to the repository, when present (CI and development machines). */
export function defaultSourcesFolder(): string | undefined {
  const candidate = fromRoot('..', 'shared', 'seeds');
  return existsSync(candidate) ? candidate : undefined;
}

/** Where to find catalogues: a folder of catalogues, or one catalogue (a folder with regio.yaml). */
interface Target {
  readonly catalogueRoot: string;
  readonly only?: string[];
}

function targetOf(folder: string): Target {
  if (existsSync(join(folder, 'regio.yaml'))) return { catalogueRoot: dirname(folder), only: [basename(folder)] };
  return { catalogueRoot: folder };
}

export async function testCommand(argv: string[], io: CliIO): Promise<number> {
  const { parsed, error } = parse(argv, { catalogue: { type: 'string', multiple: true }, regels: { type: 'string' }, bronnen: { type: 'string' }, peildatum: { type: 'string' }, ...ENGINE_OPTION }, TEST_USAGE);
  if (!parsed) return usageError(io, error!);
  const engine = engineOption(parsed.values['engine'], io.env);
  if (engine.error) return usageError(io, engine.error);
  // Cases without their own peildatum are judged on this one (default: today).
  const peildatum = peildatumOf(parsed.values['peildatum'], io.env);
  if (peildatum.error) return usageError(io, peildatum.error);
  if (parsed.positionals.length > 1) return usageError(io, diag('WZ902', { what: 'hoogstens één map met testcasussen', usage: TEST_USAGE }));
  const root = resolve(io.cwd, parsed.positionals[0] ?? fromRoot('test', 'golden'));
  if (!isDirectory(root)) return usageError(io, diag('WZ101', { path: parsed.positionals[0] ?? 'test/golden' }));
  // One usage error for a wrong --catalogue, not a failure for every case that cannot find it.
  const given = list(parsed.values['catalogue']);
  for (const folder of given) {
    if (!isDirectory(resolve(io.cwd, folder))) return usageError(io, diag('WZ923', { path: folder }));
  }
  const targets = given.length > 0 ? given.map((f) => targetOf(resolve(io.cwd, f))) : [{ catalogueRoot: fromRoot('catalogue') }];
  const sourcesOption = parsed.values['bronnen'];
  const rulesOption = parsed.values['regels'];
  let sourcesFolder: string | undefined;
  if (typeof sourcesOption === 'string') {
    sourcesFolder = resolve(io.cwd, sourcesOption);
    const problem = sourcesFolderProblem(sourcesFolder, sourcesOption);
    if (problem) return usageError(io, problem);
  } else sourcesFolder = defaultSourcesFolder();

  const results: CaseResult[] = [];
  for (const target of targets) {
    results.push(
      ...(await runGoldenCases({
        root,
        catalogueRoot: target.catalogueRoot,
        ...(target.only ? { only: target.only } : {}),
        ...(sourcesFolder ? { sourcesFolder } : {}),
        ...(typeof rulesOption === 'string' ? { rulesDir: resolve(io.cwd, rulesOption) } : {}),
        engine: engine.engine,
        peildatum: peildatum.date!,
      })),
    );
  }
  const style = styleFor(io.stdout, io.env);
  let passed = 0;
  for (const result of results) {
    const ok = casePassed(result);
    if (ok) passed++;
    io.stdout.write(`${ok ? style.green('✔') : style.red('✘')} ${result.catalogue}/${displayPath(io, result.file).split('/').pop()} — ${result.name}\n`);
    for (const failure of result.failures) io.stdout.write(`    ${failure}\n`);
    if (!ok) io.stdout.write(style.dim(`    bron: "${result.source}"\n`));
    printDiagnostics(io, result.diagnostics);
  }
  if (results.length === 0) printDiagnostics(io, [diag('WZ924', { path: displayPath(io, root) })]);
  if (!sourcesFolder) printDiagnostics(io, [quotesSkipped('geen --bronnen opgegeven en ../shared/seeds ontbreekt')]);
  const failed = results.length - passed;
  io.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  return failed > 0 || results.length === 0 ? EXIT.invalid : EXIT.ok;
}
