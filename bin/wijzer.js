#!/usr/bin/env node
// Thin launcher: the CLI is built into dist/ by `npm ci` (the prepare script runs `npm run build`).
// dist/bundle/main.js is the esbuild bundle (fast start); dist/src/cli/main.js the plain tsc
// output, used when the bundle was not built.
import { existsSync } from 'node:fs';
import { URL } from 'node:url';

const bundled = new URL('../dist/bundle/main.js', import.meta.url);
const { runFromProcess } = await import(existsSync(bundled) ? bundled.href : '../dist/src/cli/main.js');

await runFromProcess();
