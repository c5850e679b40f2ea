/**
 * What commands write (issue 10, "a command that destroys its own input" and "crashes for a
 * user's mistake"): no output into an input (WZ120), atomic writes, write errors as coded
 * diagnostics (WZ121), temporary git folders removed on every exit path, quiet broken pipes,
 * and analyse findings that do not depend on where the catalogue folder lies.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, cpSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refuseOverwrite } from '../src/cli/output.js';
import { fromRoot } from '../src/util/files.js';
import { openAtomicWrite, writeFileAtomic } from '../src/util/write.js';
import { cli } from './support/cli.js';
import { scratchFolder } from './support/scratch.js';

const BIN = fromRoot('bin', 'wijzer.js');
const BUILT = fromRoot('dist', 'src', 'cli', 'main.js');
const STACK_TRACE = /\n\s+at .+[:(]\d+|node:internal|Error: write/;
const POPULATION = fromRoot('test', 'diff', 'versies', 'ib2-inzicht-strenger', 'populatie.jsonl');

const temp = (prefix = 'outputs-') => scratchFolder(`test-${prefix}`);

/** Checksums of every file under a folder, to show a refused command changed nothing. */
function treeSums(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(root);
  return out;
}

function catalogueCopy(name = 'samen-doen'): string {
  const target = join(temp(), name);
  cpSync(fromRoot('catalogue', 'samen-doen'), target, { recursive: true });
  return target;
}

/** The built CLI as a child process (what `npx wijzer` runs), with the given stdio. */
function spawnBin(args: string[], options: { env?: Record<string, string>; stdout?: 'pipe' | number } = {}): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  if (!existsSync(BUILT)) throw new Error('dist/ is missing: run `npm run build` (npm ci does it) before these tests');
  const child = spawn(process.execPath, [BIN, ...args], { cwd: fromRoot(), env: { ...process.env, NO_COLOR: '1', ...options.env }, stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // A run that hangs fails the test with what it printed, instead of the test timing out.
  const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    }),
  );
  return { child, done };
}

describe('an output path inside an input is refused (WZ120) and nothing changes', () => {
  it('compile -o <catalogue>/regio.yaml', async () => {
    const folder = catalogueCopy();
    const before = treeSums(folder);
    const result = await cli(['compile', folder, '-o', join(folder, 'regio.yaml')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WZ120');
    expect(result.stderr).toContain('regio.yaml');
    expect(treeSums(folder)).toEqual(before);
  });

  it('compile -o <catalogue> (the folder itself) and -o into its products', async () => {
    const folder = catalogueCopy();
    const before = treeSums(folder);
    for (const output of [folder, join(folder, 'producten', 'regels.json'), join(folder, 'producten', '..', 'nieuw', 'regels.json')]) {
      const result = await cli(['compile', folder, '-o', output]);
      expect(result.code, output).toBe(1);
      expect(result.stderr, output).toContain('WZ120');
    }
    expect(treeSums(folder)).toEqual(before);
  });

  it('compile -o into the rules (vocabulary) folder', async () => {
    const output = fromRoot('rules', 'feiten', 'wijzer-test-regels.json');
    try {
      const result = await cli(['compile', 'catalogue/samen-doen', '-o', output]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("WZ120: Uitvoer 'rules/feiten/wijzer-test-regels.json' ligt in de invoer 'rules'");
      expect(existsSync(output)).toBe(false);
    } finally {
      rmSync(output, { force: true });
    }
  });

  it('analyse --tegenvoorbeelden <catalogue>/producten', async () => {
    const folder = catalogueCopy();
    const before = treeSums(folder);
    const result = await cli(['analyse', folder, '--tegenvoorbeelden', join(folder, 'producten')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WZ120');
    expect(treeSums(folder)).toEqual(before);
  });

  it('through a symbolic link to the input; a hard link is replaced, not written through', async () => {
    const folder = catalogueCopy();
    const outside = temp();
    symlinkSync(folder, join(outside, 'link'));
    linkSync(join(folder, 'regio.yaml'), join(outside, 'hard.yaml'));
    const before = treeSums(folder);
    const viaLink = await cli(['compile', folder, '-o', join(outside, 'link', 'regio.yaml')]);
    expect(viaLink.code).toBe(1);
    expect(viaLink.stderr).toContain('WZ120');
    // The rename puts a new file where the link was: the catalogue's own regio.yaml is untouched.
    const viaHardLink = await cli(['compile', folder, '-o', join(outside, 'hard.yaml')]);
    expect(viaHardLink.code).toBe(0);
    expect(readFileSync(join(outside, 'hard.yaml'), 'utf8')).toMatch(/^\[/);
    expect(treeSums(folder)).toEqual(before);
  });

  it('through a dangling symbolic link that points into the input', async () => {
    const folder = catalogueCopy();
    const outside = temp();
    symlinkSync(join(folder, 'producten', 'nieuw.json'), join(outside, 'uit.json'));
    const before = treeSums(folder);
    const result = await cli(['compile', folder, '-o', join(outside, 'uit.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WZ120');
    expect(treeSums(folder)).toEqual(before);
  });

  it('a hard link to an input file is that file', () => {
    const dir = temp();
    writeFileSync(join(dir, 'populatie.jsonl'), '{}\n');
    linkSync(join(dir, 'populatie.jsonl'), join(dir, 'ook.jsonl'));
    expect(refuseOverwrite(join(dir, 'ook.jsonl'), [join(dir, 'populatie.jsonl')])?.code).toBe('WZ120');
  });

  it('refuseOverwrite takes a file input too (impact -o <population file>)', () => {
    const dir = temp();
    const population = join(dir, 'populatie.jsonl');
    writeFileSync(population, '{"leeftijd": 40}\n');
    expect(refuseOverwrite(population, [population])?.code).toBe('WZ120');
    expect(refuseOverwrite(join(dir, '.', 'populatie.jsonl'), [population])?.message).toContain('is dezelfde als de invoer');
    expect(refuseOverwrite(join(dir, 'rapport.md'), [population])).toBeUndefined();
    // A sibling whose name starts with the input's name is not inside it.
    expect(refuseOverwrite(join(dir, 'populatie.jsonl.md'), [population])).toBeUndefined();
    expect(refuseOverwrite(`${dir}-rapport.md`, [dir])).toBeUndefined();
  });

  it('an output beside the catalogue is written', async () => {
    const folder = catalogueCopy();
    const output = join(folder, '..', 'uit', 'regels.json');
    const result = await cli(['compile', folder, '-o', output]);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(output, 'utf8'))).toBeInstanceOf(Array);
  });
});

describe('atomic writes: a temporary file beside the target, renamed into place', () => {
  const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

  it('replaces a file whole, keeps its permissions and leaves no temporary file', () => {
    const dir = temp();
    const target = join(dir, 'regels.json');
    writeFileSync(target, 'oud');
    chmodSync(target, 0o640);
    writeFileAtomic(target, 'nieuw');
    expect(readFileSync(target, 'utf8')).toBe('nieuw');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(leftovers(dir)).toEqual([]);
  });

  it('writes through a symbolic link instead of replacing the link', () => {
    const dir = temp();
    writeFileSync(join(dir, 'echt.json'), 'oud');
    symlinkSync(join(dir, 'echt.json'), join(dir, 'link.json'));
    writeFileAtomic(join(dir, 'link.json'), 'nieuw');
    expect(readFileSync(join(dir, 'echt.json'), 'utf8')).toBe('nieuw');
  });

  it('a streamed write that is given up leaves the old file and no temporary file', async () => {
    const dir = temp();
    const target = join(dir, 'populatie.jsonl');
    writeFileSync(target, 'oud\n');
    const write = openAtomicWrite(target);
    write.stream.write('half');
    write.abort();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readFileSync(target, 'utf8')).toBe('oud\n');
    expect(leftovers(dir)).toEqual([]);
    const again = openAtomicWrite(target);
    again.stream.write('heel\n');
    await again.commit();
    expect(readFileSync(target, 'utf8')).toBe('heel\n');
    expect(leftovers(dir)).toEqual([]);
  });

  it('a process killed mid-write leaves the old file and no temporary file', async () => {
    const dir = temp();
    const target = join(dir, 'uit.txt');
    writeFileSync(target, 'oud');
    const script = join(dir, 'killed.ts');
    writeFileSync(
      script,
      `import { openAtomicWrite } from ${JSON.stringify(fromRoot('src', 'util', 'write.ts'))};
const write = openAtomicWrite(${JSON.stringify(target)});
write.stream.write('half', () => process.kill(process.pid, 'SIGTERM'));
setInterval(() => undefined, 1000);
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: fromRoot(), stdio: 'ignore' });
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    expect(signal ?? code).toBe('SIGTERM');
    expect(readFileSync(target, 'utf8')).toBe('oud');
    expect(readdirSync(dir).sort()).toEqual(['killed.ts', 'uit.txt']);
  });
});

describe('write errors are coded diagnostics about writing (WZ121), exit 1', () => {
  const expectWriteError = (result: { code: number; stderr: string }, detail: string) => {
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WZ121');
    expect(result.stderr).toContain('niet schrijven');
    expect(result.stderr).toContain(detail);
    expect(result.stderr).not.toContain('gelezen');
    expect(result.stderr).not.toMatch(STACK_TRACE);
  };

  it('-o into a directory', async () => {
    const dir = temp();
    expectWriteError(await cli(['compile', 'catalogue/samen-doen', '-o', dir]), 'dit is een map');
  });

  it('-o to a path under a regular file', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'bestand'), 'x');
    expectWriteError(await cli(['compile', 'catalogue/samen-doen', '-o', join(dir, 'bestand', 'regels.json')]), 'een deel van het pad is een bestand');
    expectWriteError(await cli(['analyse', 'catalogue/samen-doen', '--tegenvoorbeelden', join(dir, 'bestand', 'voorbeelden')]), 'een deel van het pad is een bestand');
    expect(readFileSync(join(dir, 'bestand'), 'utf8')).toBe('x');
  });

  it.runIf(existsSync('/dev/full'))('-o onto a full disk (/dev/full)', async () => {
    expectWriteError(await cli(['compile', 'catalogue/samen-doen', '-o', '/dev/full']), 'de schijf is vol');
  });

  it.runIf(existsSync('/dev/full'))('stdout onto a full disk (the built bin, stdout is /dev/full)', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const { done } = spawnBin(['evaluate', 'profielen/voorbeeld.yaml', '--catalogue', 'catalogue/samen-doen', '--format', 'json'], { stdout: full });
      const result = await done;
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("WZ121: Kan 'standaarduitvoer' niet schrijven: de schijf is vol");
      expect(result.stderr).not.toMatch(STACK_TRACE);
    } finally {
      closeSync(full);
    }
  });
});

describe('a reader that goes away ends the run quietly (real pipes, built bin)', () => {
  it('wijzer genereer … | head -1', async () => {
    const { child, done } = spawnBin(['genereer', '--aantal', '200000']);
    let first = '';
    child.stdout!.once('data', (chunk: Buffer) => {
      first = chunk.toString().split('\n')[0]!;
      child.stdout!.destroy();
    });
    const result = await done;
    expect(JSON.parse(first)).toHaveProperty('id');
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('wijzer evaluate --format json | head -c 10 (reader gone before the first write)', async () => {
    const { child, done } = spawnBin(['evaluate', 'profielen/voorbeeld.yaml', '--catalogue', 'catalogue/samen-doen', '--format', 'json']);
    child.stdout!.destroy();
    const result = await done;
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('temporary git folders are removed on every exit path', () => {
  let repo: string;
  let privateTmp: string;
  let savedTmp: string | undefined;
  const wijzerTemps = () => readdirSync(privateTmp).filter((name) => name.startsWith('wijzer-'));

  beforeAll(() => {
    repo = temp('git-');
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { stdio: 'pipe' });
    git('init', '-q');
    writeFileSync(join(repo, 'LEESMIJ.md'), 'nog geen catalogus\n');
    git('add', '.');
    git('commit', '-qm', 'zonder catalogus');
    cpSync(fromRoot('rules'), join(repo, 'rules'), { recursive: true });
    cpSync(fromRoot('catalogue', 'samen-doen'), join(repo, 'catalogue', 'samen-doen'), { recursive: true });
    writeFileSync(join(repo, 'catalogue', 'samen-doen', 'regio.yaml'), 'naam: [kapot\n');
    git('add', '.');
    git('commit', '-qm', 'kapotte catalogus');
    cpSync(fromRoot('catalogue', 'samen-doen', 'regio.yaml'), join(repo, 'catalogue', 'samen-doen', 'regio.yaml'));
    git('add', '.');
    git('commit', '-qm', 'goede catalogus');
    // Only this file's runs make temporary folders here, so the count is not disturbed by other tests.
    privateTmp = temp('tmp-');
    savedTmp = process.env['TMPDIR'];
    process.env['TMPDIR'] = privateTmp;
  });
  afterAll(() => {
    if (savedTmp === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = savedTmp;
  });

  it('after diff and impact with --base: succeeding, failing to load and missing versions', async () => {
    const runs: [string[], number][] = [
      [['diff', 'catalogue/samen-doen', '--base', 'HEAD'], 0],
      [['diff', 'catalogue/samen-doen', '--base', 'HEAD~1'], 1], // the old version does not load
      [['diff', 'catalogue/samen-doen', '--base', 'HEAD~2'], 1], // the folder did not exist then
      [['diff', 'catalogue/samen-doen', '--base', 'v9.9'], 1],
      [['impact', 'catalogue/samen-doen', '--base', 'HEAD', '--profielen', POPULATION, '--format', 'json'], 0],
      [['impact', 'catalogue/samen-doen', '--base', 'HEAD~1', '--profielen', POPULATION], 1],
      [['impact', 'catalogue/samen-doen', '--base', 'HEAD', '--profielen', join(repo, 'bestaat-niet.jsonl')], 1],
    ];
    expect(wijzerTemps()).toEqual([]);
    for (const [args, code] of runs) {
      const result = await cli(args, { cwd: repo });
      expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(code);
      expect(wijzerTemps(), args.join(' ')).toEqual([]);
    }
  });

  it('after Ctrl-C (SIGINT) in the middle of impact (built bin)', async () => {
    const population = join(temp(), 'groot.jsonl');
    const lines = readFileSync(POPULATION, 'utf8').trim().split('\n');
    const many: string[] = [];
    for (let i = 0; i < 40_000; i++) many.push(lines[i % lines.length]!.replace(/"id":"[^"]*"/, `"id":"q${i}"`));
    writeFileSync(population, `${many.join('\n')}\n`);
    const { child, done } = spawnBin(['impact', join(repo, 'catalogue', 'samen-doen'), '--base', 'HEAD', '--profielen', population], { env: { TMPDIR: privateTmp } });
    child.stdout!.resume();
    const deadline = Date.now() + 30_000;
    while (wijzerTemps().length === 0 && child.exitCode === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(wijzerTemps().length).toBeGreaterThan(0);
    child.kill('SIGINT');
    const result = await done;
    expect(result.signal).toBe('SIGINT');
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(wijzerTemps()).toEqual([]);
  });
});

describe('analyse gives the same findings wherever the catalogue folder lies', () => {
  const findings = async (folder: string) => {
    const result = await cli(['analyse', folder, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { bevindingen: { sleutel: string; code: string }[] };
    return json.bevindingen.map((f) => `${f.code} ${f.sleutel}`).sort();
  };

  it('a copy in a temporary folder, under its own or another name, beside unrelated folders', async () => {
    const bundled = await findings('catalogue/samen-doen');
    expect(bundled.length).toBeGreaterThan(0);
    const same = catalogueCopy('samen-doen');
    mkdirSync(join(same, '..', 'iets-anders'));
    cpSync(fromRoot('catalogue', 'nmd-samenwerking'), join(same, '..', 'nmd-samenwerking'), { recursive: true });
    writeFileSync(join(same, '..', 'nmd-samenwerking', 'regio.yaml'), 'naam: [kapot\n');
    expect(await findings(same)).toEqual(bundled);
    expect(await findings(catalogueCopy('mijn-kopie'))).toEqual(bundled);
  });
});
