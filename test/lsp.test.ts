/**
 * `wijzer lsp` as an editor drives it: the real server process (from src via tsx) over stdio, with
 * the LSP client of vscode-languageserver's protocol connection. Every test works in a scratch
 * copy of the bundled catalogues, rules, golden cases and profiles, and stops its server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type Location,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { fromRoot } from '../src/util/files.js';
import { cli } from './support/cli.js';
import { scratchFolder } from './support/scratch.js';

interface Client {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  readonly root: string;
  /** Resolves with the next diagnostics published for `file` (a path relative to the workspace). */
  nextDiagnostics(file: string): Promise<Diagnostic[]>;
  open(file: string, text?: string): Promise<string>;
  change(file: string, text: string): void;
  uri(file: string): string;
}

const running: Client[] = [];

afterEach(async () => {
  for (const client of running.splice(0)) {
    try {
      await Promise.race([client.connection.sendRequest('shutdown'), new Promise((done) => setTimeout(done, 2000))]);
      await client.connection.sendNotification('exit');
    } catch {
      // the process may already be gone
    }
    client.connection.dispose();
    if (client.child.exitCode === null) client.child.kill('SIGKILL');
  }
});

/** A scratch workspace: a copy of catalogue/, rules/, test/golden/ and profielen/. */
function workspace(): string {
  const root = scratchFolder('lsp-');
  for (const folder of ['catalogue', 'rules', join('test', 'golden'), 'profielen']) cpSync(fromRoot(folder), join(root, folder), { recursive: true });
  return root;
}

async function startServer(root = workspace()): Promise<Client> {
  const child = spawn(process.execPath, ['--import', 'tsx', fromRoot('scripts', 'dev.ts'), 'lsp', '--stdio'], { cwd: fromRoot(), stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) console.error(`wijzer lsp stopped with ${code}: ${stderr}`);
  });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, ((d: Diagnostic[]) => void)[]>();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    if (process.env['LSP_DEBUG']) console.error('PUBLISH', params.uri.slice(-40), params.version, params.diagnostics.map((d) => d.code).join(','));
    const list = waiting.get(params.uri) ?? [];
    waiting.delete(params.uri);
    for (const resolve of list) resolve(params.diagnostics);
  });
  connection.listen();
  const uri = (file: string): string => pathToFileURL(join(root, file)).href;
  const versions = new Map<string, number>();
  const client: Client = {
    connection,
    child,
    root,
    uri,
    nextDiagnostics: (file) =>
      new Promise((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error(`no diagnostics for ${file} within 30 s`)), 30_000);
        waiting.set(uri(file), [
          ...(waiting.get(uri(file)) ?? []),
          (d) => {
            clearTimeout(timeout);
            resolve(d);
          },
        ]);
      }),
    open: async (file, text) => {
      const content = text ?? readFileSync(join(root, file), 'utf8');
      versions.set(file, 1);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(file), languageId: 'yaml', version: 1, text: content } });
      return content;
    },
    change: (file, text) => {
      const version = (versions.get(file) ?? 1) + 1;
      versions.set(file, version);
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(file), version }, contentChanges: [{ text }] });
    },
  };
  running.push(client);
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'scratch' }], capabilities: {} });
  await connection.sendNotification('initialized', {});
  return client;
}

/** The 0-based position of `needle` (its `nth` occurrence) in `text`, plus `shift` characters. */
function positionOf(text: string, needle: string, shift = 0, nth = 0): { line: number; character: number } {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`'${needle}' not found`);
  offset += shift;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

const PRODUCT = 'catalogue/samen-doen/producten/ib2-behoudgericht.yaml';
const FACTS = 'rules/feiten/algemeen.yaml';

describe('wijzer lsp', () => {
  it('initializes with the features of issue 12', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', fromRoot('scripts', 'dev.ts'), 'lsp'], { cwd: fromRoot(), stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    running.push({ connection, child } as unknown as Client);
    const result = (await connection.sendRequest('initialize', { processId: null, rootUri: pathToFileURL(fromRoot()).href, capabilities: {} })) as { capabilities: Record<string, unknown> };
    expect(result.capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true, referencesProvider: true, renameProvider: { prepareProvider: true }, executeCommandProvider: { commands: ['wijzer.evalueerProfiel'] } });
    expect(result.capabilities['completionProvider']).toBeDefined();
    await connection.sendRequest('shutdown');
    const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    await connection.sendNotification('exit');
    expect(await exit).toBe(0);
  });

  it('publishes the diagnostic of a mistake at its exact range, with code and hint, as wijzer check does', async () => {
    const client = await startServer();
    const text = readFileSync(join(client.root, PRODUCT), 'utf8').replace('als: problematiek is matig', 'als: problematik is matig');
    const published = client.nextDiagnostics(PRODUCT);
    await client.open(PRODUCT, text);
    const errors = (await published).filter((d) => d.severity === 1);
    expect(errors).toHaveLength(1);
    const start = positionOf(text, 'problematik is matig');
    expect(errors[0]!.range).toEqual({ start, end: { line: start.line, character: start.character + 'problematik'.length } });
    expect(errors[0]!.message).toContain("'problematik'");
    expect(errors[0]!.message).toContain('problematiek');
    // the same code, message, hint and position as `wijzer check` on the saved file
    writeFileSync(join(client.root, PRODUCT), text);
    const check = await cli(['check', join(client.root, 'catalogue', 'samen-doen'), '--regels', join(client.root, 'rules'), '--format', 'json'], { cwd: client.root });
    const report = JSON.parse(check.stdout) as { catalogi: { diagnostics: { code: string; severity: string; message: string; hint?: string; span?: { file: string; line: number; col: number } }[] }[] };
    const fromCheck = report.catalogi[0]!.diagnostics.filter((d) => d.span?.file.endsWith('ib2-behoudgericht.yaml'));
    const fromServer = await published;
    expect(fromServer.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1, d.message])).toEqual(fromCheck.map((d) => [d.code, d.span!.line, d.span!.col, d.hint ? `${d.message}\nhulp: ${d.hint}` : d.message]));
    expect(errors[0]!.code).toBe(fromCheck.find((d) => d.severity === 'fout')!.code);
  });

  it('completes the labels of the fact just typed, in scale order, and facts, definitions and keywords elsewhere', async () => {
    const client = await startServer();
    const text = readFileSync(join(client.root, PRODUCT), 'utf8').replace('als: problematiek is matig', 'als: problematiek >= ');
    await client.open(PRODUCT, text);
    const position = positionOf(text, 'problematiek >= ', 'problematiek >= '.length);
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: client.uri(PRODUCT) }, position })) as CompletionItem[];
    const ordered = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
    expect(ordered).toEqual(['geen', 'licht', 'matig', 'zwaar']);

    const start = positionOf(text, 'als: volwassene', 'als: '.length);
    const all = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: client.uri(PRODUCT) }, position: start })) as CompletionItem[];
    const labels = all.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['problematiek', 'volwassene', 'wmo_doelgroep', 'niet', 'aantal']));
    expect(all.find((i) => i.label === 'problematiek')!.detail).toBe('een schaal: geen < licht < matig < zwaar');

    const follow = positionOf(text, 'product: ib3-behoudgericht', 'product: '.length);
    const products = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: client.uri(PRODUCT) }, position: follow })) as CompletionItem[];
    expect(products.map((i) => i.label)).toContain('ib3-behoudgericht');
    expect(products).toHaveLength(11);
  });

  it('hovers on a fact, a definition and a product id', async () => {
    const client = await startServer();
    const text = await client.open(PRODUCT);
    const hover = async (needle: string): Promise<string> => {
      const result = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: client.uri(PRODUCT) }, position: positionOf(text, needle, 2) })) as Hover;
      return (result.contents as { value: string }).value;
    };
    const fact = await hover('leefgebieden_omvang is');
    expect(fact).toContain('**leefgebieden_omvang** — feit, een schaal');
    expect(fact).toContain('- `meerdere`: meerdere leefgebieden');
    expect(fact).toContain('Op hoeveel leefgebieden spelen');
    expect(fact).toMatch(/Gebruikt in: .*samen-doen\/ib2-behoudgericht/);
    expect(await hover('volwassene en')).toContain('leeftijd >= 18');
    const product = await hover('ib3-behoudgericht');
    expect(product).toContain('Individuele begeleiding 3 behoudgericht');
    expect(product).toContain('Familie individuele-begeleiding, niveau 3, behoudgericht');
  });

  it('goes to the definition of a fact and a definition, and finds references', async () => {
    const client = await startServer();
    const text = await client.open(PRODUCT);
    const definition = async (needle: string, shift = 1): Promise<Location[]> =>
      (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: client.uri(PRODUCT) }, position: positionOf(text, needle, shift) })) as Location[];
    const facts = readFileSync(join(client.root, FACTS), 'utf8');
    expect(await definition('problematiek is')).toEqual([{ uri: client.uri(FACTS), range: { start: positionOf(facts, 'problematiek:'), end: positionOf(facts, 'problematiek:', 'problematiek'.length) } }]);
    const definitions = readFileSync(join(client.root, 'rules/definities/algemeen.yaml'), 'utf8');
    expect(await definition('volwassene en')).toEqual([{ uri: client.uri('rules/definities/algemeen.yaml'), range: { start: positionOf(definitions, 'volwassene:'), end: positionOf(definitions, 'volwassene:', 'volwassene'.length) } }]);
    const next = await definition('product: ib3-behoudgericht', 'product: '.length);
    expect(next[0]!.uri).toBe(client.uri('catalogue/samen-doen/producten/ib3-behoudgericht.yaml'));

    const references = (await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri: client.uri(PRODUCT) },
      position: positionOf(text, 'leefgebieden_omvang'),
      context: { includeDeclaration: true },
    })) as Location[];
    const files = new Set(references.map((r) => r.uri));
    expect(files).toContain(client.uri(FACTS));
    expect(files).toContain(client.uri(PRODUCT));
    expect(files).toContain(client.uri('profielen/voorbeeld.yaml'));
    expect([...files].some((f) => f.includes('/test/golden/samen-doen/'))).toBe(true);
  });

  it('renames a fact and a label across vocabulary, criteria, golden cases and profiles', async () => {
    const client = await startServer();
    const text = await client.open(PRODUCT);
    const edit = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: client.uri(PRODUCT) }, position: positionOf(text, 'leefgebieden_omvang', 3), newName: 'leefgebieden' })) as WorkspaceEdit;
    const changes = edit.changes!;
    expect(changes[client.uri(FACTS)]).toHaveLength(1);
    expect(changes[client.uri(PRODUCT)]!.map((e) => e.newText)).toEqual(['leefgebieden']);
    expect(changes[client.uri('profielen/voorbeeld.yaml')]).toHaveLength(1);
    const golden = Object.keys(changes).filter((uri) => uri.includes('/test/golden/'));
    expect(golden.length).toBeGreaterThan(5);
    // every edit replaces exactly the old name
    for (const [uri, edits] of Object.entries(changes)) {
      const lines = readFileSync(new URL(uri), 'utf8').split('\n');
      for (const e of edits) expect(lines[e.range.start.line]!.slice(e.range.start.character, e.range.end.character)).toBe('leefgebieden_omvang');
    }

    // a label: `meerdere` of leefgebieden_omvang, from its use in the criterion
    const labelEdit = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: client.uri(PRODUCT) }, position: positionOf(text, 'is meerdere', 4), newName: 'diverse' })) as WorkspaceEdit;
    const facts = readFileSync(join(client.root, FACTS), 'utf8').split('\n');
    const inFacts = labelEdit.changes![client.uri(FACTS)]!.map((e) => facts[e.range.start.line]!.trim());
    expect(inFacts.sort()).toEqual(['meerdere: meerdere leefgebieden', 'waarden: [beperkt, meerdere, veel]']);
    expect(labelEdit.changes![client.uri('profielen/voorbeeld.yaml')]).toHaveLength(1);
    // `meerdere` as a label of another fact is left alone
    for (const [uri, edits] of Object.entries(labelEdit.changes!)) {
      const lines = readFileSync(new URL(uri), 'utf8').split('\n');
      for (const e of edits) expect(lines[e.range.start.line]!.slice(e.range.start.character, e.range.end.character)).toBe('meerdere');
    }

    await expect(client.connection.sendRequest('textDocument/rename', { textDocument: { uri: client.uri(PRODUCT) }, position: positionOf(text, 'leefgebieden_omvang', 3), newName: 'en' })).rejects.toThrow(/sleutelwoord/);
  });

  it('re-checks a product that depends on a changed vocabulary file', async () => {
    const client = await startServer();
    const first = client.nextDiagnostics(PRODUCT);
    const product = await client.open(PRODUCT);
    expect((await first).filter((d) => d.severity === 1)).toEqual([]);
    const facts = await client.open(FACTS);
    const republished = client.nextDiagnostics(PRODUCT);
    // `matig` of problematiek (not of the other scales with that label) becomes `middel`
    const changed = facts.replace(/(\n {2}problematiek:\n(?: {4}.*\n)*? {4}waarden: \[geen, licht, )matig(, zwaar\])/, '$1middel$2');
    expect(changed).not.toBe(facts);
    client.change(FACTS, changed);
    const errors = (await republished).filter((d) => d.severity === 1);
    expect(errors).toHaveLength(1);
    const start = positionOf(product, 'problematiek is matig', 'problematiek is '.length);
    expect(errors[0]!.range.start).toEqual(start);
    expect(errors[0]!.message).toContain("'matig'");
  });

  it('evaluates a profile and a golden case (Evalueer dit profiel)', async () => {
    const client = await startServer();
    const profile = 'profielen/voorbeeld.yaml';
    await client.open(profile);
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri(profile) } })) as { command: { title: string; command: string; arguments: unknown[] } }[];
    const lens = lenses.find((l) => l.command.title.endsWith('samen-doen'))!;
    expect(lens.command.command).toBe('wijzer.evalueerProfiel');
    const result = (await client.connection.sendRequest('workspace/executeCommand', { command: lens.command.command, arguments: lens.command.arguments })) as string;
    const expected = await cli(['evaluate', join(client.root, profile), '--catalogue', join(client.root, 'catalogue', 'samen-doen'), '--regels', join(client.root, 'rules')], { cwd: client.root });
    expect(result).toBe(expected.stdout);
    expect(result).toContain('Samen Doen — profiel profielen/voorbeeld.yaml');

    const golden = 'test/golden/samen-doen/ib2-behoudgericht.yaml';
    const goldenLenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri(golden) } })) as unknown[];
    expect(goldenLenses).toEqual([]); // lenses only for open documents
    await client.open(golden);
    const [goldenLens] = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri(golden) } })) as { command: { command: string; arguments: unknown[] } }[];
    const explained = (await client.connection.sendRequest('workspace/executeCommand', { command: goldenLens!.command.command, arguments: goldenLens!.command.arguments })) as string;
    expect(explained).toMatch(/✔ passend {2}Individuele begeleiding 2 behoudgericht/);
  });
});
