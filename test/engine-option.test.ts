/** --engine wijzer|json-rules-engine and WIJZER_ENGINE, shared by evaluate, vraag and test (issue 11). */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { engineOption } from '../src/cli/engine-option.js';
import { run } from '../src/cli/main.js';
import { fromRoot } from '../src/util/files.js';
import { cli } from './support/cli.js';

/** The CLI in-process with extra environment variables (support/cli.ts sets only NO_COLOR). */
async function cliWithEnv(args: string[], env: Record<string, string>, stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: Readable.from([stdin]),
    cwd: fromRoot(),
    env: { NO_COLOR: '1', ...env },
  });
  return { code, stdout, stderr };
}

const EVALUATE = ['evaluate', 'profielen/voorbeeld.yaml', '--catalogue', 'catalogue/samen-doen'];

describe('engineOption', () => {
  it('takes --engine, else WIJZER_ENGINE (empty counts as absent), else the compiled evaluator', () => {
    expect(engineOption(undefined, {})).toEqual({ engine: 'wijzer' });
    expect(engineOption(undefined, { WIJZER_ENGINE: '' })).toEqual({ engine: 'wijzer' });
    expect(engineOption(undefined, { WIJZER_ENGINE: 'json-rules-engine' })).toEqual({ engine: 'json-rules-engine' });
    expect(engineOption('wijzer', { WIJZER_ENGINE: 'json-rules-engine' })).toEqual({ engine: 'wijzer' });
    expect(engineOption('snel', {}).error).toMatchObject({ code: 'WZ904', message: "Ongeldige waarde 'snel' voor --engine.", hint: 'Kies een van: wijzer, json-rules-engine.' });
    expect(engineOption(undefined, { WIJZER_ENGINE: 'jre' }).error).toMatchObject({ code: 'WZ904', message: "Ongeldige waarde 'jre' voor WIJZER_ENGINE." });
  });
});

describe('--engine on the command line', () => {
  it.each([
    ['evaluate', EVALUATE],
    ['evaluate --profielen', ['evaluate', '--profielen', 'profielen', '--catalogue', 'catalogue/samen-doen']],
    ['vraag', ['vraag', '--catalogue', 'catalogue/samen-doen']],
    ['test', ['test', '--catalogue', 'catalogue/samen-doen']],
  ])('%s: an unknown engine is a usage error (exit 2) listing the allowed values', async (_name, args) => {
    const result = await cli([...args, '--engine', 'snel']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("fout WZ904: Ongeldige waarde 'snel' voor --engine.");
    expect(result.stderr).toContain('Kies een van: wijzer, json-rules-engine.');
    const fromEnv = await cliWithEnv(args, { WIJZER_ENGINE: 'snel' });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toContain("fout WZ904: Ongeldige waarde 'snel' voor WIJZER_ENGINE.");
  });

  it('--engine without a value is a usage error', async () => {
    const result = await cli([...EVALUATE, '--engine']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('WZ916');
  });

  it('each command mentions the option in its usage', async () => {
    for (const command of ['evaluate', 'vraag', 'test']) {
      const help = await cli(['help', command]);
      expect(help.stdout).toContain('[--engine wijzer|json-rules-engine]');
    }
  });

  it('evaluate: WIJZER_ENGINE=json-rules-engine and --engine json-rules-engine give the output of the default, in every format', async () => {
    for (const format of ['text', 'json', 'markdown']) {
      const byDefault = await cli([...EVALUATE, '--format', format]);
      const viaEnv = await cliWithEnv([...EVALUATE, '--format', format], { WIJZER_ENGINE: 'json-rules-engine' });
      const viaOption = await cli([...EVALUATE, '--format', format, '--engine', 'json-rules-engine']);
      expect(byDefault.code).toBe(0);
      expect(viaEnv).toEqual(byDefault);
      expect(viaOption).toEqual(byDefault);
    }
  });

  it('vraag asks the same questions and gives the same result on the reference engine', async () => {
    // Some answers fit, some are refused and asked again: both engines must see the same dialogue.
    const answers = 'psychiatrisch\n52\nmatig\nmeerdere\nja\nnee\nbeperkt\naltijd\n'.repeat(4);
    const byDefault = await cli(['vraag', '--catalogue', 'catalogue/samen-doen'], { stdin: answers });
    const reference = await cliWithEnv(['vraag', '--catalogue', 'catalogue/samen-doen'], { WIJZER_ENGINE: 'json-rules-engine' }, answers);
    expect(byDefault.stdout).toContain('Vraag 3:');
    expect(reference).toEqual(byDefault);
  });

  it('test replays the golden cases on the reference engine too', async () => {
    const result = await cli(['test', '--catalogue', 'catalogue/samen-doen', '--engine', 'json-rules-engine']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\n\d+ passed, 0 failed\n$/);
  });
});
