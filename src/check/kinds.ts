/**
 * Checks of the four kinds of statement: a voorwaarde must not rest on a sentence that only
 * names a possibility or an example (unless a keuze says why), and a limit must name a
 * requested amount it can be compared with.
 */
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Product } from '../catalogue/types.js';
import { convert, factUnit } from '../catalogue/limits.js';
import { suggest } from '../util/suggest.js';
import type { Scope } from './typecheck.js';

/** Words that mark a possibility or an example in the source sentence, not a criterion. */
const MARKERS = /(?<![\p{L}])(kan|voorbeelden|bijvoorbeeld|bijv\.|zoals)(?![\p{L}])/iu;

export function possibilityMarker(quote: string): string | undefined {
  return MARKERS.exec(quote)?.[1];
}

export function checkKinds(product: Product, scope: Scope): Diagnostic[] {
  const out: Diagnostic[] = [];
  product.voorwaarden.forEach((clause, i) => {
    const marker = possibilityMarker(clause.bron);
    if (marker && !clause.keuze) out.push(diag('WZ317', { id: clause.id, marker }, product.locate(['indicatie', 'voorwaarden', i, 'bron'])));
  });
  product.limieten.forEach((limiet, i) => {
    const at = (key: string) => product.locate(['limieten', i, key]);
    if (!limiet.maximum && !limiet.minimum) {
      out.push(diag('WZ318', { id: limiet.id, detail: 'er is geen minimum en geen maximum' }, product.locate(['limieten', i])));
      return;
    }
    const fact = scope.vocabulary.facts.get(limiet.feit);
    if (!fact) {
      const suggestion = suggest(limiet.feit, [...scope.vocabulary.facts.keys()]);
      out.push(diag('WZ318', { id: limiet.id, detail: `het feit '${limiet.feit}' bestaat niet${suggestion ? ` (bedoelt u '${suggestion}'?)` : ''}` }, at('feit')));
      return;
    }
    const unit = fact.kind === 'getal' ? factUnit(fact.eenheid) : undefined;
    if (!unit) {
      out.push(diag('WZ318', { id: limiet.id, detail: `het feit '${limiet.feit}' is geen getal met een eenheid` }, at('feit')));
      return;
    }
    for (const bound of ['maximum', 'minimum'] as const) {
      const amount = limiet[bound];
      if (amount && convert(amount, unit) === undefined) {
        out.push(diag('WZ318', { id: limiet.id, detail: `${amount.eenheid} is niet om te rekenen naar ${fact.kind === 'getal' ? fact.eenheid : ''} (de eenheid van ${limiet.feit})` }, at(bound)));
      }
    }
  });
  return out;
}
