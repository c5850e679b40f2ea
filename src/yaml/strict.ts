/**
 * Strict YAML reading: one document, no duplicate keys, no custom tags, positions kept.
 * Every problem becomes a diagnostic pointing at file:line:col.
 */
import { Document, LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, type Node, type Pair } from 'yaml';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { TextFile } from '../util/files.js';

export type PathSegment = string | number;

export interface YamlSource {
  readonly path: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

export interface ParsedYaml {
  readonly source?: YamlSource;
  readonly value?: unknown;
  readonly diagnostics: Diagnostic[];
}

export function spanAt(source: { path: string; lines: LineCounter }, offset: number): Span {
  const { line, col } = source.lines.linePos(Math.max(0, offset));
  return { file: source.path, line, col };
}

/** At most this many YAML syntax errors are reported per file. */
export const MAX_YAML_ERRORS = 20;

export function parseYaml(file: TextFile): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false, schema: 'core', strict: true });
  const source: YamlSource = { path: file.path, text: file.text, doc, lines };
  const diagnostics: Diagnostic[] = [];
  // A broken file can yield hundreds of follow-on errors (5,000-deep flow nesting gives ~800); the
  // first few say what to fix, the rest only cost time to render.
  const reported = [...doc.errors, ...doc.warnings].slice(0, MAX_YAML_ERRORS);
  for (const error of reported) {
    const span = spanAt(source, error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      const key = /"([^"]*)"|'([^']*)'/.exec(error.message);
      diagnostics.push(diag('WZ105', { key: key?.[1] ?? key?.[2] ?? firstLineAt(file.text, error.pos[0]) }, span));
    } else if (error.code === 'TAG_RESOLVE_FAILED') {
      diagnostics.push(diag('WZ107', { tag: tagNear(file.text, error.pos[0]) }, span));
    } else if (error.code === 'MULTIPLE_DOCS') {
      diagnostics.push(diag('WZ108', {}, span));
    } else if (/closing .*quote/i.test(error.message)) {
      // yaml reports an unclosed quote at the end of the file; point at the line that opens it.
      diagnostics.push(diag('WZ104', { detail: 'een aanhalingsteken wordt niet afgesloten' }, spanAt(source, openingQuote(file.text, error.pos[0]))));
    } else {
      diagnostics.push(diag('WZ104', { detail: translateYamlError(error.code, error.message) }, span));
    }
  }
  // Duplicate keys are found here, with one set per map: yaml's own check (uniqueKeys) compares
  // every key with every earlier one, which makes a profile of 100,000 keys take minutes.
  diagnostics.push(...duplicateKeys(source));
  // Explicit tags are refused even when yaml knows them (e.g. !!binary, !!set): advisors never need them.
  visitNodes(doc.contents, (node) => {
    if (node.tag && !['tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq'].includes(node.tag)) {
      if (!diagnostics.some((d) => d.code === 'WZ107')) diagnostics.push(diag('WZ107', { tag: node.tag }, spanAt(source, node.range?.[0] ?? 0)));
    }
  });
  if (diagnostics.some((d) => d.severity === 'fout')) return { source, diagnostics };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return { source, diagnostics: [diag('WZ106', {}, { file: file.path, line: 1, col: 1 })] };
  }
  try {
    const value: unknown = doc.toJS({ maxAliasCount: 50 });
    return { source, value, diagnostics };
  } catch (error) {
    return { source, diagnostics: [diag('WZ104', { detail: aliasMessage(error) }, spanAt(source, 0))] };
  }
}

function aliasMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return /alias/i.test(text) ? 'te veel verwijzingen (aliassen) in dit bestand' : text;
}

/** Offset of the last quote before `end` that starts a value on its line (best effort). */
function openingQuote(text: string, end: number): number {
  const before = text.slice(0, end);
  const match = [...before.matchAll(/:\s*(["'])/g)].pop();
  return match ? (match.index ?? 0) + match[0].length - 1 : end;
}

function firstLineAt(text: string, offset: number): string {
  return text.slice(offset).split(/[:\n]/)[0]?.trim() ?? '';
}

function tagNear(text: string, offset: number): string {
  const match = /!\S*/.exec(text.slice(offset, offset + 80));
  return match?.[0] ?? '?';
}

function translateYamlError(code: string, message: string): string {
  switch (code) {
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'inspringing of teken klopt niet';
    case 'TAB_AS_INDENT':
      return 'tab gebruikt als inspringing; gebruik spaties';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'sleutel over meerdere regels of ontbrekende dubbele punt';
    case 'MISSING_CHAR_QUOTE':
    case 'BAD_DQ_ESCAPE':
      return 'aanhalingsteken of escape klopt niet';
    case 'UNEXPECTED_TOKEN':
      return 'onverwacht teken';
    default:
      return `${message.split('\n')[0] ?? message} (${code})`;
  }
}

function visitNodes(node: unknown, visit: (node: Node) => void): void {
  if (isMap(node) || isSeq(node)) {
    visit(node);
    for (const item of node.items) {
      if (isPair(item)) {
        visitNodes(item.key, visit);
        visitNodes(item.value, visit);
      } else visitNodes(item, visit);
    }
  } else if (isScalar(node)) visit(node);
}

/** The YAML node (and its key, in a map) at a data path, for positions. */
export function nodeAt(source: YamlSource, path: readonly PathSegment[]): { node?: Node; pair?: Pair } {
  let current: unknown = source.doc.contents;
  let pair: Pair | undefined;
  for (const segment of path) {
    if (isMap(current)) {
      const found = current.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!found) return { node: current, ...(pair ? { pair } : {}) };
      pair = found as Pair;
      current = found.value;
    } else if (isSeq(current) && typeof segment === 'number') {
      const item = current.items[segment];
      if (item === undefined) return { node: current };
      pair = undefined;
      current = item;
    } else break;
  }
  return { ...(current ? { node: current as Node } : {}), ...(pair ? { pair } : {}) };
}

/** Span of the value at path; with `key`, of its key (for "unknown property" errors). */
export function spanOfPath(source: YamlSource, path: readonly PathSegment[], which: 'key' | 'value' = 'value'): Span {
  const { node, pair } = nodeAt(source, path);
  const keyNode = pair?.key as Node | undefined;
  const target = which === 'key' && keyNode?.range ? keyNode : node;
  return spanAt(source, target?.range?.[0] ?? 0);
}

/** Human-readable data path in the Dutch messages: producten.indicatie.voorwaarden[2]. */
export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'het bestand';
  return path.map((seg, i) => (typeof seg === 'number' ? `[${seg + 1}]` : i === 0 ? seg : `.${seg}`)).join('');
}

/** WZ105 for each scalar key that occurs earlier in the same map (linear: one set per map). */
function duplicateKeys(source: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  visitNodes(source.doc.contents, (node) => {
    if (!isMap(node)) return;
    const seen = new Set<string>();
    for (const item of node.items) {
      if (!isScalar(item.key)) continue;
      const value: unknown = item.key.value;
      const key = `${typeof value}:${String(value)}`;
      if (seen.has(key)) out.push(diag('WZ105', { key: String(value) }, spanAt(source, item.key.range?.[0] ?? 0)));
      seen.add(key);
    }
  });
  return out;
}
