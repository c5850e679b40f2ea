/**
 * Where to send the client: every applying uitsluiting that names a destination
 * ("verwijzen naar Beschermd Wonen, omdat …") and the vervolg of every product that fits.
 */
import { bestemmingKey } from '../catalogue/types.js';
import type { Verwijzing, ProductOutcome } from './outcome.js';

export function referralsOf(products: readonly ProductOutcome[]): Verwijzing[] {
  const out: Verwijzing[] = [];
  // One line per destination: five excluded products that all refer to the Ggz give one referral.
  const add = (v: Omit<Verwijzing, 'vanuit'> & { vanuit: ProductOutcome['product'] }): void => {
    const key = (x: Verwijzing['bestemming']) => `${x.kind}:${bestemmingKey(x).toLowerCase()}`;
    const same = out.find((o) => o.kind === v.kind && key(o.bestemming) === key(v.bestemming));
    if (same) (same.vanuit as ProductOutcome['product'][]).push(v.vanuit);
    else out.push({ ...v, vanuit: [v.vanuit] });
  };
  for (const outcome of products) {
    if (outcome.status === 'uitgesloten') {
      for (const clause of outcome.clauses) {
        const c = clause.compiled.clause;
        if (clause.role !== 'uitsluiting' || clause.truth !== 'waar' || !c.verwijzing) continue;
        add({ kind: 'uitsluiting', bestemming: c.verwijzing, vanuit: outcome.product, reden: c.reden, bron: c.bron });
      }
    }
    if (outcome.status === 'passend') {
      for (const step of outcome.product.vervolg) {
        const bestemming = step.product !== undefined ? { kind: 'product' as const, product: step.product } : step.buiten_catalogus !== undefined ? { kind: 'buiten-catalogus' as const, naam: step.buiten_catalogus } : undefined;
        if (!bestemming) continue;
        add({ kind: 'vervolg', bestemming, vanuit: outcome.product, reden: `mogelijk vervolg op ${outcome.product.naam}`, bron: step.bron, ...(step.richting ? { richting: step.richting } : {}) });
      }
    }
  }
  return out;
}
