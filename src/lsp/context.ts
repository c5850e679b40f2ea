/**
 * What the cursor is in, for completion: a criterion (an `als:`-style value), a field that names a
 * product, or neither; and inside a criterion, whether a value of a known fact is expected.
 */
import { isScalar, parseDocument, visit, type Node, type Pair } from 'yaml';
import { RESERVED_WORDS } from '../../grammar/tokens.js';

/** The keys whose values are criteria: products (als, alleen_als, of_als), definitions (als), analyse.yaml (toegang). */
export const CRITERIA_KEYS = ['als', 'alleen_als', 'of_als', 'toegang'];
/** The keys whose values (or list items) are product ids of the catalogue. */
export const PRODUCT_KEYS = ['product', 'vereist_een_van', 'ook_bieden'];

export type CursorContext =
  | { readonly kind: 'criterion'; readonly before: string }
  | { readonly kind: 'product' }
  | { readonly kind: 'none' };

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

export function cursorContext(text: string, offset: number): CursorContext {
  let found: CursorContext = { kind: 'none' };
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false, strict: false });
  visit(doc, {
    Pair(_, pair: Pair) {
      if (!isScalar(pair.key) || !pair.key.range) return undefined;
      const key = String(pair.key.value);
      const criteria = CRITERIA_KEYS.includes(key);
      if (!criteria && !PRODUCT_KEYS.includes(key)) return undefined;
      const value = pair.value as Node | null;
      const keyEnd = pair.key.range[1];
      const colon = text.indexOf(':', keyEnd);
      if (colon === -1 || colon >= lineEnd(text, keyEnd)) return undefined;
      const start = value?.range ? value.range[0] : colon + 1;
      const end = lineEnd(text, value?.range ? value.range[1] : colon + 1);
      // A block scalar ends where its indentation does; its last line's end is close enough.
      if (offset < colon + 1 || offset > Math.max(end, lineEnd(text, colon))) return undefined;
      if (criteria) {
        if (value && !isScalar(value)) return undefined;
        found = { kind: 'criterion', before: criterionText(text.slice(start, offset)) };
      } else found = { kind: 'product' };
      return visit.BREAK;
    },
  });
  if (found.kind === 'none') found = listItemContext(text, offset);
  return found;
}

/** A block list item `- ...` under `vereist_een_van:` or `ook_bieden:` (yaml may not give it a node yet). */
function listItemContext(text: string, offset: number): CursorContext {
  const lines = text.slice(0, offset).split('\n');
  const current = lines[lines.length - 1] ?? '';
  const item = /^(\s*)-\s*[\w-]*$/.exec(current);
  if (!item) return { kind: 'none' };
  const indent = item[1]!.length;
  for (let i = lines.length - 2; i >= 0; i--) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const key = /^(\s*)(?:-\s+)?([\w-]+):\s*$/.exec(line);
    const lineIndent = line.length - line.trimStart().length;
    if (/^\s*-/.test(line) && lineIndent === indent) continue;
    if (key && lineIndent <= indent) return PRODUCT_KEYS.includes(key[2]!) ? { kind: 'product' } : { kind: 'none' };
    if (lineIndent <= indent) return { kind: 'none' };
  }
  return { kind: 'none' };
}

/** The criterion text from a raw YAML value: without a block indicator line or an opening quote. */
function criterionText(raw: string): string {
  const block = /^[>|][-+0-9]*[ \t]*(#.*)?\r?\n/.exec(raw);
  if (block) return raw.slice(block[0].length);
  if (raw.startsWith('"') || raw.startsWith("'")) return raw.slice(1);
  return raw;
}

const TOKEN = /\s*(>=|<=|!=|≥|≤|≠|[<>=[\](),]|[^\s<>=!≥≤≠[\](),]+)/gy;

export function tokens(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  for (;;) {
    const match = TOKEN.exec(text);
    if (!match) break;
    out.push(match[1]!);
  }
  return out;
}

const COMPARATORS = ['>=', '<=', '>', '<', '=', '!=', '≥', '≤', '≠', 'is', 'minimaal', 'maximaal', 'bevat'];

/**
 * The fact whose value the cursor is at, if any: after `problematiek >= `, `inzicht is niet `,
 * `weerstand in [geen, `, `leeftijd tussen 18 en `, `beperkingen bevat `.
 */
export function valueOf(before: string): string | undefined {
  const all = tokens(before);
  // The word being typed is not part of the context.
  if (/[^\s<>=!≥≤≠[\](),]$/.test(before)) all.pop();
  let i = all.length - 1;
  if (i < 0) return undefined;
  const last = all[i]!;
  // inside an open list: back to its '['
  if (last === '[' || last === ',') {
    let j = i;
    while (j >= 0 && all[j] !== '[') {
      if (all[j] === ']') return undefined;
      j--;
    }
    if (j < 1 || all[j - 1] !== 'in') return undefined;
    return factBefore(all, all[j - 2] === 'niet' ? j - 2 : j - 1);
  }
  if (last === 'niet' && (all[i - 1] === 'is' || all[i - 1] === 'bevat')) i--;
  if (COMPARATORS.includes(all[i]!)) return factBefore(all, i);
  if (all[i] === 'tussen') return factBefore(all, i);
  // `x tussen a en ` — the `en` of a between
  if (last === 'en' && all[i - 2] === 'tussen') return factBefore(all, i - 2);
  return undefined;
}

function factBefore(all: readonly string[], operator: number): string | undefined {
  const name = all[operator - 1];
  if (!name || RESERVED_WORDS.includes(name) || !/^[a-zA-Z_\u00C0-\u024F][a-zA-Z0-9_\u00C0-\u024F]*$/.test(name)) return undefined;
  // `aantal beperkingen >= ` expects a count, not a label
  if (all[operator - 2] === 'aantal') return undefined;
  return name;
}
