/**
 * A population of client profiles for impact analysis: a folder of profile files, a .jsonl
 * file (one JSON object per line) or a .csv file (header row of fact names; lists separated by
 * | or ;). An optional `id` field/column names each profile. Every profile is validated.
 */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isDirectory } from '../util/files.js';
import { checkProfileValue, loadProfile } from '../vocabulary/profile.js';
import type { Fact, FactValue, Profile, Vocabulary } from '../vocabulary/types.js';
import { assertNever } from '../dsl/ast.js';

export interface PopulationProfile {
  readonly id: string;
  readonly profile: Profile;
}

export const MAX_POPULATION_BYTES = 1024 * 1024 * 1024;
const MAX_REPORTED_ERRORS = 20;

export interface Population {
  readonly profiles?: PopulationProfile[];
  readonly diagnostics: Diagnostic[];
}

export async function loadPopulation(path: string, vocabulary: Vocabulary): Promise<Population> {
  const at = { file: path, line: 1, col: 1 };
  if (isDirectory(path)) return loadFolder(path, vocabulary);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return { diagnostics: [diag('WZ101', { path }, at)] };
  }
  if (size > MAX_POPULATION_BYTES) return { diagnostics: [diag('WZ102', { size, max: MAX_POPULATION_BYTES }, at)] };
  const extension = extname(path).toLowerCase();
  if (extension === '.jsonl' || extension === '.ndjson') return loadLines(path, vocabulary, jsonLine);
  if (extension === '.csv') return loadCsv(path, vocabulary);
  return { diagnostics: [diag('WZ109', { detail: 'gebruik een map met profielen, een .jsonl- of een .csv-bestand' }, at)] };
}

function loadFolder(folder: string, vocabulary: Vocabulary): Population {
  const files = readdirSync(folder).filter((n) => /\.(ya?ml|json)$/i.test(n)).sort();
  const profiles: PopulationProfile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of files) {
    const loaded = loadProfile(join(folder, name), vocabulary);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.profile) profiles.push({ id: basename(name, extname(name)), profile: loaded.profile });
  }
  return diagnostics.some((d) => d.severity === 'fout') ? { diagnostics } : { profiles, diagnostics };
}

type LineParser = (line: string, lineNumber: number, file: string) => { id?: string; value?: unknown; error?: string };

function jsonLine(line: string): { id?: string; value?: unknown; error?: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: 'geen geldige JSON' };
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && 'id' in value) {
    const { id, ...rest } = value as Record<string, unknown>;
    return { id: String(id), value: rest };
  }
  return { value };
}

async function loadLines(path: string, vocabulary: Vocabulary, parseLine: LineParser, firstLine = 1): Promise<Population> {
  const profiles: PopulationProfile[] = [];
  const diagnostics: Diagnostic[] = [];
  let lineNumber = 0;
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const raw of lines) {
    lineNumber++;
    if (lineNumber < firstLine || raw.trim() === '') continue;
    const parsed = parseLine(raw, lineNumber, path);
    const at = { file: path, line: lineNumber, col: 1 };
    if (parsed.error) diagnostics.push(diag('WZ111', { line: lineNumber, what: basename(path), detail: parsed.error }, at));
    else {
      const checked = checkProfileValue(parsed.value, vocabulary, () => at);
      diagnostics.push(...checked.diagnostics);
      if (checked.profile) profiles.push({ id: parsed.id ?? String(lineNumber), profile: checked.profile });
    }
    if (diagnostics.length >= MAX_REPORTED_ERRORS) break;
  }
  lines.close();
  return diagnostics.length > 0 ? { diagnostics } : { profiles, diagnostics };
}

/** Splits one CSV line: quoted fields with "" escapes, the given delimiter. */
export function splitCsvLine(line: string, delimiter: string): string[] | undefined {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  if (quoted) return undefined;
  cells.push(cell.trim());
  return cells;
}

function csvValue(fact: Fact, cell: string, listSeparator: RegExp): FactValue | string {
  switch (fact.kind) {
    case 'ja-nee':
      return /^(ja|true|1)$/i.test(cell) ? true : /^(nee|false|0)$/i.test(cell) ? false : cell;
    case 'getal': {
      const number = Number(cell.replace(',', '.'));
      return Number.isFinite(number) ? number : cell;
    }
    case 'schaal':
    case 'keuze':
      return cell;
    case 'lijst':
      return cell.split(listSeparator).map((v) => v.trim()).filter(Boolean);
    default:
      return assertNever(fact);
  }
}

async function loadCsv(path: string, vocabulary: Vocabulary): Promise<Population> {
  const header = await firstLine(path);
  if (header === undefined) return { diagnostics: [diag('WZ106', {}, { file: path, line: 1, col: 1 })] };
  const delimiter = header.includes(';') && !header.includes(',') ? ';' : ',';
  const listSeparator = delimiter === ';' ? /\|/ : /[|;]/;
  const columns = splitCsvLine(header, delimiter) ?? [];
  const unknown = columns.filter((c) => c !== 'id' && !vocabulary.facts.has(c));
  if (unknown.length > 0) return { diagnostics: unknown.map((name) => diag('WZ701', { name }, { file: path, line: 1, col: header.indexOf(name) + 1 })) };
  return loadLines(
    path,
    vocabulary,
    (line) => {
      const cells = splitCsvLine(line, delimiter);
      if (!cells || cells.length !== columns.length) return { error: `verwacht ${columns.length} kolommen` };
      const value: Record<string, FactValue | string> = {};
      let id: string | undefined;
      columns.forEach((column, i) => {
        const cell = cells[i]!;
        if (column === 'id') id = cell;
        else if (cell !== '') value[column] = csvValue(vocabulary.facts.get(column)!, cell, listSeparator);
      });
      return { ...(id ? { id } : {}), value };
    },
    2,
  );
}

async function firstLine(path: string): Promise<string | undefined> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line.replace(/^\uFEFF/, '');
  }
  return undefined;
}
