/** The rules workspace (rules/feiten/ + rules/definities/) every catalogue is checked in. */
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkDefinitions, type Scope } from '../check/typecheck.js';
import { fromRoot } from '../util/files.js';
import { loadDefinitions } from './definitions.js';
import { loadVocabulary } from './load.js';

export function defaultRulesDir(): string {
  return fromRoot('rules');
}

export function loadScope(rulesDir: string = defaultRulesDir()): { scope?: Scope; diagnostics: Diagnostic[] } {
  const vocab = loadVocabulary(join(rulesDir, 'feiten'));
  if (!vocab.vocabulary) return { diagnostics: vocab.diagnostics };
  const defs = loadDefinitions(join(rulesDir, 'definities'), vocab.vocabulary);
  const scope: Scope = { vocabulary: vocab.vocabulary, definitions: defs.definitions };
  return { scope, diagnostics: [...vocab.diagnostics, ...defs.diagnostics, ...checkDefinitions(scope)] };
}
