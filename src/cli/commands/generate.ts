/**
 * wijzer genereer --aantal N: a seeded, reproducible synthetic population as .jsonl, written as
 * it is generated (a million profiles never sit in memory) and compactly: each profile states
 * only the facts of its archetype's family (see CompactProfiles).
 */
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { diag } from '../../diagnostics/codes.js';
import { prepareCatalogue, prepareScope } from '../../pipeline.js';
import { CompactProfiles, seededRandom } from '../../population/synthetic.js';
import type { CompiledProduct } from '../../compile/rules.js';
import { fromRoot } from '../../util/files.js';
import { openAtomicWrite, type AtomicWrite } from '../../util/write.js';
import { decimalOption, integerOption, list, parse, positiveInteger } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { displayPath, printDiagnostics, refuseOverwrite, writeError } from '../output.js';
import { usageError } from './check.js';
import { GENERATE_USAGE } from './usage.js';

export { GENERATE_USAGE };

/** Lines are gathered into blocks of about this size: one write per block, not per profile. */
const BLOCK_CHARS = 64 * 1024;

interface Sink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Standard output, waiting for the reader when it falls behind (`genereer | head` included). */
function stdoutSink(io: CliIO): Sink {
  const stream = io.stdout as Partial<NodeJS.WritableStream> & CliIO['stdout'];
  return {
    async write(text) {
      if (stream.write(text) === false && typeof stream.once === 'function') await once(stream as NodeJS.WritableStream, 'drain');
    },
    async close() {},
  };
}

/** A file, written to a temporary file beside it and renamed into place when complete. */
function fileSink(file: AtomicWrite): Sink {
  return {
    async write(text) {
      if (!file.stream.write(text)) await once(file.stream, 'drain');
    },
    close: () => file.commit(),
  };
}

export async function generateCommand(argv: string[], io: CliIO): Promise<number> {
  const { parsed, error } = parse(
    argv,
    { aantal: { type: 'string' }, seed: { type: 'string' }, volledigheid: { type: 'string' }, catalogue: { type: 'string', multiple: true }, output: { type: 'string', short: 'o' } },
    GENERATE_USAGE,
  );
  if (!parsed) return usageError(io, error!);
  if (parsed.values['aantal'] === undefined || parsed.positionals.length > 0) return usageError(io, diag('WZ902', { what: '--aantal', usage: GENERATE_USAGE }));
  const count = positiveInteger(parsed.values['aantal'], '--aantal', 10_000_000);
  const seed = integerOption(parsed.values['seed'], '--seed', 0, 2 ** 31, 1);
  const completeness = decimalOption(parsed.values['volledigheid'], '--volledigheid', 0, 1, 1);
  const bad = count.error ?? seed.error ?? completeness.error;
  if (bad) return usageError(io, bad);
  const scope = prepareScope();
  if (!scope.scope) {
    printDiagnostics(io, scope.diagnostics);
    return EXIT.invalid;
  }
  // Archetypes come from the given catalogues (default: every bundled catalogue).
  const given = list(parsed.values['catalogue']).map((f) => resolve(io.cwd, f));
  const folders = given.length > 0 ? given : readdirSync(fromRoot('catalogue')).sort().map((f) => fromRoot('catalogue', f));
  const products: CompiledProduct[] = [];
  for (const folder of folders) {
    const prepared = prepareCatalogue(folder, scope);
    if (!prepared.compiled) {
      printDiagnostics(io, prepared.diagnostics.filter((d) => d.severity === 'fout'));
      return EXIT.invalid;
    }
    products.push(...prepared.compiled.products);
  }
  const output = parsed.values['output'];
  const target = typeof output === 'string' ? resolve(io.cwd, output) : undefined;
  if (target) {
    const refused = refuseOverwrite(target, [...folders, fromRoot('rules')], io);
    if (refused) {
      printDiagnostics(io, [refused]);
      return EXIT.invalid;
    }
  }
  let file: AtomicWrite | undefined;
  try {
    file = target ? openAtomicWrite(target) : undefined;
    const sink = file ? fileSink(file) : stdoutSink(io);
    const generator = new CompactProfiles(products, scope.scope.vocabulary);
    const next = seededRandom(seed.value!);
    const keep = completeness.value!;
    const width = String(count.value!).length;
    let block = '';
    for (let i = 1; i <= count.value!; i++) {
      const full = generator.next(next);
      const profile = keep >= 1 ? full : Object.fromEntries(Object.entries(full).filter(() => next() < keep));
      block += `${JSON.stringify({ id: `p${String(i).padStart(width, '0')}`, ...profile })}\n`;
      if (block.length >= BLOCK_CHARS) {
        await sink.write(block);
        block = '';
      }
    }
    if (block) await sink.write(block);
    await sink.close();
  } catch (problem) {
    file?.abort();
    if (!target) throw problem;
    printDiagnostics(io, [writeError(io, target, problem)]);
    return EXIT.invalid;
  }
  if (target) io.stdout.write(`${count.value} profielen geschreven naar ${displayPath(io, target)} (seed ${seed.value})\n`);
  return EXIT.ok;
}
