/** Starts `wijzer serve` in-process on a free loopback port; the test stops it. */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildApp } from '../../src/server/app.js';
import { loadContext } from '../../src/server/context.js';
import { CATALOGUES } from './paths.js';

export const BUNDLED = ['ambulante-hulp-duurzaam', 'dienstomschrijvingen-begeleiding-dagbesteding', 'nmd-samenwerking', 'samen-doen', 'toekomst-sociaal-domein'];

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(folders: readonly string[] = BUNDLED.map((c) => join(CATALOGUES, c))): Promise<RunningServer> {
  const loaded = loadContext(folders);
  if (!loaded.context) throw new Error(`test server: catalogues do not load: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  const app = await buildApp(loaded.context);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
