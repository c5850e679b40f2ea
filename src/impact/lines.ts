/**
 * Lines of a large file, one at a time, with the memory of one line at most: readline would
 * buffer a line of any length (a 2 GB file without a newline is one line), so lines longer than
 * `maxLineBytes` are reported as too long and skipped without being kept. A UTF-8 BOM at the
 * start is dropped; CRLF is accepted.
 */
import { createReadStream } from 'node:fs';

export type LineRead =
  | { readonly number: number; readonly text: string; readonly bytesRead: number }
  | { readonly number: number; readonly problem: 'te-lang' | 'geen-utf8'; readonly bytesRead: number };

const NEWLINE = 0x0a;
const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

export async function* readLines(path: string, maxLineBytes: number): AsyncGenerator<LineRead> {
  let number = 0;
  let bytesRead = 0;
  let parts: Buffer[] = [];
  let partBytes = 0;
  let tooLong = false;
  let first = true;
  const finish = (tail: Buffer): LineRead => {
    number++;
    if (tooLong) return { number, problem: 'te-lang', bytesRead };
    let bytes = parts.length === 0 ? tail : Buffer.concat([...parts, tail]);
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    const text = decode(bytes);
    return text === undefined ? { number, problem: 'geen-utf8', bytesRead } : { number, text, bytesRead };
  };
  for await (const data of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    let chunk = data as Buffer;
    bytesRead += chunk.length;
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    let start = 0;
    for (let at = chunk.indexOf(NEWLINE, start); at !== -1; at = chunk.indexOf(NEWLINE, start)) {
      const tail = chunk.subarray(start, at);
      if (!tooLong && partBytes + tail.length > maxLineBytes) tooLong = true;
      yield finish(tail);
      parts = [];
      partBytes = 0;
      tooLong = false;
      start = at + 1;
    }
    const rest = chunk.subarray(start);
    if (rest.length > 0 && !tooLong) {
      if (partBytes + rest.length > maxLineBytes) {
        // Forget what we have of this line: it will be reported as too long.
        tooLong = true;
        parts = [];
        partBytes = 0;
      } else {
        // A copy: a slice would keep the whole chunk of the stream alive.
        parts.push(Buffer.from(rest));
        partBytes += rest.length;
      }
    }
  }
  if (partBytes > 0 || tooLong) yield finish(Buffer.alloc(0));
}
