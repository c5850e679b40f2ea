/**
 * Client profiles: a YAML or JSON map of fact → value, validated against a JSON Schema that
 * is generated from the vocabulary (`wijzer schema profiel` prints it for editors).
 */
import type { ErrorObject } from 'ajv';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { readTextFile, type TextFile } from '../util/files.js';
import { strictJsonDiagnostics } from './profile-json.js';
import { suggest } from '../util/suggest.js';
import { compileSchema } from '../yaml/schema-validate.js';
import { parseYaml, spanOfPath, type PathSegment, type YamlSource } from '../yaml/strict.js';
import { assertNever } from '../dsl/ast.js';
import type { Fact, Profile, Vocabulary } from './types.js';

export const EXISTING_INDICATIONS_KEY = 'bestaande_indicaties';
/** false: the client may have indications not listed; by default the list is complete. */
export const EXISTING_COMPLETE_KEY = 'bestaande_indicaties_volledig';

function factSchema(fact: Fact): object {
  switch (fact.kind) {
    case 'ja-nee':
      return { type: 'boolean', description: fact.omschrijving };
    case 'getal':
      return {
        type: 'number',
        description: fact.eenheid ? `${fact.omschrijving} (in ${fact.eenheid})` : fact.omschrijving,
        ...(fact.minimum !== undefined ? { minimum: fact.minimum } : {}),
        ...(fact.maximum !== undefined ? { maximum: fact.maximum } : {}),
      };
    case 'schaal':
    case 'keuze':
      return { type: 'string', enum: [...fact.labels], description: fact.omschrijving };
    case 'lijst':
      return { type: 'array', uniqueItems: true, items: { type: 'string', enum: [...fact.labels] }, description: fact.omschrijving };
    default:
      return assertNever(fact);
  }
}

export function profileSchema(vocabulary: Vocabulary): object {
  const properties: Record<string, object> = {};
  for (const fact of vocabulary.facts.values()) properties[fact.name] = factSchema(fact);
  properties[EXISTING_INDICATIONS_KEY] = {
    type: 'array',
    uniqueItems: true,
    items: { type: 'string' },
    description: 'Producten (ids) die de inwoner al geïndiceerd heeft; telt mee voor "alleen in combinatie met".',
  };
  properties[EXISTING_COMPLETE_KEY] = {
    type: 'boolean',
    description: 'Is de lijst bestaande_indicaties volledig? Standaard ja (ook als de lijst ontbreekt: geen bestaande indicaties). Zet op false als er indicaties kunnen zijn die niet genoemd zijn.',
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'wijzer-profiel',
    description: 'Cliëntprofiel: feiten over de inwoner (zie rules/feiten/). Ontbrekende feiten maken producten "onbekend".',
    type: 'object',
    additionalProperties: false,
    properties,
  };
}

const validators = new WeakMap<Vocabulary, ReturnType<typeof compileSchema>>();

function validatorFor(vocabulary: Vocabulary): ReturnType<typeof compileSchema> {
  let validate = validators.get(vocabulary);
  if (!validate) {
    validate = compileSchema(profileSchema(vocabulary));
    validators.set(vocabulary, validate);
  }
  return validate;
}

/** The reserved keys are no facts of the vocabulary; they get their own wording. */
function expectedWords(fact: Fact | undefined, name: string): { expected: string; advice: string } {
  if (!fact && name === EXISTING_COMPLETE_KEY) return { expected: 'ja of nee (true/false)', advice: `Schrijf: ${EXISTING_COMPLETE_KEY}: false als er indicaties kunnen zijn die niet in bestaande_indicaties staan.` };
  if (!fact) return { expected: 'een lijst van product-ids', advice: 'Bijvoorbeeld: [ib1-ontwikkelgericht]' };
  switch (fact.kind) {
    case 'ja-nee':
      return { expected: 'ja of nee (true/false)', advice: `Schrijf: ${fact.name}: true (of false).` };
    case 'getal':
      return { expected: `een getal${fact.eenheid ? ` (in ${fact.eenheid})` : ''}`, advice: `Schrijf alleen het getal, zonder eenheid, bijvoorbeeld: ${fact.name}: 3` };
    case 'schaal':
    case 'keuze':
      return { expected: `een van: ${fact.labels.join(', ')}`, advice: `Schrijf bijvoorbeeld: ${fact.name}: ${fact.labels[0] ?? ''}` };
    case 'lijst':
      return { expected: 'een lijst', advice: `Schrijf bijvoorbeeld: ${fact.name}: [${fact.labels[0] ?? ''}]` };
    default:
      return assertNever(fact);
  }
}

/** Where a profile value sits: a path inside it → a position (YAML node, or a line of a .jsonl/.csv). */
export type ProfileLocator = (path: readonly PathSegment[], which?: 'key' | 'value') => Span;

function profileError(error: ErrorObject, value: Record<string, unknown>, vocabulary: Vocabulary, locate: ProfileLocator): Diagnostic {
  const segments = error.instancePath.split('/').slice(1);
  const factName = segments[0] ?? '';
  const fact = vocabulary.facts.get(factName);
  const index = segments[1] !== undefined ? Number(segments[1]) : undefined;
  const path = index !== undefined ? [factName, index] : factName ? [factName] : [];
  const at = locate(path);
  switch (error.keyword) {
    case 'enum': {
      const labels = fact && 'labels' in fact ? fact.labels : [];
      const raw = index !== undefined ? (value[factName] as unknown[])[index] : value[factName];
      const suggestion = suggest(String(raw), labels);
      return diag('WZ703', { value: String(raw), fact: factName, labels: labels.join(', '), ...(suggestion ? { suggestion } : {}) }, at);
    }
    case 'minimum':
    case 'maximum': {
      const f = fact?.kind === 'getal' ? fact : undefined;
      return diag('WZ704', { fact: factName, value: String(value[factName]), min: f?.minimum ?? '-∞', max: f?.maximum ?? '∞' }, at);
    }
    case 'uniqueItems': {
      const list = value[factName] as unknown[];
      const dup = list.find((item, i) => list.indexOf(item) !== i);
      return diag('WZ706', { value: String(dup), fact: factName }, at);
    }
    default: {
      if (!factName) return diag('WZ705', {}, at);
      const raw = value[factName];
      // `18,5` is a Dutch decimal number, not text: say how to write it.
      if (fact?.kind === 'getal' && typeof raw === 'string' && /^\s*-?\d+,\d+\s*$/.test(raw)) {
        return diag('WZ702', { fact: factName, expected: expectedWords(fact, factName).expected, advice: `Schrijf een kommagetal met een punt: ${factName}: ${raw.trim().replace(',', '.')}` }, at);
      }
      return diag('WZ702', { fact: factName, ...expectedWords(fact, factName) }, at);
    }
  }
}

/** Validates a profile value found at `base` inside a parsed YAML source (a file or a golden case). */
export function validateProfile(value: unknown, source: YamlSource, vocabulary: Vocabulary, base: readonly PathSegment[] = []): { profile?: Profile; diagnostics: Diagnostic[] } {
  return checkProfileValue(value, vocabulary, (path, which) => spanOfPath(source, [...base, ...path], which));
}

/** Unknown facts reported one by one; the rest are summed up in one WZ710. */
export const MAX_UNKNOWN_FACTS_REPORTED = 20;

/** Validates a plain profile value (e.g. one line of a .jsonl population). */
export function checkProfileValue(value: unknown, vocabulary: Vocabulary, locate: ProfileLocator): { profile?: Profile; diagnostics: Diagnostic[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { diagnostics: [diag('WZ705', {}, locate([]))] };
  }
  const validate = validatorFor(vocabulary);
  // Unknown keys are found by a set lookup, not by the schema: with allErrors the schema builds an
  // error object per key, and each reported one costs a suggestion search and a key lookup in the
  // file. Past a bound the rest are only counted, so 100,000 unknown keys stay linear.
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !isProfileKey(key, vocabulary));
  const known = unknown.length === 0 ? record : Object.fromEntries(Object.entries(record).filter(([key]) => isProfileKey(key, vocabulary)));
  const unknownDiagnostics = unknownFacts(unknown, vocabulary, locate);
  if (validate(known)) return unknown.length === 0 ? { profile: value as Profile, diagnostics: [] } : { diagnostics: unknownDiagnostics };
  const seen = new Set<string>();
  const diagnostics = (validate.errors ?? [])
    .map((e) => profileError(e, record, vocabulary, locate))
    .filter((d) => {
      const key = `${d.code}${d.span?.line}:${d.span?.col}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { diagnostics: [...unknownDiagnostics, ...diagnostics] };
}

function isProfileKey(key: string, vocabulary: Vocabulary): boolean {
  return vocabulary.facts.has(key) || key === EXISTING_INDICATIONS_KEY || key === EXISTING_COMPLETE_KEY;
}

/** WZ701 for the first few unknown facts (with a suggestion), then one WZ710 that counts the rest. */
function unknownFacts(names: readonly string[], vocabulary: Vocabulary, locate: ProfileLocator): Diagnostic[] {
  const out = names.slice(0, MAX_UNKNOWN_FACTS_REPORTED).map((name) => {
    const suggestion = suggest(name, [...vocabulary.facts.keys(), EXISTING_INDICATIONS_KEY]);
    return diag('WZ701', { name, ...(suggestion ? { suggestion } : {}) }, locate([name], 'key'));
  });
  const next = names[MAX_UNKNOWN_FACTS_REPORTED];
  if (next !== undefined) out.push(diag('WZ710', { count: names.length - MAX_UNKNOWN_FACTS_REPORTED, shown: MAX_UNKNOWN_FACTS_REPORTED }, locate([next], 'key')));
  return out;
}

export function parseProfile(file: TextFile, vocabulary: Vocabulary): { profile?: Profile; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(file);
  if (!parsed.source || parsed.value === undefined) return { diagnostics: parsed.diagnostics };
  const result = validateProfile(parsed.value, parsed.source, vocabulary);
  return { ...result, diagnostics: [...parsed.diagnostics, ...result.diagnostics] };
}

export function loadProfile(path: string, vocabulary: Vocabulary): { profile?: Profile; diagnostics: Diagnostic[] } {
  const read = readTextFile(path);
  if (!read.file) return { diagnostics: read.diagnostics };
  // A .json profile must be strict JSON (no trailing comma, no comment); then YAML reads it for positions.
  const strict = /\.json$/i.test(path) ? strictJsonDiagnostics(read.file) : [];
  return strict.length > 0 ? { diagnostics: strict } : parseProfile(read.file, vocabulary);
}
