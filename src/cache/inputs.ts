/**
 * What a cache entry depends on, as one digest: every file of a folder (names, kinds and
 * contents), the code of wijzer itself and the schemas it validates with.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fromRoot } from '../util/files.js';

/** Bump when the layout of an entry changes. */
export const CACHE_FORMAT = 'wijzer-cache/1';

const MAX_FILES = 5000;
const MAX_BYTES = 64 * 1024 * 1024;

export interface FolderDigest {
  readonly digest: string;
  /** Absolute path → text, for every file read (the entry keeps what `locate` needs). */
  readonly texts: ReadonlyMap<string, string>;
}

/**
 * Every regular file under `folder`, in a fixed order, into one digest. Anything that is not a
 * plain folder or regular file (a symlink, a FIFO, an unreadable entry) gives undefined: such a
 * folder is never cached, so the loader's own diagnostics for it are always fresh.
 */
export function digestFolder(folder: string): FolderDigest | undefined {
  const root = resolve(folder);
  const hash = createHash('sha256');
  const texts = new Map<string, string>();
  let files = 0;
  let bytes = 0;
  const walk = (dir: string): boolean => {
    const names = readdirSync(dir).sort();
    hash.update(`d\0${relative(root, dir)}\0${names.length}\0`);
    for (const name of names) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) {
        if (!walk(path)) return false;
      } else if (stat.isFile()) {
        if (++files > MAX_FILES || (bytes += stat.size) > MAX_BYTES) return false;
        const content = readFileSync(path);
        hash.update(`f\0${relative(root, path)}\0${content.length}\0`);
        hash.update(content);
        texts.set(path, content.toString('utf8'));
      } else return false;
    }
    return true;
  };
  try {
    if (!lstatSync(root).isDirectory() || !walk(root)) return undefined;
  } catch {
    return undefined;
  }
  return { digest: hash.digest('hex'), texts };
}

let codeIdentity: string | null | undefined;

function hashTree(hash: Hash, root: string, dir: string, keep: (name: string) => boolean): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, root, path, keep);
    else if (entry.isFile() && keep(entry.name)) hash.update(`${relative(root, path)}\0`).update(readFileSync(path));
  }
}

/**
 * The identity of the running code and of schemas/: part of every key, so a rebuilt (or, under
 * tsx and vitest, edited) wijzer never reads entries an older one wrote. The build writes the
 * code's digest to dist/generated/build-id.txt (scripts/build-validators.ts); from sources it is
 * computed once per process. Without it (a dist built without the script) the cache is off.
 */
export function wijzerIdentity(): string | undefined {
  if (codeIdentity !== undefined) return codeIdentity ?? undefined;
  try {
    const hash = createHash('sha256').update(`${CACHE_FORMAT}\0${process.version}\0`);
    hash.update(readFileSync(fromRoot('package.json')));
    if (import.meta.url.endsWith('.ts')) {
      hashTree(hash, fromRoot(), fromRoot('src'), (name) => name.endsWith('.ts'));
      hashTree(hash, fromRoot(), fromRoot('grammar'), (name) => name.endsWith('.ts'));
    } else {
      hash.update(readFileSync(fromRoot('dist', 'generated', 'build-id.txt')));
    }
    hashTree(hash, fromRoot(), fromRoot('schemas'), (name) => name.endsWith('.json'));
    codeIdentity = hash.digest('hex');
  } catch {
    codeIdentity = null;
  }
  return codeIdentity ?? undefined;
}

/** The digest of the code files of a built dist/ (what build-id.txt holds). */
export function digestBuiltCode(distRoot: string): string {
  const hash = createHash('sha256');
  for (const part of ['src', 'grammar', 'bundle']) {
    if (existsSync(join(distRoot, part))) hashTree(hash, distRoot, join(distRoot, part), (name) => name.endsWith('.js'));
  }
  return hash.digest('hex');
}
