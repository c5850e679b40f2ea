/** Loads rules/feiten/*.yaml into one Vocabulary, with located diagnostics. */
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { RESERVED_WORDS } from '../../grammar/tokens.js';
import { loadYamlFile } from '../yaml/load.js';
import { yamlFilesIn } from '../util/files.js';
import { spanOfPath } from '../yaml/strict.js';
import type { Fact, Vocabulary } from './types.js';

interface RawFact {
  type: Fact['kind'];
  omschrijving: string;
  eenheid?: string;
  minimum?: number;
  maximum?: number;
  waarden?: string[];
  toelichting?: Record<string, string>;
  gebruikt_in?: string[];
}

/** All fact files of a folder form one vocabulary; a fact may be declared only once. */
export function loadVocabulary(folder: string): { vocabulary?: Vocabulary; diagnostics: Diagnostic[] } {
  const files = yamlFilesIn(folder);
  if (files.length === 0) return { diagnostics: [diag('WZ605', { path: folder }, { file: folder, line: 1, col: 1 })] };
  const facts = new Map<string, Fact>();
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const loaded = loadFactFile(file);
    diagnostics.push(...loaded.diagnostics);
    for (const fact of loaded.facts) {
      const other = facts.get(fact.name);
      if (other) diagnostics.push(diag('WZ604', { fact: fact.name, other: other.span.file }, fact.span));
      else facts.set(fact.name, fact);
    }
  }
  return { vocabulary: { file: folder, facts }, diagnostics };
}

function loadFactFile(path: string): { facts: Fact[]; diagnostics: Diagnostic[] } {
  const loaded = loadYamlFile<{ feiten: Record<string, RawFact> }>(path, 'feiten.schema.json');
  if (!loaded.source || !loaded.value) return { facts: [], diagnostics: loaded.diagnostics };
  const source = loaded.source;
  const diagnostics = [...loaded.diagnostics];
  const facts = new Map<string, Fact>();
  const raw = loaded.value.feiten;
  for (const [name, def] of Object.entries(raw)) {
    const span = spanOfPath(source, ['feiten', name], 'key');
    if (RESERVED_WORDS.includes(name)) diagnostics.push(diag('WZ602', { name }, span));
    const base = {
      name,
      omschrijving: def.omschrijving,
      span,
      ...(def.toelichting ? { toelichting: def.toelichting } : {}),
      ...(def.gebruikt_in ? { gebruiktIn: def.gebruikt_in } : {}),
    };
    if (def.type === 'schaal' || def.type === 'keuze' || def.type === 'lijst') {
      if (!def.waarden) {
        diagnostics.push(diag('WZ202', { key: 'waarden', path: `feiten.${name}` }, span));
        continue;
      }
      const seen = new Set<string>();
      def.waarden.forEach((label, index) => {
        const at = spanOfPath(source, ['feiten', name, 'waarden', index]);
        if (seen.has(label)) diagnostics.push(diag('WZ601', { label, fact: name }, at));
        if (RESERVED_WORDS.includes(label)) diagnostics.push(diag('WZ602', { name: label }, at));
        seen.add(label);
      });
      facts.set(name, { ...base, kind: def.type, labels: def.waarden });
    } else if (def.type === 'getal') {
      if (def.minimum !== undefined && def.maximum !== undefined && def.minimum > def.maximum) {
        diagnostics.push(diag('WZ603', { fact: name, min: def.minimum, max: def.maximum }, span));
      }
      facts.set(name, {
        ...base,
        kind: 'getal',
        ...(def.eenheid ? { eenheid: def.eenheid } : {}),
        ...(def.minimum !== undefined ? { minimum: def.minimum } : {}),
        ...(def.maximum !== undefined ? { maximum: def.maximum } : {}),
      });
    } else {
      facts.set(name, { ...base, kind: 'ja-nee' });
    }
  }
  return { facts: [...facts.values()], diagnostics };
}
