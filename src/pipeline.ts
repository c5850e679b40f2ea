/**
 * The whole pipeline for one catalogue folder, as the CLI and the tests use it:
 * load rules (vocabulary + definitions) → load catalogue → check → compile.
 * Compilation only happens when there are no errors.
 */
import type { Catalogue } from './catalogue/types.js';
import { loadCatalogue } from './catalogue/load.js';
import { checkCatalogue } from './check/catalogue.js';
import type { Scope } from './check/typecheck.js';
import { compileCatalogue, type CompiledCatalogue } from './compile/rules.js';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { loadScope } from './vocabulary/scope.js';

export interface Prepared {
  readonly scope?: Scope;
  readonly catalogue?: Catalogue;
  readonly compiled?: CompiledCatalogue;
  readonly diagnostics: Diagnostic[];
}

export function prepareScope(rulesDir?: string): { scope?: Scope; diagnostics: Diagnostic[] } {
  return loadScope(rulesDir);
}

export function prepareCatalogue(folder: string, scopeResult: { scope?: Scope; diagnostics: Diagnostic[] } = prepareScope()): Prepared {
  const diagnostics = [...scopeResult.diagnostics];
  const scope = scopeResult.scope;
  if (!scope) return { diagnostics };
  const loaded = loadCatalogue(folder);
  diagnostics.push(...loaded.diagnostics);
  const catalogue = loaded.catalogue;
  if (!catalogue) return { scope, diagnostics };
  diagnostics.push(...checkCatalogue(catalogue, scope));
  if (hasErrors(diagnostics)) return { scope, catalogue, diagnostics };
  return { scope, catalogue, compiled: compileCatalogue(catalogue, scope), diagnostics };
}
