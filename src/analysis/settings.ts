/** analyse.yaml in a catalogue folder: family policies, constraints between facts, acknowledgements. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { suggest } from '../util/suggest.js';
import { parseCriterion } from '../dsl/parse.js';
import type { Expr } from '../dsl/ast.js';
import type { OffsetMapper } from '../dsl/parse.js';
import { loadYamlFile } from '../yaml/load.js';
import { scalarOffsetMapper } from '../yaml/scalar-offsets.js';
import { nodeAt, spanOfPath } from '../yaml/strict.js';

export type FamilyPolicy = 'lichtst-passend' | 'precies-een' | 'meerdere-toegestaan';

export interface Criterion {
  readonly text: string;
  readonly ast?: Expr;
  readonly at: OffsetMapper;
}

export interface AnalysisSettings {
  readonly file?: string;
  readonly families: ReadonlyMap<string, { readonly beleid: FamilyPolicy; readonly toegang?: Criterion }>;
  readonly samenhang: readonly (Criterion & { readonly omschrijving: string })[];
  readonly erkend: readonly { readonly sleutel: string; readonly reden: string; readonly span: Span }[];
}

interface RawSettings {
  families?: Record<string, { beleid?: FamilyPolicy; toegang?: string }>;
  samenhang?: { als: string; omschrijving: string }[];
  erkend?: { sleutel: string; reden: string }[];
}

export const SETTINGS_FILE = 'analyse.yaml';

/**
 * With `knownFamilies` (the families the catalogue's products name), a family in analyse.yaml
 * that no product has is an error: a misspelt name would otherwise silently get no policy.
 */
export function loadSettings(folder: string, knownFamilies?: readonly string[]): { settings: AnalysisSettings; diagnostics: Diagnostic[] } {
  const empty: AnalysisSettings = { families: new Map(), samenhang: [], erkend: [] };
  const file = join(folder, SETTINGS_FILE);
  if (!existsSync(file)) return { settings: empty, diagnostics: [] };
  const loaded = loadYamlFile<RawSettings>(file, 'analyse.schema.json');
  if (!loaded.source || !loaded.value) return { settings: empty, diagnostics: loaded.diagnostics };
  const source = loaded.source;
  const diagnostics = [...loaded.diagnostics];
  const criterion = (text: string, path: (string | number)[]): Criterion => {
    const at = scalarOffsetMapper(source, nodeAt(source, path).node);
    const parsed = parseCriterion(text, at);
    diagnostics.push(...parsed.diagnostics);
    return { text, at, ...(parsed.ast ? { ast: parsed.ast } : {}) };
  };
  const families = new Map(
    Object.entries(loaded.value.families ?? {}).map(([name, f]) => [
      name,
      { beleid: f.beleid ?? ('lichtst-passend' as const), ...(f.toegang !== undefined ? { toegang: criterion(f.toegang, ['families', name, 'toegang']) } : {}) },
    ]),
  );
  if (knownFamilies) {
    for (const name of families.keys()) {
      if (knownFamilies.includes(name)) continue;
      const suggestion = suggest(name, knownFamilies);
      diagnostics.push(diag('WZ611', { id: name, ...(suggestion ? { suggestion } : {}) }, spanOfPath(source, ['families', name], 'key')));
    }
  }
  const samenhang = (loaded.value.samenhang ?? []).map((c, i) => ({ ...criterion(c.als, ['samenhang', i, 'als']), omschrijving: c.omschrijving }));
  const erkend = (loaded.value.erkend ?? []).map((e, i) => ({ ...e, span: spanOfPath(source, ['erkend', i, 'sleutel']) }));
  return { settings: { file, families, samenhang, erkend }, diagnostics };
}
