/**
 * wijzer fmt's formatter: YAML text in, canonical YAML text out, as a pure function.
 *
 * The canonical layout:
 * - keys in the order of the file's JSON Schema (schemas/), recursively; keys the schema does
 *   not name stay after the known ones, in their own order; maps of free names (feiten,
 *   definities, the facts of a profile) keep their order;
 * - indentation 2, lists indented under their key, flow collections (`[a, b]`, `{a: b}`) stay
 *   flow, block scalars (`>-`, `|`) stay block scalars, and a folded block keeps its line breaks;
 * - a string is written plain where that reads back as the same string (also for YAML 1.1
 *   readers such as editors: `'yes'`, `'08'` or `'1:20'` stay quoted), otherwise in single
 *   quotes, or double quotes when the text holds a single quote or needs an escape; quoted
 *   strings over several lines keep their style;
 * - criteria re-spaced from the lexer's tokens (see criteria.ts);
 * - every comment kept, the `# yaml-language-server: $schema=…` modeline on top.
 *
 * The formatter never trusts itself: the result must parse strictly, give a deep-equal value,
 * hold the same comments, and format to itself; otherwise the file is left as it was (WZ123).
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isPair, isScalar, isSeq, parse, parseDocument, Parser, Scalar, type Pair, type ScalarTag, type Tags, type ToStringOptions } from 'yaml';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseYaml } from '../yaml/strict.js';
import { astWithoutPositions, normalizeCriterion } from './criteria.js';
import { childShape, EMPTY_SHAPE, shapeForSchema, type Shape } from './shape.js';

export type FmtKind = 'product' | 'regio' | 'analyse' | 'feiten' | 'definities' | 'golden' | 'aanbod' | 'profiel' | 'onbekend';

const SCHEMA_OF_KIND: Partial<Record<FmtKind, string>> = {
  product: 'product.schema.json',
  regio: 'regio.schema.json',
  analyse: 'analyse.schema.json',
  feiten: 'feiten.schema.json',
  definities: 'definities.schema.json',
  golden: 'golden.schema.json',
  aanbod: 'aanbod.schema.json',
};

/** Keys whose string value is a criterion, per kind of file. */
const CRITERIA_KEYS: Partial<Record<FmtKind, ReadonlySet<string>>> = {
  product: new Set(['als', 'of_als', 'alleen_als']),
  definities: new Set(['als']),
  analyse: new Set(['als', 'toegang']),
};

/**
 * The kind of a file: from its `$schema` modeline when it has one, else from where it lives
 * (catalogue/<regio>/regio.yaml, …/producten/*.yaml, rules/feiten/, rules/definities/,
 * test/golden/, profielen/). A file of no known kind is still laid out, without key order.
 */
export function kindOf(path: string, text: string): FmtKind {
  const modeline = /^#\s*yaml-language-server:\s*\$schema=\S*?([a-z]+)\.schema\.json\s*$/m.exec(text.slice(0, 2000));
  if (modeline) {
    const named = Object.entries(SCHEMA_OF_KIND).find(([, schema]) => schema === `${modeline[1]}.schema.json`);
    if (named) return named[0] as FmtKind;
  }
  const p = path.replace(/\\/g, '/');
  const name = p.slice(p.lastIndexOf('/') + 1);
  if (/\/rules\/feiten\/[^/]+$/.test(p) || /^rules\/feiten\//.test(p)) return 'feiten';
  if (/(^|\/)rules\/definities(\/[^/]+|[^/]*\.ya?ml)$/.test(p)) return 'definities';
  if (/(^|\/)test\/golden\//.test(p)) return 'golden';
  if (/(^|\/)producten\/[^/]+$/.test(p)) return 'product';
  if (/^regio\.ya?ml$/.test(name)) return 'regio';
  if (/^analyse\.ya?ml$/.test(name)) return 'analyse';
  if (/(^|\/)profielen\/[^/]+$/.test(p)) return 'profiel';
  return 'onbekend';
}

export interface FormatResult {
  /** The formatted text; absent when the file could not be formatted (see diagnostics). */
  readonly text?: string;
  /** Whether `text` differs from the input. */
  readonly changed: boolean;
  readonly diagnostics: Diagnostic[];
}

export const FORMAT_OPTIONS: ToStringOptions = {
  indent: 2,
  indentSeq: true,
  lineWidth: 0,
  minContentWidth: 0,
  flowCollectionPadding: false,
  singleQuote: true,
  defaultStringType: 'PLAIN',
  defaultKeyType: null,
};

/** Formats one file's text. `path` is used for messages and, without `kind`, to find the kind. */
export function formatYaml(text: string, path: string, kind: FmtKind = kindOf(path, text)): FormatResult {
  const strict = parseYaml({ path, text });
  const errors = strict.diagnostics.filter((d) => d.severity === 'fout');
  if (errors.length > 0 || strict.value === undefined) return { changed: false, diagnostics: errors.length > 0 ? errors : strict.diagnostics };
  const once = formatOnce(text, kind);
  if (once.text === undefined) return refused(path, once.problem ?? 'onbekende oorzaak');
  return checkedResult(path, text, once.text, kind);
}

/**
 * The safety net between the formatter and the file: `output` is accepted as the formatted
 * form of `input` only when it parses strictly to a deep-equal value (criteria compared by
 * their AST), keeps every comment and formats to itself; otherwise WZ123 and no text.
 */
export function checkedResult(path: string, input: string, output: string, kind: FmtKind): FormatResult {
  const before = parseYaml({ path, text: input });
  if (before.value === undefined) return refused(path, 'het bestand is geen geldige YAML');
  const problem = verify(input, before.value, output, kind);
  if (problem !== undefined) return refused(path, problem);
  return { text: output, changed: output !== input, diagnostics: [] };
}

function refused(path: string, detail: string): FormatResult {
  return { changed: false, diagnostics: [diag('WZ123', { detail }, { file: path, line: 1, col: 1 })] };
}

/** What must hold between the input and the output; a Dutch reason when it does not. */
function verify(input: string, value: unknown, output: string, kind: FmtKind): string | undefined {
  const again = parseYaml({ path: 'fmt', text: output });
  if (again.value === undefined || again.diagnostics.some((d) => d.severity === 'fout')) return 'het resultaat is geen geldige YAML';
  if (!isDeepStrictEqual(withoutCriteriaSpacing(value, kind), withoutCriteriaSpacing(again.value, kind))) return 'de inhoud zou veranderen';
  if (!isDeepStrictEqual(criteriaOf(value, kind), criteriaOf(again.value, kind))) return 'de betekenis van een voorwaarde zou veranderen';
  if (!isDeepStrictEqual(commentsOf(input), commentsOf(output))) return 'een opmerking (#) zou verloren gaan';
  const second = formatOnce(output, kind);
  if (second.text !== output) return 'opnieuw opmaken geeft een ander resultaat';
  return undefined;
}

// --- the transformation -----------------------------------------------------------------------

/** Folded block scalars and the lines their author wrote, relative to the block's indentation. */
type FoldedLines = WeakMap<Scalar, { chomp: string; lines: string[] }>;

function formatOnce(text: string, kind: FmtKind): { text?: string; problem?: string } {
  const folded: FoldedLines = new WeakMap();
  const doc = parseDocument(text, {
    schema: 'core',
    strict: true,
    uniqueKeys: false,
    keepSourceTokens: true,
    customTags: (tags: Tags) => tags.map((tag) => (isStringTag(tag) ? withFoldedLines(tag, folded) : tag)),
  });
  if (doc.errors.length > 0) return { problem: 'het bestand is geen geldige YAML' };
  const schema = SCHEMA_OF_KIND[kind];
  const context: Context = { folded, criteria: CRITERIA_KEYS[kind] ?? new Set(), text };
  layout(doc.contents, schema ? shapeForSchema(schema) : EMPTY_SHAPE, context, true);
  try {
    return { text: doc.toString(FORMAT_OPTIONS) };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

interface Context {
  readonly folded: FoldedLines;
  readonly criteria: ReadonlySet<string>;
  /** The source text, for the columns of comments. */
  readonly text: string;
}

function isStringTag(tag: unknown): tag is ScalarTag {
  return typeof tag === 'object' && tag !== null && (tag as ScalarTag).tag === 'tag:yaml.org,2002:str';
}

/** yaml's string tag, except that a folded block is written with its author's line breaks. */
function withFoldedLines(tag: ScalarTag, folded: FoldedLines): ScalarTag {
  const stringify: NonNullable<ScalarTag['stringify']> = (item, ctx, onComment, onChompKeep) => {
    const own = folded.get(item as Scalar);
    if (own && ctx.indent && !ctx.implicitKey && !ctx.inFlow && !(item as Scalar).comment) {
      return `>${own.chomp}\n${own.lines.map((line) => (line === '' ? '' : `${ctx.indent}${line}`)).join('\n')}`;
    }
    return tag.stringify!(item, ctx, onComment, onChompKeep);
  };
  return { ...tag, stringify };
}

function layout(node: unknown, shape: Shape, context: Context, root = false): void {
  if (isMap(node)) {
    if (shape.keys) reorder(node.items as Pair[], shape.keys, root, context.text);
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (isScalar(pair.key)) quoting(pair.key, context);
      const sub = typeof key === 'string' ? childShape(shape, key) : EMPTY_SHAPE;
      if (typeof key === 'string' && context.criteria.has(key) && isScalar(pair.value)) criterion(pair.value);
      layout(pair.value, sub, context);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) layout(item, shape.items ?? EMPTY_SHAPE, context);
  } else if (isScalar(node)) {
    quoting(node, context);
  } else if (isPair(node)) {
    layout(node.value, shape, context);
  }
}

/**
 * Stable sort: known keys in schema order, then the others in their own order. The comment above
 * the first key of the file (the modeline, a header) stays on top, whichever key comes first.
 */
function reorder(items: Pair[], keys: readonly string[], root: boolean, text: string): void {
  const rank = (item: Pair) => {
    const key = isScalar(item.key) ? item.key.value : undefined;
    const i = typeof key === 'string' ? keys.indexOf(key) : -1;
    return i === -1 ? keys.length : i;
  };
  const sorted = items.map((item, index) => ({ item, index })).sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index).map((e) => e.item);
  if (sorted.every((item, i) => item === items[i])) return;
  items.forEach((item, i) => reattachComment(item, items[i + 1], text));
  const oldFirst = items[0]?.key;
  const newFirst = sorted[0]?.key;
  if (root && isScalar(oldFirst) && isScalar(newFirst) && oldFirst.commentBefore) {
    const header = oldFirst.commentBefore;
    oldFirst.commentBefore = undefined;
    newFirst.commentBefore = newFirst.commentBefore ? `${header}\n${newFirst.commentBefore}` : header;
    const space = oldFirst.spaceBefore;
    oldFirst.spaceBefore = newFirst.spaceBefore;
    newFirst.spaceBefore = space;
  }
  items.splice(0, items.length, ...sorted);
}

/**
 * yaml attaches comment lines after a nested list or map to that collection, also the ones
 * written at the next key's indentation, above that key. Before keys move, those lines are
 * given back to the key they stand above, so they move with it.
 */
function reattachComment(pair: Pair, next: Pair | undefined, text: string): void {
  const value = pair.value;
  const nextKey = next?.key;
  if (!(isMap(value) || isSeq(value)) || !value.comment || !value.range || !isScalar(nextKey) || !nextKey.range) return;
  const keyStart = nextKey.range[0];
  const column = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  const lines = text.slice(value.range[1], keyStart).split('\n').filter((line) => line.trimStart().startsWith('#'));
  let own = 0;
  while (own < lines.length && lines[lines.length - 1 - own]!.length - lines[lines.length - 1 - own]!.trimStart().length <= column) own++;
  const comment = value.comment.split('\n');
  if (own === 0 || own > comment.length || lines.length !== comment.length) return;
  const moved = comment.slice(comment.length - own).join('\n');
  value.comment = comment.length === own ? undefined : comment.slice(0, comment.length - own).join('\n');
  nextKey.commentBefore = nextKey.commentBefore ? `${moved}\n${nextKey.commentBefore}` : moved;
}

/** YAML 1.1 readers (editors) read these plain words as booleans, numbers or null. */
function plainIsSafe(value: string): boolean {
  if (value === '' || value !== value.trim()) return false;
  for (const schema of ['core', 'yaml-1.1'] as const) {
    try {
      if (parse(value, { schema, strict: true }) !== value) return false;
    } catch {
      return false;
    }
  }
  return true;
}

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u00a0\u00ad\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/;

function quoting(node: Scalar, context: Context): void {
  if (typeof node.value !== 'string') return;
  if (node.type === Scalar.BLOCK_FOLDED) {
    rememberFoldedLines(node, context.folded);
    return;
  }
  if (node.type !== Scalar.QUOTE_SINGLE && node.type !== Scalar.QUOTE_DOUBLE) return;
  // Line breaks, tabs and invisible characters stay visible as escapes or in their own quotes.
  if (INVISIBLE.test(node.value)) return;
  if (plainIsSafe(node.value)) node.type = Scalar.PLAIN;
  else node.type = node.value.includes("'") && !node.value.includes('"') ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
}

function rememberFoldedLines(node: Scalar, folded: FoldedLines): void {
  const token = node.srcToken;
  if (!token || token.type !== 'block-scalar') return;
  const headerToken = token.props.find((p) => p.type === 'block-scalar-header');
  const header = headerToken && 'source' in headerToken ? headerToken.source : '';
  const match = /^>([-]?)$/.exec(header);
  if (!match || token.props.some((p) => p.type === 'comment')) return;
  const lines = token.source.split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0 || lines.some((line) => line !== '' && line.trim() === '') || lines.some((line) => /^ *\t/.test(line))) return;
  const indent = Math.min(...lines.filter((line) => line !== '').map((line) => line.length - line.trimStart().length));
  folded.set(node, { chomp: match[1]!, lines: lines.map((line) => (line === '' ? '' : line.slice(indent))) });
}

/** Re-spaces a criterion held in a plain, quoted or literal scalar; a folded block is left as it is. */
function criterion(node: Scalar): void {
  if (typeof node.value !== 'string' || node.type === Scalar.BLOCK_FOLDED) return;
  const normalized = normalizeCriterion(node.value);
  if (normalized !== node.value) node.value = normalized;
}

// --- what the checks compare ----------------------------------------------------------------

/** The value with every criterion replaced by a marker: criteria are compared by their AST. */
function withoutCriteriaSpacing(value: unknown, kind: FmtKind): unknown {
  const keys = CRITERIA_KEYS[kind];
  if (!keys) return value;
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(Object.entries(v).map(([k, sub]) => [k, keys.has(k) && typeof sub === 'string' ? CRITERION : strip(sub)]));
  };
  return strip(value);
}

const CRITERION = '\u0000criterium';

/** Every criterion in the value by its path: its AST without positions, or its text when it does not parse. */
function criteriaOf(value: unknown, kind: FmtKind): Record<string, unknown> {
  const keys = CRITERIA_KEYS[kind];
  const out: Record<string, unknown> = {};
  if (!keys) return out;
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) v.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (typeof v === 'object' && v !== null) {
      for (const [k, sub] of Object.entries(v)) {
        const at = `${path}/${k}`;
        if (keys.has(k) && typeof sub === 'string') out[at] = astWithoutPositions(sub) ?? { unparsed: sub };
        else walk(sub, at);
      }
    }
  };
  walk(value, '');
  return out;
}

/** The text of every comment in the file, sorted: where yaml attaches a comment may change, not whether it is there. */
export function commentsOf(text: string): string[] {
  const out: string[] = [];
  const visit = (token: unknown): void => {
    if (Array.isArray(token)) {
      token.forEach(visit);
      return;
    }
    if (typeof token !== 'object' || token === null) return;
    const t = token as { type?: string; source?: string };
    if (t.type === 'comment' && typeof t.source === 'string') out.push(t.source.trimEnd());
    for (const [key, sub] of Object.entries(token)) if (key !== 'source' && typeof sub === 'object') visit(sub);
  };
  for (const token of new Parser().parse(text)) visit(token);
  return out.sort();
}
