/**
 * JSON Schema validation (ajv) of parsed YAML, with errors turned into located Dutch
 * diagnostics. The schemas in schemas/ are also what editors use for completion.
 */
import type AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fromRoot } from '../util/files.js';
import { suggest } from '../util/suggest.js';
import { formatPath, spanOfPath, type PathSegment, type YamlSource } from './strict.js';

/**
 * Validators come precompiled (ajv standalone code that scripts/build-validators.ts writes to
 * dist/generated/validators.cjs at build time) whenever that file matches the schemas and options
 * in use; otherwise — a fresh checkout before the build, an edited schema, a profile schema of
 * other rules — ajv compiles at run time, loaded only then (ajv is CommonJS, so a plain require).
 */
const load = createRequire(import.meta.url);

type AjvClass = typeof AjvModule.default;
type AjvCore = InstanceType<AjvClass>;

export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true } as const;
export const GENERATED_VALIDATORS = ['dist', 'generated', 'validators.cjs'] as const;

/** What the generated file says about itself; checked before any of it is used. */
export interface GeneratedMeta {
  readonly options: string;
  /** schemasDigest() of the schemas it was generated from. */
  readonly schemas: string;
  /** schema file name → export name. */
  readonly names: Readonly<Record<string, string>>;
  /** schemaDigest(schema) of a generated schema object (the default profile schema) → export name. */
  readonly objects: Readonly<Record<string, string>>;
}

let schemaTexts: { name: string; text: string }[] | undefined;

/** The schema files of schemas/, by name, read once. */
export function schemaFiles(): { name: string; text: string }[] {
  if (schemaTexts) return schemaTexts;
  const folder = fromRoot('schemas');
  schemaTexts = readdirSync(folder)
    .filter((n) => n.endsWith('.schema.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(folder, name), 'utf8') }));
  return schemaTexts;
}

export function schemasDigest(files: readonly { name: string; text: string }[] = schemaFiles()): string {
  const hash = createHash('sha256').update(JSON.stringify(AJV_OPTIONS));
  for (const { name, text } of files) hash.update(`${name}\0${text.length}\0${text}`);
  return hash.digest('hex');
}

/** The digest of a schema object (JSON.stringify is deterministic for the objects we generate). */
export function schemaDigest(schema: object): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex');
}

type Generated = { meta: GeneratedMeta } & Record<string, unknown>;
let generated: Generated | null | undefined;

/** The precompiled validators, when the generated file exists and matches; else undefined. */
export function precompiledValidators(): Generated | undefined {
  if (generated !== undefined) return generated ?? undefined;
  generated = null;
  try {
    const candidate = load(fromRoot(...GENERATED_VALIDATORS)) as Generated;
    if (candidate.meta.options === JSON.stringify(AJV_OPTIONS) && candidate.meta.schemas === schemasDigest()) generated = candidate;
  } catch {
    // absent or unreadable: compile at run time
  }
  return generated ?? undefined;
}

function fromGenerated(exportName: string | undefined): ValidateFunction | undefined {
  const validate = exportName ? generated?.[exportName] : undefined;
  return typeof validate === 'function' ? (validate as ValidateFunction) : undefined;
}

let ajvInstance: AjvCore | undefined;

/** An ajv instance with every schema of schemas/ added (`code` options for the build script). */
export function createAjv(extra: object = {}): AjvCore {
  const Ajv = (load('ajv') as { default: AjvClass }).default;
  const ajv = new Ajv({ ...AJV_OPTIONS, ...extra });
  for (const { name, text } of schemaFiles()) ajv.addSchema(JSON.parse(text) as object, name);
  return ajv;
}

function ajv(): AjvCore {
  ajvInstance ??= createAjv();
  return ajvInstance;
}

export function compileSchema(schema: object): ValidateFunction {
  return fromGenerated(precompiledValidators()?.meta.objects[schemaDigest(schema)]) ?? ajv().compile(schema);
}

export function schemaValidator(name: string): ValidateFunction {
  const precompiled = fromGenerated(precompiledValidators()?.meta.names[name]);
  if (precompiled) return precompiled;
  const validate = ajv().getSchema(name);
  if (!validate) throw new Error(`wijzer: schema ${name} not loaded`);
  return validate;
}

/** Run-time compilation only (tests compare it with the precompiled validators). */
export function runtimeValidator(name: string): ValidateFunction | undefined {
  return ajv().getSchema(name);
}

export function runtimeCompile(schema: object): ValidateFunction {
  return ajv().compile(schema);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  integer: 'een geheel getal',
  boolean: 'ja of nee (true/false)',
  object: 'een lijst van sleutels met waarden',
  array: 'een lijst (regels die beginnen met -)',
  null: 'leeg',
};

function toSegments(pointer: string, value: unknown): PathSegment[] {
  const segments: PathSegment[] = [];
  let current: unknown = value;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(key);
      segments.push(index);
      current = current[index];
    } else {
      segments.push(key);
      current = current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
    }
  }
  return segments;
}

function describeError(error: ErrorObject, source: YamlSource, value: unknown): Diagnostic | undefined {
  const path = toSegments(error.instancePath, value);
  const where = formatPath(path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const suggestion = suggest(key, allowed);
      return diag('WZ201', { key, path: where, allowed: allowed.join(', '), ...(suggestion ? { suggestion } : {}) }, spanOfPath(source, [...path, key], 'key'));
    }
    case 'required': {
      const key = String((error.params as { missingProperty: string }).missingProperty);
      return diag('WZ202', { key, path: where }, spanOfPath(source, path, path.length ? 'key' : 'value'));
    }
    case 'type': {
      const types = String((error.params as { type: string }).type).split(',');
      return diag('WZ203', { path: where, expected: types.map((t) => TYPE_WORDS[t] ?? t).join(' of ') }, spanOfPath(source, path));
    }
    case 'enum':
      return diag('WZ204', { path: where, value: String(error.data), allowed: ((error.params as { allowedValues: unknown[] }).allowedValues).join(', ') }, spanOfPath(source, path));
    case 'const':
      return diag('WZ204', { path: where, value: String(error.data), allowed: String((error.params as { allowedValue: unknown }).allowedValue) }, spanOfPath(source, path));
    case 'pattern':
      return diag('WZ205', { path: where, detail: `'${String(error.data)}' heeft niet de juiste vorm (${describePattern(error.schema as string)})` }, spanOfPath(source, path));
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return diag('WZ205', { path: where, detail: `waarde moet ${numberLimit(error.keyword)} ${String(error.schema)} zijn` }, spanOfPath(source, path));
    case 'minLength': {
      // "Empty" only when the text is empty; a short text is told how long it must be.
      const min = Number(error.schema);
      const detail = min <= 1 || error.data === '' ? 'mag niet leeg zijn' : `is te kort (minstens ${min} tekens, nu ${String(error.data).length})`;
      return diag('WZ205', { path: where, detail }, spanOfPath(source, path));
    }
    case 'maxLength':
      return diag('WZ205', { path: where, detail: `is te lang (maximaal ${String(error.schema)} tekens)` }, spanOfPath(source, path));
    case 'minItems':
      return diag('WZ205', { path: where, detail: `moet minstens ${String(error.schema)} onderdeel/onderdelen bevatten` }, spanOfPath(source, path));
    case 'maxItems':
      return diag('WZ205', { path: where, detail: `mag hoogstens ${String(error.schema)} onderdelen bevatten` }, spanOfPath(source, path));
    case 'uniqueItems':
      return diag('WZ205', { path: where, detail: 'bevat een dubbele waarde' }, spanOfPath(source, path));
    case 'minProperties':
      return diag('WZ205', { path: where, detail: 'mag niet leeg zijn' }, spanOfPath(source, path));
    case 'propertyNames':
      return undefined; // reported through the nested pattern error
    case 'anyOf':
    case 'oneOf':
    case 'if':
    case 'not':
      return diag('WZ205', { path: where, detail: 'heeft niet een van de toegestane vormen' }, spanOfPath(source, path));
    default:
      return diag('WZ205', { path: where, detail: error.message ?? error.keyword }, spanOfPath(source, path));
  }
}

function numberLimit(keyword: string): string {
  return { minimum: 'minstens', maximum: 'hoogstens', exclusiveMinimum: 'groter dan', exclusiveMaximum: 'kleiner dan' }[keyword] ?? '';
}

function describePattern(pattern: string): string {
  if (pattern.includes('[A-Z]')) return 'bijvoorbeeld 02A04';
  if (pattern.includes('a-z')) return 'kleine letters, cijfers, - en _';
  if (pattern.includes('\\d{4}')) return 'een datum als 2026-01-01';
  return pattern;
}

/**
 * Validate and report. Union keywords (anyOf/oneOf) produce a flood of sub-errors;
 * when more specific errors exist at or below the same place, only those are kept.
 */
export function validateWithSchema(validate: ValidateFunction, source: YamlSource, value: unknown): Diagnostic[] {
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const unionPaths = errors.filter((e) => ['anyOf', 'oneOf'].includes(e.keyword)).map((e) => e.instancePath);
  const kept = errors.filter((e) => {
    if (['anyOf', 'oneOf'].includes(e.keyword)) return false;
    // inside a union, a 'type' error of a rejected branch is noise
    return !(e.keyword === 'type' && unionPaths.includes(e.instancePath));
  });
  const chosen = kept.length > 0 ? kept : errors.filter((e) => ['anyOf', 'oneOf'].includes(e.keyword)).slice(0, 1);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of chosen) {
    const d = describeError(error, source, value);
    if (!d) continue;
    const key = `${d.code}|${d.message}|${d.span?.line}|${d.span?.col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
