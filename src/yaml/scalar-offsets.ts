/**
 * Positions inside YAML scalars. A criterion is the *parsed* value of a YAML string; to point
 * a DSL error at the right line and column of the file we align the value with the raw source
 * text of the scalar (folded lines, indentation, quotes and escapes are skipped over).
 */
import { isScalar, type Node } from 'yaml';
import type { Span } from '../diagnostics/diagnostic.js';
import { spanAt, type YamlSource } from './strict.js';

export function scalarOffsetMapper(source: YamlSource, node: Node | undefined): (offset: number) => Span {
  if (!node || !isScalar(node) || !node.range || typeof node.value !== 'string') {
    const start = node?.range?.[0] ?? 0;
    return () => spanAt(source, start);
  }
  const value = node.value;
  const [start, valueEnd] = node.range;
  const raw = source.text.slice(start, valueEnd);
  const map: number[] = [];
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    const isSpace = /\s/.test(c);
    let k = j;
    while (k < raw.length && !(raw[k] === c || (isSpace && /\s/.test(raw[k]!)))) k++;
    if (k >= raw.length) k = Math.max(0, Math.min(j, raw.length - 1));
    map.push(start + k);
    j = Math.min(raw.length, k + 1);
  }
  map.push(start + Math.min(j, raw.length));
  return (offset: number) => spanAt(source, map[Math.max(0, Math.min(offset, map.length - 1))] ?? start);
}
