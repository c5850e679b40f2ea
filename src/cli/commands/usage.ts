/**
 * Usage lines of every command, kept apart from the command modules so `wijzer --help` (and every
 * usage error of main.ts) can show them without loading a command — and with it chevrotain, ajv,
 * yaml or json-rules-engine. The command modules import their line from here.
 */
import { ENGINE_USAGE } from '../engine-option.js';

export { SERVE_USAGE } from './serve-usage.js';

export const CHECK_USAGE = 'wijzer check <catalogus>... [--regels <map>] [--bronnen <map>] [--analyse] [--keuzes] [--verbose] [--format text|json]';
export const COMPILE_USAGE = 'wijzer compile <catalogus> [-o <bestand.json>]';
export const DIFF_USAGE =
  'wijzer diff <catalogus>[@<git-versie>] <catalogus> | wijzer diff <catalogus> --base <git-versie> | wijzer diff <catalogus> --peildatum JJJJ-MM-DD --tot JJJJ-MM-DD [--format text|markdown|json]';
export const COMPARE_USAGE = 'wijzer compare <catalogus> <catalogus>... [--format text|markdown|json]';
export const IMPACT_USAGE =
  'wijzer impact <catalogus> (--base <git-versie|map> | --peildatum JJJJ-MM-DD --tot JJJJ-MM-DD) --profielen <map|.jsonl|.csv> [--max-ongeldig <aantal|percentage>] [--format text|markdown|json|html] [-o <bestand>]';
export const GENERATE_USAGE = 'wijzer genereer --aantal <n> [--seed <getal>] [--volledigheid <0..1>] [--catalogue <map>...] [-o <bestand.jsonl>]';
export const ANALYSE_USAGE = 'wijzer analyse <catalogus> [--format text|markdown|json] [--tegenvoorbeelden <map>]';
export const AANBIEDER_USAGE = 'wijzer aanbieder <catalogus> <aanbod.yaml> [--format text|json]';
export const SCHEMA_USAGE = 'wijzer schema profiel';
export const LSP_USAGE = 'wijzer lsp [--stdio] [--regels <map>] [--bronnen <map>]';
export const FMT_USAGE = 'wijzer fmt [<bestand|map>...] [--check]';
export const EXPORT_USAGE =
  'wijzer export productcodes <catalogus> [--format csv|json|xlsx] [-o <bestand>] | wijzer export catalogus <catalogus>... -o <bestand.xlsx> [--format xlsx]';
export const DOCUMENT_USAGE = 'wijzer document <catalogus> [--format html|md|pdf] [-o <bestand>]';

export const EVALUATE_USAGE =
  `wijzer evaluate <profiel.yaml|.json> --catalogue <map> [--catalogue <map>...] [--format text|json|markdown] [--peildatum JJJJ-MM-DD] ${ENGINE_USAGE}` +
  ` — of per populatie: wijzer evaluate --profielen <map|.jsonl|.csv> --catalogue <map> [--format jsonl|csv] [-o <bestand>] [--max-ongeldig <aantal|percentage>] [--peildatum JJJJ-MM-DD] ${ENGINE_USAGE}`;
export const ASK_USAGE = `wijzer vraag [<profiel>] --catalogue <map> [--peildatum JJJJ-MM-DD] ${ENGINE_USAGE}`;
export const TEST_USAGE = `wijzer test [<map met testcasussen>] [--catalogue <catalogus of map met catalogi>...] [--regels <map>] [--bronnen <map>] [--peildatum JJJJ-MM-DD] ${ENGINE_USAGE}`;
