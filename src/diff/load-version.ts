/** A catalogue version ready for diff and impact: materialised, loaded, checked and compiled. */
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalogue } from '../catalogue/types.js';
import type { CompiledCatalogue } from '../compile/rules.js';
import type { Scope } from '../check/typecheck.js';
import { prepareCatalogue, prepareScope } from '../pipeline.js';
import { materialise, parseVersion, type VersionSpec } from './versions.js';

export interface LoadedVersion {
  readonly spec: VersionSpec;
  readonly catalogue: Catalogue;
  readonly compiled: CompiledCatalogue;
  readonly scope: Scope;
}

/** Loads every version or none; temporary folders are removed before returning. */
export function loadVersions(specs: readonly VersionSpec[], cwd: string, rulesDir?: string): { versions?: LoadedVersion[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const versions: LoadedVersion[] = [];
  for (const spec of specs) {
    const materialised = materialise(spec, cwd);
    diagnostics.push(...materialised.diagnostics);
    if (!materialised.version) continue;
    try {
      const scope = prepareScope(materialised.version.rulesDir ?? rulesDir);
      const prepared = prepareCatalogue(materialised.version.folder, scope);
      const errors = prepared.diagnostics.filter((d) => d.severity === 'fout');
      diagnostics.push(...errors);
      if (prepared.catalogue && prepared.compiled && prepared.scope && !hasErrors(errors)) {
        versions.push({ spec, catalogue: prepared.catalogue, compiled: prepared.compiled, scope: prepared.scope });
      }
    } finally {
      materialised.version.cleanup();
    }
  }
  return versions.length === specs.length ? { versions, diagnostics } : { diagnostics };
}

export { parseVersion };
