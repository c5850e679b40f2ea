/** wijzer serve [catalogus...] [--port 8080] [--host 127.0.0.1]: the pages and the JSON API on one local server. */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { diag } from '../../diagnostics/codes.js';
import { buildApp } from '../../server/app.js';
import { loadContext } from '../../server/context.js';
import { isDirectory } from '../../util/files.js';
import { integerOption, list, parse } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { printDiagnostics } from '../output.js';
import { usageError } from './check.js';
import { SERVE_USAGE } from './serve-usage.js';


/** Without folders: every catalogue under catalogue/ of the working directory. */
function defaultFolders(cwd: string): string[] {
  const root = join(cwd, 'catalogue');
  return isDirectory(root) ? readdirSync(root).sort().map((name) => join(root, name)).filter(isDirectory) : [];
}

export async function serveCommand(argv: string[], io: CliIO): Promise<number> {
  const { parsed, error } = parse(argv, { catalogue: { type: 'string', multiple: true }, port: { type: 'string' }, host: { type: 'string' } }, SERVE_USAGE);
  if (!parsed) return usageError(io, error!);
  // Port 0 is meaningful: the system picks a free port (the tests use it).
  const portOption = integerOption(parsed.values['port'], '--port', 0, 65535, 8080);
  if (portOption.error) return usageError(io, portOption.error);
  const port = portOption.value!;
  const host = typeof parsed.values['host'] === 'string' ? parsed.values['host'] : '127.0.0.1';
  const given = [...parsed.positionals, ...list(parsed.values['catalogue'])];
  const folders = given.length > 0 ? given.map((f) => resolve(io.cwd, f)) : defaultFolders(io.cwd);
  if (folders.length === 0) return usageError(io, diag('WZ902', { what: 'een of meer catalogusmappen', usage: SERVE_USAGE }));
  const loaded = loadContext(folders);
  printDiagnostics(io, loaded.diagnostics);
  if (!loaded.context || loaded.context.catalogues.size === 0) return EXIT.invalid;
  const app = await buildApp(loaded.context);
  try {
    const address = await app.listen({ port, host });
    io.stdout.write(`wijzer serve: ${loaded.context.catalogues.size} catalogi op ${address} (stoppen met Ctrl-C)\n`);
  } catch (e) {
    printDiagnostics(io, [diag('WZ906', { address: `${host}:${port}`, detail: (e as NodeJS.ErrnoException).code ?? String(e) })]);
    return EXIT.invalid;
  }
  // Serve until the process is stopped; close cleanly on Ctrl-C.
  await new Promise<void>((done) => {
    const stop = () => void app.close().then(() => done());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT.ok;
}
