/** Prints what each negative fixture reports (to write or review its '# verwacht:' header). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { diagnosticsFor, FIXTURES } from '../test/support/negative-fixtures.js';

for (const kind of readdirSync(FIXTURES).filter((k) => !k.startsWith('_')).sort()) {
  for (const name of readdirSync(join(FIXTURES, kind)).sort()) {
    const ds = await diagnosticsFor(join(FIXTURES, kind, name), '/work/shared/seeds');
    console.log(`${kind}/${name}`);
    for (const d of ds) console.log(`   # verwacht: ${d.code} ${d.span?.line}:${d.span?.col}   ${d.message}`);
  }
}
