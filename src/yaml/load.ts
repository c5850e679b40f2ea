/** Read + strict parse + schema validation: the common first step for every YAML input. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readTextFile } from '../util/files.js';
import { schemaValidator, validateWithSchema } from './schema-validate.js';
import { parseYaml, type YamlSource } from './strict.js';

export interface LoadedYaml<T> {
  readonly source?: YamlSource;
  readonly value?: T;
  readonly diagnostics: Diagnostic[];
}

/** Returns a value only when the file is valid against the schema. */
export function loadYamlFile<T>(path: string, schemaName: string): LoadedYaml<T> {
  const read = readTextFile(path);
  if (!read.file) return { diagnostics: read.diagnostics };
  const parsed = parseYaml(read.file);
  if (!parsed.source || parsed.value === undefined) return { diagnostics: parsed.diagnostics, ...(parsed.source ? { source: parsed.source } : {}) };
  const diagnostics = [...parsed.diagnostics, ...validateWithSchema(schemaValidator(schemaName), parsed.source, parsed.value)];
  if (diagnostics.some((d) => d.severity === 'fout')) return { source: parsed.source, diagnostics };
  return { source: parsed.source, value: parsed.value as T, diagnostics };
}
