/**
 * wijzer vraag [<profiel>] --catalogue <map>: asks the most informative missing fact, one at a
 * time, until every family is decided; then prints the explained result.
 */
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { diag } from '../../diagnostics/codes.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { Evaluator } from '../../evaluate/evaluate.js';
import type { Evaluation } from '../../evaluate/outcome.js';
import { prepareCatalogue, prepareScope } from '../../pipeline.js';
import { factLabel } from '../../report/explain.js';
import { styleFor } from '../../report/style.js';
import { renderText } from '../../report/text.js';
import { answerHint, parseAnswer } from '../../vocabulary/answers.js';
import { loadProfile } from '../../vocabulary/profile.js';
import type { FactValue, Profile } from '../../vocabulary/types.js';
import { list, parse } from '../args.js';
import { EXIT, type CliIO } from '../io.js';
import { printDiagnostics } from '../output.js';
import { atDate, dated, peildatumOf } from '../../catalogue/validity.js';
import { ENGINE_OPTION, engineOption } from '../engine-option.js';
import { usageError } from './check.js';
import { ASK_USAGE } from './usage.js';

export { ASK_USAGE };

function undecided(evaluation: Evaluation): boolean {
  return evaluation.families.some((f) => f.status === 'onbekend') || evaluation.products.some((p) => p.product.familie === undefined && p.status === 'onbekend');
}

export async function askCommand(argv: string[], io: CliIO): Promise<number> {
  const { parsed, error } = parse(argv, { catalogue: { type: 'string', multiple: true }, peildatum: { type: 'string' }, ...ENGINE_OPTION }, ASK_USAGE);
  if (!parsed) return usageError(io, error!);
  const engine = engineOption(parsed.values['engine'], io.env);
  if (engine.error) return usageError(io, engine.error);
  const peildatum = peildatumOf(parsed.values['peildatum'], io.env);
  if (peildatum.error) return usageError(io, peildatum.error);
  const folders = list(parsed.values['catalogue']);
  if (folders.length !== 1 || parsed.positionals.length > 1) return usageError(io, diag('WZ902', { what: 'één --catalogue <map> en hoogstens één profiel', usage: ASK_USAGE }));
  const scope = prepareScope();
  const prepared = prepareCatalogue(resolve(io.cwd, folders[0]!), scope);
  if (!prepared.compiled || !prepared.scope || hasErrors(prepared.diagnostics)) {
    printDiagnostics(io, prepared.diagnostics.filter((d) => d.severity === 'fout'));
    return EXIT.invalid;
  }
  const vocabulary = prepared.scope.vocabulary;
  const profile: Record<string, FactValue> = {};
  if (parsed.positionals[0]) {
    const loaded = loadProfile(resolve(io.cwd, parsed.positionals[0]), vocabulary);
    if (!loaded.profile) {
      printDiagnostics(io, loaded.diagnostics);
      return EXIT.invalid;
    }
    Object.assign(profile, loaded.profile);
  }
  const projected = atDate(prepared.compiled, peildatum.date!);
  const evaluator = new Evaluator(projected, { engine: engine.engine });
  const lines = createInterface({ input: io.stdin, terminal: false })[Symbol.asyncIterator]();
  const style = styleFor(io.stdout, io.env);
  const asked = new Set<string>();
  let evaluation = dated(await evaluator.evaluate(profile as Profile), projected);
  let number = 0;
  while (undecided(evaluation)) {
    const question = evaluation.questions.find((q) => !asked.has(q.fact));
    if (!question) break;
    const fact = vocabulary.facts.get(question.fact)!;
    asked.add(fact.name);
    number++;
    io.stdout.write(`\n${style.bold(`Vraag ${number}: ${factLabel(fact.name)}`)} — ${fact.omschrijving}\n  (${answerHint(fact)})\n`);
    for (;;) {
      io.stdout.write('> ');
      const line = await lines.next();
      if (line.done) {
        io.stdout.write('\n');
        printDiagnostics(io, [diag('WZ905')]);
        io.stdout.write(`${renderText(evaluation, vocabulary, style, 'tot nu toe')}\n`);
        return EXIT.invalid;
      }
      const answer = parseAnswer(fact, line.value);
      if (answer.value !== undefined) {
        profile[fact.name] = answer.value;
        break;
      }
      io.stdout.write(`  ${style.yellow(`Ongeldig antwoord: ${answer.error}.`)} Probeer het opnieuw.\n`);
    }
    evaluation = dated(await evaluator.evaluate(profile as Profile), projected);
  }
  io.stdout.write(`\n${renderText(evaluation, vocabulary, style, `na ${number} vra${number === 1 ? 'ag' : 'gen'}`)}\n`);
  return EXIT.ok;
}
