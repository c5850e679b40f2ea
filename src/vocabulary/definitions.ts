/** Loads rules/definities/*.yaml: named criteria shared by products of every catalogue. */
import { RESERVED_WORDS } from '../../grammar/tokens.js';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseCriterion } from '../dsl/parse.js';
import type { Definition } from '../check/typecheck.js';
import { loadYamlFile } from '../yaml/load.js';
import { yamlFilesIn } from '../util/files.js';
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { nodeAt, spanAt, type YamlSource } from '../yaml/strict.js';
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
  const nodes = definitionNodes(source);
  for (const [name, raw] of Object.entries(loaded.value.definities)) {
    const pair = nodes.get(name);
    const keySpan = spanAt(source, (pair?.key as Node | undefined)?.range?.[0] ?? 0);
    if (vocabulary.facts.has(name)) diagnostics.push(diag('WZ315', { name }, keySpan));
    // A definition named `ja` or `tussen` could never be used: the criteria read it as the keyword.
    if (RESERVED_WORDS.includes(name)) {
      diagnostics.push(diag('WZ602', { name }, keySpan));
      continue;
    }
    const other = files.get(name);
    if (other) {
      diagnostics.push(diag('WZ314', { name, other }, keySpan));
      continue;
    }
    files.set(name, path);
    const als = isMap(pair?.value) ? pair.value.items.find((item) => isScalar(item.key) && item.key.value === 'als') : undefined;
    const at = scalarOffsetMapper(source, als?.value as Node | undefined);
    const parsed = parseCriterion(raw.als, at);
    diagnostics.push(...parsed.diagnostics);
    definitions.set(name, { name, text: raw.als, omschrijving: raw.omschrijving, at, ...(parsed.ast ? { ast: parsed.ast } : {}) });
  }
  return diagnostics;
}

/**
 * The YAML pair of every definition, indexed once: looking each name up by path would scan the
 * map per definition, which is quadratic in a file of 5,000 definitions.
 */
function definitionNodes(source: YamlSource): Map<string, Pair> {
  const nodes = new Map<string, Pair>();
  const map = nodeAt(source, ['definities']).node;
  if (!isMap(map)) return nodes;
  for (const item of map.items) {
    if (isScalar(item.key) && !nodes.has(String(item.key.value))) nodes.set(String(item.key.value), item as Pair);
  }
  return nodes;
}
