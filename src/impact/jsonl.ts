/**
 * A .jsonl population: one JSON object per line, blank lines ignored, a BOM accepted. An `id`
 * field (text or number) names the profile; without it the line number does.
 */
import { basename } from 'node:path';
import { diag } from '../diagnostics/codes.js';
import type { Span } from '../diagnostics/diagnostic.js';
import { parseJsonText } from '../vocabulary/profile-json.js';
import { readLines } from './lines.js';
import { MAX_LINE_BYTES, type PopulationSource, type RawLine, type SourceItem } from './source.js';

const PROBLEMS = { 'te-lang': `de regel is langer dan ${MAX_LINE_BYTES} bytes`, 'geen-utf8': 'de regel is geen geldige UTF-8-tekst' } as const;

/** Column of a fact's key in the line (its opening quote), or 1 when it cannot be found. */
function keyColumn(text: string, name: string | number | undefined): number {
  if (typeof name !== 'string') return 1;
  const at = text.indexOf(JSON.stringify(name));
  return at === -1 ? 1 : at + 1;
}

let lastPath = '';
let lastName = '';
/** The file name for messages; a worker parses many lines of one file, so it is worked out once. */
function fileName(path: string): string {
  if (path !== lastPath) [lastPath, lastName] = [path, basename(path)];
  return lastName;
}

/** One line of a .jsonl population: a profile value still to be validated, or why it is invalid. */
export function parseJsonlLine(path: string, line: RawLine): SourceItem {
  const what = fileName(path);
  const at: Span = { file: path, line: line.number, col: 1 };
  const text = line.text;
  const parsed = parseJsonText(text);
  if (!('value' in parsed)) {
    const where = { ...at, col: parsed.offset + 1 };
    const problem = parsed.error === 'duplicate' ? diag('WZ105', { key: parsed.key }, where) : diag('WZ111', { line: line.number, what, detail: 'geen geldige JSON' }, where);
    return { kind: 'invalid', at: where, diagnostics: [problem] };
  }
  let value = parsed.value;
  let id = String(line.number);
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'id' in value) {
    const { id: given, ...facts } = value as Record<string, unknown>;
    if (typeof given !== 'string' && typeof given !== 'number') {
      const where = { ...at, col: keyColumn(text, 'id') };
      return { kind: 'invalid', at: where, diagnostics: [diag('WZ111', { line: line.number, what, detail: 'id moet tekst of een getal zijn' }, where)] };
    }
    id = String(given);
    value = facts;
  }
  return { kind: 'value', id, value, locate: (segments) => ({ ...at, col: keyColumn(text, segments[0]) }) };
}

/** Lines are yielded unparsed (see parseJsonlLine); too long or not UTF-8 is reported here. */
export function jsonlSource(path: string, size: number): PopulationSource {
  let bytesRead = 0;
  const what = basename(path);
  async function* items(): AsyncGenerator<SourceItem> {
    for await (const line of readLines(path, MAX_LINE_BYTES)) {
      bytesRead = line.bytesRead;
      if ('problem' in line) {
        const at: Span = { file: path, line: line.number, col: 1 };
        yield { kind: 'invalid', at, diagnostics: [diag('WZ111', { line: line.number, what, detail: PROBLEMS[line.problem] }, at)] };
        continue;
      }
      if (line.text.trim() === '') continue;
      yield { kind: 'line', line: { number: line.number, text: line.text } };
    }
  }
  return { items, progress: () => (size > 0 ? Math.min(1, bytesRead / size) : 1) };
}
