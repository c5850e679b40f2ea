/** The wijzer command line: dispatch, usage errors (exit 2) and a last guard against stack traces. */
import { readFileSync } from 'node:fs';
import { diag } from '../diagnostics/codes.js';
import { fromRoot } from '../util/files.js';
import { suggest } from '../util/suggest.js';
import { EXIT, guardProcessStreams, type CliIO } from './io.js';
import { writeProblem } from '../util/write.js';
import { printDiagnostics, writeJson } from './output.js';
import {
  AANBIEDER_USAGE,
  ANALYSE_USAGE,
  ASK_USAGE,
  CHECK_USAGE,
  COMPARE_USAGE,
  COMPILE_USAGE,
  DIFF_USAGE,
  EVALUATE_USAGE,
  GENERATE_USAGE,
  IMPACT_USAGE,
  LSP_USAGE,
  FMT_USAGE,
  EXPORT_USAGE,
  DOCUMENT_USAGE,
  SCHEMA_USAGE,
  SERVE_USAGE,
  TEST_USAGE,
} from './commands/usage.js';

type Run = (argv: string[], io: CliIO) => Promise<number>;

/**
 * Every command module is loaded on demand: `wijzer --help`, `--version` and usage errors load
 * none of them (and so no chevrotain, ajv, yaml or json-rules-engine), and each command loads
 * only what it needs. The usage lines live in commands/usage.ts for the same reason.
 */
const COMMANDS: Record<string, { load: () => Promise<Run>; usage: string; what: string }> = {
  check: { load: async () => (await import('./commands/check.js')).checkCommand, usage: CHECK_USAGE, what: 'controleert catalogi: structuur, criteria, verwijzingen en (met --bronnen) citaten' },
  evaluate: { load: async () => (await import('./commands/evaluate.js')).evaluateCommand, usage: EVALUATE_USAGE, what: 'beoordeelt een cliëntprofiel: welk product past, waarom, waarom niet, en wat nog ontbreekt' },
  vraag: { load: async () => (await import('./commands/ask.js')).askCommand, usage: ASK_USAGE, what: 'stelt de vragen die nog ontbreken, de meest beslissende eerst, tot elke familie beslist is' },
  compile: { load: async () => (await import('./commands/compile.js')).compileCommand, usage: COMPILE_USAGE, what: 'schrijft de regels van een catalogus als json-rules-engine JSON' },
  diff: { load: async () => (await import('./commands/diff.js')).diffCommand, usage: DIFF_USAGE, what: 'vergelijkt de producten van twee regio\'s of twee versies van één catalogus, tot op de clausule' },
  analyse: { load: async () => (await import('./commands/analyse.js')).analyseCommand, usage: ANALYSE_USAGE, what: 'zoekt gaten, overlap en dode criteria, elk met een tegenvoorbeeld' },
  compare: { load: async () => (await import('./commands/compare.js')).compareCommand, usage: COMPARE_USAGE, what: 'zet de producten van regio\'s naast elkaar per soort ondersteuning (inkoopmatrix)' },
  impact: { load: async () => (await import('./commands/impact.js')).impactCommand, usage: IMPACT_USAGE, what: 'speelt een populatie profielen af op twee versies en laat zien wie een wijziging raakt, en waardoor' },
  genereer: { load: async () => (await import('./commands/generate.js')).generateCommand, usage: GENERATE_USAGE, what: 'maakt een reproduceerbare synthetische populatie profielen (.jsonl)' },
  aanbieder: { load: async () => (await import('./commands/aanbieder.js')).aanbiederCommand, usage: AANBIEDER_USAGE, what: 'toetst het aanbod van een aanbieder aan de verplichtingen van de catalogus (bijv. alle niveaus bieden)' },
  serve: { load: async () => (await import('./commands/serve.js')).serveCommand, usage: SERVE_USAGE, what: 'start een lokale server met de pagina voor consulenten, de pagina\'s voor beleidsadviseurs en een JSON-API' },
  test: { load: async () => (await import('./commands/test.js')).testCommand, usage: TEST_USAGE, what: 'speelt alle referentiecasussen af (test/golden)' },
  lsp: { load: async () => (await import('./commands/lsp.js')).lspCommand, usage: LSP_USAGE, what: 'start de taalserver voor editors (VS Code, Neovim, Helix, Emacs): meldingen, aanvullen, uitleg en hernoemen in catalogusbestanden' },
  fmt: { load: async () => (await import('./commands/fmt.js')).fmtCommand, usage: FMT_USAGE, what: 'zet catalogus-, feiten-, definitie-, testcasus- en profielbestanden in één vaste opmaak (commentaar blijft staan); --check voor CI' },
  document: { load: async () => (await import('./commands/document.js')).documentCommand, usage: DOCUMENT_USAGE, what: 'maakt de productbeschrijvingen opnieuw uit de catalogus: een afdrukbaar document (HTML, Markdown of PDF) met inhoudsopgave, per product de beschrijving en de indicatiecriteria met citaten' },
  export: { load: async () => (await import('./commands/export.js')).exportCommand, usage: EXPORT_USAGE, what: 'exporteert de productcodelijst voor iWmo/iJw (CSV, JSON, Excel) of de hele catalogus als werkmap voor inkoop, met vergelijking van regio\'s' },
  schema: { load: async () => schemaCommand, usage: SCHEMA_USAGE, what: 'drukt het JSON-schema van een cliëntprofiel af (voor editors)' },
};

async function schemaCommand(argv: string[], io: CliIO): Promise<number> {
  if (argv[0] !== 'profiel' || argv.length > 1) {
    printDiagnostics(io, [diag('WZ902', { what: "'profiel'", usage: SCHEMA_USAGE })]);
    return EXIT.usage;
  }
  const [{ prepareScope }, { profileSchema }] = await Promise.all([import('../pipeline.js'), import('../vocabulary/profile.js')]);
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
    const runCommand = await command.load();
    return await runCommand(rest, io);
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
