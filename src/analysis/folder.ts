/** Analysis of a catalogue folder as the CLI runs it (shared by `analyse` and `check --analyse`). */
import { dirname, join } from 'node:path';
import { readdirSync } from 'node:fs';
import type { Catalogue } from '../catalogue/types.js';
import { checkExpr } from '../check/typecheck.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { prepareCatalogue, type prepareScope } from '../pipeline.js';
import { isDirectory } from '../util/files.js';
import { analyse, type Finding } from './analyse.js';
import { loadSettings } from './settings.js';

export function analyseFolder(folder: string, scope: ReturnType<typeof prepareScope>): { findings?: Finding[]; diagnostics: Diagnostic[] } {
  const prepared = prepareCatalogue(folder, scope);
  const settings = loadSettings(folder);
  const diagnostics = [...prepared.diagnostics, ...settings.diagnostics];
  const criteria = [...settings.settings.samenhang, ...[...settings.settings.families.values()].flatMap((f) => (f.toegang ? [f.toegang] : []))];
  for (const c of criteria) if (c.ast && prepared.scope) diagnostics.push(...checkExpr(c.ast, prepared.scope, c.at));
  if (!prepared.compiled || !prepared.scope || hasErrors(diagnostics)) return { diagnostics };
  // Unused facts and definitions are judged against every catalogue beside this one.
  const parent = dirname(folder);
  const siblings: Catalogue[] = readdirSync(parent)
    .map((name) => join(parent, name))
    .filter((path) => isDirectory(path) && path !== folder)
    .flatMap((path) => prepareCatalogue(path, scope).catalogue ?? []);
  const findings = analyse({ compiled: prepared.compiled, scope: prepared.scope, settings: settings.settings, bundle: [prepared.compiled.catalogue, ...siblings] });
  return { findings, diagnostics };
}
