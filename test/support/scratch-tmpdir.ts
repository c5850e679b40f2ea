/**
 * Global setup: the whole test run gets one private temporary folder (TMPDIR, which os.tmpdir()
 * and child processes read), removed when the run ends — so the suite leaves nothing behind in
 * the machine's /tmp, whatever a test forgets to clean up. WIJZER_CACHE points into it as well.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env['TMPDIR'];
  const folder = mkdtempSync(join(tmpdir(), 'wijzer-testrun-'));
  process.env['TMPDIR'] = folder;
  // The pipeline cache (src/cache/) of the run lives there too, never in the user's ~/.cache.
  const previousCache = process.env['WIJZER_CACHE'];
  process.env['WIJZER_CACHE'] = join(folder, 'wijzer-cache');
  return () => {
    if (previousCache === undefined) delete process.env['WIJZER_CACHE'];
    else process.env['WIJZER_CACHE'] = previousCache;
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    rmSync(folder, { recursive: true, force: true });
  };
}
