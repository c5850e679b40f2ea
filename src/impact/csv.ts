/**
 * A .csv population, read by csv-parse (quoted fields with newlines, "" escapes, a BOM, CRLF):
 * a header row of fact names (and optionally `id`), then one profile per row. Dutch exports use
 * semicolons and decimal commas; lists are separated by | (or ; when commas separate the cells);
 * ja/nee, true/false and 1/0 are yes/no. Empty cells are facts that are not known.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { CsvError, parse } from 'csv-parse';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { assertNever } from '../dsl/ast.js';
import { suggest } from '../util/suggest.js';
import { EXISTING_COMPLETE_KEY, EXISTING_INDICATIONS_KEY } from '../vocabulary/profile.js';
import type { Fact, FactValue, Vocabulary } from '../vocabulary/types.js';
import { MAX_LINE_BYTES, type PopulationSource, type SourceItem } from './source.js';

const CRLF = /\r\n/g;
const BREAK = /\r\n|\r|\n/g;
const count = (text: string, pattern: RegExp): number => (text.includes('\n') || text.includes('\r') ? (text.match(pattern)?.length ?? 0) : 0);

/** The first line, to choose the delimiter before the parser starts (bounded: one read). */
function headerLine(path: string): string {
  const buffer = Buffer.alloc(64 * 1024);
  const fd = openSync(path, 'r');
  try {
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, length).toString('utf8').replace(/^\uFEFF/, '').split('\n', 1)[0]!.replace(/\r$/, '');
  } finally {
    closeSync(fd);
  }
}

/** 1-based columns where the cells of the header start (quotes taken into account). */
function cellColumns(header: string, delimiter: string): number[] {
  const columns = [1];
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    if (header[i] === '"') quoted = !quoted;
    else if (header[i] === delimiter && !quoted) columns.push(i + 2);
  }
  return columns;
}

function cellValue(fact: Fact, cell: string, listSeparator: RegExp): FactValue | string {
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

/** The two keys a profile has besides facts, read from a CSV cell. */
function reservedValue(column: string, cell: string, listSeparator: RegExp): unknown {
  if (column === EXISTING_COMPLETE_KEY) return /^(ja|true|1)$/i.test(cell) ? true : /^(nee|false|0)$/i.test(cell) ? false : cell;
  return cell.split(listSeparator).map((v) => v.trim()).filter(Boolean);
}

/** A parser's complaint in the user's words; the line is where the broken row starts. */
function structureProblem(error: unknown, path: string, rowStart: number): Diagnostic {
  if (!(error instanceof CsvError)) return diag('WZ109', { detail: (error as NodeJS.ErrnoException).code ?? String(error) }, { file: path, line: rowStart, col: 1 });
  const line = error.code === 'CSV_QUOTE_NOT_CLOSED' || error.code === 'CSV_MAX_RECORD_SIZE' ? rowStart : ((error as { lines?: number }).lines ?? rowStart);
  const detail =
    error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'een aanhalingsteken wordt niet gesloten'
      : error.code === 'CSV_MAX_RECORD_SIZE'
        ? `een rij is langer dan ${MAX_LINE_BYTES} bytes (een aanhalingsteken dat niet gesloten wordt?)`
        : error.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE' || error.code === 'CSV_INVALID_CLOSING_QUOTE'
          ? 'na een afsluitend aanhalingsteken staat nog tekst in hetzelfde veld'
          : `ongeldige CSV (${error.code})`;
  return diag('WZ726', { line, detail }, { file: path, line, col: 1 });
}

export function csvSource(path: string, size: number, vocabulary: Vocabulary): PopulationSource {
  let bytesRead = 0;
  const what = basename(path);
  async function* items(): AsyncGenerator<SourceItem> {
    const header = headerLine(path);
    const delimiter = header.includes(';') && !header.includes(',') ? ';' : ',';
    const listSeparator = delimiter === ';' ? /\|/ : /[|;]/;
    const file = createReadStream(path);
    const parser = parse({ bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, info: true, max_record_size: MAX_LINE_BYTES });
    file.on('error', (error) => parser.destroy(error));
    file.pipe(parser);
    let columns: string[] | undefined;
    let lastLine = 0;
    let overcount = 0;
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
        bytesRead = info.bytes;
        // A quoted cell may hold line breaks: the row starts that many lines before where it ends.
        // csv-parse counts a CRLF inside quotes as two lines; an editor shows one.
        overcount += record.reduce((n, cell) => n + count(cell, CRLF), 0);
        lastLine = info.lines - overcount;
        const line = lastLine - record.reduce((n, cell) => n + count(cell, BREAK), 0);
        const at: Span = { file: path, line, col: 1 };
        if (!columns) {
          columns = record;
          const problems = headerProblems(columns, line === 1 ? cellColumns(header, delimiter) : [], { file: path, line, col: 1 }, vocabulary);
          if (problems.length > 0) {
            yield { kind: 'fatal', diagnostics: problems };
            return;
          }
          continue;
        }
        // A line of spaces only: trimmed to one empty cell.
        if (record.length === 1 && record[0] === '' && columns.length > 1) continue;
        if (record.length !== columns.length) {
          yield { kind: 'invalid', at, diagnostics: [diag('WZ111', { line, what, detail: `verwacht ${columns.length} kolommen, maar deze rij heeft er ${record.length}` }, at)] };
          continue;
        }
        const value: Record<string, unknown> = {};
        let id = String(line);
        columns.forEach((column, i) => {
          const cell = record[i]!;
          if (cell === '') return;
          const fact = vocabulary.facts.get(column);
          if (column === 'id') id = cell;
          else if (fact) value[column] = cellValue(fact, cell, listSeparator);
          else value[column] = reservedValue(column, cell, listSeparator);
        });
        yield { kind: 'value', id, value, locate: () => at };
      }
    } catch (error) {
      yield { kind: 'fatal', diagnostics: [structureProblem(error, path, lastLine + 1)] };
    } finally {
      file.destroy();
      parser.destroy();
    }
  }
  return { items, progress: () => (size > 0 ? Math.min(1, bytesRead / size) : 1) };
}

/** An unnamed, repeated or unknown column: the rows cannot be read as profiles. */
function headerProblems(columns: readonly string[], starts: readonly number[], header: Span, vocabulary: Vocabulary): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  const known = [...vocabulary.facts.keys(), EXISTING_INDICATIONS_KEY, EXISTING_COMPLETE_KEY];
  columns.forEach((name, i) => {
    const at = { ...header, col: starts[i] ?? 1 };
    if (name === '') problems.push(diag('WZ724', { column: i + 1 }, at));
    else if (seen.has(name)) problems.push(diag('WZ723', { name }, at));
    else if (name !== 'id' && !known.includes(name)) {
      const suggestion = suggest(name, known);
      problems.push(diag('WZ701', { name, ...(suggestion ? { suggestion } : {}) }, at));
    }
    seen.add(name);
  });
  return problems;
}
