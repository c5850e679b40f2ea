// Runs the built CLI exactly as bin/wijzer.js does, and on exit writes the process's peak
// resident memory (kB, from process.resourceUsage) to the file named by WIJZER_HOSTILE_RSS,
// so the hostile corpus can bound memory without /usr/bin/time.
import { writeFileSync } from 'node:fs';

const sideFile = process.env.WIJZER_HOSTILE_RSS;
if (sideFile) process.on('exit', () => writeFileSync(sideFile, String(process.resourceUsage().maxRSS)));

const { runFromProcess } = await import('../../dist/src/cli/main.js');
await runFromProcess();
