/** wijzer test: replays all golden cases through json-rules-engine, with a report per case. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { diag } from '../../diagnostics/codes.js';
import { casePassed, runGoldenCases } from '../../golden/runner.js';
import { styleFor } from '../../report/style.js';
import { fromRoot, isDirectory } from '../../util/files.js';
import { parse } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { displayPath, printDiagnostics } from '../output.js';
import { usageError } from './check.js';

export const TEST_USAGE = 'wijzer test [<map met testcasussen>] [--catalogi <map>] [--bronnen <map>]';

/** The seeds folder next to the repository, when present (CI and development machines). */
export function defaultSourcesFolder(): string | undefined {
  const candidate = fromRoot('..', 'shared', 'seeds');
  return existsSync(candidate) ? candidate : undefined;
}

export async function testCommand(argv: string[], io: CliIO): Promise<number> {
  const { parsed, error } = parse(argv, { catalogi: { type: 'string' }, bronnen: { type: 'string' } }, TEST_USAGE);
  if (!parsed) return usageError(io, error!);
  const root = resolve(io.cwd, parsed.positionals[0] ?? fromRoot('test', 'golden'));
  if (!isDirectory(root)) return usageError(io, diag('WZ101', { path: parsed.positionals[0] ?? 'test/golden' }));
  const catalogueRoot = resolve(io.cwd, typeof parsed.values['catalogi'] === 'string' ? parsed.values['catalogi'] : fromRoot('catalogue'));
  const sourcesOption = parsed.values['bronnen'];
  const sourcesFolder = typeof sourcesOption === 'string' ? resolve(io.cwd, sourcesOption) : defaultSourcesFolder();
  const results = await runGoldenCases({ root, catalogueRoot, ...(sourcesFolder ? { sourcesFolder } : {}) });
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
  const failed = results.length - passed;
  io.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  return failed > 0 || results.length === 0 ? EXIT.invalid : EXIT.ok;
}
