/** wijzer lsp: the language server over stdio, for VS Code (editors/vscode/) and any LSP editor. */
import { resolve } from 'node:path';
import { diag } from '../../diagnostics/codes.js';
import { parse } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { usageError } from './check.js';
import { LSP_USAGE } from './usage.js';

export async function lspCommand(argv: string[], io: CliIO): Promise<number> {
  // --stdio is what LSP clients (vscode-languageclient among them) pass; stdio is the only transport.
  const { parsed, error } = parse(argv, { stdio: { type: 'boolean' }, regels: { type: 'string' }, bronnen: { type: 'string' } }, LSP_USAGE);
  if (!parsed) return usageError(io, error!);
  if (parsed.positionals.length > 0) return usageError(io, diag('WZ902', { what: 'geen losse argumenten (de werkmap komt van de editor)', usage: LSP_USAGE }));
  const { startServer } = await import('../../lsp/server.js');
  const rules = parsed.values['regels'];
  const sources = parsed.values['bronnen'];
  const server = startServer({
    input: process.stdin,
    output: process.stdout,
    cwd: io.cwd,
    ...(typeof rules === 'string' ? { rulesDir: resolve(io.cwd, rules) } : {}),
    ...(typeof sources === 'string' ? { sources: resolve(io.cwd, sources) } : {}),
  });
  // The server runs until the client sends `exit` (or closes stdin); exit 0 only after `shutdown`, as LSP asks.
  await new Promise<void>((done) => {
    server.connection.onExit(() => done());
    process.stdin.on('end', () => done());
  });
  server.connection.dispose();
  process.stdin.destroy();
  return server.shutdown() ? EXIT.ok : EXIT.invalid;
}
