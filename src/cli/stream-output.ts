/**
 * Output too large to hold, written as it is produced: to standard output (waiting for the
 * reader when it falls behind) or, with -o, to a temporary file beside the target that replaces
 * it only when the run succeeds (util/write.ts), so a failed run leaves no half file.
 */
import { once } from 'node:events';
import { openAtomicWrite, type AtomicWrite } from '../util/write.js';
import type { CliIO } from './io.js';

/** Text is gathered into blocks of about this size: one write per block, not per line. */
const BLOCK_CHARS = 64 * 1024;

export interface StreamOutput {
  write(text: string): Promise<void>;
  /** Flushes and, for a file, puts it in place. Rejects with the system error when writing failed. */
  commit(): Promise<void>;
  /** Gives up: a file is removed, the target left as it was. Standard output keeps what it got. */
  abort(): void;
}

export function openStreamOutput(io: CliIO, target: string | undefined): StreamOutput {
  const file: AtomicWrite | undefined = target ? openAtomicWrite(target) : undefined;
  const stdout = io.stdout as Partial<NodeJS.WritableStream> & CliIO['stdout'];
  let block = '';
  // Kept so a failed write is not an unhandled 'error' event; commit() and the next flush report it.
  let failure: unknown;
  file?.stream.on('error', (error) => (failure ??= error));
  const flush = async (): Promise<void> => {
    if (failure !== undefined) throw failure;
    if (block === '') return;
    const text = block;
    block = '';
    if (file) {
      if (!file.stream.write(text)) await once(file.stream, 'drain');
    } else if (stdout.write(text) === false && typeof stdout.once === 'function') {
      await once(stdout as NodeJS.WritableStream, 'drain');
    }
  };
  return {
    async write(text) {
      block += text;
      if (block.length >= BLOCK_CHARS) await flush();
    },
    async commit() {
      await flush();
      await file?.commit();
    },
    abort() {
      block = '';
      file?.abort();
    },
  };
}
