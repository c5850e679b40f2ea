/** Drives the CLI in-process with captured output. */
import { Readable } from 'node:stream';
import { run } from '../../src/cli/main.js';
import { fromRoot } from '../../src/util/files.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cli(args: string[], options: { cwd?: string; stdin?: string } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: Readable.from([options.stdin ?? '']),
    cwd: options.cwd ?? fromRoot(),
    env: { NO_COLOR: '1' },
  });
  return { code, stdout, stderr };
}
