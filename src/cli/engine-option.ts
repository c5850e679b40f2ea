/**
 * `--engine wijzer|json-rules-engine`, shared by the commands that evaluate profiles. Without the
 * option the environment variable WIJZER_ENGINE decides (an empty value counts as absent), and
 * without either the compiled evaluator ('wijzer'). An unknown value is a usage error that lists
 * the allowed values and names where the value came from.
 */
import { ENGINE_KINDS, type EngineKind } from '../engine/choice.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { choice, type OptionSpec } from './args.js';
import type { CliIO } from './io.js';

export const ENGINE_ENV = 'WIJZER_ENGINE';
export const DEFAULT_ENGINE: EngineKind = 'wijzer';

/** The option as parse() declares it; spread into a command's options. */
export const ENGINE_OPTION: OptionSpec = { engine: { type: 'string' } };

/** How the option appears in a command's usage line. */
export const ENGINE_USAGE = `[--engine ${ENGINE_KINDS.join('|')}]`;

export function engineOption(value: unknown, env: CliIO['env']): { engine: EngineKind; error?: undefined } | { engine?: undefined; error: Diagnostic } {
  const fromEnv = env[ENGINE_ENV];
  const given = value !== undefined ? { value, option: '--engine' } : fromEnv !== undefined && fromEnv !== '' ? { value: fromEnv, option: ENGINE_ENV } : undefined;
  if (!given) return { engine: DEFAULT_ENGINE };
  const chosen = choice(given.value, ENGINE_KINDS, given.option);
  return chosen.value ? { engine: chosen.value } : { error: chosen.error! };
}
