/** What a command may touch: injected so tests can drive the CLI in-process. */
export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIO {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly stdin: NodeJS.ReadableStream;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;

/**
 * The process's own streams, when writing to them fails. A reader that went away
 * (`wijzer genereer … | head -1`) is not an error: the run ends quietly with exit 0, as other
 * command-line tools do. Any other failure (stdout on a full disk) is a coded diagnostic and
 * exit 1. Either way the process ends at once, and its exit handlers remove temporary files.
 */
export function guardProcessStreams(stdout: NodeJS.WriteStream, stderr: NodeJS.WriteStream, report: (error: NodeJS.ErrnoException) => void): void {
  const onError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    try {
      report(error);
    } finally {
      process.exit(EXIT.invalid);
    }
  };
  stdout.on('error', onError);
  stderr.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? EXIT.ok : EXIT.invalid));
}
