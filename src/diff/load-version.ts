/** A catalogue version ready for diff and impact: materialised, loaded, checked and compiled. */
import { sep } from 'node:path';
import { diag } from '../diagnostics/codes.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalogue } from '../catalogue/types.js';
import type { CompiledCatalogue } from '../compile/rules.js';
import type { Scope } from '../check/typecheck.js';
import { prepareCatalogue, prepareScope } from '../pipeline.js';
import { materialise, parseVersion, type VersionSpec } from './versions.js';

export interface LoadedVersion {
  readonly spec: VersionSpec;
  /** Where the version's files are (a temporary folder for git versions until `release`). */
  readonly folder: string;
  readonly rulesDir?: string;
  readonly catalogue: Catalogue;
  readonly compiled: CompiledCatalogue;
  readonly scope: Scope;
}

/**
 * Loads every version or none. Temporary folders of git versions are removed by `release`
 * (call it when done; impact workers read the folders again).
 */
export function loadVersions(specs: readonly VersionSpec[], cwd: string, rulesDir?: string): { versions?: LoadedVersion[]; diagnostics: Diagnostic[]; release: () => void } {
  const diagnostics: Diagnostic[] = [];
  const versions: LoadedVersion[] = [];
  const cleanups: (() => void)[] = [];
  const release = () => cleanups.forEach((cleanup) => cleanup());
  try {
    for (const spec of specs) {
      const materialised = materialise(spec, cwd);
      diagnostics.push(...materialised.diagnostics);
      if (!materialised.version) continue;
      cleanups.push(materialised.version.cleanup);
      const versionRules = materialised.version.rulesDir ?? rulesDir;
      const scope = prepareScope(versionRules);
      const prepared = prepareCatalogue(materialised.version.folder, scope);
      const errors = prepared.diagnostics.filter((d) => d.severity === 'fout').map((d) => (spec.ref === undefined ? d : inVersion(d, materialised.version!.folder, spec.ref)));
      diagnostics.push(...errors);
      if (spec.ref !== undefined && hasErrors(errors)) diagnostics.push(diag('WZ925', { ref: spec.ref, path: spec.path }));
      if (prepared.catalogue && prepared.compiled && prepared.scope && !hasErrors(errors)) {
        versions.push({ spec, folder: materialised.version.folder, ...(versionRules ? { rulesDir: versionRules } : {}), catalogue: prepared.catalogue, compiled: prepared.compiled, scope: prepared.scope });
      }
    }
  } catch (error) {
    // A bug while loading must not leave the git copies behind either.
    release();
    throw error;
  }
  if (versions.length === specs.length) return { versions, diagnostics, release };
  release();
  return { diagnostics, release: () => undefined };
}

export { parseVersion };

/**
 * A diagnostic about a git version names its files as `<ref>:<path>` (as git does), not by the
 * temporary copy: that folder is gone by the time the message is read.
 */
function inVersion(d: Diagnostic, folder: string, ref: string): Diagnostic {
  const parts = folder.split(sep);
  const at = parts.findIndex((part) => part.startsWith('wijzer-versie-'));
  if (at < 0) return d;
  const root = parts.slice(0, at + 1).join(sep);
  const name = (text: string) => text.split(`${root}${sep}`).join(`${ref}:`).split(root).join(`${ref}:`);
  return {
    ...d,
    message: name(d.message),
    ...(d.hint ? { hint: name(d.hint) } : {}),
    ...(d.span ? { span: { ...d.span, file: name(d.span.file) } } : {}),
  };
}
