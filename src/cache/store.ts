/**
 * The on-disk cache of prepared catalogues and rule scopes: one file per entry in the user's
 * cache folder ($XDG_CACHE_HOME/wijzer or ~/.cache/wijzer; WIJZER_CACHE=<map> elsewhere,
 * WIJZER_CACHE=uit or off disables it). Entries are written atomically (temporary file +
 * rename); an entry that cannot be read or is damaged counts as absent. Nothing here throws.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

const MAGIC = Buffer.from('WZC1');
/** Entries beyond this many are removed, oldest first. */
const MAX_ENTRIES = 200;
const OFF = new Set(['uit', 'off', '0', 'false', 'nee', 'no']);

/** The cache folder, or undefined when caching is off. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env['WIJZER_CACHE']?.trim();
  if (setting) return OFF.has(setting.toLowerCase()) ? undefined : resolve(setting);
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg && isAbsolute(xdg)) return join(xdg, 'wijzer');
  try {
    const home = homedir();
    return home ? join(home, '.cache', 'wijzer') : undefined;
  } catch {
    return undefined;
  }
}

export function digest(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:${part}`);
  return hash.digest('hex');
}

/**
 * An entry's file: `<kind>-<slot>-<key>.bin`. The slot (a digest of what the entry is for, e.g.
 * the catalogue folder) lets a new entry replace the older ones of the same folder.
 */
function entryName(kind: string, slot: string, key: string): string {
  return `${kind}-${slot.slice(0, 16)}-${key}.bin`;
}

export function readEntry(dir: string, kind: string, slot: string, key: string): Buffer | undefined {
  try {
    const bytes = readFileSync(join(dir, entryName(kind, slot, key)));
    const keyBytes = Buffer.from(key);
    const head = MAGIC.length + keyBytes.length;
    if (bytes.length < head || !bytes.subarray(0, MAGIC.length).equals(MAGIC) || !bytes.subarray(MAGIC.length, head).equals(keyBytes)) return undefined;
    return bytes.subarray(head);
  } catch {
    return undefined;
  }
}

export function writeEntry(dir: string, kind: string, slot: string, key: string, body: Buffer): void {
  const name = entryName(kind, slot, key);
  const temporary = join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temporary, Buffer.concat([MAGIC, Buffer.from(key), body]), { mode: 0o600 });
    renameSync(temporary, join(dir, name));
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
    return;
  }
  prune(dir, `${kind}-${slot.slice(0, 16)}-`, name);
}

/** Removes the older entries of the same slot, and the oldest entries beyond MAX_ENTRIES. */
function prune(dir: string, slotPrefix: string, kept: string): void {
  try {
    const names = readdirSync(dir).filter((n) => n.endsWith('.bin'));
    for (const name of names) if (name.startsWith(slotPrefix) && name !== kept) remove(join(dir, name));
    const left = names.filter((n) => !n.startsWith(slotPrefix) || n === kept);
    if (left.length <= MAX_ENTRIES) return;
    const aged = left.map((name) => ({ name, time: mtime(join(dir, name)) })).sort((a, b) => a.time - b.time);
    for (const { name } of aged.slice(0, aged.length - MAX_ENTRIES)) if (name !== kept) remove(join(dir, name));
  } catch {
    // pruning is best effort
  }
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function remove(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
