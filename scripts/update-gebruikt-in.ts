/**
 * Rewrites `gebruikt_in` of every fact in rules/feiten/ from the bundled catalogues. Only the
 * text of those lists changes (edited by source range), so comments and layout stay as they are.
 * A test fails when the lists are out of date.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, parseDocument, type Pair } from 'yaml';
import { factUsage } from '../src/check/usage.js';
import { prepareCatalogue, prepareScope } from '../src/pipeline.js';
import { fromRoot } from '../src/util/files.js';

function usageByFact(): Map<string, string[]> {
  const scope = prepareScope();
  const catalogues = readdirSync(fromRoot('catalogue')).map((name) => {
    const prepared = prepareCatalogue(join(fromRoot('catalogue'), name), scope);
    if (!prepared.catalogue) throw new Error(`catalogue ${name} does not load`);
    return prepared.catalogue;
  });
  return factUsage(catalogues, scope.scope!);
}

function rewrite(text: string, usage: Map<string, string[]>): string {
  const doc = parseDocument(text);
  const facts = doc.get('feiten');
  if (!isMap(facts)) return text;
  const edits: { start: number; end: number; text: string }[] = [];
  for (const item of facts.items as Pair[]) {
    if (!isScalar(item.key) || !isMap(item.value)) continue;
    const list = `[${(usage.get(String(item.key.value)) ?? []).join(', ')}]`;
    const existing = item.value.items.find((p) => isScalar(p.key) && p.key.value === 'gebruikt_in') as Pair | undefined;
    const range = (existing?.value as { range?: [number, number, number] } | undefined)?.range;
    if (range) edits.push({ start: range[0], end: range[1], text: list });
    else {
      // Insert after the map's last line, indented like its first key.
      const end = item.value.range![1];
      const firstKey = (item.value.items[0]?.key as { range?: number[] })?.range?.[0] ?? 0;
      const indent = ' '.repeat(firstKey - (text.lastIndexOf('\n', firstKey - 1) + 1));
      const at = text[end - 1] === '\n' ? end : text.indexOf('\n', end) + 1 || text.length;
      edits.push({ start: at, end: at, text: `${indent}gebruikt_in: ${list}\n` });
    }
  }
  return edits.sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
}

if (process.argv[1]?.endsWith('update-gebruikt-in.ts')) {
  const usage = usageByFact();
  const folder = fromRoot('rules', 'feiten');
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.yaml'))) {
    const path = join(folder, file);
    writeFileSync(path, rewrite(readFileSync(path, 'utf8'), usage));
  }
  console.log('gebruikt_in bijgewerkt');
}
