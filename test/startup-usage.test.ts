/**
 * Fast start (issue 11): the usage lines main.ts shows without loading a command equal the
 * commands' own; `--help` and `--version` load no command module; the precompiled schema
 * validators behave as ajv compiling at run time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as usage from '../src/cli/commands/usage.js';
import { fromRoot } from '../src/util/files.js';
import { parseYaml } from '../src/yaml/strict.js';
import { precompiledValidators, runtimeCompile, runtimeValidator, schemaDigest, schemaValidator } from '../src/yaml/schema-validate.js';
import { profileSchema } from '../src/vocabulary/profile.js';
import { prepareScope } from '../src/pipeline.js';

describe('usage lines', () => {
  it('each command module exports the very usage line --help shows', async () => {
    expect((await import('../src/cli/commands/evaluate.js')).EVALUATE_USAGE).toBe(usage.EVALUATE_USAGE);
    expect((await import('../src/cli/commands/ask.js')).ASK_USAGE).toBe(usage.ASK_USAGE);
    expect((await import('../src/cli/commands/test.js')).TEST_USAGE).toBe(usage.TEST_USAGE);
  });
});

describe('start', () => {
  it.skipIf(!existsSync(fromRoot('dist', 'src', 'cli', 'main.js')))('--help and --version load no command, parser, schema or YAML module', () => {
    const hook = `data:text/javascript,${encodeURIComponent("export async function load(u, c, n) { if (/chevrotain|ajv|yaml|json-rules-engine|cli\\/commands\\/(?!usage|serve-usage)/.test(u)) process.stderr.write('LOADED ' + u + '\\n'); return n(u, c); }")}`;
    const register = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(hook)});`)}`;
    for (const args of [['--help'], ['--version'], ['help']]) {
      for (const main of ['dist/src/cli/main.js', 'dist/bundle/main.js']) {
        if (!existsSync(fromRoot(main))) continue;
        const script = `const { run } = await import(${JSON.stringify(fromRoot(main))}); await run(${JSON.stringify(args)}, { stdout: { write() {} }, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: {} });`;
        const out = execFileSync(process.execPath, ['--import', register, '--input-type=module', '-e', script], { cwd: fromRoot(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        expect(out).toBe('');
      }
    }
  });
});

describe('precompiled validators', () => {
  const generated = precompiledValidators();
  it.skipIf(!generated)('cover every schema and the profile schema of the bundled rules', () => {
    for (const name of readdirSync(fromRoot('schemas')).filter((n) => n.endsWith('.schema.json'))) expect(generated!.meta.names[name]).toBeDefined();
    const scope = prepareScope(undefined, { cache: false });
    expect(generated!.meta.objects[schemaDigest(profileSchema(scope.scope!.vocabulary))]).toBeDefined();
  });

  it.skipIf(!generated)('report the same errors as ajv compiling at run time', () => {
    const files: { path: string; schema: string }[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.yaml')) files.push({ path, schema: path.includes('/producten/') ? 'product.schema.json' : entry.name === 'regio.yaml' ? 'regio.schema.json' : '' });
      }
    };
    walk(fromRoot('catalogue'));
    walk(fromRoot('test', 'fixtures'));
    let compared = 0;
    for (const { path, schema } of files) {
      const parsed = parseYaml({ path, text: readFileSync(path, 'utf8') });
      if (parsed.value === undefined) continue;
      for (const name of schema ? [schema] : ['product.schema.json', 'regio.schema.json', 'aanbod.schema.json', 'feiten.schema.json', 'definities.schema.json']) {
        const pre = schemaValidator(name);
        const run = runtimeValidator(name)!;
        expect(pre).not.toBe(run);
        const a = pre(parsed.value);
        const errorsA = structuredClone(pre.errors);
        const b = run(parsed.value);
        expect(a).toBe(b);
        expect(errorsA).toEqual(structuredClone(run.errors));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
    const scope = prepareScope(undefined, { cache: false });
    const schema = profileSchema(scope.scope!.vocabulary);
    const pre = generated![generated!.meta.objects[schemaDigest(schema)]!] as ReturnType<typeof runtimeCompile>;
    const run = runtimeCompile(schema);
    for (const profile of [{}, { onbekend: 1 }, { bestaande_indicaties: ['a', 'a'] }, { bestaande_indicaties_volledig: 'ja' }]) {
      expect(pre(profile)).toBe(run(profile));
      expect(structuredClone(pre.errors)).toEqual(structuredClone(run.errors));
    }
  });
});
