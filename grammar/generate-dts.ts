/** Regenerates grammar/cst.d.ts from the parser (npm run grammar:dts). A test checks it is current. */
import { writeFileSync } from 'node:fs';
import { generateCstDts } from '@chevrotain/cst-dts-gen';
import { criteriaParser } from './parser.js';

export function cstDts(): string {
  return generateCstDts(criteriaParser.getGAstProductions());
}

if (process.argv[1]?.endsWith('generate-dts.ts')) {
  writeFileSync(new URL('./cst.d.ts', import.meta.url), cstDts());
  console.log('grammar/cst.d.ts bijgewerkt');
}
