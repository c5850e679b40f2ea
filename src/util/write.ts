/**
 * Writing output files so that an interrupted or failed run never leaves half a file: the text
 * goes to a temporary file in the same folder (same file system, so the rename is atomic) that
 * replaces the target only when complete. Devices and pipes (/dev/stdout, /dev/null, a FIFO)
 * are written directly: renaming over them would replace the device, not write to it.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, createWriteStream, fchmodSync, fsyncSync, lstatSync, mkdirSync, openSync, readlinkSync, realpathSync, renameSync, statSync, writeFileSync, type Stats, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { keepAtExit, removeOnExit } from './temporary.js';

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The path with symbolic links and `..` resolved, also for a path that does not exist yet (its
 * longest existing ancestor is resolved and the rest appended), so two spellings of one place
 * compare equal. A dangling link is followed too: writing to it would create its target.
 */
export function canonicalPath(path: string, depth = 0): string {
  const rest: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      return join(realpathSync.native(current), ...rest);
    } catch {
      const target = depth < MAX_LINKS ? danglingTarget(current) : undefined;
      if (target !== undefined) return canonicalPath(join(resolve(dirname(current), target), ...rest), depth + 1);
      const parent = dirname(current);
      if (parent === current) return join(current, ...rest);
      rest.unshift(basename(current));
      current = parent;
    }
  }
}

/** Links followed before giving up, as the system does (ELOOP). */
const MAX_LINKS = 40;

function danglingTarget(path: string): string | undefined {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether two paths name the same existing file (hard links and case-insensitive disks included). */
export function sameFile(a: string, b: string): boolean {
  const x = statOf(a);
  const y = statOf(b);
  return x !== undefined && y !== undefined && x.dev === y.dev && x.ino === y.ino;
}

function failure(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path}`), { code, path });
}

/** Why a write failed, in the words the diagnostic WZ121 shows. */
export function writeProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EISDIR':
      return 'dit is een map';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'een deel van het pad is een bestand, geen map';
    case 'ENOSPC':
      return 'de schijf is vol';
    case 'EDQUOT':
      return 'uw schijfquotum is op';
    case 'EACCES':
    case 'EPERM':
      return 'geen toestemming om hier te schrijven';
    case 'EROFS':
      return 'het bestandssysteem is alleen-lezen';
    case 'ENAMETOOLONG':
      return 'het pad is te lang';
    case 'ELOOP':
      return 'een symbolische koppeling in het pad verwijst in een kring';
    default:
      return code ? `systeemfout ${code}` : 'onbekende fout';
  }
}

interface Destination {
  /** The file that ends up with the text (symbolic links followed). */
  readonly final: string;
  /** Where the text is written first; equal to `final` for devices and pipes. */
  readonly temp: string;
  /** Permission bits to keep when an existing file is replaced. */
  readonly mode?: number;
}

function destinationOf(target: string): Destination {
  const final = canonicalPath(target);
  const existing = statOf(final);
  if (existing?.isDirectory()) throw failure('EISDIR', final);
  if (existing && !existing.isFile()) return { final, temp: final };
  mkdirSync(dirname(final), { recursive: true });
  // Short enough for any file system (255 bytes per name), unique per process and call.
  const temp = join(dirname(final), `.${basename(final).slice(0, 100)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  return { final, temp, ...(existing ? { mode: existing.mode & 0o7777 } : {}) };
}

/** Writes a whole file atomically (see above). Throws the system error when it cannot. */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const { final, temp, mode } = destinationOf(target);
  if (temp === final) {
    writeFileSync(final, data);
    return;
  }
  const forget = removeOnExit(temp);
  try {
    const fd = openSync(temp, 'wx');
    try {
      if (mode !== undefined) fchmodSync(fd, mode);
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, final);
    keepAtExit(temp);
  } catch (error) {
    forget();
    throw error;
  }
}

export interface AtomicWrite {
  /** Write here; wait for 'drain' with events.once, which also rejects on a write error. */
  readonly stream: WriteStream;
  /** Ends the stream and puts the file in place; rejects (and removes the temporary file) on a write error. */
  commit(): Promise<void>;
  /** Gives up: the temporary file is removed and the target left as it was. */
  abort(): void;
}

/** The streaming form of writeFileAtomic, for output too large to hold (a generated population). */
export function openAtomicWrite(target: string): AtomicWrite {
  const { final, temp, mode } = destinationOf(target);
  const direct = temp === final;
  const forget = direct ? () => undefined : removeOnExit(temp);
  const stream = createWriteStream(temp, { flags: direct ? 'w' : 'wx', ...(mode !== undefined ? { mode } : {}) });
  return {
    stream,
    async commit() {
      try {
        if (!stream.writableEnded) stream.end();
        await finished(stream);
        if (!direct) {
          renameSync(temp, final);
          keepAtExit(temp);
        }
      } catch (error) {
        forget();
        throw error;
      }
    },
    abort() {
      // The file may still be opening: remove it once the stream has closed (or at exit).
      if (stream.closed) forget();
      else stream.once('close', forget).destroy();
    },
  };
}
