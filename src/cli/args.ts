/** Argument parsing on node:util parseArgs, with Dutch usage errors instead of exceptions. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { suggest } from '../util/suggest.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  readonly positionals: string[];
  readonly values: Record<string, string | boolean | string[] | undefined>;
}

/**
 * The one spelling of options that several commands share, and its Dutch alias. A command that
 * declares `catalogue` gets `--catalogus` and `-c` with it, so every command accepts the same
 * three spellings; the alias's values arrive under `catalogue`.
 */
const ALIASES: Readonly<Record<string, string>> = { catalogus: 'catalogue' };
const SHORT: Readonly<Record<string, string>> = { catalogue: 'c' };

function withAliases(options: OptionSpec): OptionSpec {
  const all: OptionSpec = { ...options };
  const shorts = new Set(Object.values(options).flatMap((o) => (o.short ? [o.short] : [])));
  for (const [alias, name] of Object.entries(ALIASES)) {
    const option = options[name];
    if (option && !all[alias]) all[alias] = { type: option.type, ...(option.multiple ? { multiple: true } : {}) };
  }
  for (const [name, short] of Object.entries(SHORT)) {
    const option = all[name];
    if (option && !option.short && !shorts.has(short)) all[name] = { ...option, short };
  }
  return all;
}

function mergeAliases(values: Parsed['values'], options: OptionSpec): Parsed['values'] {
  const merged = { ...values };
  for (const [alias, name] of Object.entries(ALIASES)) {
    if (merged[alias] === undefined || !options[name]) continue;
    const own = merged[name];
    const extra = merged[alias];
    merged[name] = options[name].multiple ? [...list(own), ...list(extra)] : (own ?? extra);
    delete merged[alias];
  }
  return merged;
}

export function parse(argv: string[], options: OptionSpec, usage: string): { parsed?: Parsed; error?: Diagnostic } {
  const spec = withAliases(options);
  let result: { positionals: string[]; values: Parsed['values'] };
  try {
    const { positionals, values } = parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
    result = { positionals, values: values as Parsed['values'] };
  } catch (error) {
    return { error: parseError(error, spec, usage, argv) };
  }
  // An empty value (`--catalogue ""`) is as good as none: it would silently mean "here".
  for (const [name, value] of Object.entries(result.values)) {
    if (spec[name]?.type === 'string' && list(value).some((v) => v === '')) return { error: diag('WZ916', { option: `--${name}`, usage }) };
  }
  return { parsed: { positionals: result.positionals, values: mergeAliases(result.values, options) } };
}

function parseError(error: unknown, spec: OptionSpec, usage: string, argv: readonly string[]): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? message;
  // parseArgs names an option as '-c, --catalogue <value>': show the long name only.
  let option = /--[\w-]+/.exec(quoted)?.[0] ?? quoted.split(' ')[0]!;
  const code = (error as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    option = longName(option, spec);
    if (message.includes('does not take an argument')) return diag('WZ918', { option, usage });
    // parseArgs reads `--port -1` as an option without a value; it is a negative number.
    const next = argv[argv.indexOf(quoted) + 1];
    if (next !== undefined && /^-\d/.test(next)) return diag('WZ917', { value: next, option: longName(option, spec), expected: 'een waarde zonder minteken (een negatief getal kan hier niet)' });
    return diag('WZ916', { option, usage });
  }
  const known = Object.keys(spec).map((name) => `--${name}`);
  const suggestion = option.startsWith('--') ? suggest(option, known) : undefined;
  return diag('WZ903', { option, usage, ...(suggestion ? { suggestion } : {}) });
}

/** `-c` → `--catalogue`: messages name an option by its long name. */
function longName(option: string, spec: OptionSpec): string {
  const long = Object.entries(spec).find(([, o]) => o.short !== undefined && `-${o.short}` === option)?.[0];
  return long ? `--${long}` : option;
}

export function choice<T extends string>(value: unknown, allowed: readonly T[], option: string): { value?: T; error?: Diagnostic } {
  if (value === undefined) return {};
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return { value: value as T };
  return { error: diag('WZ904', { value: String(value), option, allowed: allowed.join(', ') }) };
}

/**
 * A whole number option between min and max. Only plain digits count: `1.5`, `0x2`, `1e3`,
 * `-1` and `+1` are refused with a message naming the option and the value, rather than
 * rounded or read as something the user did not write. Absent: `fallback`.
 */
export function integerOption(value: unknown, option: string, min: number, max: number, fallback?: number): { value?: number; error?: Diagnostic } {
  if (value === undefined && fallback !== undefined) return { value: fallback };
  const text = typeof value === 'string' ? value : String(value);
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) {
    return { error: diag('WZ917', { value: text, option, expected: `een geheel getal van ${min} tot ${max}` }) };
  }
  return { value: n };
}

/** A count that must be at least 1 (number of profiles, workers, …). */
export function positiveInteger(value: unknown, option: string, max = Number.MAX_SAFE_INTEGER, fallback?: number): { value?: number; error?: Diagnostic } {
  return integerOption(value, option, 1, max, fallback);
}

/** A decimal number between min and max, written with a decimal point (`0.5`, not `0,5` or `5e-1`). */
export function decimalOption(value: unknown, option: string, min: number, max: number, fallback?: number): { value?: number; error?: Diagnostic } {
  if (value === undefined && fallback !== undefined) return { value: fallback };
  const text = typeof value === 'string' ? value : String(value);
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(n) || n < min || n > max) {
    const comma = /^\d+,\d+$/.test(text) ? ` (met een decimale punt: ${text.replace(',', '.')})` : '';
    return { error: diag('WZ917', { value: text, option, expected: `een getal van ${min} tot ${max}${comma}` }) };
  }
  return { value: n };
}

export function list(value: unknown): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/**
 * Parsing plus the --format option every reporting command has. `format` is undefined when the
 * option is absent (each command then uses its default).
 */
export function parseWithFormat<T extends string>(
  argv: string[],
  options: OptionSpec,
  usage: string,
  formats: readonly T[],
): { parsed: Parsed; format: T | undefined; error?: undefined } | { parsed?: undefined; error: Diagnostic } {
  const { parsed, error } = parse(argv, { ...options, format: { type: 'string' } }, usage);
  if (!parsed) return { error: error! };
  const format = choice(parsed.values['format'], formats, '--format');
  if (format.error) return { error: format.error };
  return { parsed, format: format.value };
}
