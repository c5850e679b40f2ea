/** Runs the CLI straight from src/ (no build): npx tsx scripts/dev.ts <command> ... */
import { run } from '../src/cli/main.js';

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
});
