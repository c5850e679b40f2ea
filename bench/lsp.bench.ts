/**
 * Editing latency of `wijzer lsp` (issue 12): the time from a didChange of a product to the
 * publishDiagnostics for it, median of EDITS edits per bundled catalogue (one product each), plus
 * the time from a change of rules/feiten/algemeen.yaml to the republished diagnostics of an open
 * product. The server runs from src via tsx on the repository itself; nothing is written.
 *   npx tsx bench/lsp.bench.ts
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { fromRoot } from '../src/util/files.js';

const EDITS = Number(process.env['EDITS'] ?? 20);

const child = spawn(process.execPath, ['--import', 'tsx', fromRoot('scripts', 'dev.ts'), 'lsp'], { cwd: fromRoot(), stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map<string, (p: PublishDiagnosticsParams) => void>();
connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
  const resolve = waiting.get(params.uri);
  waiting.delete(params.uri);
  resolve?.(params);
});
connection.listen();

const next = (uri: string): Promise<PublishDiagnosticsParams> => new Promise((resolve) => waiting.set(uri, resolve));
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const versions = new Map<string, number>();

async function open(file: string): Promise<{ uri: string; text: string }> {
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  const published = next(uri);
  versions.set(uri, 1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await published;
  return { uri, text };
}

/** Milliseconds from sending the change of `changed` to the diagnostics of `watched`. */
async function edit(changed: string, text: string, watched = changed): Promise<number> {
  const version = (versions.get(changed) ?? 1) + 1;
  versions.set(changed, version);
  const published = next(watched);
  const start = performance.now();
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri: changed, version }, contentChanges: [{ text }] });
  await published;
  return performance.now() - start;
}

await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(fromRoot()).href, capabilities: {} });
await connection.sendNotification('initialized', {});

const rows: string[] = [];
const all: number[] = [];
for (const name of readdirSync(fromRoot('catalogue')).sort()) {
  const products = fromRoot('catalogue', name, 'producten');
  const file = join(products, readdirSync(products).filter((f) => f.endsWith('.yaml')).sort()[0]!);
  const { uri, text } = await open(file);
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    // alternately a misspelt fact (an error appears) and the original text (it goes away)
    const changed = i % 2 === 0 ? text.replace(/(\n\s+als: )([a-z])/, '$1x$2') : text;
    times.push(await edit(uri, changed));
  }
  all.push(...times);
  rows.push(`${name.padEnd(48)} ${median(times).toFixed(1).padStart(7)} ms  (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`);
}

const facts = await open(fromRoot('rules', 'feiten', 'algemeen.yaml'));
const product = pathToFileURL(fromRoot('catalogue', 'samen-doen', 'producten', 'ib2-behoudgericht.yaml')).href;
await open(fromRoot('catalogue', 'samen-doen', 'producten', 'ib2-behoudgericht.yaml'));
const vocabularyTimes: number[] = [];
for (let i = 0; i < Math.min(EDITS, 10); i++) {
  const changed = i % 2 === 0 ? facts.text.replace('waarden: [geen, licht, matig, zwaar]', 'waarden: [geen, licht, middel, zwaar]') : facts.text;
  vocabularyTimes.push(await edit(facts.uri, changed, product));
}

console.log(`didChange → publishDiagnostics, median of ${EDITS} edits of one product per catalogue:`);
for (const row of rows) console.log(`  ${row}`);
console.log(`  ${'all catalogues'.padEnd(48)} ${median(all).toFixed(1).padStart(7)} ms`);
console.log(`rules/feiten/algemeen.yaml changed → samen-doen/ib2-behoudgericht republished (every catalogue re-checked), median of ${vocabularyTimes.length}: ${median(vocabularyTimes).toFixed(1)} ms`);

await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();
