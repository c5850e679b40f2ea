/** Loads rules/definities/*.yaml: named criteria shared by products of every catalogue. */
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseCriterion } from '../dsl/parse.js';
import type { Definition } from '../check/typecheck.js';
import { loadYamlFile } from '../yaml/load.js';
import { yamlFilesIn } from '../util/files.js';
import { nodeAt, spanOfPath } from '../yaml/strict.js';
import { scalarOffsetMapper } from '../yaml/scalar-offsets.js';
import type { Vocabulary } from './types.js';

interface RawDefinitions {
  definities: Record<string, { als: string; omschrijving: string; bron?: string }>;
}

export function loadDefinitions(folder: string, vocabulary: Vocabulary): { definitions: Map<string, Definition>; diagnostics: Diagnostic[] } {
  const definitions = new Map<string, Definition>();
  const files = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const path of yamlFilesIn(folder)) diagnostics.push(...loadDefinitionFile(path, vocabulary, definitions, files));
  return { definitions, diagnostics };
}

function loadDefinitionFile(path: string, vocabulary: Vocabulary, definitions: Map<string, Definition>, files: Map<string, string>): Diagnostic[] {
  const loaded = loadYamlFile<RawDefinitions>(path, 'definities.schema.json');
  if (!loaded.source || !loaded.value) return loaded.diagnostics;
  const source = loaded.source;
  const diagnostics = [...loaded.diagnostics];
  for (const [name, raw] of Object.entries(loaded.value.definities)) {
    const keySpan = spanOfPath(source, ['definities', name], 'key');
    if (vocabulary.facts.has(name)) diagnostics.push(diag('WZ315', { name }, keySpan));
    const other = files.get(name);
    if (other) {
      diagnostics.push(diag('WZ314', { name, other }, keySpan));
      continue;
    }
    files.set(name, path);
    const at = scalarOffsetMapper(source, nodeAt(source, ['definities', name, 'als']).node);
    const parsed = parseCriterion(raw.als, at);
    diagnostics.push(...parsed.diagnostics);
    definitions.set(name, { name, text: raw.als, omschrijving: raw.omschrijving, at, ...(parsed.ast ? { ast: parsed.ast } : {}) });
  }
  return diagnostics;
}
