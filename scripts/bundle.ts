/**
 * Build step after tsc: bundles the CLI into dist/bundle/ with esbuild, split per command
 * (each `import()` of main.ts becomes its own chunk), so a start loads a handful of files
 * instead of ~700 modules. bin/wijzer.js prefers dist/bundle/main.js and falls back to the
 * plain tsc output (dist/src/cli/main.js). The impact worker is a second entry point named
 * worker.js next to the chunks, where src/impact/parallel.ts looks for it (`new URL('./worker.js',
 * import.meta.url)`). fastify stays outside the bundle (only `serve` loads it), and so does ajv
 * (only loaded when a schema must be compiled at run time).
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fromRoot } from '../src/util/files.js';

export async function bundle(): Promise<void> {
  const outdir = fromRoot('dist', 'bundle');
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { main: fromRoot('src', 'cli', 'main.ts'), worker: fromRoot('src', 'impact', 'worker.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunk-[hash]',
    external: ['fastify', '@fastify/static', 'ajv', 'ajv/*'],
    define: { __WIJZER_BUNDLE__: 'true' },
    banner: { js: "import { createRequire as __wijzerCreateRequire } from 'node:module'; const require = __wijzerCreateRequire(import.meta.url);" },
    logLevel: 'warning',
    legalComments: 'none',
  });
}

await bundle();
