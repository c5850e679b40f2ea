/** Runs the CLI straight from src/ (no build): npx tsx scripts/dev.ts <command> ... */
import { runFromProcess } from '../src/cli/main.js';

await runFromProcess();
