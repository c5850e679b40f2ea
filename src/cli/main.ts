/** The wijzer command line: dispatch, usage errors (exit 2) and a last guard against stack traces. */
import { readFileSync } from 'node:fs';
import { diag } from '../diagnostics/codes.js';
import { fromRoot } from '../util/files.js';
import { suggest } from '../util/suggest.js';
import { EXIT, guardProcessStreams, type CliIO } from './io.js';
import { writeProblem } from '../util/write.js';
import { printDiagnostics, writeJson } from './output.js';
import { checkCommand, CHECK_USAGE } from './commands/check.js';
import { compileCommand, COMPILE_USAGE } from './commands/compile.js';
import { evaluateCommand, EVALUATE_USAGE } from './commands/evaluate.js';
import { testCommand, TEST_USAGE } from './commands/test.js';
import { diffCommand, DIFF_USAGE } from './commands/diff.js';
import { compareCommand, COMPARE_USAGE } from './commands/compare.js';
import { impactCommand, IMPACT_USAGE } from './commands/impact.js';
import { generateCommand, GENERATE_USAGE } from './commands/generate.js';
import { analyseCommand, ANALYSE_USAGE } from './commands/analyse.js';
import { askCommand, ASK_USAGE } from './commands/ask.js';
import { aanbiederCommand, AANBIEDER_USAGE } from './commands/aanbieder.js';
import { SERVE_USAGE } from './commands/serve-usage.js';
import { prepareScope } from '../pipeline.js';
import { profileSchema } from '../vocabulary/profile.js';

const SCHEMA_USAGE = 'wijzer schema profiel';

const COMMANDS: Record<string, { run: (argv: string[], io: CliIO) => Promise<number>; usage: string; what: string }> = {
  check: { run: checkCommand, usage: CHECK_USAGE, what: 'controleert catalogi: structuur, criteria, verwijzingen en (met --bronnen) citaten' },
  evaluate: { run: evaluateCommand, usage: EVALUATE_USAGE, what: 'beoordeelt een cliëntprofiel: welk product past, waarom, waarom niet, en wat nog ontbreekt' },
  vraag: { run: askCommand, usage: ASK_USAGE, what: 'stelt de vragen die nog ontbreken, de meest beslissende eerst, tot elke familie beslist is' },
  compile: { run: compileCommand, usage: COMPILE_USAGE, what: 'schrijft de regels van een catalogus als json-rules-engine JSON' },
  diff: { run: diffCommand, usage: DIFF_USAGE, what: 'vergelijkt de producten van twee regio\'s of twee versies van één catalogus, tot op de clausule' },
  analyse: { run: analyseCommand, usage: ANALYSE_USAGE, what: 'zoekt gaten, overlap en dode criteria, elk met een tegenvoorbeeld' },
  compare: { run: compareCommand, usage: COMPARE_USAGE, what: 'zet de producten van regio\'s naast elkaar per soort ondersteuning (inkoopmatrix)' },
  impact: { run: impactCommand, usage: IMPACT_USAGE, what: 'speelt een populatie profielen af op twee versies en laat zien wie een wijziging raakt, en waardoor' },
  genereer: { run: generateCommand, usage: GENERATE_USAGE, what: 'maakt een reproduceerbare synthetische populatie profielen (.jsonl)' },
  aanbieder: { run: aanbiederCommand, usage: AANBIEDER_USAGE, what: 'toetst het aanbod van een aanbieder aan de verplichtingen van de catalogus (bijv. alle niveaus bieden)' },
  // Loaded on demand: every other command starts without the HTTP server's modules.
  serve: { run: async (argv, io) => (await import('./commands/serve.js')).serveCommand(argv, io), usage: SERVE_USAGE, what: 'start een lokale server met de pagina voor consulenten, de pagina\'s voor beleidsadviseurs en een JSON-API' },
  test: { run: testCommand, usage: TEST_USAGE, what: 'speelt alle referentiecasussen af (test/golden)' },
  schema: { run: schemaCommand, usage: SCHEMA_USAGE, what: 'drukt het JSON-schema van een cliëntprofiel af (voor editors)' },
};

async function schemaCommand(argv: string[], io: CliIO): Promise<number> {
  if (argv[0] !== 'profiel' || argv.length > 1) {
    printDiagnostics(io, [diag('WZ902', { what: "'profiel'", usage: SCHEMA_USAGE })]);
    return EXIT.usage;
  }
  const scope = prepareScope();
  if (!scope.scope) {
    printDiagnostics(io, scope.diagnostics);
    return EXIT.invalid;
  }
  writeJson(io, profileSchema(scope.scope.vocabulary));
  return EXIT.ok;
}

const EXIT_CODES = 'Uitgangscodes: 0 in orde, 1 ongeldige invoer of mislukte test, 2 verkeerd gebruik, 3 interne fout (een fout in wijzer zelf: meld hem).';

/** The overview of every command; on stderr when it answers a bare `wijzer` (a usage error). */
function help(io: CliIO, to: 'stdout' | 'stderr' = 'stdout'): void {
  const lines = ['wijzer — regels voor Wmo- en Jeugdwet-productcatalogi', '', 'Gebruik:'];
  for (const command of Object.values(COMMANDS)) lines.push(`  ${command.usage}`, `      ${command.what}`);
  lines.push(
    '',
    'Meer over één commando: wijzer help <commando> of wijzer <commando> --help. Versie: wijzer --version.',
    'Een catalogus als optie heet overal --catalogue (ook: --catalogus, -c).',
    EXIT_CODES,
  );
  io[to].write(`${lines.join('\n')}\n`);
}

function commandHelp(io: CliIO, name: string): number {
  const command = COMMANDS[name];
  if (!command) return unknownCommand(io, name);
  io.stdout.write(`Gebruik: ${command.usage}\n\n${command.what}.\n\n${EXIT_CODES}\n`);
  return EXIT.ok;
}

function unknownCommand(io: CliIO, name: string): number {
  const suggestion = suggest(name, Object.keys(COMMANDS));
  printDiagnostics(io, [diag('WZ901', { name, known: Object.keys(COMMANDS).join(', '), ...(suggestion ? { suggestion } : {}) })]);
  return EXIT.usage;
}

function version(): string {
  const manifest = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? 'onbekend';
}

/** `--help` anywhere before a `--` asks for help, whatever else the line says. */
function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    help(io, 'stderr');
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h') {
    help(io);
    return EXIT.ok;
  }
  if (name === 'help') {
    if (rest.length === 0) {
      help(io);
      return EXIT.ok;
    }
    return commandHelp(io, rest[0]!);
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`wijzer ${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) return unknownCommand(io, name);
  if (asksForHelp(rest)) return commandHelp(io, name);
  try {
    return await command.run(rest, io);
  } catch (error) {
    // Only bugs get here: report them in one line, never as a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`wijzer: interne fout (${message}). Meld dit met het commando dat u gaf; zet WIJZER_DEBUG=1 voor details.\n`);
    if (io.env['WIJZER_DEBUG'] && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.internal;
  }
}

/** Entry point for bin/wijzer.js and scripts/dev.ts: the real process streams. */
export async function runFromProcess(): Promise<void> {
  const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env };
  guardProcessStreams(process.stdout, process.stderr, (error) => printDiagnostics(io, [diag('WZ121', { path: 'standaarduitvoer', detail: writeProblem(error) })]));
  process.exitCode = await run(process.argv.slice(2), io);
}
