/** Loads rules/definities.yaml: named criteria shared by products of every catalogue. */
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseCriterion } from '../dsl/parse.js';
import type { Definition } from '../check/typecheck.js';
import { loadYamlFile } from '../yaml/load.js';
import { nodeAt, spanOfPath } from '../yaml/strict.js';
import { scalarOffsetMapper } from '../yaml/scalar-offsets.js';
import type { Vocabulary } from './types.js';

interface RawDefinitions {
  definities: Record<string, { als: string; omschrijving: string; bron?: string }>;
}

export function loadDefinitions(path: string, vocabulary: Vocabulary): { definitions: Map<string, Definition>; diagnostics: Diagnostic[] } {
  const definitions = new Map<string, Definition>();
  const loaded = loadYamlFile<RawDefinitions>(path, 'definities.schema.json');
  if (!loaded.source || !loaded.value) return { definitions, diagnostics: loaded.diagnostics };
  const source = loaded.source;
  const diagnostics = [...loaded.diagnostics];
  for (const [name, raw] of Object.entries(loaded.value.definities)) {
    if (vocabulary.facts.has(name)) diagnostics.push(diag('WZ315', { name }, spanOfPath(source, ['definities', name], 'key')));
    const at = scalarOffsetMapper(source, nodeAt(source, ['definities', name, 'als']).node);
    const parsed = parseCriterion(raw.als, at);
    diagnostics.push(...parsed.diagnostics);
    definitions.set(name, { name, text: raw.als, omschrijving: raw.omschrijving, at, ...(parsed.ast ? { ast: parsed.ast } : {}) });
  }
  return { definitions, diagnostics };
}
