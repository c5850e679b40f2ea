/**
 * Temporary files and folders that must not outlive the process: git versions read into a
 * temporary folder, half-written output files. Each is removed by its owner when done; what is
 * still registered when the process exits — normally, after an error, or on Ctrl-C / SIGTERM —
 * is removed here, so an interrupted run leaves nothing behind in the temp folder or beside
 * an output file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removeNow(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Best effort: a path we cannot remove at exit is not worth a second error.
  }
}

function removeAll(): void {
  for (const path of live) removeNow(path);
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeAll();
  uninstall();
  // Die of the signal as if we never caught it (exit 130 for Ctrl-C in the shell), unless
  // someone else (e.g. `serve`) handles it and decides for itself.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', removeAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  process.removeListener('exit', removeAll);
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
}

/** Registers a path for removal at exit; returns the function that removes it now. */
export function removeOnExit(path: string): () => void {
  live.add(path);
  install();
  return () => {
    if (!live.delete(path)) return;
    removeNow(path);
    // Handlers only while something is registered: no lingering signal listeners.
    if (live.size === 0) uninstall();
  };
}

/** Forgets a path without removing it (it was renamed into place, say). */
export function keepAtExit(path: string): void {
  live.delete(path);
  if (live.size === 0) uninstall();
}

/** A fresh folder under the system temp folder, removed by `remove` or at exit at the latest. */
export function temporaryFolder(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: removeOnExit(path) };
}
