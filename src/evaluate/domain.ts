/**
 * Wmo or Jeugd: a product with both a Wmo and a Jeugd code (dienstomschrijvingen) is declared
 * under the law that applies to this client. The profile's `wet` decides; without it, age
 * does (younger than 18: Jeugdwet; 18 or older: Wmo — verlengde jeugdhulp up to 23 must be
 * stated with `wet`). Without either, the result says it cannot tell.
 */
import type { Product } from '../catalogue/types.js';
import type { Domain } from '../catalogue/productcode.js';
import type { Profile } from '../vocabulary/types.js';
import type { CodeChoice } from './outcome.js';

export const LAW_FACT = 'wet';
const AGE_FACT = 'leeftijd';
const ADULT_AGE = 18;
/** Facts read here rather than through a criterion. */
export const DOMAIN_FACTS: readonly string[] = [LAW_FACT, AGE_FACT];

export function domainCode(product: Product, profile: Profile): CodeChoice {
  const domains = (['wmo', 'jeugd'] as const).filter((d) => (product.productcodes[d]?.length ?? 0) > 0);
  if (domains.length === 0) return { kind: 'geen' };
  const codes = (d: Domain): readonly string[] => product.productcodes[d] ?? [];
  if (domains.length === 1) return { kind: 'enig', domain: domains[0]!, codes: codes(domains[0]!) };
  const law = profile[LAW_FACT];
  if (law === 'wmo') return { kind: 'gekozen', domain: 'wmo', codes: codes('wmo'), reden: 'het profiel noemt de Wmo' };
  if (law === 'jeugdwet') return { kind: 'gekozen', domain: 'jeugd', codes: codes('jeugd'), reden: 'het profiel noemt de Jeugdwet' };
  const age = profile[AGE_FACT];
  if (typeof age === 'number') {
    return age < ADULT_AGE
      ? { kind: 'gekozen', domain: 'jeugd', codes: codes('jeugd'), reden: `leeftijd ${age}: jonger dan ${ADULT_AGE}, dus Jeugdwet` }
      : { kind: 'gekozen', domain: 'wmo', codes: codes('wmo'), reden: `leeftijd ${age}: ${ADULT_AGE} of ouder, dus Wmo (bij verlengde jeugdhulp: vul wet: jeugdwet in)` };
  }
  return { kind: 'onbepaald', reden: 'Wmo of Jeugd is niet te bepalen: vul wet of leeftijd in' };
}
