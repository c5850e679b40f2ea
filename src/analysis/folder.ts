/** Analysis of a catalogue folder as the CLI runs it (shared by `analyse` and `check --analyse`). */
import { basename } from 'node:path';
import { readdirSync } from 'node:fs';
import type { Catalogue } from '../catalogue/types.js';
import { checkExpr } from '../check/typecheck.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { prepareCatalogue, type prepareScope } from '../pipeline.js';
import { fromRoot, isDirectory } from '../util/files.js';
import { sameFile } from '../util/write.js';
import { analyse, type Finding } from './analyse.js';
import { loadSettings } from './settings.js';

export function analyseFolder(folder: string, scope: ReturnType<typeof prepareScope>): { findings?: Finding[]; diagnostics: Diagnostic[] } {
  const prepared = prepareCatalogue(folder, scope);
  const settings = loadSettings(folder, prepared.catalogue ? [...new Set(prepared.catalogue.products.flatMap((p) => (p.familie ? [p.familie] : [])))] : undefined);
  const diagnostics = [...prepared.diagnostics, ...settings.diagnostics];
  const criteria = [...settings.settings.samenhang, ...[...settings.settings.families.values()].flatMap((f) => (f.toegang ? [f.toegang] : []))];
  for (const c of criteria) if (c.ast && prepared.scope) diagnostics.push(...checkExpr(c.ast, prepared.scope, c.at));
  if (!prepared.compiled || !prepared.scope || hasErrors(diagnostics)) return { diagnostics };
  // Unused facts and definitions are judged against every catalogue that shares the vocabulary:
  // the bundled ones (catalogue/ beside rules/), with this catalogue in the place of the bundled
  // one of the same name. Not the folders beside this one: a copy in /tmp or a home folder must
  // give the same findings, and must not make wijzer read whatever else lies there.
  const siblings: Catalogue[] = bundledFolders()
    .filter((path) => basename(path) !== basename(folder) && !sameFile(path, folder))
    .flatMap((path) => prepareCatalogue(path, scope).catalogue ?? []);
  const findings = analyse({ compiled: prepared.compiled, scope: prepared.scope, settings: settings.settings, bundle: [prepared.compiled.catalogue, ...siblings] });
  return { findings, diagnostics };
}

/** The catalogues bundled with wijzer, which share its vocabulary. */
function bundledFolders(): string[] {
  const root = fromRoot('catalogue');
  if (!isDirectory(root)) return [];
  return readdirSync(root)
    .sort()
    .map((name) => fromRoot('catalogue', name))
    .filter(isDirectory);
}
