/**
 * Product attributes as comparable text, one line per attribute, in Dutch. The diff compares
 * these renderings, so a change shows as "eenheid: per uur → per dagdeel", never as YAML.
 */
import type { Product } from '../catalogue/types.js';
import { describeCodes, eenheidCode } from '../catalogue/productcode.js';
import { limitText, productFrequentie } from '../catalogue/limits.js';
import { DEFAULT_DURATION_FACT } from '../catalogue/load.js';
import { isDated, periodOf, periodText } from '../catalogue/validity.js';

export type AttributeName =
  | 'naam'
  | 'productcodes'
  | 'productcategorie'
  | 'eenheid'
  | 'frequentie'
  | 'familie en niveau'
  | 'functiemix'
  | 'groep'
  | 'duur'
  | 'locatie'
  | 'vervolg'
  | 'combinatie'
  | 'limieten'
  | 'aanbieder'
  | 'normen'
  | 'geldigheid';

const list = (items: readonly string[]): string => (items.length === 0 ? '—' : items.join('; '));

/** "per week (frequentie 2)": the iWmo/iJw frequentie the product is indicated in, if it has one. */
function frequentieText(product: Product): string {
  if (!product.frequentie) return '—';
  const code = productFrequentie(product.frequentie.per);
  return `per ${product.frequentie.per}${code ? ` (frequentie ${code.code})` : ''}`;
}

export function attributes(product: Product): Record<AttributeName, string> {
  const codes = describeCodes(product.productcodes);
  const unitCode = eenheidCode(product.eenheid);
  const duur = product.duur;
  return {
    naam: product.naam,
    productcodes: list(codes.map((c) => `${c.domein === 'wmo' ? 'Wmo' : 'Jeugd'} ${c.code}`)),
    productcategorie: list([...new Set(codes.map((c) => c.categorie ?? 'onbekend'))]),
    eenheid: `${product.eenheid}${unitCode ? ` (${unitCode})` : ''}${product.eenheid_omschrijving ? `, ${product.eenheid_omschrijving}` : ''}`,
    frequentie: frequentieText(product),
    'familie en niveau': product.familie ? `${product.familie} ${product.niveau ?? ''}${product.variant ? ` ${product.variant}` : ''}`.trim() : '—',
    functiemix: list((product.functiemix ?? []).map((f) => `${f.percentage}% ${f.opleiding}`)),
    groep: product.groep
      ? list([
          ...(product.groep.inwoners_per_begeleider !== undefined ? [`${product.groep.inwoners_per_begeleider} inwoners per begeleider`] : []),
          ...(product.groep.maximale_groepsgrootte !== undefined ? [`maximaal ${product.groep.maximale_groepsgrootte} in de groep`] : []),
        ])
      : '—',
    duur: duur
      ? list([
          ...(duur.minimum ? [`minimaal ${duur.minimum.aantal} ${duur.minimum.eenheid}`] : []),
          ...(duur.maximum ? [`maximaal ${duur.maximum.aantal} ${duur.maximum.eenheid}`] : []),
          ...(duur.omschrijving ? [duur.omschrijving] : []),
        ])
      : '—',
    locatie: product.locatie ?? '—',
    vervolg: list(product.vervolg.map((v) => `${v.richting ? `${v.richting}: ` : ''}${v.product ?? v.buiten_catalogus ?? ''}`)),
    combinatie: product.combinatie
      ? `alleen met ${product.combinatie.vereist_een_van.join(' of ')}${product.combinatie.of_als ? ` of als ${product.combinatie.of_als.text.trim()}` : ''}`
      : '—',
    limieten: list(product.limieten.map((l) => `${l.id}: ${limitText(l)}${l.kind === 'indicatieduur' && l.feit === DEFAULT_DURATION_FACT ? '' : ` (getoetst op ${l.feit})`}`)),
    aanbieder: product.aanbieder ? `biedt ook ${product.aanbieder.ookBieden.join(', ')}` : '—',
    normen: list(
      (product.normen ?? []).map((n) => {
        const range = n.waarde !== undefined ? `${n.waarde}` : [n.minimum, n.maximum].filter((x) => x !== undefined).join('–');
        return `${n.onderwerp}${range ? `: ${range}` : ''}${n.eenheid ? ` ${n.eenheid}` : ''}${n.per ? ` per ${n.per}` : ''}`;
      }),
    ),
    // A version of a product (geldig_vanaf / geldig_tot); '—' when the product carries no dates.
    geldigheid: isDated(product) ? periodText(periodOf(product)) : '—',
  };
}
