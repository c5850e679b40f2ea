/** Loaders against hostile files: every path ends in coded diagnostics, never an exception. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProduct } from '../src/catalogue/load.js';
import { loadProfile } from '../src/vocabulary/profile.js';
import { loadScope } from '../src/vocabulary/scope.js';
import { MAX_FILE_BYTES } from '../src/util/files.js';

const vocabulary = loadScope().scope!.vocabulary;

function file(content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'wijzer-hostile-')), 'x.yaml');
  writeFileSync(path, content);
  return path;
}

const validProduct = `id: p
naam: P
eenheid: uur
indicatie:
  voorwaarden:
    - { id: c, als: problematiek is licht, reden: r, bron: bron }
`;

const hostile: [string, string | Buffer, string][] = [
  ['a file larger than the limit', 'a: b\n'.repeat(MAX_FILE_BYTES / 5 + 10), 'WZ102'],
  ['invalid UTF-8', Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xc3, 0x28]), 'WZ103'],
  ['a NUL byte', 'id: a\u0000b\n', 'WZ103'],
  ['a billion-laughs alias bomb', 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n', 'WZ104'],
  ['a prototype-polluting key', `${validProduct}__proto__: { polluted: true }\n`, 'WZ201'],
  ['a constructor key', `${validProduct}constructor: x\n`, 'WZ201'],
  ['deep nesting', `${'['.repeat(2000)}${']'.repeat(2000)}\n`, 'WZ'],
  ['a top-level list', '- a\n- b\n', 'WZ203'],
  ['a top-level scalar', 'gewoon tekst\n', 'WZ203'],
  ['tabs as indentation', 'id: p\nindicatie:\n\tvoorwaarden: []\n', 'WZ104'],
  ['an !!binary tag', 'id: !!binary aGVsbG8=\n', 'WZ107'],
  ['a criterion with control characters', validProduct.replace('problematiek is licht', '"problematiek\\u0007 is licht"'), 'WZ401'],
  ['an extremely long criterion', validProduct.replace('problematiek is licht', `"${'niet '.repeat(5000)}problematiek is licht"`), 'WZ405'],
  ['a deeply nested criterion', validProduct.replace('problematiek is licht', `"${'('.repeat(500)}problematiek is licht${')'.repeat(500)}"`), 'WZ405'],
  ['numeric keys', `${validProduct}123: x\n`, 'WZ201'],
  ['CRLF line endings with an error', validProduct.replace(/\n/g, '\r\n').replace('problematiek is licht', 'problematek is licht'), ''],
];

describe('hostile product files', () => {
  it.each(hostile)('%s gives coded diagnostics without throwing', (_name, content, code) => {
    const path = file(content);
    const result = loadProduct(path);
    if (code === '') {
      expect(result.diagnostics.every((d) => /^WZ\d{3}$/.test(d.code))).toBe(true);
      return;
    }
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.map((d) => d.code).join(' ')).toContain(code);
    for (const d of result.diagnostics) {
      expect(d.span?.line).toBeGreaterThan(0);
      expect(d.message).not.toMatch(/undefined|\[object/);
    }
  });

  it('does not pollute Object.prototype', () => {
    loadProduct(file(`${validProduct}__proto__: { polluted: true }\n`));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('maps a criterion error in a CRLF file to the right line and column', async () => {
    const result = loadProduct(file(validProduct.replace(/\n/g, '\r\n').replace('"', '')));
    expect(result.diagnostics).toEqual([]);
  });
});

describe('hostile profiles', () => {
  it.each([
    ['a JSON profile with a wrong type', '{"leeftijd": "veertig"}', 'WZ702'],
    ['a JSON array', '[1, 2]', 'WZ705'],
    ['null', 'null\n', 'WZ106'],
    ['NaN as a number', 'leeftijd: .nan\n', 'WZ70'],
    ['infinite number', 'leeftijd: .inf\n', 'WZ70'],
    ['a list where a label belongs', 'problematiek: [licht]\n', 'WZ702'],
    ['an object where a boolean belongs', 'wlz_indicatie: { ja: true }\n', 'WZ702'],
  ])('%s is rejected with %s', (_name, content, code) => {
    const result = loadProfile(file(content), vocabulary);
    expect(result.profile).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code).join(' ')).toContain(code);
  });
});
