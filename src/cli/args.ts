/** Argument parsing on node:util parseArgs, with Dutch usage errors instead of exceptions. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  readonly positionals: string[];
  readonly values: Record<string, string | boolean | string[] | undefined>;
}

export function parse(argv: string[], options: OptionSpec, usage: string): { parsed?: Parsed; error?: Diagnostic } {
  try {
    const { positionals, values } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { parsed: { positionals, values: values as Parsed['values'] } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /'([^']+)'/.exec(message)?.[1] ?? message;
    const code = (error as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return { error: diag('WZ902', { what: `een waarde voor ${option.split(' ')[0]}`, usage }) };
    return { error: diag('WZ903', { option, usage }) };
  }
}

export function choice<T extends string>(value: unknown, allowed: readonly T[], option: string): { value?: T; error?: Diagnostic } {
  if (value === undefined) return {};
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return { value: value as T };
  return { error: diag('WZ904', { value: String(value), option, allowed: allowed.join(', ') }) };
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
