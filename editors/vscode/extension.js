// The wijzer extension: starts `wijzer lsp` (from the workspace) and shows what it answers. All
// checking, completion and explanation is done by the server, with the same code as `wijzer check`.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

const EVALUATE = 'wijzer.evalueerProfiel';

/** @type {LanguageClient | undefined} */
let client;

/** The wijzer CLI script of the workspace: node_modules/.bin/wijzer, node_modules/wijzer/bin/wijzer.js or bin/wijzer.js. */
function findWijzer(root) {
  const candidates = [path.join(root, 'node_modules', '.bin', 'wijzer'), path.join(root, 'node_modules', 'wijzer', 'bin', 'wijzer.js'), path.join(root, 'bin', 'wijzer.js')];
  for (const candidate of candidates) {
    try {
      const real = fs.realpathSync(candidate);
      if (real.endsWith('.js')) return real;
    } catch {
      // not there: try the next
    }
  }
  return undefined;
}

async function showResult(text) {
  const document = await vscode.workspace.openTextDocument({ content: String(text), language: 'plaintext' });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

async function start(context) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) return;
  const root = folder.uri.fsPath;
  const script = findWijzer(root);
  if (!script) {
    void vscode.window.showWarningMessage('wijzer: geen wijzer gevonden in deze werkmap (node_modules/.bin/wijzer of bin/wijzer.js). Voer eerst npm ci uit.');
    return;
  }
  const settings = vscode.workspace.getConfiguration('wijzer');
  const bronnen = settings.get('bronnen');
  const run = { command: settings.get('node') || 'node', args: [script, 'lsp'], transport: TransportKind.stdio, options: { cwd: root } };
  client = new LanguageClient(
    'wijzer',
    'wijzer',
    { run, debug: run },
    {
      documentSelector: [{ scheme: 'file', language: 'yaml', pattern: '**/{catalogue,rules,profielen,test/golden}/**/*.{yaml,yml}' }],
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{catalogue,rules}/**/*.{yaml,yml}') },
      initializationOptions: bronnen ? { bronnen } : {},
      middleware: {
        // "Evalueer dit profiel" (code lens or command): the server returns the explained result as text.
        executeCommand: async (command, args, next) => {
          const result = await next(command, args);
          if (command === EVALUATE && typeof result === 'string') await showResult(result);
          return result;
        },
      },
    },
  );
  await client.start();
  context.subscriptions.push(client);
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('wijzer.evalueerActiefProfiel', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!client || !editor) {
        void vscode.window.showInformationMessage('wijzer: open eerst een profiel (profielen/) of een testcasus (test/golden/).');
        return;
      }
      const result = await client.sendRequest('workspace/executeCommand', { command: EVALUATE, arguments: [editor.document.uri.toString()] });
      await showResult(result);
    }),
    vscode.commands.registerCommand('wijzer.herstartServer', async () => {
      if (client) await client.restart();
      else await start(context);
    }),
  );
  await start(context);
}

async function deactivate() {
  if (client) await client.stop();
}

module.exports = { activate, deactivate };
