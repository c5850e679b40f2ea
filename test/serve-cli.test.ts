/** `wijzer serve` as a user starts it: the built bin on a free loopback port, stopped by the test. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../src/util/files.js';
import { cli } from './support/cli.js';

describe('wijzer serve', () => {
  it('starts on loopback, prints its address, serves, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [fromRoot('bin', 'wijzer.js'), 'serve', '--port', '0'], { cwd: fromRoot(), env: { ...process.env, NO_COLOR: '1' } });
    const address = await new Promise<string>((found, fail) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /op (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match) found(match[1]!);
      });
      child.on('exit', (code) => fail(new Error(`serve stopped early (${code}): ${out}`)));
    });
    const catalogues = (await (await fetch(`${address}/api/catalogi`)).json()) as { id: string }[];
    expect(catalogues.map((c) => c.id)).toContain('samen-doen');
    const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('reports a port in use (WZ906) and a malformed port as wrong usage', async () => {
    const blocker = createServer();
    await new Promise<void>((listening) => blocker.listen(0, '127.0.0.1', listening));
    const port = (blocker.address() as { port: number }).port;
    const busy = await cli(['serve', 'catalogue/samen-doen', '--port', String(port)]);
    blocker.close();
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('WZ906');
    const wrong = await cli(['serve', '--port', 'tachtig']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('WZ917');
    expect(wrong.stderr).toContain("Ongeldige waarde 'tachtig' voor --port");
  });
});
