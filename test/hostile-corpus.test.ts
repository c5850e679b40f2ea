/**
 * The hostile corpus (test/hostile/README.md): every case is replayed through the built CLI as a
 * child process on a temporary copy of its folder, and must end as a user's mistake should:
 * the expected exit code, the coded diagnostic at the expected place, no stack trace, within its
 * time and memory bounds, and without changing or adding a file of its input.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, normalize, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODES } from '../src/diagnostics/codes.js';
import { fromRoot } from '../src/util/files.js';

const ROOT = fromRoot();
const CORPUS = fromRoot('test', 'hostile');
const RUN_ONE = join(CORPUS, 'run-one.mjs');
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RSS_MB = 400;
/** Two at a time: the corpus shares a small machine with the rest of the suite. */
const JOBS = Math.max(1, Number(process.env['WIJZER_HOSTILE_JOBS'] ?? 2) || 2);
/** Output beyond this is drained but not kept: a case that floods stdout must not flood the test. */
const KEEP_OUTPUT_BYTES = 1024 * 1024;
const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// --- the case format --------------------------------------------------------------------------

export type MakeEntry =
  | { readonly fifo: string }
  | { readonly mkdir: string }
  | { readonly symlink: { readonly from: string; readonly to: string } }
  | { readonly repeat: { readonly file: string; readonly line?: string; readonly text?: string; readonly times: number; readonly head?: string; readonly tail?: string } }
  | { readonly bytes: { readonly file: string; readonly hex: string } };

export interface Expectation {
  readonly exit: 1 | 2;
  readonly code: string;
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
}

export interface HostileCase {
  /** `<class>/<name-of-the-mistake>`, also the test's name. */
  readonly name: string;
  readonly folder: string;
  readonly args: readonly string[];
  readonly expect: Expectation;
  readonly stdin?: string;
  readonly timeoutMs: number;
  readonly maxRssMb: number;
  readonly make: readonly MakeEntry[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** A path a make entry or expectation may name: relative, inside the case folder. */
function insidePath(v: unknown): v is string {
  return typeof v === 'string' && v !== '' && !isAbsolute(v) && !normalize(v).startsWith('..');
}

function unknownKeys(value: Record<string, unknown>, allowed: readonly string[], where: string): string[] {
  return Object.keys(value).filter((k) => !allowed.includes(k)).map((k) => `${where}: unknown key '${k}' (allowed: ${allowed.join(', ')})`);
}

function checkMake(entry: unknown, i: number): string[] {
  const at = `make[${i}]`;
  if (!isRecord(entry) || Object.keys(entry).length !== 1) return [`${at}: one of fifo, mkdir, symlink, repeat, bytes`];
  const [kind, spec] = Object.entries(entry)[0]!;
  switch (kind) {
    case 'fifo':
    case 'mkdir':
      return insidePath(spec) ? [] : [`${at}.${kind}: a relative path inside the case folder`];
    case 'symlink':
      if (!isRecord(spec)) return [`${at}.symlink: { from, to }`];
      return [...unknownKeys(spec, ['from', 'to'], `${at}.symlink`), ...(insidePath(spec['from']) ? [] : [`${at}.symlink.from: a relative path inside the case folder`]), ...(typeof spec['to'] === 'string' && spec['to'] !== '' ? [] : [`${at}.symlink.to: a path`])];
    case 'repeat': {
      if (!isRecord(spec)) return [`${at}.repeat: { file, line | text, times, head?, tail? }`];
      const problems = unknownKeys(spec, ['file', 'line', 'text', 'times', 'head', 'tail'], `${at}.repeat`);
      if (!insidePath(spec['file'])) problems.push(`${at}.repeat.file: a relative path inside the case folder`);
      if ((typeof spec['line'] === 'string') === (typeof spec['text'] === 'string')) problems.push(`${at}.repeat: exactly one of line (newline added) or text (as is)`);
      if (!isPositiveInt(spec['times'])) problems.push(`${at}.repeat.times: a positive whole number`);
      for (const k of ['head', 'tail']) if (k in spec && typeof spec[k] !== 'string') problems.push(`${at}.repeat.${k}: a string`);
      return problems;
    }
    case 'bytes':
      if (!isRecord(spec)) return [`${at}.bytes: { file, hex }`];
      return [...unknownKeys(spec, ['file', 'hex'], `${at}.bytes`), ...(insidePath(spec['file']) ? [] : [`${at}.bytes.file: a relative path inside the case folder`]), ...(typeof spec['hex'] === 'string' && /^([0-9a-fA-F]{2}\s*)+$/.test(spec['hex']) ? [] : [`${at}.bytes.hex: pairs of hex digits`])];
    default:
      return [`${at}: unknown kind '${kind}' (fifo, mkdir, symlink, repeat, bytes)`];
  }
}

/** Reads and strictly validates one case.yaml; a typo in a case is a failure, not a silent pass. */
export function readCase(folder: string): { case?: HostileCase; problems: string[] } {
  const name = relative(CORPUS, folder).split('\\').join('/');
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(join(folder, 'case.yaml'), 'utf8'), { uniqueKeys: true });
  } catch (error) {
    return { problems: [`case.yaml: ${(error as Error).message}`] };
  }
  if (!isRecord(raw)) return { problems: ['case.yaml: a mapping with args and expect'] };
  const problems = unknownKeys(raw, ['args', 'expect', 'stdin', 'timeout_ms', 'max_rss_mb', 'make'], 'case.yaml');
  const args = raw['args'];
  if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) problems.push('args: a list of strings (quote numbers)');
  const ex = raw['expect'];
  if (!isRecord(ex)) problems.push('expect: { exit, code, file?, line?, col? }');
  else {
    problems.push(...unknownKeys(ex, ['exit', 'code', 'file', 'line', 'col'], 'expect'));
    if (ex['exit'] !== 1 && ex['exit'] !== 2) problems.push('expect.exit: 1 (invalid input) or 2 (wrong usage)');
    if (typeof ex['code'] !== 'string' || !(ex['code'] in CODES)) problems.push(`expect.code: a code of src/diagnostics/codes.ts, not '${String(ex['code'])}'`);
    if ('file' in ex && !insidePath(ex['file'])) problems.push('expect.file: a path relative to the case folder');
    if ('line' in ex && !(isPositiveInt(ex['line']) && 'file' in ex)) problems.push('expect.line: a positive whole number, with file');
    if ('col' in ex && !(isPositiveInt(ex['col']) && 'line' in ex)) problems.push('expect.col: a positive whole number, with line');
  }
  if ('stdin' in raw && typeof raw['stdin'] !== 'string') problems.push('stdin: a string');
  for (const k of ['timeout_ms', 'max_rss_mb']) if (k in raw && !isPositiveInt(raw[k])) problems.push(`${k}: a positive whole number`);
  const make = raw['make'] ?? [];
  if (!Array.isArray(make)) problems.push('make: a list');
  else make.forEach((entry, i) => problems.push(...checkMake(entry, i)));
  if (problems.length > 0) return { problems };
  return {
    case: {
      name,
      folder,
      args: args as string[],
      expect: ex as unknown as Expectation,
      ...(typeof raw['stdin'] === 'string' ? { stdin: raw['stdin'] } : {}),
      timeoutMs: (raw['timeout_ms'] as number | undefined) ?? DEFAULT_TIMEOUT_MS,
      maxRssMb: (raw['max_rss_mb'] as number | undefined) ?? DEFAULT_MAX_RSS_MB,
      make: make as MakeEntry[],
    },
    problems: [],
  };
}

/** Every `<class>/<name>` folder of the corpus; anything else there is a layout mistake. */
export function discover(): { cases: HostileCase[]; problems: string[] } {
  const cases: HostileCase[] = [];
  const problems: string[] = [];
  for (const klass of readdirSync(CORPUS).sort()) {
    const classDir = join(CORPUS, klass);
    if (!statSync(classDir).isDirectory()) {
      if (!['README.md', 'run-one.mjs'].includes(klass)) problems.push(`${klass}: only class folders, README.md and run-one.mjs belong in test/hostile/`);
      continue;
    }
    if (!NAME.test(klass)) problems.push(`${klass}: a class is named in lower-case words joined by '-'`);
    for (const name of readdirSync(classDir).sort()) {
      const folder = join(classDir, name);
      if (!statSync(folder).isDirectory()) problems.push(`${klass}/${name}: only case folders belong in a class folder`);
      else if (!NAME.test(name)) problems.push(`${klass}/${name}: name the mistake in lower-case words joined by '-'`);
      else if (!existsSync(join(folder, 'case.yaml'))) problems.push(`${klass}/${name}: no case.yaml`);
      else {
        const read = readCase(folder);
        if (read.case) cases.push(read.case);
        problems.push(...read.problems.map((p) => `${klass}/${name}: ${p}`));
      }
    }
  }
  return { cases, problems };
}

// --- preparing and running a case -------------------------------------------------------------

/** Writes head + text×times + tail in chunks, so a case can describe a file of any size. */
function writeRepeated(path: string, spec: { line?: string; text?: string; times: number; head?: string; tail?: string }): void {
  const unit = spec.line !== undefined ? `${spec.line}\n` : spec.text!;
  const perChunk = Math.max(1, Math.floor((1 << 20) / Math.max(1, Buffer.byteLength(unit))));
  const fd = openSync(path, 'w');
  try {
    if (spec.head) writeSync(fd, spec.head);
    for (let done = 0; done < spec.times; done += perChunk) writeSync(fd, unit.repeat(Math.min(perChunk, spec.times - done)));
    if (spec.tail) writeSync(fd, spec.tail);
  } finally {
    closeSync(fd);
  }
}

/** Creates the generated inputs of a case inside `dir` (the temporary copy). */
export function applyMake(dir: string, entries: readonly MakeEntry[]): void {
  const at = (p: string): string => {
    const path = join(dir, p);
    mkdirSync(dirname(path), { recursive: true });
    return path;
  };
  for (const entry of entries) {
    if ('fifo' in entry) execFileSync('mkfifo', [at(entry.fifo)]);
    else if ('mkdir' in entry) mkdirSync(join(dir, entry.mkdir), { recursive: true });
    else if ('symlink' in entry) symlinkSync(entry.symlink.to, at(entry.symlink.from));
    else if ('repeat' in entry) writeRepeated(at(entry.repeat.file), entry.repeat);
    else writeFileSync(at(entry.bytes.file), Buffer.from(entry.bytes.hex.replace(/\s/g, ''), 'hex'));
  }
}

function sha256(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** What is in a tree, without following links or opening anything but regular files (a FIFO would block). */
export function snapshot(dir: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const key = relative(dir, path);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) entries.set(key, `link → ${readlinkSync(path)}`);
      else if (stat.isDirectory()) {
        entries.set(key, 'folder');
        walk(path);
      } else if (stat.isFile()) entries.set(key, `file ${sha256(path)}`);
      else entries.set(key, stat.isFIFO() ? 'fifo' : 'special');
    }
  };
  walk(dir);
  return entries;
}

export function treeChanges(before: Map<string, string>, after: Map<string, string>): string[] {
  const changes: string[] = [];
  for (const [key, was] of before) {
    const now = after.get(key);
    if (now === undefined) changes.push(`removed ${key}`);
    else if (now !== was) changes.push(`changed ${key}`);
  }
  for (const key of after.keys()) if (!before.has(key)) changes.push(`new ${key}`);
  return changes;
}

export interface Outcome {
  readonly exit: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  readonly timedOut: boolean;
  /** Peak resident memory in kB, or undefined when the process died before reporting it. */
  readonly maxRssKb: number | undefined;
  readonly changes: readonly string[];
}

/** The environment of a user's shell, minus what the test runner adds: no colour, no debug traces. */
function childEnv(rssFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(VITEST|NODE_OPTIONS$|FORCE_COLOR$|WIJZER_)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, NO_COLOR: '1', WIJZER_HOSTILE_RSS: rssFile };
}

function collect(stream: NodeJS.ReadableStream): () => string {
  const chunks: Buffer[] = [];
  let kept = 0;
  stream.on('data', (chunk: Buffer) => {
    if (kept >= KEEP_OUTPUT_BYTES) return;
    chunks.push(chunk);
    kept += chunk.length;
  });
  return () => Buffer.concat(chunks).toString('utf8');
}

/** Runs one case on a temporary copy of its folder ({dir}) with a scratch folder ({out}); removes both. */
export async function runCase(c: HostileCase): Promise<Outcome> {
  const work = mkdtempSync(join(tmpdir(), 'wijzer-hostile-'));
  const dir = join(work, 'in');
  const out = join(work, 'out');
  const rssFile = join(work, 'maxrss');
  try {
    cpSync(c.folder, dir, { recursive: true, filter: (source) => source !== join(c.folder, 'case.yaml') });
    mkdirSync(out);
    applyMake(dir, c.make);
    const before = snapshot(dir);
    const args = c.args.map((a) => a.split('{dir}').join(dir).split('{out}').join(out));
    const heap = `--max-old-space-size=${c.maxRssMb}`;
    const started = Date.now();
    // Its own process group, so a timeout also ends what the CLI started (git, workers).
    const child = spawn(process.execPath, [heap, RUN_ONE, ...args], { cwd: ROOT, env: childEnv(rssFile), stdio: 'pipe', detached: true });
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    child.stdin.on('error', () => undefined); // the CLI may not read its input at all
    child.stdin.end(c.stdin ?? '');
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, c.timeoutMs);
    const [exit, signal] = await new Promise<[number | null, string | null]>((done) => child.on('close', (code, sig) => done([code, sig])));
    clearTimeout(timer);
    const ms = Date.now() - started;
    const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : undefined;
    return { exit, signal, stdout: stdout(), stderr: stderr(), ms, timedOut, maxRssKb: rss, changes: treeChanges(before, snapshot(dir)) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// --- judging the outcome ------------------------------------------------------------------------

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A path as the CLI shows it: the whole of it, or its end after a '/' (shown paths are relative or absolute). */
const pathPattern = (file: string): string => `(?:^|[\\s/'"(])${escape(file)}`;

/** The text blocks of stderr that carry `code`: its header line and the lines up to the next blank one. */
function textBlocks(stderr: string, code: string): string[] {
  const lines = stderr.split('\n');
  const blocks: string[] = [];
  lines.forEach((line, i) => {
    if (!new RegExp(`\\b${code}\\b`).test(line)) return;
    let end = i + 1;
    while (end < lines.length && lines[end]!.trim() !== '') end++;
    blocks.push(lines.slice(i, end).join('\n'));
  });
  return blocks;
}

/** Diagnostic objects with `code` anywhere in a JSON document on stdout (`--format json`). */
function jsonDiagnostics(stdout: string, code: string): Record<string, unknown>[] {
  let doc: unknown;
  try {
    doc = JSON.parse(stdout);
  } catch {
    return [];
  }
  const found: Record<string, unknown>[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isRecord(v)) {
      if (v['code'] === code) found.push(v);
      Object.values(v).forEach(walk);
    }
  };
  walk(doc);
  return found;
}

function textMatches(block: string, e: Expectation): boolean {
  if (!e.file) return true;
  const header = block.split('\n')[0]!;
  if (e.line === undefined) return new RegExp(pathPattern(e.file)).test(block);
  const at = `${pathPattern(e.file)}:${e.line}:${e.col ?? '\\d+'}: `;
  return new RegExp(at).test(header);
}

function jsonMatches(d: Record<string, unknown>, e: Expectation): boolean {
  if (!e.file) return true;
  const span = isRecord(d['span']) ? d['span'] : {};
  const file = typeof span['file'] === 'string' ? span['file'] : '';
  const named = file === e.file || file.endsWith(`/${e.file}`);
  if (e.line === undefined) return named || new RegExp(pathPattern(e.file)).test(String(d['message'] ?? ''));
  return named && span['line'] === e.line && (e.col === undefined || span['col'] === e.col);
}

const where = (e: Expectation): string => (e.file ? ` at ${e.file}${e.line ? `:${e.line}${e.col ? `:${e.col}` : ''}` : ''}` : '');

/** Everything wrong with how a case ended; empty when it ended as a user's mistake should. */
export function verdict(c: HostileCase, o: Outcome): string[] {
  const problems: string[] = [];
  const e = c.expect;
  if (o.timedOut) problems.push(`did not finish within ${c.timeoutMs} ms (killed)`);
  else if (o.signal) problems.push(`ended by signal ${o.signal}`);
  else if (o.exit !== e.exit) problems.push(`exit ${o.exit}, expected ${e.exit}`);
  const found = textBlocks(o.stderr, e.code).some((b) => textMatches(b, e)) || jsonDiagnostics(o.stdout, e.code).some((d) => jsonMatches(d, e));
  if (!found) problems.push(`no ${e.code}${where(e)} in stderr (or in JSON on stdout)`);
  for (const [stream, text] of [['stderr', o.stderr], ['stdout', o.stdout]] as const) {
    if (/\n\s+at /.test(text) || text.includes('node:internal')) problems.push(`a stack trace on ${stream}`);
  }
  if (!o.timedOut && o.maxRssKb === undefined) problems.push('no memory figure: the process died before it could report one');
  if (o.maxRssKb !== undefined && o.maxRssKb > c.maxRssMb * 1024) problems.push(`peak memory ${Math.round(o.maxRssKb / 1024)} MB, bound ${c.maxRssMb} MB`);
  problems.push(...o.changes.map((change) => `input tree: ${change}`));
  return problems;
}

function report(c: HostileCase, o: Outcome): string {
  const cut = (s: string): string => (s.length > 3000 ? `${s.slice(0, 3000)}…` : s);
  return `wijzer ${c.args.join(' ')}\n--- exit ${o.exit} in ${o.ms} ms, ${Math.round((o.maxRssKb ?? 0) / 1024)} MB\n--- stderr\n${cut(o.stderr)}\n--- stdout\n${cut(o.stdout)}`;
}

/** At most JOBS cases run at once; the rest wait their turn. */
function limiter(jobs: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= jobs) await new Promise<void>((go) => waiting.push(go));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** The corpus tests the built CLI; rebuild dist/ when a source file is newer than it. */
function ensureBuilt(): void {
  const built = fromRoot('dist', 'src', 'cli', 'main.js');
  const newest = (folder: string): number =>
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith('.ts'))
      .reduce((m, d) => Math.max(m, statSync(join(d.parentPath, d.name)).mtimeMs), 0);
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(newest(fromRoot('src')), newest(fromRoot('grammar')))) return;
  try {
    execFileSync(process.execPath, [fromRoot('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // Type errors are the type-check's business; tsc still emits, and a missing build fails below.
  }
  if (!existsSync(built)) throw new Error('dist/ could not be built: run npm run build');
}

// --- the tests ----------------------------------------------------------------------------------

const corpus = discover();
const slot = limiter(JOBS);

describe('the hostile corpus', () => {
  beforeAll(ensureBuilt, 300_000);

  it('is laid out as test/hostile/README.md says, with at least 40 cases', () => {
    expect(corpus.problems).toEqual([]);
    expect(corpus.cases.length).toBeGreaterThanOrEqual(40);
  });

  // Waiting for a slot counts against a test's time, hence the generous vitest timeout; each
  // case's own bound is its timeout_ms, enforced by runCase.
  for (const c of corpus.cases) {
    it.concurrent(c.name, async () => {
      const outcome = await slot(() => runCase(c));
      expect(verdict(c, outcome), report(c, outcome)).toEqual([]);
    }, 600_000);
  }
});

describe('the corpus runner', () => {
  const base: HostileCase = { name: 'self/test', folder: CORPUS, args: ['x'], expect: { exit: 1, code: 'WZ104', file: 'p.yaml', line: 2, col: 3 }, timeoutMs: 1000, maxRssMb: 100, make: [] };
  const good: Outcome = {
    exit: 1,
    signal: null,
    stdout: '',
    stderr: '../../tmp/wijzer-hostile-x/in/p.yaml:2:3: fout WZ104: YAML-fout: kapot\n  2 | a: [\n    |   ^\n  hulp: iets\n',
    ms: 10,
    timedOut: false,
    maxRssKb: 50_000,
    changes: [],
  };

  it('accepts a case that ended as expected, in text or as JSON on stdout', () => {
    expect(verdict(base, good)).toEqual([]);
    const json = JSON.stringify({ diagnostics: [{ code: 'WZ104', span: { file: '/tmp/x/in/p.yaml', line: 2, col: 3 } }] });
    expect(verdict(base, { ...good, stderr: '', stdout: json })).toEqual([]);
  });

  it.each([
    ['a wrong exit code', { exit: 3 }, 'exit 3, expected 1'],
    ['a signal', { exit: null, signal: 'SIGABRT' }, 'ended by signal SIGABRT'],
    ['a timeout', { exit: null, signal: 'SIGKILL', timedOut: true }, 'did not finish within 1000 ms'],
    ['another code', { stderr: good.stderr.replace('WZ104', 'WZ105') }, 'no WZ104 at p.yaml:2:3'],
    ['another line', { stderr: good.stderr.replace(':2:3:', ':1:3:') }, 'no WZ104 at p.yaml:2:3'],
    ['another file with the same ending', { stderr: good.stderr.replace('in/p.yaml', 'in/xp.yaml') }, 'no WZ104 at p.yaml:2:3'],
    ['a stack trace', { stderr: `${good.stderr}Error: x\n    at foo (file.js:1:1)\n` }, 'a stack trace on stderr'],
    ['node internals', { stdout: 'node:internal/fs/utils' }, 'a stack trace on stdout'],
    ['too much memory', { maxRssKb: 200 * 1024 }, 'peak memory 200 MB, bound 100 MB'],
    ['a crash before reporting memory', { maxRssKb: undefined }, 'no memory figure'],
    ['a changed input', { changes: ['changed p.yaml'] }, 'input tree: changed p.yaml'],
  ] as [string, Partial<Outcome>, string][])('fails a case on %s', (_what, change, problem) => {
    expect(verdict(base, { ...good, ...change }).join('\n')).toContain(problem);
  });

  it('creates generated inputs and sees every change to a tree, without opening FIFOs or following links', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wijzer-hostile-self-'));
    try {
      applyMake(dir, [
        { fifo: 'a/pipe.yaml' },
        { mkdir: 'leeg' },
        { symlink: { from: 'nul.yaml', to: '/dev/zero' } },
        { repeat: { file: 'big.yaml', line: 'a: b', times: 300_000 } },
        { repeat: { file: 'long.yaml', text: 'x', times: 5, head: 'k: ', tail: '\n' } },
        { bytes: { file: 'bom.yaml', hex: 'ef bb bf 61 3a 20 62 0a' } },
      ]);
      expect(lstatSync(join(dir, 'a', 'pipe.yaml')).isFIFO()).toBe(true);
      expect(lstatSync(join(dir, 'leeg')).isDirectory()).toBe(true);
      expect(readlinkSync(join(dir, 'nul.yaml'))).toBe('/dev/zero');
      expect(statSync(join(dir, 'big.yaml')).size).toBe(300_000 * 5);
      expect(readFileSync(join(dir, 'long.yaml'), 'utf8')).toBe('k: xxxxx\n');
      expect(readFileSync(join(dir, 'bom.yaml'))).toEqual(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x3a, 0x20, 0x62, 0x0a]));
      const before = snapshot(dir);
      expect(before.get('a/pipe.yaml')).toBe('fifo');
      expect(before.get('nul.yaml')).toBe('link → /dev/zero');
      writeFileSync(join(dir, 'long.yaml'), 'k: y\n');
      writeFileSync(join(dir, 'leeg', 'nieuw'), '');
      rmSync(join(dir, 'bom.yaml'));
      expect(treeChanges(before, snapshot(dir)).sort()).toEqual(['changed long.yaml', 'new leeg/nieuw', 'removed bom.yaml']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a malformed case.yaml with a message naming the mistake', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wijzer-hostile-self-'));
    try {
      writeFileSync(join(dir, 'case.yaml'), "args: [check, 3]\nexpect: { exit: 3, code: WZ000, line: 2, colum: 1 }\nmake: [{ fifo: ../x }]\n");
      const problems = readCase(dir).problems.join('\n');
      for (const p of ['args: a list of strings', 'expect.exit: 1', "expect.code: a code", 'expect.line', "unknown key 'colum'", 'make[0].fifo']) expect(problems).toContain(p);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
