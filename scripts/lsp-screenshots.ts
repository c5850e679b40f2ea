/**
 * Screenshots of `wijzer lsp` for the README (issue 12), made through the server's own test harness
 * because VS Code cannot run here: starts the real server (from src via tsx) over stdio on a scratch
 * copy of catalogue/samen-doen and rules/, opens a product with a misspelt fact and asks for completion
 * after `problematiek >= `, and renders the server's answers in an editor-like HTML page that Debian's
 * Chromium (playwright-core) photographs into docs/screenshots/lsp-diagnostic.png and lsp-completion.png.
 * Every text in the pictures comes from the file or from the server's responses.
 * Run with `npx tsx scripts/lsp-screenshots.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type MarkupContent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { fromRoot } from '../src/util/files.js';

const OUT = fromRoot('docs', 'screenshots');
const PRODUCT = 'catalogue/samen-doen/producten/ib1-behoudgericht.yaml';
/** The criterion that is changed: once misspelt (diagnostic), once cut off after `>= ` (completion). */
const ORIGINAL = 'als: problematiek is licht';
const MISTAKE = 'als: problematek is licht';
const TYPED = 'als: problematiek >= ';
const CAPTION = 'Getoond via de eigen testomgeving van de taalserver (wijzer lsp), niet in VS Code';
/** Lines of the file shown above and below the line of interest. */
const BEFORE = 9;
const AFTER = 6;

interface Position {
  line: number;
  character: number;
}

/** The 0-based position of `needle` in `text`, plus `shift` characters. */
function positionOf(text: string, needle: string, shift = 0): Position {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`lsp-screenshots: '${needle}' not found`);
  const before = text.slice(0, offset + shift).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

// ---------------------------------------------------------------------------------------------
// The server and its scratch workspace; both are removed on every way out (also Ctrl-C).

let root: string | undefined;
let child: ChildProcess | undefined;
let connection: ProtocolConnection | undefined;
let browser: Browser | undefined;

function cleanUpNow(): void {
  connection?.dispose();
  connection = undefined;
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
}

async function cleanUp(): Promise<void> {
  if (browser) await browser.close().catch(() => undefined);
  browser = undefined;
  if (connection && child && child.exitCode === null) {
    try {
      const exited = new Promise((done) => child!.once('exit', done));
      await Promise.race([connection.sendRequest('shutdown'), new Promise((done) => setTimeout(done, 2000))]);
      await connection.sendNotification('exit');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 2000))]);
    } catch {
      // the process may already be gone
    }
  }
  cleanUpNow();
}

process.on('exit', cleanUpNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanUpNow();
    process.exit(130);
  });
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wijzer-lsp-screenshots-'));
  root = dir;
  cpSync(fromRoot('catalogue', 'samen-doen'), join(dir, 'catalogue', 'samen-doen'), { recursive: true });
  cpSync(fromRoot('rules'), join(dir, 'rules'), { recursive: true });
  return dir;
}

async function startServer(dir: string): Promise<{ nextDiagnostics(file: string): Promise<Diagnostic[]>; uri(file: string): string; conn: ProtocolConnection }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', fromRoot('scripts', 'dev.ts'), 'lsp', '--stdio'], { cwd: fromRoot(), stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  child = proc;
  let stderr = '';
  proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  proc.on('exit', (code) => {
    if (code !== 0 && code !== null) console.error(`wijzer lsp stopped with ${code}: ${stderr}`);
  });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  connection = conn;
  const waiting = new Map<string, ((d: Diagnostic[]) => void)[]>();
  conn.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const list = waiting.get(params.uri) ?? [];
    waiting.delete(params.uri);
    for (const resolve of list) resolve(params.diagnostics);
  });
  conn.listen();
  const uri = (file: string): string => pathToFileURL(join(dir, file)).href;
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'screenshots' }], capabilities: {} });
  await conn.sendNotification('initialized', {});
  return {
    conn,
    uri,
    nextDiagnostics: (file) =>
      new Promise((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error(`lsp-screenshots: no diagnostics for ${file} within 30 s`)), 30_000);
        waiting.set(uri(file), [
          ...(waiting.get(uri(file)) ?? []),
          (d) => {
            clearTimeout(timeout);
            resolve(d);
          },
        ]);
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The editor-like page.

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; background: #f3f3f3; font-family: system-ui, 'DejaVu Sans', sans-serif; }
  #shot { display: inline-block; padding: 20px 24px 14px; background: #f3f3f3; }
  .window { width: 1040px; background: #1e1e1e; border-radius: 6px; overflow: hidden; box-shadow: 0 4px 18px rgba(0,0,0,.35); }
  .tabs { background: #252526; display: flex; }
  .tab { background: #1e1e1e; color: #ffffff; font-size: 13px; padding: 8px 16px; border-top: 2px solid #007acc; }
  .path { color: #a9a9a9; font-size: 12px; padding: 4px 16px 6px; background: #1e1e1e; border-bottom: 1px solid #333; }
  .code { position: relative; padding: 6px 0 10px; font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace; font-size: 14px; line-height: 20px; color: #d4d4d4; }
  .line { display: flex; white-space: pre; height: 20px; }
  .line.current { background: #2a2d2e; }
  .no { width: 52px; padding-right: 14px; text-align: right; color: #858585; flex: none; }
  .line.current .no { color: #c6c6c6; }
  .text { overflow: hidden; flex: 1; padding-right: 12px; }
  .line.current .text { overflow: visible; }
  .key { color: #9cdcfe; }
  .punct { color: #d4d4d4; }
  .squiggle { text-decoration: underline wavy #f14c4c; text-decoration-skip-ink: none; text-underline-offset: 3px; text-decoration-thickness: 1.5px; }
  .anchor { position: relative; display: inline-block; width: 0; height: 20px; vertical-align: top; }
  .cursor { position: absolute; left: -1px; top: 1px; width: 2px; height: 18px; background: #aeafad; }
  .hover { position: absolute; left: 0; top: 22px; z-index: 2; background: #252526; border: 1px solid #454545; color: #cccccc; box-shadow: 0 2px 8px rgba(0,0,0,.6);
           font-family: system-ui, 'DejaVu Sans', sans-serif; font-size: 13px; line-height: 19px; white-space: normal; width: max-content; max-width: 640px; }
  .hover .body { padding: 8px 10px; }
  .hover .message { white-space: pre-wrap; }
  .hover .source { color: #9d9d9d; margin-top: 2px; }
  .hover .source .codeid { color: #3794ff; }
  .hover .actions { border-top: 1px solid #454545; padding: 4px 10px; color: #3794ff; font-size: 12px; }
  .suggest { position: absolute; left: 0; top: 22px; z-index: 2; display: flex; align-items: flex-start; font-family: system-ui, 'DejaVu Sans', sans-serif; font-size: 13px; white-space: normal; }
  .suggest .list { background: #252526; border: 1px solid #454545; width: 460px; box-shadow: 0 2px 8px rgba(0,0,0,.6); }
  .suggest .item { display: flex; align-items: center; height: 24px; padding: 0 8px; color: #cccccc; gap: 8px; }
  .suggest .item.selected { background: #04395e; outline: 1px solid #007fd4; outline-offset: -1px; }
  .suggest .icon { width: 16px; height: 16px; flex: none; color: #ee9d28; font-family: 'DejaVu Sans Mono', monospace; font-size: 12px; line-height: 16px; text-align: center; }
  .suggest .label { font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace; color: #d4d4d4; }
  .suggest .detail { margin-left: auto; color: #9d9d9d; font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .suggest .docs { background: #252526; border: 1px solid #454545; border-left: none; width: 300px; padding: 8px 10px; color: #cccccc; line-height: 18px; box-shadow: 0 2px 8px rgba(0,0,0,.6); }
  .suggest .docs .d-detail { font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace; font-size: 12px; color: #9d9d9d; }
  .suggest .docs .d-doc { margin-top: 6px; white-space: pre-wrap; }
  .statusbar { background: #007acc; color: #fff; font-size: 12px; padding: 3px 12px; }
  .caption { margin-top: 10px; font-size: 13px; color: #555; }
`;

/** A YAML line with its key coloured; `inner` is the already-escaped text of the line. */
function colourKey(raw: string, inner: string): string {
  const match = /^(\s*(?:- )?)([A-Za-z_][\w-]*)(:)/.exec(raw);
  if (!match) return inner;
  const [, indent, key] = match;
  const prefix = escape(indent!);
  if (!inner.startsWith(prefix + escape(key!) + ':')) return inner;
  return `${prefix}<span class="key">${escape(key!)}</span><span class="punct">:</span>${inner.slice(prefix.length + escape(key!).length + 1)}`;
}

/** The lines around `focus`; `decorate` returns the HTML of the focused line. */
function editor(lines: string[], focus: number, decorate: (line: string) => string, status: string): string {
  const first = Math.max(0, focus - BEFORE);
  const last = Math.min(lines.length - 1, focus + AFTER);
  const rows: string[] = [];
  for (let i = first; i <= last; i++) {
    const raw = lines[i]!;
    const html = i === focus ? decorate(raw) : colourKey(raw, escape(raw));
    rows.push(`<div class="line${i === focus ? ' current' : ''}"><span class="no">${i + 1}</span><span class="text">${html}</span></div>`);
  }
  const name = PRODUCT.split('/').pop()!;
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><style>${STYLE}</style></head><body>
<div id="shot">
<div class="window">
  <div class="tabs"><div class="tab">${escape(name)}</div></div>
  <div class="path">${escape(PRODUCT.split('/').join(' › '))}</div>
  <div class="code">${rows.join('\n')}</div>
  <div class="statusbar">${escape(status)}</div>
</div>
<div class="caption">${escape(CAPTION)}</div>
</div>
</body></html>`;
}

function diagnosticPage(text: string, diagnostic: Diagnostic): string {
  const lines = text.split('\n');
  const { start, end } = diagnostic.range;
  if (start.line !== end.line) throw new Error('lsp-screenshots: the diagnostic spans more than one line');
  const decorate = (raw: string): string => {
    const before = raw.slice(0, start.character);
    const marked = raw.slice(start.character, end.character);
    const after = raw.slice(end.character);
    const source = diagnostic.source ? escape(diagnostic.source) : '';
    const code = diagnostic.code !== undefined ? `<span class="codeid">${escape(String(diagnostic.code))}</span>` : '';
    const hover = `<div class="hover"><div class="body"><div class="message">${escape(typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value)}</div><div class="source">${source}${code ? `(${code})` : ''}</div></div></div>`;
    const inner = `${escape(before)}<span class="anchor">${hover}</span><span class="squiggle">${escape(marked)}</span>${escape(after)}`;
    return colourKey(raw, inner);
  };
  return editor(lines, start.line, decorate, `regel ${start.line + 1}, kolom ${start.character + 1}`);
}

function documentation(item: CompletionItem): string | undefined {
  if (item.documentation === undefined) return undefined;
  return typeof item.documentation === 'string' ? item.documentation : (item.documentation as MarkupContent).value;
}

function completionPage(text: string, position: Position, items: CompletionItem[]): string {
  const lines = text.split('\n');
  const selected = items[0];
  const rows = items
    .map((item, i) => {
      return `<div class="item${i === 0 ? ' selected' : ''}"><span class="icon">▣</span><span class="label">${escape(item.label)}</span><span class="detail">${escape(item.detail ?? '')}</span></div>`;
    })
    .join('');
  const doc = selected ? documentation(selected) : undefined;
  // Like VS Code: the side panel of the selected item only when the server gives documentation.
  const docs = selected && doc ? `<div class="docs">${selected.detail ? `<div class="d-detail">${escape(selected.detail)}</div>` : ''}<div class="d-doc">${escape(doc)}</div></div>` : '';
  const decorate = (raw: string): string => {
    const before = raw.slice(0, position.character);
    const after = raw.slice(position.character);
    const inner = `${escape(before)}<span class="anchor"><span class="cursor"></span><div class="suggest"><div class="list">${rows}</div>${docs}</div></span>${escape(after)}`;
    return colourKey(raw, inner);
  };
  return editor(lines, position.line, decorate, `regel ${position.line + 1}, kolom ${position.character + 1}`);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const dir = workspace();
  const original = readFileSync(join(dir, PRODUCT), 'utf8');
  if (!original.includes(ORIGINAL)) throw new Error(`lsp-screenshots: ${PRODUCT} has no '${ORIGINAL}'`);
  const server = await startServer(dir);
  const uri = server.uri(PRODUCT);

  // 1. A misspelt fact: the diagnostic as published.
  const wrong = original.replace(ORIGINAL, MISTAKE);
  const published = server.nextDiagnostics(PRODUCT);
  await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: wrong } });
  const diagnostics = await published;
  const mistake = positionOf(wrong, MISTAKE, 'als: '.length);
  const diagnostic = diagnostics.find((d) => d.range.start.line === mistake.line);
  if (!diagnostic) throw new Error(`lsp-screenshots: no diagnostic on line ${mistake.line + 1}: ${JSON.stringify(diagnostics)}`);
  console.log('diagnostic:', JSON.stringify(diagnostic));

  // 2. Completion right after `problematiek >= `.
  const typed = original.replace(ORIGINAL, TYPED);
  const republished = server.nextDiagnostics(PRODUCT);
  await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: typed }] });
  await republished;
  const position = positionOf(typed, TYPED, TYPED.length);
  const answer = (await server.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionItem[] | CompletionList | null;
  const list = Array.isArray(answer) ? answer : (answer?.items ?? []);
  if (list.length === 0) throw new Error('lsp-screenshots: the server offers no completion after `problematiek >= `');
  const items = [...list].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  console.log('completion:', JSON.stringify(items));

  // 3. The pages, photographed.
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1100, height: 700 }, deviceScaleFactor: 1 });
  const shots: [string, string][] = [
    ['lsp-diagnostic', diagnosticPage(wrong, diagnostic)],
    ['lsp-completion', completionPage(typed, position, items)],
  ];
  for (const [name, html] of shots) {
    await page.setContent(html, { waitUntil: 'load' });
    await page.locator('#shot').screenshot({ path: join(OUT, `${name}.png`) });
    console.log(`docs/screenshots/${name}.png`);
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
