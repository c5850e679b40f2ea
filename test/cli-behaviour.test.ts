/**
 * The command line behaves as people expect (issue 10): help and version, one name per option,
 * numbers that mean what they say, a one-line check summary, the quote check that says when it
 * was skipped, and messages that say what is wrong instead of something misleading.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from './support/scratch.js';
import { decimalOption, integerOption, parse, positiveInteger } from '../src/cli/args.js';
import { shown } from '../src/diagnostics/codes.js';
import { fromRoot } from '../src/util/files.js';
import { cli } from './support/cli.js';

const temp = (): string => scratchFolder('gedrag-');

function file(name: string, content: string): string {
  const path = join(temp(), name);
  writeFileSync(path, content);
  return path;
}

/** A copy of the base catalogue of the negative fixtures, with extra product files. */
function catalogue(products: Record<string, string> = {}): string {
  const dir = temp();
  cpSync(fromRoot('test', 'fixtures', 'negatief', '_basis'), dir, { recursive: true });
  for (const [name, text] of Object.entries(products)) writeFileSync(join(dir, 'producten', name), text);
  return dir;
}

const BASIS = readFileSync(fromRoot('test', 'fixtures', 'negatief', '_basis', 'producten', '000-basis.yaml'), 'utf8');
const STACK = /\n\s+at .*[\\/].*:\d+/;
const COMMANDS = ['check', 'evaluate', 'vraag', 'compile', 'diff', 'analyse', 'compare', 'impact', 'genereer', 'aanbieder', 'serve', 'test', 'schema'];

function hasRef(ref: string): boolean {
  try {
    execFileSync('git', ['-C', fromRoot(), 'cat-file', '-e', `${ref}^{commit}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('help and version', () => {
  it.each(COMMANDS)('wijzer %s --help and wijzer help %s print its usage and exit 0', async (command) => {
    for (const args of [[command, '--help'], [command, '-h'], ['help', command], [command, 'iets', '--help']]) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Gebruik: wijzer ${command}`));
      expect(result.stdout).toContain('3 interne fout');
      expect(result.stderr).toBe('');
    }
  });

  it('--help after -- is an argument, not a request for help', async () => {
    const result = await cli(['check', '--', '--help']);
    expect(result.stdout).not.toContain('Gebruik:');
  });

  it('bare wijzer prints the help on stderr and exits 2; wijzer help and --help exit 0', async () => {
    const bare = await cli([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('wijzer check <catalogus>');
    for (const args of [['help'], ['--help'], ['-h']]) {
      const result = await cli(args);
      expect(result.code).toBe(0);
      for (const command of COMMANDS) expect(result.stdout).toContain(`wijzer ${command}`);
    }
  });

  it('the help lists every exit code, 3 included', async () => {
    const result = await cli(['help']);
    expect(result.stdout).toMatch(/Uitgangscodes: 0 in orde, 1 ongeldige invoer[^\n]*, 2 verkeerd gebruik, 3 interne fout/);
  });

  it('wijzer --version prints the version of package.json', async () => {
    const version = (JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string }).version;
    const result = await cli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`wijzer ${version}\n`);
  });

  it('help for an unknown command is a usage error with a suggestion', async () => {
    const result = await cli(['help', 'evalute']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('WZ901');
    expect(result.stderr).toContain("Bedoelt u 'evaluate'?");
  });
});

describe('one name per option', () => {
  it.each([['--catalogue'], ['--catalogus'], ['-c']])('evaluate accepts %s', async (option) => {
    const result = await cli(['evaluate', 'profielen/voorbeeld.yaml', option, 'catalogue/samen-doen']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Samen Doen — profiel');
  });

  it('--catalogue and --catalogus may be mixed; both catalogues are evaluated', async () => {
    const result = await cli(['evaluate', 'profielen/voorbeeld.yaml', '--catalogue', 'catalogue/samen-doen', '--catalogus', 'catalogue/toekomst-sociaal-domein', '--format', 'json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(2);
  });

  it.each([
    [['check', '--catalogue', 'catalogue/samen-doen']],
    [['check', '-c', 'catalogue/samen-doen']],
    [['compare', '--catalogus', 'catalogue/samen-doen', '--catalogue', 'catalogue/nmd-samenwerking']],
    [['aanbieder', '--catalogue', 'catalogue/ambulante-hulp-duurzaam', 'profielen/aanbod-voorbeeld.yaml']],
  ])('%j names the catalogue with the same option', async (args) => {
    const result = await cli(args);
    expect(result.stderr).not.toMatch(/WZ90[23]/);
    expect([0, 1]).toContain(result.code);
  });

  it('the Dutch alias is added to every command that has --catalogue, also genereer', () => {
    const parsed = parse(['--catalogus', 'a', '-c', 'b', '--catalogue', 'c'], { catalogue: { type: 'string', multiple: true } }, 'u').parsed!;
    expect([...(parsed.values['catalogue'] as string[])].sort()).toEqual(['a', 'b', 'c']);
    expect(parsed.values['catalogus']).toBeUndefined();
  });

  it('test takes --catalogue: a folder of catalogues or one catalogue', async () => {
    const one = await cli(['test', '--catalogue', 'catalogue/samen-doen']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/✔ samen-doen\//);
    expect(one.stdout).not.toMatch(/✔ (?!samen-doen\/)/);
  });

  it('an old option name gets a usage error that names the new one', async () => {
    const result = await cli(['test', '--catalogi', 'catalogue']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("fout WZ903: Onbekende optie '--catalogi'.");
    expect(result.stderr).toContain("Bedoelt u '--catalogue'?");
  });

  it('an option without a value names the option, not "-c,"', async () => {
    for (const args of [['evaluate', 'profielen/voorbeeld.yaml', '-c'], ['evaluate', 'profielen/voorbeeld.yaml', '--catalogue'], ['evaluate', 'profielen/voorbeeld.yaml', '--catalogue', '--format', 'json']]) {
      const result = await cli(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('fout WZ916: Optie --catalogue heeft een waarde nodig.');
      expect(result.stderr).not.toContain('-c,');
    }
  });

  it('an empty value is refused, not read as the current folder', async () => {
    const result = await cli(['check', '--bronnen', '', 'catalogue/samen-doen']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('WZ916');
  });

  it('a value for a switch is refused', async () => {
    const result = await cli(['check', 'catalogue/samen-doen', '--analyse=ja']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('WZ918');
    expect(result.stderr).toContain('fout WZ918: Optie --analyse neemt geen waarde.');
  });
});

describe('numeric options', () => {
  it.each(['1.5', '0x2', '-1', '0', '1e3', '+3', ' 7', '', 'tien', '9007199254740993'])('positiveInteger refuses %j, naming option and value', (value) => {
    const result = positiveInteger(value, '--aantal');
    expect(result.value).toBeUndefined();
    expect(result.error!.code).toBe('WZ917');
    expect(result.error!.message).toBe(`Ongeldige waarde '${value}' voor --aantal: verwacht een geheel getal van 1 tot ${Number.MAX_SAFE_INTEGER}.`);
  });

  it('positiveInteger, integerOption and decimalOption accept what they should', () => {
    expect(positiveInteger('1000', '--aantal').value).toBe(1000);
    expect(positiveInteger(undefined, '--aantal', 10, 5).value).toBe(5);
    expect(integerOption('0', '--seed', 0, 10).value).toBe(0);
    expect(integerOption('11', '--seed', 0, 10).error!.message).toContain("'11' voor --seed");
    expect(decimalOption('0.5', '--volledigheid', 0, 1).value).toBe(0.5);
    expect(decimalOption('0,5', '--volledigheid', 0, 1).error!.message).toContain('met een decimale punt: 0.5');
    expect(decimalOption('5e-1', '--volledigheid', 0, 1).error!.code).toBe('WZ917');
  });

  it.each(['1.5', '0x2', '-1', '65536', '8080abc'])('serve --port %s is a usage error naming --port and the value', async (value) => {
    const result = await cli(['serve', 'catalogue/samen-doen', '--port', value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`fout WZ917: Ongeldige waarde '${value}' voor --port`);
  });
});

describe('check: a one-line summary, documented choices on request', () => {
  it('--verbose lists documented choices like --keuzes does', async () => {
    const verbose = await cli(['check', 'catalogue/samen-doen', '--verbose']);
    expect(verbose.stderr).toContain('info WZ310: Gedocumenteerde keuze:');
  });

  it('warnings and errors are counted apart from documented choices', async () => {
    const dir = catalogue({ 'x.yaml': BASIS.replace('id: basis-product', 'id: x').replace('niveau: 1', 'niveau: 2').replace('[02A04]', '[02A05]').replace('problematiek is licht', 'leeftijd >= 200') });
    const result = await cli(['check', dir]);
    expect(result.stdout).toMatch(/\(2 producten\): 0 fouten, 1 waarschuwing, 0 gedocumenteerde keuzes\n$/);
  });
});

describe('the quote check says when it was skipped', () => {
  it('check without --bronnen says so once, for any number of catalogues', async () => {
    const result = await cli(['check', 'catalogue/samen-doen', 'catalogue/nmd-samenwerking']);
    expect(result.stderr.match(/WZ922/g)).toHaveLength(1);
    expect(result.stderr).toContain('info WZ922: De citaten zijn niet gecontroleerd: geen --bronnen opgegeven.');
    const json = JSON.parse((await cli(['check', 'catalogue/samen-doen', '--format', 'json'])).stdout) as { meldingen: { code: string }[] };
    expect(json.meldingen.map((m) => m.code)).toEqual(['WZ922']);
  });

  it('check with --bronnen does not say it', async () => {
    const result = await cli(['check', 'test/fixtures/negatief/_basis', '--bronnen', 'test/fixtures/negatief/_basis/bronnen']);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('WZ922');
  });

  it.each(['check', 'test'])('%s --bronnen that is a file, a loop of links, a dangling link or missing: its own message, exit 2', async (command) => {
    const dir = temp();
    symlinkSync(join(dir, 'b'), join(dir, 'a'));
    symlinkSync(join(dir, 'a'), join(dir, 'b'));
    symlinkSync(join(dir, 'nergens'), join(dir, 'los'));
    const run = (bronnen: string) => cli(command === 'check' ? ['check', 'catalogue/samen-doen', '--bronnen', bronnen] : ['test', '--catalogue', 'catalogue/samen-doen', '--bronnen', bronnen]);
    const asFile = await run('package.json');
    expect(asFile.code).toBe(2);
    expect(asFile.stderr).toContain('WZ920');
    expect(asFile.stderr).toContain("fout WZ920: --bronnen 'package.json' is een bestand, geen map.");
    const loop = await run(join(dir, 'a'));
    expect(loop.code).toBe(2);
    expect(loop.stderr).toContain('WZ921');
    expect(loop.stderr).toContain('kring van symbolische koppelingen');
    const dangling = await run(join(dir, 'los'));
    expect(dangling.stderr).toContain('WZ919');
    expect(dangling.stderr).toContain('symbolische koppeling naar een map die niet bestaat');
    const missing = await run(join(dir, 'bestaat-niet'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/fout WZ919: De map met brondocumenten '.*bestaat-niet' bestaat niet\./);
    expect(missing.stdout).not.toMatch(/[✔✘]/);
  });
});

describe('wijzer test with a wrong --catalogue', () => {
  it('a missing folder is one usage error, not a failure per case', async () => {
    const result = await cli(['test', '--catalogue', '/nonexistent']);
    expect(result.code).toBe(2);
    expect(result.stderr.match(/fout WZ/g)).toHaveLength(1);
    expect(result.stderr).toContain('WZ923');
    expect(result.stderr).toContain("fout WZ923: De catalogus of map met catalogi '/nonexistent' bestaat niet of is geen map.");
    expect(result.stdout).toBe('');
  });

  it('a folder with no cases for it says so', async () => {
    const result = await cli(['test', '--catalogue', 'test/fixtures/negatief/_basis']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WZ924');
  });
});

describe('messages that said something misleading', () => {
  it('a list as profile: no "moet een lijst van feiten zijn"', async () => {
    const result = await cli(['evaluate', file('lijst.yaml', '- leeftijd: 40\n- problematiek: licht\n'), '-c', 'catalogue/samen-doen']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WZ705: Een profiel bestaat uit feiten met hun waarde (feit: waarde), niet uit een lijst');
    expect(result.stderr).toContain('zonder streepje');
    expect(result.stderr).not.toContain('moet een lijst van feiten zijn');
  });

  it('a two-character bron is too short, not empty', async () => {
    const result = await cli(['check', catalogue({ 'kort.yaml': BASIS.replace('id: basis-product', 'id: kort').replace('niveau: 1', 'niveau: 2').replace('[02A04]', '[02A05]').replace('bron: De inwoner heeft lichte problematiek.', 'bron: ab') })]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bron: is te kort (minstens 3 tekens, nu 2)');
    expect(result.stderr).not.toContain('mag niet leeg zijn');
  });

  it('18,5 is told to use a decimal point', async () => {
    const result = await cli(['evaluate', file('komma.yaml', 'leeftijd: 18,5\n'), '-c', 'catalogue/samen-doen']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('komma.yaml:1:11: fout WZ702');
    expect(result.stderr).toContain('Schrijf een kommagetal met een punt: leeftijd: 18.5');
  });

  it('a known definition compared with >= is named a definition, not an unknown fact', async () => {
    const dir = catalogue({ 'def.yaml': BASIS.replace('id: basis-product', 'id: def').replace('niveau: 1', 'niveau: 2').replace('[02A04]', '[02A05]').replace('problematiek is licht', 'volwassene >= 3') });
    const result = await cli(['check', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/def\.yaml:\d+:\d+: fout WZ610: 'volwassene' is een definitie \(leeftijd >= 18\)/);
    expect(result.stderr).not.toContain("Onbekend feit 'volwassene'");
    expect(result.stderr).not.toContain('WZ501');
    expect(result.stderr).toContain('WZ610');
  });

  it('control characters are escaped, never sent to the terminal', async () => {
    const result = await cli(['evaluate', file('ctrl.yaml', 'problematiek: "licht\\u0007\\u001b[2J\\u202e"\n'), '-c', 'catalogue/samen-doen', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("'licht\\x07\\x1b[2J\\u202e' is geen waarde van problematiek");
    // eslint-disable-next-line no-control-regex
    expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(shown('a\nb\tc', true)).toBe('a\nb\tc');
    expect(shown('a\nb')).toBe('a\\x0ab');
  });

  it('a 2 MB label is cut short in the message', async () => {
    const result = await cli(['evaluate', file('groot.yaml', `problematiek: ${'x'.repeat(2_000_000)}\n`), '-c', 'catalogue/samen-doen']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WZ703');
    expect(result.stderr).toContain('… (2000000 tekens)');
    expect(result.stderr.length).toBeLessThan(2000);
  });

  it('a diff against a version that predates the catalogue layout names the version, not a deleted temporary folder', async (ctx) => {
    ctx.skip(!hasRef('02db39d'), 'geen volledige git-geschiedenis (ondiepe kloon): versie 02db39d ontbreekt');
    const result = await cli(['diff', 'catalogue/samen-doen', '--base', '02db39d']);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('wijzer-versie-');
    expect(result.stderr).not.toContain(tmpdir());
    expect(result.stderr).toContain("fout WZ925: Versie '02db39d' van 'catalogue/samen-doen' is met deze wijzer niet te laden");
    expect(result.stderr).toContain('02db39d:rules/feiten');
    expect(result.stderr).toContain('WZ925');
  });

  it('a duplicate product id or code names both files', async () => {
    const dir = catalogue({
      'b-dubbel-id.yaml': BASIS.replace('niveau: 1', 'niveau: 2').replace('[02A04]', '[02A05]'),
      'c-dubbele-code.yaml': BASIS.replace('id: basis-product', 'id: ander').replace('niveau: 1', 'niveau: 3'),
    });
    const result = await cli(['check', dir, '--format', 'json']);
    const diagnostics = (JSON.parse(result.stdout) as { catalogi: { diagnostics: { code: string; message: string; span: { file: string } }[] }[] }).catalogi[0]!.diagnostics;
    const id = diagnostics.find((d) => d.code === 'WZ301')!;
    expect(id.span.file).toMatch(/producten\/b-dubbel-id\.yaml$/);
    expect(id.message).toBe("Product-id 'basis-product' is al gebruikt in producten/000-basis.yaml.");
    const code = diagnostics.find((d) => d.code === 'WZ306')!;
    expect(code.span.file).toMatch(/producten\/c-dubbele-code\.yaml$/);
    expect(code.message).toBe("Productcode '02A04' wordt ook gebruikt door product 'basis-product' (producten/000-basis.yaml).");
  });

  it('a definition named after a reserved word is an error', async () => {
    const rules = temp();
    cpSync(fromRoot('rules'), rules, { recursive: true });
    writeFileSync(join(rules, 'definities', 'gereserveerd.yaml'), 'definities:\n  tussen:\n    als: leeftijd >= 18\n    omschrijving: Een naam die de criteriataal zelf gebruikt.\n');
    const result = await cli(['check', 'catalogue/samen-doen', '--regels', rules]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/gereserveerd\.yaml:2:3: fout WZ602: 'tussen' is een gereserveerd woord/);
  });

  it('an unknown family name in analyse.yaml is an error', async () => {
    const dir = temp();
    cpSync(fromRoot('catalogue', 'samen-doen'), dir, { recursive: true });
    const settings = readFileSync(join(dir, 'analyse.yaml'), 'utf8');
    writeFileSync(join(dir, 'analyse.yaml'), settings.replace(/^ {2}begeleiding-groep:$/m, '  begeleiding-groepen:'));
    const result = await cli(['analyse', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/analyse\.yaml:\d+:3: fout WZ611: Familie 'begeleiding-groepen' in analyse\.yaml komt bij geen enkel product/);
    expect(result.stderr).toContain("Bedoelt u 'begeleiding-groep'?");
    expect(result.stderr).toContain('WZ611');
  });

  it('no misleading message ends in a stack trace', async () => {
    const result = await cli(['evaluate', file('lijst.yaml', '- 1\n'), '-c', 'catalogue/samen-doen']);
    expect(result.stderr).not.toMatch(STACK);
  });
});

describe('the documents show what wijzer does', () => {
  it('the README tour and the guide quote the check summary wijzer prints', async () => {
    const result = await cli(['check', 'catalogue/samen-doen']);
    const summary = /0 fouten, 0 waarschuwingen, \d+ gedocumenteerde keuzes/.exec(result.stdout)![0];
    expect(readFileSync(fromRoot('README.md'), 'utf8')).toContain(summary);
    expect(readFileSync(fromRoot('docs', 'auteursgids.md'), 'utf8')).toContain(`catalogue/samen-doen (11 producten): ${summary}`);
  });

  it('the README tour diff and impact are against a version that really differs', async (ctx) => {
    const readme = readFileSync(fromRoot('README.md'), 'utf8');
    const ref = /npx wijzer diff catalogue\/samen-doen --base (\S+)/.exec(readme)![1]!;
    expect(readme).toContain(`npx wijzer impact catalogue/samen-doen --base ${ref} `);
    ctx.skip(!hasRef(ref), `geen volledige git-geschiedenis (ondiepe kloon): versie ${ref} ontbreekt`);
    const diff = await cli(['diff', 'catalogue/samen-doen', '--base', ref]);
    expect(diff.code).toBe(0);
    const changed = /Gekoppelde producten: 11 \(\d+ gelijk, (\d+) gewijzigd\)/.exec(diff.stdout);
    expect(Number(changed![1])).toBeGreaterThan(0);
    expect(readme).toContain(`${changed![1]} of 11 products changed`);
    const impact = await cli(['impact', 'catalogue/samen-doen', '--base', ref, '--profielen', 'test/diff/versies/ib2-inzicht-strenger/populatie.jsonl', '--format', 'json']);
    expect(impact.code).toBe(0);
    expect((JSON.parse(impact.stdout) as { gewijzigd: number }).gewijzigd).toBeGreaterThan(0);
  });

  it('the example profiles point at files that exist, and the commands in their comments run', async () => {
    for (const name of ['voorbeeld.yaml', 'jeugdige-duurzaam.yaml', 'aanbod-voorbeeld.yaml']) {
      const path = fromRoot('profielen', name);
      const comments = readFileSync(path, 'utf8').split('\n').filter((l) => l.startsWith('#')).join('\n');
      for (const relative of comments.match(/\.\.\/[\w./-]+/g) ?? []) expect(existsSync(join(fromRoot('profielen'), relative)), `${name}: ${relative}`).toBe(true);
      for (const command of comments.match(/npx wijzer [^\n`]+/g) ?? []) {
        const result = await cli(command.replace('npx wijzer ', '').trim().split(/\s+/));
        expect([0, 1], `${name}: ${command}`).toContain(result.code);
        expect(result.stderr, command).not.toMatch(/WZ9\d\d/);
      }
    }
  });
});
