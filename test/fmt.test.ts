import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fmtCommand, FMT_USAGE } from '../src/cli/commands/fmt.js';
import { astWithoutPositions, normalizeCriterion } from '../src/fmt/criteria.js';
import { checkedResult, commentsOf, formatYaml, kindOf } from '../src/fmt/format.js';
import { fromRoot } from '../src/util/files.js';
import { parseYaml } from '../src/yaml/strict.js';
import { scratchFolder } from './support/scratch.js';

const ROOT = fromRoot();
const FIXTURES = fromRoot('test', 'fixtures', 'fmt');

function yamlFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(name) ? [path] : [];
    });
}

const BUNDLED = ['catalogue', 'rules', 'test/golden', 'profielen'].flatMap((folder) => yamlFiles(join(ROOT, folder)));
const CRITERIA_KEYS = new Set(['als', 'of_als', 'alleen_als', 'toegang']);

/** The value with every criterion replaced by its AST without positions (or its text when it does not parse). */
function meaning(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(meaning);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, CRITERIA_KEYS.has(k) && typeof v === 'string' ? (astWithoutPositions(v) ?? v) : meaning(v)]));
}

function valueOf(text: string, path = 'x.yaml'): unknown {
  const parsed = parseYaml({ path, text });
  expect(parsed.diagnostics.filter((d) => d.severity === 'fout')).toEqual([]);
  return parsed.value;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function fmt(args: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await fmtCommand(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: Readable.from(['']),
    cwd,
    env: { NO_COLOR: '1' },
  });
  return { code, stdout, stderr };
}

describe('wijzer fmt on the bundled files', () => {
  it('finds every kind of bundled file', () => {
    expect(BUNDLED.length).toBeGreaterThan(250);
    const kinds = new Set(BUNDLED.map((file) => kindOf(relative(ROOT, file), readFileSync(file, 'utf8'))));
    expect([...kinds].sort()).toEqual(['aanbod', 'analyse', 'definities', 'feiten', 'golden', 'product', 'profiel', 'regio']);
  });

  it.each(BUNDLED.map((file) => [relative(ROOT, file), file]))('%s: same value, same criteria, same comments, idempotent', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const result = formatYaml(text, file);
    expect(result.diagnostics).toEqual([]);
    const out = result.text!;
    // Checked here independently of the formatter's own safety net.
    expect(valueOf(out)).toEqual(valueOf(text));
    expect(meaning(valueOf(out))).toStrictEqual(meaning(valueOf(text)));
    expect(commentsOf(out)).toEqual(commentsOf(text));
    expect(out.split('\n')[0]).toBe(text.split('\n')[0]);
    expect(formatYaml(out, file).text).toBe(out);
  });

  it('every bundled file is a fixed point (CI runs wijzer fmt --check)', () => {
    const unformatted = BUNDLED.filter((file) => formatYaml(readFileSync(file, 'utf8'), file).changed).map((file) => relative(ROOT, file));
    expect(unformatted).toEqual([]);
  });
});

describe('the canonical layout', () => {
  const messy = join(FIXTURES, 'rommelig.yaml');
  const expected = join(FIXTURES, 'rommelig.verwacht.yaml');

  it('turns the messy fixture into the expected file, which is a fixed point', () => {
    const result = formatYaml(readFileSync(messy, 'utf8'), messy);
    expect(result.diagnostics).toEqual([]);
    expect(result.changed).toBe(true);
    expect(result.text).toBe(readFileSync(expected, 'utf8'));
    const again = formatYaml(result.text!, expected);
    expect(again.changed).toBe(false);
    expect(again.text).toBe(result.text);
  });

  it('keeps every comment and the modeline on top, and the value', () => {
    const text = readFileSync(messy, 'utf8');
    const out = formatYaml(text, messy).text!;
    expect(out.startsWith('# yaml-language-server: $schema=../../../schemas/product.schema.json\n# Een rommelig product')).toBe(true);
    expect(commentsOf(out)).toEqual(commentsOf(text));
    expect(out).toContain('reden: Kenmerk zonder betekenis. # een opmerking achter een waarde');
    // Written above `id` (after the indicatie map), it moves to the top with `id`.
    expect(out).toContain('# Het id hoort bovenaan; deze opmerking gaat mee.\nid: rommelig\n');
    expect(out).toMatch(/# Een onbekende sleutel blijft staan, na de bekende.\nopmerking_van_de_auteur: ja\n$/);
    expect(meaning(valueOf(out))).toStrictEqual(meaning(valueOf(text)));
  });

  it('puts keys in schema order, nested too, and unknown keys after the known ones', () => {
    const out = formatYaml(readFileSync(messy, 'utf8'), messy).text!;
    const topKeys = out.split('\n').flatMap((line) => (/^([a-z_]+):/.exec(line)?.[1] ? [/^([a-z_]+):/.exec(line)![1]!] : []));
    expect(topKeys).toEqual(['id', 'naam', 'productcodes', 'eenheid', 'familie', 'niveau', 'beschrijving', 'indicatie', 'opmerking_van_de_auteur']);
    expect(out.indexOf('  voorwaarden:')).toBeLessThan(out.indexOf('  kenmerken:'));
    expect(out).toContain('    - id: kenmerk\n      als: ');
  });

  it('never changes the type of a scalar: numbers-as-text and YAML 1.1 words stay quoted', () => {
    const text = "a: '08'\nb: 'yes'\nc: 'ja'\nd: 'nee'\ne: 'true'\nf: '12'\ng: 'on'\nh: '1:20'\ni: '~'\nj: \"tab\\there\"\nk: 'plain text'\nl: \"it's\"\nm: '- lijst'\n";
    const out = formatYaml(text, 'x.yaml', 'onbekend').text!;
    expect(valueOf(out)).toEqual(valueOf(text));
    expect(out).toBe("a: '08'\nb: 'yes'\nc: ja\nd: nee\ne: 'true'\nf: '12'\ng: 'on'\nh: '1:20'\ni: '~'\nj: \"tab\\there\"\nk: plain text\nl: it's\nm: '- lijst'\n");
  });

  it('keeps the line breaks of a folded block and re-indents it', () => {
    const text = 'naam: x\ndoel: >-\n      eerste regel\n      tweede regel\n\n      nieuwe alinea\n';
    expect(formatYaml(text, 'x.yaml', 'onbekend').text).toBe('naam: x\ndoel: >-\n  eerste regel\n  tweede regel\n\n  nieuwe alinea\n');
  });
});

describe('criteria spacing', () => {
  it('re-spaces from the lexer tokens and keeps the meaning', () => {
    expect(normalizeCriterion('leeftijd>=18 en  niet( a of b )')).toBe('leeftijd >= 18 en niet (a of b)');
    expect(normalizeCriterion('x in [ a ,b ]')).toBe('x in [a, b]');
    expect(normalizeCriterion('aantal   x >= 2')).toBe('aantal x >= 2');
    expect(normalizeCriterion('x tussen -1 en 3')).toBe('x tussen -1 en 3');
  });

  it('keeps line breaks and the indentation of continuation lines', () => {
    expect(normalizeCriterion('a  en b\n    of  c\n')).toBe('a en b\n    of c\n');
  });

  it('leaves a criterion that does not parse exactly as written', () => {
    expect(normalizeCriterion('leeftijd >=   en')).toBe('leeftijd >=   en');
    expect(normalizeCriterion('a  $ b')).toBe('a  $ b');
  });
});

describe('the safety net', () => {
  it('WZ123: refuses an output that loses a comment or changes a value, and gives no text', () => {
    const input = '# opmerking\nnaam: x\n';
    const lost = checkedResult('x.yaml', input, 'naam: x\n', 'onbekend');
    expect(lost.diagnostics.map((d) => d.code)).toEqual(['WZ123']);
    expect(lost.diagnostics[0]!.message).toContain('opmerking');
    expect(lost.text).toBeUndefined();
    const changed = checkedResult('x.yaml', input, "# opmerking\nnaam: 'y'\n", 'onbekend');
    expect(changed.diagnostics.map((d) => d.code)).toEqual(['WZ123']);
    const criterion = checkedResult('x.yaml', 'definities:\n  d:\n    als: a en b\n    omschrijving: x\n', 'definities:\n  d:\n    als: a of b\n    omschrijving: x\n', 'definities');
    expect(criterion.diagnostics[0]!.message).toContain('voorwaarde');
  });
});

describe('wijzer fmt (command)', () => {
  function copyMessy(): { dir: string; file: string; text: string } {
    const dir = scratchFolder('fmt-');
    mkdirSync(join(dir, 'catalogue', 'x', 'producten'), { recursive: true });
    const file = join(dir, 'catalogue', 'x', 'producten', 'rommelig.yaml');
    cpSync(join(FIXTURES, 'rommelig.yaml'), file);
    return { dir, file, text: readFileSync(file, 'utf8') };
  }

  it('--check: exit 1 with the list of files that would change, and changes nothing', async () => {
    const { dir, file, text } = copyMessy();
    const run = await fmt(['--check', 'catalogue'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('catalogue/x/producten/rommelig.yaml\n');
    expect(run.stdout).toContain('1 bestand gecontroleerd: 1 is niet opgemaakt');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('writes the changed files, lists them, and --check then exits 0', async () => {
    const { dir, file } = copyMessy();
    const written = await fmt([], dir); // default paths: catalogue/, rules/, test/golden/, profielen/
    expect(written).toMatchObject({ code: 0, stderr: '' });
    expect(written.stdout).toBe('catalogue/x/producten/rommelig.yaml\n1 bestand gecontroleerd, 1 opgemaakt.\n');
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(FIXTURES, 'rommelig.verwacht.yaml'), 'utf8'));
    expect(readdirSync(join(dir, 'catalogue', 'x', 'producten'))).toEqual(['rommelig.yaml']);
    const check = await fmt(['--check'], dir);
    expect(check).toEqual({ code: 0, stdout: '1 bestand gecontroleerd: alles is al opgemaakt.\n', stderr: '' });
  });

  it('a YAML syntax error: coded diagnostic with file:line:col, the file untouched, exit 1', async () => {
    const dir = scratchFolder('fmt-');
    const bad = join(dir, 'kapot.yaml');
    const good = join(dir, 'goed.yaml');
    const text = "naam: 'x\nid: y\n";
    writeFileSync(bad, text);
    writeFileSync(good, "naam: 'x'\n");
    for (const check of [['--check'], []]) {
      const run = await fmt([...check, '.'], dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/kapot\.yaml:1:7/);
      expect(run.stderr).toContain('WZ104');
      expect(readFileSync(bad, 'utf8')).toBe(text);
    }
    // The good file next to it is still formatted.
    expect(readFileSync(good, 'utf8')).toBe('naam: x\n');
  });

  it('a duplicate key, a missing path and a file that is not YAML are coded diagnostics', async () => {
    const dir = scratchFolder('fmt-');
    writeFileSync(join(dir, 'dubbel.yaml'), 'naam: a\nnaam: b\n');
    writeFileSync(join(dir, 'notities.txt'), 'geen yaml\n');
    const run = await fmt(['dubbel.yaml', 'bestaat-niet.yaml', 'notities.txt'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/dubbel\.yaml:2:1/);
    expect(run.stderr).toContain('WZ105');
    expect(run.stderr).toContain('WZ101');
    expect(run.stderr).toContain("'bestaat-niet.yaml'");
    expect(run.stderr).toContain('WZ122');
    expect(run.stderr).toContain("'notities.txt' is geen YAML-bestand");
    expect(readFileSync(join(dir, 'dubbel.yaml'), 'utf8')).toBe('naam: a\nnaam: b\n');
  });

  it('wrong usage exits 2', async () => {
    const run = await fmt(['--chek'], scratchFolder('fmt-'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('WZ903');
    expect(run.stderr).toContain(FMT_USAGE);
  });
});
