/**
 * `wijzer lsp`: the language server for catalogue, vocabulary and definitions files, over stdio.
 * Diagnostics are those of `wijzer check` (same loader, checker and codes), recomputed from the
 * editor's unsaved text shortly after each change; a change to rules/ re-checks every catalogue.
 */
import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import {
  createConnection,
  ProposedFeatures,
  ResponseError,
  ErrorCodes,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readTextFile } from '../util/files.js';
import { EVALUATE_COMMAND, Features, toLspDiagnostic } from './features.js';
import { pathToUri, uriToPath } from './uri.js';
import { Workspace } from './workspace.js';

export interface ServerOptions {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** Used when the client names no workspace folder. */
  readonly cwd: string;
  readonly rulesDir?: string;
  readonly sources?: string;
}

/** Changes within this many milliseconds are checked together. */
const SETTLE_MS = 15;

interface InitOptions {
  readonly regels?: string;
  readonly bronnen?: string;
}

export function startServer(options: ServerOptions): { readonly connection: Connection; readonly shutdown: () => boolean } {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(options.input), new StreamMessageWriter(options.output));
  const documents = new TextDocuments(TextDocument);
  let workspace: Workspace | undefined;
  let features: Features | undefined;
  /** What each file was last published with, to send only what changed (and always the open files). */
  const published = new Map<string, string>();
  const uris = new Map<string, string>();
  /** TextDocuments reports an open as a content change too: that one is handled by onDidOpen. */
  const justOpened = new Set<string>();
  const pending = { scope: false, catalogues: new Set<string>() };
  let timer: NodeJS.Timeout | undefined;

  const ws = (): Workspace => workspace!;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitOptions;
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const root = (folder ? uriToPath(folder) : undefined) ?? params.rootPath ?? options.cwd;
    const rulesDir = init.regels ? resolve(root, init.regels) : options.rulesDir;
    const sources = init.bronnen ? resolve(root, init.bronnen) : options.sources;
    workspace = new Workspace({ root, ...(rulesDir ? { rulesDir } : {}), ...(sources && existsSync(sources) ? { sources } : {}) });
    features = new Features(workspace);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [' ', '[', ','] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [EVALUATE_COMMAND] },
      },
      serverInfo: { name: 'wijzer' },
    };
  });

  function schedule(path: string): void {
    const kind = ws().kind(path);
    if (kind === 'feiten' || kind === 'definities') pending.scope = true;
    else if (kind === 'product' || kind === 'regio') pending.catalogues.add(ws().catalogueOf(path)!);
    else return;
    timer ??= setTimeout(recheck, SETTLE_MS);
  }

  function recheck(): void {
    timer = undefined;
    const workspace = ws();
    const scope = pending.scope;
    let folders = [...pending.catalogues];
    pending.scope = false;
    pending.catalogues.clear();
    try {
      if (scope) {
        workspace.refreshScope();
        // the catalogues with open files first, so what the advisor sees is updated first
        const open = new Set(workspace.openFiles().map((f) => workspace.catalogueOf(f)).filter((f): f is string => f !== undefined));
        folders = [...open, ...workspace.catalogueFolders().filter((f) => !open.has(f))];
        publish((file) => file.startsWith(workspace.rulesDir + sep));
      }
      for (const folder of folders) {
        workspace.refreshCatalogue(folder);
        publish((file) => file.startsWith(folder + sep));
      }
    } catch (error) {
      connection.console.error(`wijzer: interne fout bij het controleren (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  /** Publishes the diagnostics of the files `within` selects: every open one, and the others when they changed. */
  function publish(within: (file: string) => boolean): void {
    const workspace = ws();
    const byFile = workspace.diagnosticsByFile();
    const files = new Set([...byFile.keys(), ...published.keys(), ...workspace.openFiles()].filter(within));
    for (const file of files) {
      const diagnostics = byFile.get(file) ?? [];
      const key = JSON.stringify(diagnostics.map((d) => [d.code, d.message, d.span?.line, d.span?.col]));
      if (!workspace.isOpen(file) && published.get(file) === key) continue;
      if (diagnostics.length === 0 && !published.has(file) && !workspace.isOpen(file)) continue;
      send(file, diagnostics);
      if (diagnostics.length === 0 && !workspace.isOpen(file)) published.delete(file);
      else published.set(file, key);
    }
  }

  function send(file: string, diagnostics: readonly Diagnostic[]): void {
    const lines = (ws().text(file) ?? '').split('\n');
    const uri = uris.get(file) ?? pathToUri(file);
    const version = documents.get(uri)?.version;
    void connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics: diagnostics.map((d) => toLspDiagnostic(d, lines)) });
  }

  documents.onDidOpen(({ document }) => {
    const path = uriToPath(document.uri);
    if (!path) return;
    uris.set(path, document.uri);
    justOpened.add(path);
    const workspace = ws();
    workspace.setText(path, document.getText());
    const kind = workspace.kind(path);
    const unchanged = readTextFile(path).file?.text === document.getText();
    const folder = workspace.catalogueOf(path);
    const checked = kind === 'feiten' || kind === 'definities' ? true : folder !== undefined && workspace.checkedCatalogues().includes(folder);
    if (unchanged && checked) publish((file) => file === path);
    else schedule(path);
  });

  documents.onDidChangeContent(({ document }) => {
    const path = uriToPath(document.uri);
    if (!path) return;
    if (justOpened.delete(path)) return;
    ws().setText(path, document.getText());
    schedule(path);
  });

  documents.onDidClose(({ document }) => {
    const path = uriToPath(document.uri);
    if (!path) return;
    const unsaved = readTextFile(path).file?.text !== document.getText();
    ws().close(path);
    uris.delete(path);
    if (unsaved) schedule(path);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) {
      const path = uriToPath(change.uri);
      if (path && !ws().isOpen(path)) schedule(path);
    }
  });

  const at = (uri: string): { path: string; text: string; document: TextDocument } | undefined => {
    const document = documents.get(uri);
    const path = uriToPath(uri);
    return document && path ? { path, text: document.getText(), document } : undefined;
  };

  connection.onCompletion(({ textDocument, position }) => {
    const doc = at(textDocument.uri);
    return doc ? features!.completion(doc.path, doc.text, doc.document.offsetAt(position)) : [];
  });

  connection.onHover(({ textDocument, position }) => {
    const doc = at(textDocument.uri);
    return doc ? (features!.hover(doc.path, doc.text, position.line, position.character) ?? null) : null;
  });

  connection.onDefinition(({ textDocument, position }) => {
    const doc = at(textDocument.uri);
    return doc ? features!.definition(doc.path, doc.text, position.line, position.character) : [];
  });

  connection.onReferences(({ textDocument, position, context }) => {
    const doc = at(textDocument.uri);
    return doc ? features!.references(doc.path, doc.text, position.line, position.character, context.includeDeclaration) : [];
  });

  connection.onPrepareRename(({ textDocument, position }) => {
    const doc = at(textDocument.uri);
    if (!doc) return null;
    const result = features!.prepareRename(doc.path, doc.text, position.line, position.character);
    if (typeof result === 'string') throw new ResponseError(ErrorCodes.InvalidRequest, result);
    return result;
  });

  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const doc = at(textDocument.uri);
    if (!doc) return null;
    const result = features!.rename(doc.path, doc.text, position.line, position.character, newName);
    if (typeof result === 'string') throw new ResponseError(ErrorCodes.InvalidRequest, result);
    return result;
  });

  connection.onCodeLens(({ textDocument }) => {
    const doc = at(textDocument.uri);
    return doc ? features!.codeLenses(doc.path, doc.text) : [];
  });

  connection.onExecuteCommand(({ command, arguments: args }) => {
    if (command !== EVALUATE_COMMAND) throw new ResponseError(ErrorCodes.InvalidRequest, `Onbekend commando '${command}'.`);
    const [uri, folder] = (args ?? []) as [string | undefined, string | undefined];
    const path = uri ? uriToPath(uri) : undefined;
    if (!path) throw new ResponseError(ErrorCodes.InvalidParams, `${EVALUATE_COMMAND} verwacht de URI van een profiel of testcasus.`);
    const folders = folder ? [resolve(folder)] : [ws().catalogueOf(path)].filter((f): f is string => f !== undefined);
    return features!.evaluate(path, folders);
  });

  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
    if (timer) clearTimeout(timer);
  });

  documents.listen(connection);
  connection.listen();
  return { connection, shutdown: () => shutdown };
}
