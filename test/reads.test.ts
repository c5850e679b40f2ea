/**
 * Reading what should not be read (issue 10, item 4): every read checks the file type and size
 * first, and the diagnostic renderer reads only the line it shows.
 *
 * node:fs is wrapped to count bytes read and to record whole-file reads of the test's own
 * files, so "reads only a small part" is asserted exactly instead of by timing, and a
 * regression that reads /dev/zero fails here instead of exhausting memory.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCatalogue, loadProduct } from '../src/catalogue/load.js';
import { diag } from '../src/diagnostics/codes.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { renderDiagnostic, renderDiagnostics, MAX_SHOWN_CHARS } from '../src/diagnostics/render.js';
import { SourceLines, MAX_SCAN_BYTES } from '../src/diagnostics/source-line.js';
import { plainStyle as plain } from '../src/report/style.js';
import { checkRegularFile, MAX_FILE_BYTES, openRegularFile, readTextFile } from '../src/util/files.js';
import { loadProfile } from '../src/vocabulary/profile.js';
import { loadScope } from '../src/vocabulary/scope.js';
import { cli } from './support/cli.js';

const root = vi.hoisted(() => `${process.env['TMPDIR'] ?? '/tmp'}/wijzer-reads-${process.pid}`);
const fsSpy = vi.hoisted(() => ({ bytes: 0, wholeFileReads: [] as string[] }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readSync = ((...args: Parameters<typeof fs.readSync>) => {
    const n = fs.readSync(...args);
    fsSpy.bytes += n;
    return n;
  }) as typeof fs.readSync;
  const readFileSync = ((path: Parameters<typeof fs.readFileSync>[0], ...rest: unknown[]) => {
    if (String(path).startsWith(root)) {
      fsSpy.wholeFileReads.push(String(path));
      throw new Error(`whole-file read of ${String(path)}`);
    }
    return (fs.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, readSync, readFileSync }, readSync, readFileSync };
});

mkdirSync(root, { recursive: true });
afterAll(() => {
  guards.forEach(stop);
  rmSync(root, { recursive: true, force: true, maxRetries: 3 });
});
beforeEach(() => {
  fsSpy.bytes = 0;
  fsSpy.wholeFileReads.length = 0;
});

const vocabulary = loadScope().scope!.vocabulary;
let counter = 0;
const fresh = (name: string): string => {
  const dir = join(root, String(counter++));
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
};

function fifo(name = 'profiel.yaml'): string {
  const path = fresh(name);
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
  return path;
}

/**
 * A writer that, after a few seconds, feeds a marker into the FIFO and closes it. Correct code
 * never opens the FIFO, so the writer just waits and is killed; code that does open it would
 * otherwise hang the test run, and now gets the marker and fails the assertions instead.
 */
const guards: ChildProcess[] = [];
function guard(path: string): { kill: () => void } {
  const child = spawn('sh', ['-c', `sleep 3; exec timeout 20 sh -c "printf 'GELEZEN: ja\\n' > '${path}'"`], { stdio: 'ignore', detached: true });
  guards.push(child);
  // Its own process group: sleep and the writer go with it.
  return { kill: () => stop(child) };
}
function stop(child: ChildProcess): void {
  try {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

const codes = (ds: readonly Diagnostic[]): string[] => ds.map((d) => d.code);

describe('only regular files are read', () => {
  it('a FIFO as profile gives WZ113 naming the path, without opening it', () => {
    const path = fifo();
    const writer = guard(path);
    try {
      const loaded = loadProfile(path, vocabulary);
      expect(codes(loaded.diagnostics)).toEqual(['WZ113']);
      expect(loaded.diagnostics[0]!.message).toContain(path);
      expect(loaded.diagnostics[0]!.span).toMatchObject({ file: path, line: 1, col: 1 });
      // The renderer must not block on it either.
      expect(renderDiagnostics(loaded.diagnostics, plain)).not.toContain('GELEZEN');
    } finally {
      writer.kill();
    }
  });

  it('a FIFO as profile through the CLI: exit 1, WZ113, no stack trace', async () => {
    const path = fifo();
    const writer = guard(path);
    try {
      const run = await cli(['evaluate', path, '--catalogue', 'catalogue/samen-doen']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('WZ113');
      expect(run.stderr).not.toContain('GELEZEN');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      writer.kill();
    }
  });

  it('a symlink to /dev/zero gives WZ114 and nothing is read from it', async () => {
    const path = fresh('nul.yaml');
    symlinkSync('/dev/zero', path);
    expect(codes(loadProfile(path, vocabulary).diagnostics)).toEqual(['WZ114']);
    const run = await cli(['evaluate', path, '--catalogue', 'catalogue/samen-doen']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('WZ114');
    expect(fsSpy.bytes).toBeLessThan(64 * 1024);
    expect(fsSpy.wholeFileReads).toEqual([]);
  });

  it('a directory where a file is expected gives WZ112', () => {
    const path = fresh('product.yaml');
    mkdirSync(path);
    expect(codes(loadProduct(path).diagnostics)).toEqual(['WZ112']);
  });

  it('a socket gives WZ115', async () => {
    const path = fresh('profiel.yaml');
    const server: Server = createServer();
    await new Promise<void>((done) => server.listen(path, done));
    try {
      expect(codes(loadProfile(path, vocabulary).diagnostics)).toEqual(['WZ115']);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  it('a symlink loop gives WZ116, a path through a file WZ118, an overlong name WZ119', () => {
    const loop = fresh('a.yaml');
    symlinkSync(loop, loop);
    expect(codes(loadProfile(loop, vocabulary).diagnostics)).toEqual(['WZ116']);
    const file = fresh('bestand.yaml');
    writeFileSync(file, 'a: 1\n');
    expect(codes(loadProfile(join(file, 'x.yaml'), vocabulary).diagnostics)).toEqual(['WZ118']);
    const long = loadProfile(join(root, `${'x'.repeat(5000)}.yaml`), vocabulary).diagnostics;
    expect(codes(long)).toEqual(['WZ119']);
    // The 5,000-character path is not echoed in full.
    expect(long[0]!.message.length).toBeLessThan(400);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission gives WZ117', () => {
    const path = fresh('geheim.yaml');
    writeFileSync(path, 'a: 1\n');
    chmodSync(path, 0o000);
    expect(codes(loadProfile(path, vocabulary).diagnostics)).toEqual(['WZ117']);
  });

  it('a missing file is still WZ101', () => {
    expect(codes(loadProfile(join(root, 'bestaat-niet.yaml'), vocabulary).diagnostics)).toEqual(['WZ101']);
  });

  it('catalogue loading: a FIFO as regio.yaml and a folder named like a product are coded errors', () => {
    const folder = join(root, 'catalogus');
    mkdirSync(join(folder, 'producten', 'map.yaml'), { recursive: true });
    spawnSync('mkfifo', [join(folder, 'regio.yaml')]);
    const writer = guard(join(folder, 'regio.yaml'));
    try {
      expect(codes(loadCatalogue(folder).diagnostics).sort()).toEqual(['WZ112', 'WZ113']);
    } finally {
      writer.kill();
    }
  });
});

describe('sizes are checked before reading', () => {
  it('a 400 MB sparse profile gives WZ102 after reading almost nothing', async () => {
    const path = fresh('groot.yaml');
    writeFileSync(path, 'leeftijd: 40\n');
    truncateSync(path, 400 * 1024 * 1024);
    const loaded = loadProfile(path, vocabulary);
    expect(codes(loaded.diagnostics)).toEqual(['WZ102']);
    expect(loaded.diagnostics[0]!.message).toContain(String(400 * 1024 * 1024));
    const run = await cli(['evaluate', path, '--catalogue', 'catalogue/samen-doen']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('WZ102');
    // Rendering showed line 1 with a bounded read: a few windows, not 400 MB.
    expect(run.stderr).toContain('1 | leeftijd: 40');
    expect(fsSpy.bytes).toBeLessThan(256 * 1024);
    expect(fsSpy.wholeFileReads).toEqual([]);
  });

  it('a file at the limit is read, one byte more is not', () => {
    const path = fresh('rand.yaml');
    writeFileSync(path, `a: b\n${'#'.repeat(MAX_FILE_BYTES - 6)}\n`);
    expect(readTextFile(path).diagnostics).toEqual([]);
    writeFileSync(path, `a: b\n${'#'.repeat(MAX_FILE_BYTES - 5)}\n`);
    expect(codes(readTextFile(path).diagnostics)).toEqual(['WZ102']);
  });

  it('a file whose stat size is 0 but has content (/proc) is read up to the limit, no further', () => {
    expect(readTextFile('/proc/self/status').file?.text).toContain('Name:');
    expect(codes(readTextFile('/proc/self/status', { maxBytes: 10 }).diagnostics)).toEqual(['WZ102']);
  });

  it('checkRegularFile and openRegularFile (for streaming readers) apply the same checks', () => {
    const path = fresh('bevolking.jsonl');
    writeFileSync(path, '{}\n');
    expect(checkRegularFile(path)).toEqual({ size: 3, diagnostics: [] });
    expect(codes(checkRegularFile(path, { maxBytes: 2 }).diagnostics)).toEqual(['WZ102']);
    const opened = openRegularFile(path);
    expect(opened.fd).toBeTypeOf('number');
    closeSync(opened.fd!);
    const pipe = fifo('bevolking.jsonl');
    const writer = guard(pipe);
    try {
      expect(codes(openRegularFile(pipe).diagnostics)).toEqual(['WZ113']);
    } finally {
      writer.kill();
    }
  });
});

describe('the renderer reads only the line it shows', () => {
  const at = (file: string, line: number, col = 1): Diagnostic => diag('WZ104', { detail: 'x' }, { file, line, col });

  it('line 1 of a huge file: a bounded read, no whole-file read', () => {
    const path = fresh('groot.yaml');
    writeFileSync(path, 'naam: eerste regel\n');
    truncateSync(path, 400 * 1024 * 1024);
    const text = renderDiagnostic(at(path, 1, 7), plain);
    expect(text).toContain('1 | naam: eerste regel');
    expect(text).toContain('  |       ^');
    expect(fsSpy.bytes).toBeLessThan(128 * 1024);
    expect(fsSpy.wholeFileReads).toEqual([]);
  });

  it('sorted diagnostics continue the line scan instead of starting over', () => {
    const path = fresh('regels.yaml');
    writeFileSync(path, Array.from({ length: 20_000 }, (_, i) => `regel_${i}: ${i}`).join('\n'));
    const lines = Array.from({ length: 50 }, (_, i) => 19_000 + i * 10);
    const text = renderDiagnostics(lines.map((l) => at(path, l)), plain);
    expect(text).toContain(`19490 | regel_19489: 19489`);
    // Fifty diagnostics near the end cost about one pass over the file, not fifty.
    expect(fsSpy.bytes).toBeGreaterThan(300_000);
    expect(fsSpy.bytes).toBeLessThan(500_000);
  });

  it('a line past the scan budget or past the end is not shown, the diagnostic is', () => {
    const path = fresh('een-lange-regel.yaml');
    writeFileSync(path, 'a: 1\n');
    truncateSync(path, MAX_SCAN_BYTES + 1024 * 1024);
    const sources = new SourceLines();
    expect(sources.line(path, 2)?.text).toBe('\u0000'.repeat(16 * 1024));
    fsSpy.bytes = 0;
    expect(sources.line(path, 3)).toBeUndefined();
    expect(fsSpy.bytes).toBeLessThanOrEqual(MAX_SCAN_BYTES + 64 * 1024);
    const small = fresh('klein.yaml');
    writeFileSync(small, 'a: 1\n');
    const text = renderDiagnostic(at(small, 7), plain);
    expect(text).toContain('WZ104');
    expect(text).not.toContain(' | ');
  });

  it('a FIFO, a device or a missing file as span: the diagnostic without a source line', () => {
    const pipe = fifo();
    const writer = guard(pipe);
    try {
      for (const file of [pipe, '/dev/zero', join(root, 'weg.yaml')]) {
        const text = renderDiagnostic(at(file, 1), plain);
        expect(text).toContain('WZ104');
        expect(text).not.toContain(' | ');
      }
    } finally {
      writer.kill();
    }
  });

  it('a very long line is shown as a window around the column, the caret under it', () => {
    const path = fresh('lang.yaml');
    const line = `sleutel: ${'a'.repeat(50_000)}FOUT${'b'.repeat(50_000)}`;
    writeFileSync(path, `${line}\n`);
    const col = line.indexOf('FOUT') + 1;
    // The read window (16 KB) ends before column 50,010: no line rather than a misplaced caret.
    expect(renderDiagnostic(at(path, 1, col), plain)).not.toContain(' | ');
    const near = `sleutel: ${'a'.repeat(1000)}FOUT${'b'.repeat(50_000)}`;
    writeFileSync(path, `${near}\n`);
    fsSpy.bytes = 0;
    const [, shownNear, caretNear] = renderDiagnostic(at(path, 1, near.indexOf('FOUT') + 1), plain).split('\n');
    expect(shownNear!.length).toBeLessThan(MAX_SHOWN_CHARS + 20);
    expect(shownNear).toMatch(/\| …a+FOUTb+…$/);
    expect(shownNear!.indexOf('FOUT')).toBe(caretNear!.indexOf('^'));
    expect(fsSpy.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it('control characters in the line and message are escaped, the caret still lines up', () => {
    const path = fresh('stuur.yaml');
    const line = 'naam: "\u001b[31mrood\u0007\u202e" fout';
    writeFileSync(path, `${line}\n`);
    // A message built elsewhere with raw control characters in it.
    const d: Diagnostic = { ...diag('WZ105', { key: 'x' }, { file: path, line: 1, col: line.indexOf('fout') + 1 }), message: "Sleutel 'x\u001b]0;titel\u0007' komt twee keer voor." };
    const text = renderDiagnostic(d, plain);
    expect([...text].filter((c) => c !== '\n' && (c < ' ' || c === '\u007f' || c === '\u202e'))).toEqual([]);
    expect(text).toContain('"\\x1b[31mrood\\x07\\u202e" fout');
    expect(text).toContain("'x\\x1b]0;titel\\x07'");
    const [, shown, caret] = text.split('\n');
    expect(shown!.indexOf('fout')).toBe(caret!.indexOf('^'));
  });

  it('a line of binary content is not shown at all', () => {
    const path = fresh('binair.yaml');
    writeFileSync(path, Buffer.alloc(1000));
    expect(renderDiagnostic(at(path, 1), plain)).not.toContain(' | ');
  });
});
