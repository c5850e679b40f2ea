/**
 * Scratch folders for tests, removed when the test file is done, so the suite leaves nothing in
 * the system temp folder (issue 10). Import at the top of a test file: the removal is registered
 * as that file's afterAll hook.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
/** Taken once, so a test that points TMPDIR elsewhere still gets its scratch folders here. */
const BASE = tmpdir();

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function scratchFolder(prefix = 'test-'): string {
  const dir = mkdtempSync(join(BASE, `wijzer-${prefix}`));
  made.push(dir);
  return dir;
}
