/**
 * The two reserved profile keys: `bestaande_indicaties` (products the client already has, which
 * count for "alleen in combinatie met") and `bestaande_indicaties_volledig` (is that list
 * complete? by default yes). Shown folded under the facts, with the products of the chosen
 * regions as checkboxes.
 */
import type { CatalogusDetail, FactValue } from './contract.js';
import { h } from './dom.js';

export const EXISTING = 'bestaande_indicaties';
export const EXISTING_COMPLETE = 'bestaande_indicaties_volledig';

export function existingSection(catalogues: readonly CatalogusDetail[], current: { list?: FactValue; complete?: FactValue }, onAnswer: (key: string, value: FactValue | undefined) => void): HTMLElement {
  const chosen = Array.isArray(current.list) ? current.list : [];
  const seen = new Set<string>();
  const boxes = catalogues.flatMap((c) =>
    c.producten
      .filter((p) => !seen.has(p.id) && seen.add(p.id))
      .map((p) => {
        const id = `bestaand-${p.id}`;
        return h('label', { for: id }, h('input', { type: 'checkbox', id, name: EXISTING, value: p.id, checked: chosen.includes(p.id) }), ` ${p.naam}`, h('span', { class: 'zacht' }, ` (${p.id})`));
      }),
  );
  const complete = (value: string, text: string) => {
    const id = `bestaand-volledig-${value || 'standaard'}`;
    const checked = value === '' ? current.complete === undefined : String(current.complete) === value;
    return h('label', { for: id }, h('input', { type: 'radio', id, name: EXISTING_COMPLETE, value, checked }), ` ${text}`);
  };
  const section = h(
    'details',
    { class: 'bestaand', open: chosen.length > 0 || current.complete !== undefined },
    h('summary', {}, `Bestaande indicaties${chosen.length ? ` (${chosen.length})` : ''}`),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Producten die de inwoner al geïndiceerd heeft'),
      h('span', { class: 'omschrijving' }, 'Telt mee voor producten die alleen in combinatie met een ander product worden ingezet.'),
      h('div', { class: 'schaal' }, boxes),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Is deze lijst volledig?'),
      h('div', { class: 'keuzes' }, complete('', 'ja (standaard)'), complete('false', 'nee, er kunnen andere indicaties zijn')),
    ),
  );
  section.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.name === EXISTING) {
      const ticked = [...section.querySelectorAll<HTMLInputElement>(`input[name="${EXISTING}"]:checked`)].map((b) => b.value);
      // Keep ids of regions not shown now: they stay in the profile.
      const hidden = chosen.filter((id) => !seen.has(id));
      onAnswer(EXISTING, ticked.length || hidden.length ? [...hidden, ...ticked] : undefined);
    } else if (target.name === EXISTING_COMPLETE) {
      onAnswer(EXISTING_COMPLETE, target.value === 'false' ? false : undefined);
    }
  });
  return section;
}
