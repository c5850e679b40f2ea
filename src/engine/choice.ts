/**
 * Which engine decides the rules. `wijzer` (the default) is the compiled evaluator; the
 * reference `json-rules-engine` runs the exported rules on a real Engine — the same results,
 * hundreds of times slower. The CLI takes `--engine` or WIJZER_ENGINE.
 */
export const ENGINE_KINDS = ['wijzer', 'json-rules-engine'] as const;
export type EngineKind = (typeof ENGINE_KINDS)[number];

export function isEngineKind(value: string): value is EngineKind {
  return (ENGINE_KINDS as readonly string[]).includes(value);
}
