/** The rules workspace (rules/feiten.yaml + rules/definities.yaml) every catalogue is checked in. */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkDefinitions, type Scope } from '../check/typecheck.js';
import { fromRoot } from '../util/files.js';
import { loadDefinitions } from './definitions.js';
import { loadVocabulary } from './load.js';

export function defaultRulesDir(): string {
  return fromRoot('rules');
}

export function loadScope(rulesDir: string = defaultRulesDir()): { scope?: Scope; diagnostics: Diagnostic[] } {
  const vocab = loadVocabulary(join(rulesDir, 'feiten.yaml'));
  if (!vocab.vocabulary) return { diagnostics: vocab.diagnostics };
  const definitionsFile = join(rulesDir, 'definities.yaml');
  const defs = existsSync(definitionsFile)
    ? loadDefinitions(definitionsFile, vocab.vocabulary)
    : { definitions: new Map(), diagnostics: [] };
  const scope: Scope = { vocabulary: vocab.vocabulary, definitions: defs.definitions };
  return { scope, diagnostics: [...vocab.diagnostics, ...defs.diagnostics, ...checkDefinitions(scope)] };
}
