/**
 * The key order fmt uses, read from the JSON Schemas in schemas/: for every object the schema
 * describes, the order of its `properties`, recursively through `items`, `additionalProperties`,
 * `$ref` (also to another schema file) and `anyOf`/`oneOf`. A shape says nothing about values:
 * fmt only uses it to put keys in order.
 */
import { readFileSync } from 'node:fs';
import { fromRoot } from '../util/files.js';

export interface Shape {
  /** Known keys in schema order; absent when the schema names no properties here. */
  readonly keys?: readonly string[];
  /** The shape of the value under a named key. */
  readonly properties?: ReadonlyMap<string, Shape>;
  /** The shape of the value under any other key (maps such as `feiten:` or `definities:`). */
  readonly additional?: Shape;
  /** The shape of each item of a list. */
  readonly items?: Shape;
}

type JsonSchema = Readonly<Record<string, unknown>>;

export const EMPTY_SHAPE: Shape = {};

/** Schema files by name (product.schema.json …), read once. */
const schemaFiles = new Map<string, JsonSchema>();

function schemaFile(name: string): JsonSchema {
  let schema = schemaFiles.get(name);
  if (!schema) {
    schema = JSON.parse(readFileSync(fromRoot('schemas', name), 'utf8')) as JsonSchema;
    schemaFiles.set(name, schema);
  }
  return schema;
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a `$ref` ("#/definitions/x" or "other.schema.json#/definitions/x") to its schema and file. */
function resolveRef(ref: string, file: string): { schema: JsonSchema; file: string } | undefined {
  const [target, pointer = ''] = ref.split('#');
  const inFile = target ? target : file;
  let node: unknown = schemaFile(inFile);
  for (const part of pointer.split('/').filter((p) => p !== '')) {
    if (!isObject(node)) return undefined;
    node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return isObject(node) ? { schema: node, file: inFile } : undefined;
}

function shapeOf(schema: JsonSchema, file: string, depth: number): Shape {
  // The bundled schemas are not recursive; the limit only guards against a future cycle.
  if (depth > 32) return EMPTY_SHAPE;
  if (typeof schema['$ref'] === 'string') {
    const target = resolveRef(schema['$ref'], file);
    return target ? shapeOf(target.schema, target.file, depth + 1) : EMPTY_SHAPE;
  }
  const alternatives = [schema['anyOf'], schema['oneOf'], schema['allOf']].flatMap((a) => (Array.isArray(a) ? a.filter(isObject) : []));
  const parts = [withoutAlternatives(schema), ...alternatives].map((s) => ownShape(s, file, depth));
  return parts.reduce(merge);
}

function withoutAlternatives(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== 'anyOf' && key !== 'oneOf' && key !== 'allOf'));
}

function ownShape(schema: JsonSchema, file: string, depth: number): Shape {
  if (typeof schema['$ref'] === 'string' || schema['anyOf'] || schema['oneOf'] || schema['allOf']) return shapeOf(schema, file, depth + 1);
  const properties = isObject(schema['properties']) ? schema['properties'] : undefined;
  const additional = isObject(schema['additionalProperties']) ? schema['additionalProperties'] : undefined;
  const items = isObject(schema['items']) ? schema['items'] : undefined;
  return {
    ...(properties
      ? {
          keys: Object.keys(properties),
          properties: new Map(Object.entries(properties).flatMap(([key, sub]) => (isObject(sub) ? [[key, shapeOf(sub, file, depth + 1)] as const] : []))),
        }
      : {}),
    ...(additional ? { additional: shapeOf(additional, file, depth + 1) } : {}),
    ...(items ? { items: shapeOf(items, file, depth + 1) } : {}),
  };
}

/** Two alternatives of one value (anyOf): their keys in order of first appearance. */
function merge(a: Shape, b: Shape): Shape {
  const keys = a.keys || b.keys ? [...new Set([...(a.keys ?? []), ...(b.keys ?? [])])] : undefined;
  const properties = new Map(a.properties ?? []);
  for (const [key, shape] of b.properties ?? []) properties.set(key, properties.has(key) ? merge(properties.get(key)!, shape) : shape);
  const additional = a.additional && b.additional ? merge(a.additional, b.additional) : (a.additional ?? b.additional);
  const items = a.items && b.items ? merge(a.items, b.items) : (a.items ?? b.items);
  return {
    ...(keys ? { keys, properties } : {}),
    ...(additional ? { additional } : {}),
    ...(items ? { items } : {}),
  };
}

const shapes = new Map<string, Shape>();

/** The shape of a whole file of the schema `name` (e.g. 'product.schema.json'). */
export function shapeForSchema(name: string): Shape {
  let shape = shapes.get(name);
  if (!shape) {
    shape = shapeOf(schemaFile(name), name, 0);
    shapes.set(name, shape);
  }
  return shape;
}

/** The shape of the value under `key` of a map with shape `shape`. */
export function childShape(shape: Shape, key: string): Shape {
  return shape.properties?.get(key) ?? shape.additional ?? EMPTY_SHAPE;
}
