/**
 * The JSON API of `wijzer serve` over real HTTP on loopback: every endpoint, the error shape
 * and codes for bad input, the same evaluation as the CLI, and concurrent evaluations.
 */
import { readdirSync, readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponse } from '../src/server/api/errors.js';
import { cli } from './support/cli.js';
import { CATALOGUES } from './support/paths.js';
import { BUNDLED, startServer, type RunningServer } from './support/server.js';
import { fromRoot } from '../src/util/files.js';

const Ajv2020 = Ajv2020Module.default;

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly text: string;
  readonly json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function request(path: string, init?: RequestInit): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, type, text, json: type.startsWith('application/json') ? JSON.parse(text) : undefined };
}

const get = (path: string) => request(path);
const post = (path: string, body: string, type = 'application/json') => request(path, { method: 'POST', headers: { 'content-type': type }, body });
const postJson = (path: string, value: unknown) => post(path, JSON.stringify(value));
const codes = (answer: Answer): string[] => answer.json.fouten.map((f: { code: string }) => f.code);

const OPENAPI = JSON.parse(readFileSync(fromRoot('docs', 'openapi.json'), 'utf8')) as { openapi: string; paths: Record<string, Record<string, unknown>> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(OPENAPI, 'openapi');
/** Does a response body match the schema docs/openapi.json gives for it? */
function conforms(schema: string, value: unknown): string[] {
  const validate = ajv.compile({ $ref: `openapi#/components/schemas/${schema}` });
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const golden = (catalogue: string, name: string): Record<string, unknown> =>
  (parseYaml(readFileSync(fromRoot('test', 'golden', catalogue, `${name}.yaml`), 'utf8')) as { profiel: Record<string, unknown> }).profiel;
const IB2_BEHOUD = golden('samen-doen', 'ib2-behoudgericht');
/** The client profiles of a catalogue's golden cases (provider cases have none). */
const goldenProfiles = (catalogue: string): Record<string, unknown>[] =>
  readdirSync(fromRoot('test', 'golden', catalogue))
    .sort()
    .map((n) => golden(catalogue, n.replace(/\.yaml$/, '')))
    .filter((p) => p !== undefined);

/** The API's evaluation minus the fields only the API adds (families[].uitleg). */
function withoutUitleg(evaluation: { families: object[] }): object {
  return { ...evaluation, families: evaluation.families.map((f) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'uitleg'))) };
}

function profileFile(profile: object): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'wijzer-api-'));
  const file = join(dir, 'profiel.json');
  writeFileSync(file, JSON.stringify(profile));
  return { dir, file };
}

describe('GET /api/catalogi', () => {
  it('lists every served catalogue with its region and number of products', async () => {
    const answer = await get('/api/catalogi');
    expect(answer.status).toBe(200);
    expect(answer.json.map((c: { id: string }) => c.id)).toEqual(BUNDLED);
    expect(conforms('CatalogusSamenvatting', answer.json[0])).toEqual([]);
    const samenDoen = answer.json.find((c: { id: string }) => c.id === 'samen-doen');
    expect(samenDoen).toMatchObject({ naam: 'Samen Doen', domeinen: ['wmo'] });
    expect(samenDoen.producten).toBe(readdirSync(join(CATALOGUES, 'samen-doen', 'producten')).filter((n) => n.endsWith('.yaml')).length);
  });
});

describe('GET /api/catalogi/:id', () => {
  it('gives the region, its source and the products', async () => {
    const answer = await get('/api/catalogi/samen-doen');
    expect(answer.status).toBe(200);
    expect(conforms('Catalogus', answer.json)).toEqual([]);
    expect(answer.json.bron.titel).toBeTruthy();
    expect(answer.json.producten).toContainEqual({ id: 'ib4-ontwikkelgericht', naam: 'Individuele begeleiding 4 ontwikkelgericht 24/7 bereikbaarheid', productcodes: { wmo: ['02A05'] }, familie: 'individuele-begeleiding', niveau: 4, variant: 'ontwikkelgericht' });
  });

  it('answers 404 with WZ910 and a suggestion for an unknown catalogue', async () => {
    const answer = await get('/api/catalogi/samen-doem');
    expect(answer.status).toBe(404);
    expect(codes(answer)).toEqual(['WZ910']);
    expect(answer.json.fouten[0].hint).toContain("Bedoelt u 'samen-doen'?");
    expect(conforms('Fouten', answer.json)).toEqual([]);
  });
});

describe('GET /api/catalogi/:id/producten/:product', () => {
  it('gives a product with its clauses by kind, referral, follow-ups and provider obligation', async () => {
    const answer = await get('/api/catalogi/samen-doen/producten/ib4-ontwikkelgericht');
    expect(answer.status).toBe(200);
    expect(conforms('Product', answer.json)).toEqual([]);
    const p = answer.json;
    expect(p.productcategorieen[0]).toMatchObject({ domein: 'wmo', code: '02A05' });
    expect(p.eenheid.naam).toBe('minuut');
    expect(p.clausules.find((c: { id: string }) => c.id === 'problematiek')).toMatchObject({ soort: 'voorwaarde', als: 'problematiek is zwaar', verwijzing: null });
    expect(p.clausules.find((c: { id: string }) => c.id === 'beschermd-wonen')).toMatchObject({ soort: 'uitsluiting', verwijzing: { product: null, familie: null, buiten_catalogus: 'Beschermd Wonen' } });
    expect(p.vervolg[0]).toMatchObject({ product: 'ib3-ontwikkelgericht', buiten_catalogus: null, richting: 'afschalen' });
    expect(p.vervolg[2]).toMatchObject({ product: null, buiten_catalogus: 'Wlz' });
    expect(p.aanbieder.ook_bieden).toEqual(['ib3-ontwikkelgericht']);
    expect(p.combinatie).toBeNull();
  });

  it('gives a limit as readable text', async () => {
    const answer = await get('/api/catalogi/samen-doen/producten/begeleiding-groep-behoudgericht');
    expect(answer.status).toBe(200);
    expect(answer.json.limieten).toContainEqual(expect.objectContaining({ id: 'dagdelen', soort: 'volume', tekst: expect.stringContaining('3') }));
  });

  it('answers 404 with WZ911 for an unknown product and WZ910 for an unknown catalogue', async () => {
    const unknownProduct = await get('/api/catalogi/samen-doen/producten/ib4-ontwikelgericht');
    expect(unknownProduct.status).toBe(404);
    expect(codes(unknownProduct)).toEqual(['WZ911']);
    expect(unknownProduct.json.fouten[0].hint).toContain("'ib4-ontwikkelgericht'");
    const unknownCatalogue = await get('/api/catalogi/nergens/producten/ib4-ontwikkelgericht');
    expect(unknownCatalogue.status).toBe(404);
    expect(codes(unknownCatalogue)).toEqual(['WZ910']);
  });
});

describe('GET /api/vocabulaire', () => {
  it('gives every fact with its kind, values, unit and the catalogues that use it', async () => {
    const answer = await get('/api/vocabulaire');
    expect(answer.status).toBe(200);
    expect(conforms('Vocabulaire', answer.json)).toEqual([]);
    const feiten = answer.json.feiten as { naam: string; soort: string; waarden?: string[]; catalogi: string[] }[];
    expect(feiten.find((f) => f.naam === 'leeftijd')).toMatchObject({ soort: 'getal', eenheid: 'jaar', minimum: 0, catalogi: expect.arrayContaining(['samen-doen']) });
    expect(feiten.find((f) => f.naam === 'problematiek')).toMatchObject({ soort: 'schaal', waarden: expect.arrayContaining(['matig', 'zwaar']) });
    for (const fact of feiten) for (const id of fact.catalogi) expect(BUNDLED).toContain(id);
    expect(answer.json.gereserveerd).toEqual(['bestaande_indicaties', 'bestaande_indicaties_volledig']);
  });
});

describe('POST /api/evaluatie', () => {
  it('gives the documented evaluation with a Dutch sentence per family', async () => {
    const answer = await postJson('/api/evaluatie?catalogus=samen-doen', IB2_BEHOUD);
    expect(answer.status).toBe(200);
    const [evaluation] = answer.json.evaluaties;
    expect(conforms('Evaluatie', evaluation)).toEqual([]);
    const family = evaluation.families.find((f: { familie: string }) => f.familie === 'individuele-begeleiding');
    expect(family).toMatchObject({ status: 'bepaald', lichtst_passend: ['ib2-behoudgericht'] });
    expect(family.uitleg).toContain('Individuele begeleiding 2');
    expect(evaluation.producten.find((p: { id: string }) => p.id === 'ib2-ontwikkelgericht').status).toBe('niet passend');
  });

  it('gives byte for byte the JSON of `wijzer evaluate --format json`, apart from uitleg', async () => {
    const { file } = profileFile(IB2_BEHOUD);
    const run = await cli(['evaluate', file, '--catalogue', join(CATALOGUES, 'samen-doen'), '--format', 'json']);
    expect(run.code).toBe(0);
    const answer = await postJson('/api/evaluatie?catalogus=samen-doen', IB2_BEHOUD);
    const api = withoutUitleg(answer.json.evaluaties[0]);
    expect(api).toEqual(JSON.parse(run.stdout));
    expect(`${JSON.stringify(api, null, 2)}\n`).toBe(run.stdout);
  });

  it('evaluates several catalogues in the order asked, as the CLI does with several --catalogue', async () => {
    const profile = goldenProfiles('toekomst-sociaal-domein')[0]!;
    const { file } = profileFile(profile);
    const run = await cli(['evaluate', file, '--catalogue', join(CATALOGUES, 'toekomst-sociaal-domein'), '--catalogue', join(CATALOGUES, 'samen-doen'), '--format', 'json']);
    expect(run.code).toBe(0);
    const answer = await postJson('/api/evaluatie?catalogus=toekomst-sociaal-domein&catalogus=samen-doen', profile);
    expect(answer.status).toBe(200);
    expect(answer.json.evaluaties.map(withoutUitleg)).toEqual(JSON.parse(run.stdout));
  });

  it('evaluates against every served catalogue when none is named', async () => {
    const answer = await postJson('/api/evaluatie', {});
    expect(answer.status).toBe(200);
    expect(answer.json.evaluaties.map((e: { catalogus: string }) => e.catalogus)).toEqual(BUNDLED);
  });

  it('answers formaat=markdown with the Markdown of `wijzer evaluate --format markdown`', async () => {
    const { dir } = profileFile(IB2_BEHOUD);
    const run = await cli(['evaluate', 'profiel.json', '--catalogue', join(CATALOGUES, 'samen-doen'), '--format', 'markdown'], { cwd: dir });
    expect(run.code).toBe(0);
    const answer = await postJson('/api/evaluatie?catalogus=samen-doen&formaat=markdown&naam=profiel.json', IB2_BEHOUD);
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^text\/markdown/);
    expect(answer.text).toBe(run.stdout);
    const unnamed = await postJson('/api/evaluatie?catalogus=samen-doen&formaat=markdown', IB2_BEHOUD);
    expect(unnamed.text.split('\n')[0]).toBe('# Samen Doen: profiel uit de aanvraag');
  });

  it('answers a side-by-side summary first in Markdown for several catalogues', async () => {
    const answer = await postJson('/api/evaluatie?catalogus=samen-doen&catalogus=toekomst-sociaal-domein&formaat=markdown', IB2_BEHOUD);
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(/^# Vergelijking per regio/);
    expect(answer.text).toContain('# Samen Doen: profiel');
  });

  it('refuses an unknown formaat with WZ904 and an unknown catalogue with 404 WZ910', async () => {
    const format = await postJson('/api/evaluatie?formaat=pdf', {});
    expect(format.status).toBe(400);
    expect(codes(format)).toEqual(['WZ904']);
    const catalogue = await postJson('/api/evaluatie?catalogus=samen-doen&catalogus=bestaat-niet', {});
    expect(catalogue.status).toBe(404);
    expect(codes(catalogue)).toEqual(['WZ910']);
  });
});

describe('profile validation (422, the WZ7xx codes of the profile schema)', () => {
  it('names an unknown fact with its pointer and a suggestion', async () => {
    const answer = await postJson('/api/evaluatie?catalogus=samen-doen', { ...IB2_BEHOUD, leeftjd: 34 });
    expect(answer.status).toBe(422);
    expect(conforms('Fouten', answer.json)).toEqual([]);
    expect(answer.json.fouten).toEqual([expect.objectContaining({ code: 'WZ701', severity: 'fout', pad: '/leeftjd', hint: "Bedoelt u 'leeftijd'?" })]);
  });

  it('reports wrong types, unknown values, out-of-range numbers and duplicates, each at its place', async () => {
    const answer = await postJson('/api/evaluatie', { leeftijd: 'vijftig', problematiek: 'zwaarr', woont_zelfstandig: 'ja', beperkingen: ['psychiatrisch', 'psychiatrisch'] });
    expect(answer.status).toBe(422);
    const byPad = Object.fromEntries(answer.json.fouten.map((f: { pad: string; code: string }) => [f.pad, f.code]));
    expect(byPad).toMatchObject({ '/leeftijd': 'WZ702', '/problematiek': 'WZ703', '/woont_zelfstandig': 'WZ702' });
    expect(Object.entries(byPad).find(([pad]) => pad.startsWith('/beperkingen'))?.[1]).toBe('WZ706');
    const range = await postJson('/api/vragen', { leeftijd: 200 });
    expect(range.status).toBe(422);
    expect(range.json.fouten).toEqual([expect.objectContaining({ code: 'WZ704', pad: '/leeftijd' })]);
  });

  it('refuses a body that is no object with WZ705 at the root', async () => {
    for (const body of ['null', '[]', '"x"', '42']) {
      const answer = await post('/api/evaluatie', body);
      expect(answer.status).toBe(422);
      expect(answer.json.fouten).toEqual([expect.objectContaining({ code: 'WZ705', pad: '' })]);
    }
  });
});

describe('request errors', () => {
  it('refuses an object with far more keys than there are facts with WZ915, before validating it', async () => {
    const answer = await postJson('/api/evaluatie', Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`feit_${i}`, i])));
    expect(answer.status).toBe(422);
    expect(answer.json.fouten).toEqual([expect.objectContaining({ code: 'WZ915', pad: '' })]);
    expect(answer.json.fouten[0].message).toContain('10000 sleutels');
  });


  it('answers malformed JSON with 400 WZ907', async () => {
    for (const body of ['{"leeftijd": ', '{leeftijd: 45}', '', '{"__proto__": {"x": 1}}']) {
      const answer = await post('/api/evaluatie', body);
      expect(answer.status, body).toBe(400);
      expect(codes(answer)).toEqual(['WZ907']);
    }
  });

  it('answers a body that is not JSON with 415 WZ908', async () => {
    const answer = await post('/api/evaluatie', 'leeftijd: 45', 'text/plain');
    expect(answer.status).toBe(415);
    expect(codes(answer)).toEqual(['WZ908']);
    expect(answer.json.fouten[0].message).toContain('text/plain');
    expect((await post('/api/vragen', 'leeftijd=45', 'application/x-www-form-urlencoded')).status).toBe(415);
  });

  it('answers a body over the limit with 413 WZ909, and takes one just under it', async () => {
    const big = await post('/api/evaluatie', JSON.stringify({ toelichting: 'x'.repeat(300 * 1024) }));
    expect(big.status).toBe(413);
    expect(codes(big)).toEqual(['WZ909']);
    const justUnder = await post('/api/evaluatie', JSON.stringify({ toelichting: 'x'.repeat(250 * 1024) }));
    expect(justUnder.status).toBe(422);
    expect(codes(justUnder)).toEqual(['WZ701']);
  });

  it('answers an unknown address under /api with 404 WZ912 in JSON', async () => {
    const answer = await get('/api/bestaat-niet');
    expect(answer.status).toBe(404);
    expect(codes(answer)).toEqual(['WZ912']);
    expect((await get('/api/evaluatie')).status).toBe(404);
  });

  it('maps any other client error to WZ913 and an unexpected failure to 500 WZ914', () => {
    const headers = { 'content-type': 'application/json' };
    expect(errorResponse(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_CONTENT_LENGTH', statusCode: 400 }), { headers }, 1024)).toMatchObject({ status: 400, fout: { code: 'WZ913' } });
    expect(errorResponse(new TypeError('bug'), { headers }, 1024)).toMatchObject({ status: 500, fout: { code: 'WZ914' } });
  });
});

describe('hostile input never gets a 500', () => {
  const nested = (depth: number, inner: string) => `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;
  const bodies: [string, string][] = [
    ['null', 'null'],
    ['empty array', '[]'],
    ['a string', '"x"'],
    ['deeply nested object', nested(5000, '1')],
    ['deeply nested fact value', `{"leeftijd":${nested(5000, '1')}}`],
    ['deeply nested arrays', `${'['.repeat(20000)}${']'.repeat(20000)}`],
    ['10,000 keys', JSON.stringify(Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`feit_${i}`, i])))],
    ['1e400', '{"leeftijd": 1e400}'],
    ['-1e400 in a list', '{"beperkingen": [-1e400]}'],
    ['a huge integer', `{"leeftijd": ${'9'.repeat(5000)}}`],
    ['constructor key', '{"constructor": {"prototype": {"x": 1}}}'],
    ['unicode keys', '{"\\u0000": 1, "\\ud800": true, "leeftijd\\u200b": 3}'],
    ['bestaande_indicaties of objects', '{"bestaande_indicaties": [{}, null, 3]}'],
  ];
  for (const [name, body] of bodies) {
    it(`${name}`, async () => {
      for (const path of ['/api/evaluatie', '/api/vragen']) {
        const answer = await post(path, body);
        expect(answer.status, `${path} ${answer.text.slice(0, 200)}`).toBeLessThan(500);
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(answer.json.fouten.length).toBeGreaterThan(0);
      }
    });
  }

  it('hostile query strings and paths', async () => {
    for (const path of ['/api/diff?a=samen-doen@--upload-pack=touch%20x&b=samen-doen', '/api/diff?a=samen-doen@HEAD;ls&b=samen-doen', '/api/diff?a=../../etc&b=samen-doen', '/api/catalogi/..%2F..%2Fetc', '/api/catalogi/%E0%A4%A']) {
      const answer = await get(path);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.status, path).toBeLessThan(500);
    }
    const answer = await postJson(`/api/evaluatie?catalogus=${'x'.repeat(5000)}&formaat=json`, {});
    expect(answer.status).toBe(404);
  });
});

describe('POST /api/vragen', () => {
  it('ranks the missing facts over the chosen catalogues, summing per fact', async () => {
    const single = await postJson('/api/evaluatie?catalogus=samen-doen&catalogus=toekomst-sociaal-domein', {});
    const expected = new Map<string, { beslist: number; speelt_mee: number }>();
    for (const e of single.json.evaluaties) {
      for (const q of e.vragen) {
        const sum = expected.get(q.feit) ?? { beslist: 0, speelt_mee: 0 };
        expected.set(q.feit, { beslist: sum.beslist + q.beslist, speelt_mee: sum.speelt_mee + q.speelt_mee });
      }
    }
    const answer = await postJson('/api/vragen?catalogus=samen-doen&catalogus=toekomst-sociaal-domein', {});
    expect(answer.status).toBe(200);
    expect(conforms('Vragen', answer.json)).toEqual([]);
    const vragen = answer.json.vragen as { feit: string; beslist: number; speelt_mee: number; omschrijving: string }[];
    expect(vragen.length).toBe(expected.size);
    for (const q of vragen) expect({ beslist: q.beslist, speelt_mee: q.speelt_mee }).toEqual(expected.get(q.feit));
    for (let i = 1; i < vragen.length; i++) {
      const [a, b] = [vragen[i - 1]!, vragen[i]!];
      expect(a.beslist > b.beslist || (a.beslist === b.beslist && a.speelt_mee >= b.speelt_mee)).toBe(true);
    }
    expect(vragen.every((q) => q.omschrijving.length > 0)).toBe(true);
  });

  it('moves on once the first question is answered', async () => {
    const before = await postJson('/api/vragen?catalogus=samen-doen', { leeftijd: 40 });
    const first = before.json.vragen[0].feit as string;
    const vocabulary = (await get('/api/vocabulaire')).json.feiten.find((f: { naam: string }) => f.naam === first);
    const value = vocabulary.soort === 'ja-nee' ? true : vocabulary.soort === 'getal' ? (vocabulary.minimum ?? 0) : vocabulary.soort === 'lijst' ? [vocabulary.waarden[0]] : vocabulary.waarden[0];
    const after = await postJson('/api/vragen?catalogus=samen-doen', { leeftijd: 40, [first]: value });
    expect(after.status).toBe(200);
    expect(after.json.vragen.map((q: { feit: string }) => q.feit)).not.toContain(first);
  });
});

describe('GET /api/diff', () => {
  const withoutVersion = (diff: { a: object; b: object }) => ({ ...diff, a: { ...diff.a, versie: undefined }, b: { ...diff.b, versie: undefined } });

  it('gives the wijzer-diff/1 report of two regions, as `wijzer diff --format json`', async () => {
    const answer = await get('/api/diff?a=samen-doen&b=dienstomschrijvingen-begeleiding-dagbesteding');
    expect(answer.status).toBe(200);
    expect(conforms('Diff', answer.json)).toEqual([]);
    expect(answer.json.a).toEqual({ versie: 'samen-doen', catalogus: 'samen-doen', regio: 'Samen Doen' });
    const run = await cli(['diff', 'catalogue/samen-doen', 'catalogue/dienstomschrijvingen-begeleiding-dagbesteding', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(withoutVersion(answer.json)).toEqual(withoutVersion(JSON.parse(run.stdout)));
  });

  it('reads a side from git history with <id>@<ref>', async () => {
    const answer = await get('/api/diff?a=samen-doen@HEAD&b=samen-doen');
    expect(answer.status).toBe(200);
    expect(answer.json.a.versie).toBe('samen-doen@HEAD');
    const run = await cli(['diff', 'catalogue/samen-doen@HEAD', 'catalogue/samen-doen', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(withoutVersion(answer.json)).toEqual(withoutVersion(JSON.parse(run.stdout)));
  }, 30_000);

  it('answers a ref that does not exist with 422 WZ110, without the server paths', async () => {
    const answer = await get('/api/diff?a=samen-doen@bestaat-niet-123&b=samen-doen');
    expect(answer.status).toBe(422);
    expect(codes(answer)).toEqual(['WZ110']);
    expect(answer.json.fouten[0].message).toContain("'samen-doen'");
    expect(answer.json.fouten[0].message).not.toContain(CATALOGUES);
  });

  it('answers a missing side with 400 WZ902 and an unknown catalogue with 404 WZ910', async () => {
    const missing = await get('/api/diff?a=samen-doen');
    expect(missing.status).toBe(400);
    expect(codes(missing)).toEqual(['WZ902']);
    const unknown = await get('/api/diff?a=samen-doen&b=nergens@HEAD');
    expect(unknown.status).toBe(404);
    expect(codes(unknown)).toEqual(['WZ910']);
  });
});

describe('GET /api/openapi.json', () => {
  it('serves docs/openapi.json as is: OpenAPI 3.1 with every endpoint and every $ref resolvable', async () => {
    const answer = await get('/api/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.text).toBe(readFileSync(fromRoot('docs', 'openapi.json'), 'utf8'));
    expect(answer.json.openapi).toBe('3.1.0');
    expect(Object.keys(answer.json.paths).sort()).toEqual(['/api/catalogi', '/api/catalogi/{id}', '/api/catalogi/{id}/producten/{product}', '/api/diff', '/api/evaluatie', '/api/openapi.json', '/api/vocabulaire', '/api/vragen']);
    const refs = [...answer.text.matchAll(/"\$ref": "#\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const target = ref.split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], answer.json);
      expect(target, ref).toBeDefined();
    }
  });

  it('documents no address the server does not answer', async () => {
    const examples: Record<string, string> = { '{id}': 'samen-doen', '{product}': 'ib4-ontwikkelgericht' };
    for (const [path, operations] of Object.entries(OPENAPI.paths)) {
      const concrete = path.replace(/\{\w+\}/g, (p) => examples[p]!);
      for (const method of Object.keys(operations)) {
        const answer = method === 'post' ? await postJson(concrete, {}) : await get(concrete.replace('/api/diff', '/api/diff?a=samen-doen&b=samen-doen'));
        expect(answer.status, `${method} ${concrete}`).toBe(200);
      }
    }
  });
});

describe('concurrency', () => {
  it('200 concurrent evaluations give the same results as 200 sequential ones', async () => {
    const profiles = goldenProfiles('samen-doen');
    const bodies = Array.from({ length: 200 }, (_, i) => JSON.stringify(profiles[i % profiles.length]));
    const path = '/api/evaluatie?catalogus=samen-doen&catalogus=toekomst-sociaal-domein';
    const sequential: string[] = [];
    for (const body of bodies) sequential.push((await post(path, body)).text);
    const concurrent = await Promise.all(bodies.map((body) => post(path, body)));
    expect(concurrent.every((a) => a.status === 200)).toBe(true);
    expect(concurrent.map((a) => a.text)).toEqual(sequential);
    expect(new Set(sequential).size).toBeGreaterThan(1);
  }, 120_000);
});
