/**
 * Populations that scale: read, validated and evaluated one profile at a time (JSONL, CSV via
 * csv-parse, folders), invalid profiles reported by line and skipped up to --max-ongeldig, an
 * empty population refused, strict JSON (duplicate keys, .json profiles), workers fed in bounded
 * chunks, and `genereer` writing compact profiles as it goes. Small populations only: the memory
 * target for a million profiles is checked by `npm run bench`.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInvalidLimit } from '../src/impact/invalid-limit.js';
import { readLines } from '../src/impact/lines.js';
import { runImpactOnWorkers } from '../src/impact/parallel.js';
import { loadPopulation, openPopulation, type PopulationProfile } from '../src/impact/population.js';
import { prepareScope } from '../src/pipeline.js';
import { fromRoot } from '../src/util/files.js';
import { duplicateKey, jsonErrorOffset, parseJsonText } from '../src/vocabulary/profile-json.js';
import { cli } from './support/cli.js';

const vocabulary = prepareScope().scope!.vocabulary;
const SAMEN_DOEN = 'catalogue/samen-doen';

function file(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'wijzer-populations-')), name);
  writeFileSync(path, content);
  return path;
}

/** Impact of the unchanged catalogue on a population: only reading and validation matter here. */
function impact(population: string, ...extra: string[]) {
  return cli(['impact', SAMEN_DOEN, '--base', SAMEN_DOEN, '--profielen', population, ...extra]);
}

const valid = (i: number) => JSON.stringify({ id: `p${i}`, leeftijd: 20 + (i % 60), problematiek: 'licht' });
const jsonl = (lines: string[]) => `${lines.join('\n')}\n`;
const hundredValid = Array.from({ length: 100 }, (_, i) => valid(i + 1));

describe('invalid profiles: reported by line, skipped, counted', () => {
  it('skips one bad line in a hundred and says so in the report', async () => {
    const lines = [...hundredValid.slice(0, 49), '{"id": "kapot", leeftijd: 40}', ...hundredValid.slice(49)];
    const result = await impact(file('p.jsonl', jsonl(lines)), '--format', 'json');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/p\.jsonl:50:\d+: fout WZ111: Regel 50 van p\.jsonl/);
    expect(result.stderr).toContain('WZ722');
    expect(result.stderr).toContain('1 ongeldige profielen overgeslagen; de impact gaat over de 100 geldige');
    const report = JSON.parse(result.stdout) as { profielen: number; overgeslagen: number };
    expect(report).toMatchObject({ profielen: 100, overgeslagen: 1 });
    const text = await impact(file('p.jsonl', jsonl(lines)));
    expect(text.stdout).toContain('100 profielen (1 ongeldige overgeslagen), 0 met een andere uitkomst');
  });

  it('fails past the default limit of 1%, naming the numbers', async () => {
    const lines = [...hundredValid, '{"leeftijd": "veertig"}', '{"problematiek": "middel"}'];
    const result = await impact(file('p.jsonl', jsonl(lines)));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('p.jsonl:101:');
    expect(result.stderr).toContain('p.jsonl:102:');
    expect(result.stderr).toContain('WZ721');
    expect(result.stderr).toContain('2 van de 102 gelezen (toegestaan: 1%)');
    expect(result.stdout).toBe('');
  });

  it('lets the user set the limit as a number or a percentage', async () => {
    const lines = [...hundredValid, '{"leeftijd": "veertig"}', '{"problematiek": "middel"}'];
    const path = file('p.jsonl', jsonl(lines));
    expect((await impact(path, '--max-ongeldig', '2')).code).toBe(0);
    expect((await impact(path, '--max-ongeldig', '1')).code).toBe(1);
    expect((await impact(path, '--max-ongeldig', '2.5%')).code).toBe(0);
    expect((await impact(path, '--max-ongeldig', '1.5%')).code).toBe(1);
  });

  it('stops reading at the first invalid profile with --max-ongeldig 0', async () => {
    const lines = ['{"leeftijd": "veertig"}', ...Array.from({ length: 30 }, () => '{kapot')];
    const result = await impact(file('p.jsonl', jsonl(lines)), '--max-ongeldig', '0');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WZ721');
    expect(result.stderr).toContain('1 van de 1 gelezen (toegestaan: 0)');
    // Only the first line was read: none of the broken lines after it is reported.
    expect(result.stderr).not.toContain('WZ111');
  });

  it.each(['-1', '1.5', '0x2', 'veel', '101%', '5 %%', ''])('refuses --max-ongeldig %j as wrong usage', async (value) => {
    const result = await impact(file('p.jsonl', jsonl(hundredValid)), '--max-ongeldig', value);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/WZ917|WZ916/);
  });

  it('parses limits exactly', () => {
    expect(parseInvalidLimit('0')).toEqual({ kind: 'aantal', max: 0 });
    expect(parseInvalidLimit('12')).toEqual({ kind: 'aantal', max: 12 });
    expect(parseInvalidLimit('0.5%')).toEqual({ kind: 'procent', max: 0.5 });
    expect(parseInvalidLimit('100%')).toEqual({ kind: 'procent', max: 100 });
    expect(parseInvalidLimit('1e3')).toBeUndefined();
  });

  it('shows at most 20 invalid profiles and counts the rest', async () => {
    const lines = [...Array.from({ length: 50 }, () => '{kapot'), ...hundredValid];
    const result = await impact(file('p.jsonl', jsonl(lines)), '--max-ongeldig', '50%');
    expect(result.code).toBe(0);
    expect(result.stderr.match(/WZ111/g)).toHaveLength(20);
    expect(result.stderr).toContain('50 ongeldige profielen overgeslagen');
    expect(result.stderr).toContain('20 daarvan staan hierboven');
  });

  it('says where in a line a fact is wrong, and refuses an id that is no text or number', async () => {
    const result = await impact(file('p.jsonl', jsonl(['{"id": "a", "leeftijd": 40, "problematiek": "middel"}', '{"id": {"x": 1}, "leeftijd": 3}'])), '--max-ongeldig', '100%');
    expect(result.stderr).toContain('p.jsonl:1:29: fout WZ703');
    expect(result.stderr).toContain('p.jsonl:2:2: fout WZ111');
    expect(result.stderr).toContain('id moet tekst of een getal zijn');
  });
});

describe('an empty population is an error', () => {
  it.each([
    ['an empty .jsonl', 'leeg.jsonl', '', 'profielen'],
    ['a .jsonl of blank lines', 'leeg.jsonl', '\n  \n\r\n', 'profielen'],
    ['a .csv with only a header', 'leeg.csv', 'id;leeftijd\n', 'profielen'],
    ['an empty .csv', 'leeg.csv', '', 'profielen'],
    ['nothing but invalid profiles', 'fout.jsonl', '{kapot\n', 'geldige profielen'],
  ])('%s', async (_name, name, content, what) => {
    const result = await impact(file(name, content), '--max-ongeldig', '100%');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${name}:1:1: fout WZ720: De populatie bevat geen ${what}.`);
    expect(result.stdout).not.toContain('Geen enkel profiel');
  });

  it('an empty folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'wijzer-populations-'));
    const result = await impact(folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WZ720');
  });
});

describe('JSONL', () => {
  it('accepts a BOM and CRLF line ends', async () => {
    const result = await impact(file('bom.jsonl', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(hundredValid.join('\r\n'))])));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('100 profielen, 0 met een andere uitkomst');
  });

  it('refuses a key that occurs twice in a line, at the second one', async () => {
    const result = await impact(file('dubbel.jsonl', jsonl(['{"leeftijd": 40, "problematiek": "licht", "leeftijd": 17}'])));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("dubbel.jsonl:1:43: fout WZ105: Sleutel 'leeftijd' komt twee keer voor.");
  });

  it('reports a line that is too long without holding it, and reads on', async () => {
    const long = `{"leeftijd": 40, "x": "${'a'.repeat(1_100_000)}"}`;
    const result = await impact(file('lang.jsonl', jsonl([...hundredValid, long])), '--max-ongeldig', '1');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('lang.jsonl:101:1: fout WZ111');
    expect(result.stderr).toContain('langer dan 1048576 bytes');
  });

  it('reports a line that is not UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from(`${hundredValid.join('\n')}\n{"problematiek": "`), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]);
    const result = await impact(file('latin1.jsonl', bytes), '--max-ongeldig', '1');
    expect(result.stderr).toContain('latin1.jsonl:101:1: fout WZ111');
    expect(result.stderr).toContain('geen geldige UTF-8');
  });

  it('splits lines itself with bounded memory: chunk boundaries, a last line without newline', async () => {
    const path = file('r.jsonl', Buffer.from(`\uFEFFeen\r\n\ntwee\n${'x'.repeat(3 * 1024 * 1024)}\ndrie`));
    const lines = [];
    for await (const line of readLines(path, 1024 * 1024)) lines.push('text' in line ? line.text : line.problem);
    expect(lines).toEqual(['een', '', 'twee', 'te-lang', 'drie']);
  });
});

describe('CSV through csv-parse', () => {
  it('reads a quoted cell with a newline, a BOM and CRLF, and keeps line numbers right', async () => {
    const csv = '\uFEFFid;leeftijd;problematiek\r\n"p1\r\nmet een tweede regel";40;licht\r\np2;veertig;licht\r\n' + Array.from({ length: 200 }, (_, i) => `q${i};30;licht`).join('\r\n');
    const result = await impact(file('p.csv', csv), '--format', 'json');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('p.csv:4:1: fout WZ702');
    expect(JSON.parse(result.stdout)).toMatchObject({ profielen: 201, overgeslagen: 1 });
  });

  it('refuses a column that occurs twice, at its second place', async () => {
    const result = await impact(file('dubbel.csv', 'id,leeftijd,problematiek,leeftijd\np1,40,licht,17\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WZ723');
    expect(result.stderr).toContain("dubbel.csv:1:26: fout WZ723: Kolom 'leeftijd' staat twee keer in de kopregel.");
  });

  it('refuses a column without a name', async () => {
    const result = await impact(file('leeg.csv', 'id;leeftijd;\np1;40;\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WZ724');
    expect(result.stderr).toContain('leeg.csv:1:13: fout WZ724: Kolom 3 van de kopregel heeft geen naam.');
  });

  it('stops at a quote that is never closed, naming the line where the row starts', async () => {
    const csv = `id,leeftijd\n${Array.from({ length: 20 }, (_, i) => `p${i},40`).join('\n')}\np20,"40\np21,41\np22,42\n`;
    const result = await impact(file('quote.csv', csv));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('quote.csv:22:1: fout WZ726: De CSV is vanaf regel 22 niet te lezen: een aanhalingsteken wordt niet gesloten.');
  });

  it('stops at text after a closing quote', async () => {
    const result = await impact(file('quote.csv', 'id,leeftijd\np1,40\np2,"40"x\np3,41\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WZ726');
    expect(result.stderr).toContain('quote.csv:3:1: fout WZ726');
  });

  it('skips a row with the wrong number of cells, like any invalid profile', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `p${i},40`);
    const result = await impact(file('p.csv', `id,leeftijd\n${rows.join('\n')}\np150,40,licht\n`), '--format', 'json');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('p.csv:152:1: fout WZ111');
    expect(result.stderr).toContain('verwacht 2 kolommen, maar deze rij heeft er 3');
  });

  it('names an unknown column with a suggestion', async () => {
    const result = await impact(file('p.csv', 'id,leeftijd,problematek\np1,40,licht\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("p.csv:1:13: fout WZ701: Onbekend feit 'problematek'");
    expect(result.stderr).toContain("Bedoelt u 'problematiek'?");
  });
});

describe('folders and files that are no population', () => {
  it('skips an invalid profile file of a folder like an invalid line', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'wijzer-populations-'));
    for (let i = 0; i < 120; i++) writeFileSync(join(folder, `p${String(i).padStart(3, '0')}.yaml`), 'leeftijd: 40\nproblematiek: licht\n');
    writeFileSync(join(folder, 'z-fout.json'), '{"leeftijd": 40,}');
    const result = await impact(folder, '--format', 'json');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('z-fout.json:1:17: fout WZ725');
    expect(JSON.parse(result.stdout)).toMatchObject({ profielen: 120, overgeslagen: 1 });
  });

  it('refuses a path that is no regular file, and an unknown extension', async () => {
    expect((await impact('/dev/zero')).stderr).toContain('dit is geen gewoon bestand');
    const txt = await impact(file('p.txt', hundredValid.join('\n')));
    expect(txt.code).toBe(1);
    expect(txt.stderr).toContain('WZ109');
  });
});

describe('streaming: memory does not grow with the population', () => {
  const big = () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => valid(i));
    return file('groot.jsonl', jsonl(lines));
  };

  it('hands out the first profile long before the file is read', async () => {
    const opened = openPopulation(big(), vocabulary);
    const profiles = opened.population!.profiles();
    const first = await profiles.next();
    expect(first.value).toMatchObject({ id: 'p0' });
    expect(opened.population!.progress()).toBeLessThan(0.3);
    await profiles.return(undefined);
  });

  it('feeds workers in chunks: the reader is never far ahead of the workers', async () => {
    let pulled = 0;
    let done = 0;
    let ahead = 0;
    async function* population(): AsyncGenerator<PopulationProfile> {
      for (let i = 0; i < 800; i++) {
        pulled++;
        ahead = Math.max(ahead, pulled - done);
        yield { id: `p${i}`, profile: { leeftijd: 20 + (i % 60), problematiek: 'licht' } };
      }
    }
    const base = { label: 'a', folder: fromRoot(SAMEN_DOEN) };
    const report = await runImpactOnWorkers(base, base, population(), (n) => (done = n), 2, 50);
    expect(report.total).toBe(800);
    // Two workers, two chunks of 50 each in flight, one chunk being gathered.
    expect(ahead).toBeLessThanOrEqual(2 * 2 * 50 + 50);
  }, 120_000);
});

describe('impact -o does not overwrite what it reads', () => {
  it('refuses the population file as output and leaves it unchanged', async () => {
    const population = file('p.jsonl', jsonl(hundredValid));
    const before = readFileSync(population, 'utf8');
    const result = await impact(population, '-o', population);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WZ120');
    expect(readFileSync(population, 'utf8')).toBe(before);
  });

  it('refuses an output inside the catalogue it reads', async () => {
    const result = await impact(file('p.jsonl', jsonl(hundredValid)), '-o', `${SAMEN_DOEN}/impact.html`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WZ120');
    expect(existsSync(fromRoot(SAMEN_DOEN, 'impact.html'))).toBe(false);
  });
});

describe('strict JSON', () => {
  it.each([
    ['a trailing comma', '{\n  "leeftijd": 40,\n}\n', 'WZ725', '3:1'],
    ['a comment', '{\n  "leeftijd": 40 // jaar\n}\n', 'WZ725', '2:18'],
    ['a word without quotes', '{"problematiek": licht}', 'WZ725', '1:18'],
    ['a key twice', '{"leeftijd": 40,\n "leeftijd": 17}', 'WZ105', '2:2'],
  ])('a .json profile with %s is an error, located', async (_name, content, code, at) => {
    const result = await cli(['evaluate', file('profiel.json', content), '--catalogue', SAMEN_DOEN]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`profiel.json:${at}: fout ${code}`);
  });

  it('a strict .json profile still evaluates, with positions for its values', async () => {
    expect((await cli(['evaluate', file('profiel.json', '{"leeftijd": 40, "problematiek": "licht"}'), '--catalogue', SAMEN_DOEN])).code).toBe(0);
    const wrong = await cli(['evaluate', file('profiel.json', '{\n  "leeftijd": 40,\n  "problematiek": "middel"\n}'), '--catalogue', SAMEN_DOEN]);
    expect(wrong.stderr).toContain('profiel.json:3:19: fout WZ703');
  });

  it('finds duplicate keys at any depth, also when escaped', () => {
    expect(duplicateKey('{"a":1,"b":{"a":2},"c":[{"x":1},{"x":2}],"\\u0061":3}')).toEqual({ key: 'a', offset: 41 });
    expect(duplicateKey('{"b":{"x":1,"x":2}}')).toEqual({ key: 'x', offset: 12 });
    expect(duplicateKey('{"a\\"":1,"b":"a\\\\","a\\"":2}')).toEqual({ key: 'a"', offset: 19 });
    expect(duplicateKey('{"a":1,"b":"a","c":["a","a"]}')).toBeUndefined();
    expect(parseJsonText('{"a":1,"a":2}')).toEqual({ error: 'duplicate', key: 'a', offset: 7 });
  });

  it('never lets the quick count of keys hide a duplicate (whitespace, colons in strings, nesting)', () => {
    const texts = [
      String.raw`{"a" :1, "a": 2}`,
      String.raw`{"a":"x\":y","a":1}`,
      String.raw`{"a":{"b":1},"c":{"b":2,"b":3}}`,
      String.raw`{"k":"::","k":"\":"}`,
      String.raw`{"a":[{"x":1,"x":2}]}`,
      '{ "a"\n:\t1 , "b" : "\\" :", "a" : 3 }',
    ];
    for (const text of texts) expect(parseJsonText(text), text).toMatchObject({ error: 'duplicate' });
    for (const text of [String.raw`{"a":"x\":y","b":1}`, '{"a" : {"a": {"a": 1}}}', '{"id":"p1","lijst":["a:","b"]}']) expect(parseJsonText(text), text).toHaveProperty('value');
  });

  it('finds where JSON goes wrong, also where V8 names no position', () => {
    const cases: [string, number][] = [['{"a":1,}', 7], ['[1,]', 3], ['{"a":}', 5], ['{"a": tru}', 6], ['"ab', 3], ['{"a":"\\x"}', 6], ['01', 1], ['{"a":1}x', 7], ['[[[[', 4], ['', 0]];
    for (const [text, offset] of cases) expect([text, jsonErrorOffset(text)]).toEqual([text, offset]);
    expect(jsonErrorOffset('[{"a": [1, 2.5e3, -0, true, null, "\\u00e9"]}]')).toBe(-1);
    expect(jsonErrorOffset(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBe(-1);
  });
});

describe('genereer writes compactly, as it goes', () => {
  it('states only the facts of the archetype family, and impact reads it back', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'wijzer-populations-'));
    const out = join(folder, 'populatie.jsonl');
    const result = await cli(['genereer', '--aantal', '300', '--seed', '3', '--catalogue', SAMEN_DOEN, '-o', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('300 profielen geschreven naar');
    // Renamed into place: no temporary file is left beside it.
    expect(readdirSync(folder)).toEqual(['populatie.jsonl']);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(300);
    const facts = lines.map((l) => Object.keys(JSON.parse(l) as object).length - 1);
    expect(Math.max(...facts)).toBeLessThan(vocabulary.facts.size / 2);
    expect(statSync(out).size / 300).toBeLessThan(1024);
    const population = await loadPopulation(out, vocabulary);
    expect(population.profiles).toHaveLength(300);
    const replay = await impact(out);
    expect(replay.code).toBe(0);
  });

  it('is reproducible and refuses to write into a catalogue it reads', async () => {
    const a = await cli(['genereer', '--aantal', '50', '--seed', '9']);
    expect(a.stdout).toBe((await cli(['genereer', '--aantal', '50', '--seed', '9'])).stdout);
    const into = await cli(['genereer', '--aantal', '5', '--catalogue', SAMEN_DOEN, '-o', `${SAMEN_DOEN}/producten/x.jsonl`]);
    expect(into.code).toBe(1);
    expect(into.stderr).toContain('WZ120');
    expect(existsSync(fromRoot(SAMEN_DOEN, 'producten', 'x.jsonl'))).toBe(false);
  });

  it('reports a write error as a coded diagnostic', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'wijzer-populations-'));
    mkdirSync(join(folder, 'map.jsonl'));
    const result = await cli(['genereer', '--aantal', '5', '-o', join(folder, 'map.jsonl')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WZ121');
  });
});
