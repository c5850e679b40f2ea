/** wijzer genereer --aantal N: a seeded, reproducible synthetic population as .jsonl. */
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { once } from 'node:events';
import { diag } from '../../diagnostics/codes.js';
import { prepareCatalogue, prepareScope } from '../../pipeline.js';
import { archetypeProfile, seededRandom } from '../../population/synthetic.js';
import type { CompiledProduct } from '../../compile/rules.js';
import { fromRoot } from '../../util/files.js';
import { readdirSync } from 'node:fs';
import { list, parse } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { displayPath, printDiagnostics } from '../output.js';
import { usageError } from './check.js';

export const GENERATE_USAGE = 'wijzer genereer --aantal <n> [--seed <getal>] [--volledigheid <0..1>] [--catalogue <map>...] [-o <bestand.jsonl>]';

function numberOption(value: unknown, option: string, min: number, max: number): { value?: number; error?: ReturnType<typeof diag> } {
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isFinite(n) || n < min || n > max) return { error: diag('WZ904', { value: String(value), option, allowed: `een getal van ${min} tot ${max}` }) };
  return { value: n };
}

export async function generateCommand(argv: string[], io: CliIO): Promise<number> {
  const { parsed, error } = parse(
    argv,
    { aantal: { type: 'string' }, seed: { type: 'string' }, volledigheid: { type: 'string' }, catalogue: { type: 'string', multiple: true }, output: { type: 'string', short: 'o' } },
    GENERATE_USAGE,
  );
  if (!parsed) return usageError(io, error!);
  if (parsed.values['aantal'] === undefined || parsed.positionals.length > 0) return usageError(io, diag('WZ902', { what: '--aantal', usage: GENERATE_USAGE }));
  const count = numberOption(parsed.values['aantal'], '--aantal', 1, 10_000_000);
  const seed = numberOption(parsed.values['seed'] ?? '1', '--seed', 0, 2 ** 31);
  const completeness = numberOption(parsed.values['volledigheid'] ?? '1', '--volledigheid', 0, 1);
  const bad = count.error ?? seed.error ?? completeness.error;
  if (bad) return usageError(io, bad);
  const scope = prepareScope();
  if (!scope.scope) {
    printDiagnostics(io, scope.diagnostics);
    return EXIT.invalid;
  }
  // Archetypes come from the given catalogues (default: every bundled catalogue).
  const folders = list(parsed.values['catalogue']).map((f) => resolve(io.cwd, f));
  const products: CompiledProduct[] = [];
  for (const folder of folders.length > 0 ? folders : readdirSync(fromRoot('catalogue')).map((f) => fromRoot('catalogue', f))) {
    const prepared = prepareCatalogue(folder, scope);
    if (!prepared.compiled) {
      printDiagnostics(io, prepared.diagnostics.filter((d) => d.severity === 'fout'));
      return EXIT.invalid;
    }
    products.push(...prepared.compiled.products);
  }
  const output = parsed.values['output'];
  const target = typeof output === 'string' ? resolve(io.cwd, output) : undefined;
  if (target) mkdirSync(dirname(target), { recursive: true });
  const stream = target ? createWriteStream(target) : undefined;
  const write = async (line: string) => {
    if (!stream) io.stdout.write(line);
    else if (!stream.write(line)) await once(stream, 'drain');
  };
  const next = seededRandom(seed.value!);
  const width = String(count.value!).length;
  for (let i = 1; i <= count.value!; i++) {
    const full = archetypeProfile(products, scope.scope.vocabulary, next);
    const profile = Object.fromEntries(Object.entries(full).filter(() => completeness.value! >= 1 || next() < completeness.value!));
    await write(`${JSON.stringify({ id: `p${String(i).padStart(width, '0')}`, ...profile })}\n`);
  }
  if (stream) {
    stream.end();
    await once(stream, 'finish');
    io.stdout.write(`${count.value} profielen geschreven naar ${displayPath(io, target!)} (seed ${seed.value})\n`);
  }
  return EXIT.ok;
}
