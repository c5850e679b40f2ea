/**
 * The explained result of one or more catalogues, rendered from `wijzer-evaluatie/1` (plus the
 * family sentence `uitleg`): per family its outcome, per product its status with the clauses
 * (actual vs required, reason, source quote), limits, open exclusions, combination and code,
 * then the referrals. Everything is text nodes; nothing from the server is parsed as HTML.
 */
import type { Bestemming, Clausule, Evaluatie, Feit, FamilieUitkomst, Fout, ProductUitkomst, Profile, Verwijzing } from './contract.js';
import { h, words } from './dom.js';

const FAMILY_STATUS: Record<FamilieUitkomst['status'], string> = {
  bepaald: 'bepaald',
  onbekend: 'nog onbekend',
  'keuze-toegang': 'keuze van de toegang',
  geen: 'geen passend niveau',
};

const OUTCOME: Record<Clausule['rol'], Record<Clausule['uitkomst'], string>> = {
  voorwaarde: { waar: 'voldaan', onwaar: 'niet voldaan', onbekend: 'onbekend' },
  alternatief: { waar: 'voldaan', onwaar: 'niet voldaan', onbekend: 'onbekend' },
  uitsluiting: { waar: 'van toepassing', onwaar: 'niet van toepassing', onbekend: 'onbekend' },
  kenmerk: { waar: 'aanwezig', onwaar: 'afwezig', onbekend: 'onbekend' },
};

const ROLE: Record<Clausule['rol'], string> = { voorwaarde: 'Voorwaarde', alternatief: 'Alternatief', uitsluiting: 'Uitsluiting', kenmerk: 'Kenmerk' };

function statusBadge(status: string): HTMLElement {
  return h('span', { class: `status status-${status.replace(/\s+/g, '-')}` }, status);
}

function quote(bron: string | null | undefined): HTMLElement | null {
  return bron ? h('blockquote', { class: 'bron' }, `“${bron.trim()}”`) : null;
}

function destination(naar: Bestemming, name: (id: string) => string): string {
  if (naar.product) return name(naar.product);
  if (naar.familie) return words(naar.familie);
  return naar.buiten_catalogus ?? '';
}

function clause(c: Clausule, name: (id: string) => string): HTMLElement {
  const details = c.details.length
    ? h(
        'table',
        { class: 'details' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Feit'), h('th', { scope: 'col' }, 'Waarde'), h('th', { scope: 'col' }, 'Vereist'), h('th', { scope: 'col' }, 'Voldaan'))),
        h(
          'tbody',
          {},
          c.details.map((d) =>
            h('tr', {}, h('td', {}, d.onderwerp || words(d.feit)), h('td', {}, d.waarde_tekst), h('td', {}, d.vereist), h('td', {}, d.waarde === null || d.voldaan === null ? 'onbekend' : d.voldaan ? 'ja' : 'nee')),
          ),
        ),
      )
    : null;
  return h(
    'div',
    { class: 'clausule', 'data-clausule': c.id },
    h('p', {}, h('span', { class: `uitkomst uitkomst-${c.uitkomst}` }, OUTCOME[c.rol][c.uitkomst]), ' — ', h('strong', {}, ROLE[c.rol]), ` ${c.id}: `, h('span', { class: 'code' }, c.voorwaarde)),
    details,
    c.reden ? h('p', {}, h('span', { class: 'zacht' }, 'Reden: '), c.reden) : null,
    quote(c.bron),
    c.verwijzing ? h('p', {}, 'Verwijst naar: ', destination(c.verwijzing, name)) : null,
  );
}

/** A short why for the summary line, so a list of products can be scanned without opening each. */
function why(p: ProductUitkomst, feiten: ReadonlyMap<string, Feit>): string {
  const ids = (rol: Clausule['rol'], uitkomst: Clausule['uitkomst']) => p.clausules.filter((c) => c.rol === rol && c.uitkomst === uitkomst).map((c) => c.id);
  switch (p.status) {
    case 'niet passend': {
      const failing = ids('voorwaarde', 'onwaar');
      return failing.length ? `niet voldaan: ${failing.join(', ')}` : '';
    }
    case 'uitgesloten':
      return `uitgesloten door: ${ids('uitsluiting', 'waar').join(', ')}`;
    case 'onbekend':
      return p.ontbrekende_feiten.length ? `ontbreekt: ${p.ontbrekende_feiten.map((f) => words(feiten.get(f)?.naam ?? f)).join(', ')}` : '';
    default:
      return '';
  }
}

function product(p: ProductUitkomst, feiten: ReadonlyMap<string, Feit>, name: (id: string) => string): HTMLElement {
  const order: Clausule['rol'][] = ['voorwaarde', 'uitsluiting', 'alternatief', 'kenmerk'];
  const clauses = order.flatMap((rol) => p.clausules.filter((c) => c.rol === rol));
  const reason = why(p, feiten);
  return h(
    'details',
    { class: 'product', 'data-product': p.id, 'data-status': p.status },
    h('summary', {}, statusBadge(p.status), h('strong', {}, p.naam), p.productcodes.length ? h('span', { class: 'zacht' }, ` (${p.productcodes.join(', ')})`) : null, reason ? h('span', { class: 'zacht' }, ` — ${reason}`) : null),
    h(
      'div',
      { class: 'inhoud' },
      clauses.map((c) => clause(c, name)),
      p.open_uitsluitingen.length
        ? h(
            'div',
            { class: 'open-uitsluitingen' },
            h('h4', {}, 'Nog na te gaan (uitsluitingen met onbekende feiten)'),
            h('ul', {}, p.open_uitsluitingen.map((u) => h('li', {}, h('strong', {}, u.id), `: ${u.reden} (ontbreekt: ${u.ontbrekende_feiten.map(words).join(', ')})`))),
          )
        : null,
      p.limieten.length
        ? h('div', { class: 'limieten' }, h('h4', {}, 'Grenzen'), h('ul', {}, p.limieten.map((l) => h('li', { 'data-limiet': l.id }, l.uitleg || l.tekst, quote(l.bron)))))
        : null,
      p.combinatie
        ? h(
            'div',
            { class: 'combinatie' },
            h('h4', {}, 'Alleen in combinatie'),
            h(
              'p',
              {},
              `Vereist een van: ${p.combinatie.vereist_een_van.map(name).join(', ')}. `,
              p.combinatie.voldaan_door ? `Voldaan door ${name(p.combinatie.voldaan_door)}.` : p.combinatie.onbeslist.length ? `Nog onbeslist: ${p.combinatie.onbeslist.map(name).join(', ')}.` : 'Niet voldaan.',
            ),
            quote(p.combinatie.bron),
          )
        : null,
      p.code ? h('p', { class: 'productcode' }, 'Te declareren code: ', p.code.codes.length ? p.code.codes.join(', ') : 'nog niet te bepalen', p.code.domein ? ` (${p.code.domein === 'wmo' ? 'Wmo' : 'Jeugdwet'})` : '', p.code.reden ? ` — ${p.code.reden}` : '') : null,
    ),
  );
}

function family(f: FamilieUitkomst, products: readonly ProductUitkomst[], feiten: ReadonlyMap<string, Feit>, name: (id: string) => string): HTMLElement {
  const fallback = f.lichtst_passend.length ? f.lichtst_passend.map(name).join(' en ') : FAMILY_STATUS[f.status];
  return h(
    'section',
    { class: 'familie-blok', 'data-familie': f.familie },
    h(
      'div',
      { class: 'familie' },
      h('h3', {}, words(f.familie), ' ', h('span', { class: 'zacht' }, `(${FAMILY_STATUS[f.status]})`)),
      h('p', { class: 'familie-uitleg' }, f.uitleg ?? fallback),
    ),
    products.map((p) => product(p, feiten, name)),
  );
}

function referral(v: Verwijzing, name: (id: string) => string): HTMLElement {
  return h(
    'li',
    {},
    h('strong', {}, v.soort === 'uitsluiting' ? 'Verwijzing' : 'Vervolg'),
    ` vanuit ${v.vanuit.map(name).join(', ')} naar ${destination(v.naar, name)}`,
    v.richting ? ` (${v.richting})` : '',
    v.reden ? `: ${v.reden}` : '',
    quote(v.bron),
  );
}

export function renderEvaluation(e: Evaluatie, feiten: ReadonlyMap<string, Feit>): HTMLElement {
  const names = new Map(e.producten.map((p) => [p.id, p.naam]));
  const name = (id: string) => names.get(id) ?? id;
  const inFamily = new Set(e.families.map((f) => f.familie));
  const loose = e.producten.filter((p) => !p.familie || !inFamily.has(p.familie));
  return h(
    'section',
    { class: 'uitkomst-catalogus', 'data-catalogus': e.catalogus, 'aria-labelledby': `uitkomst-${e.catalogus}` },
    h('h2', { id: `uitkomst-${e.catalogus}` }, e.regio, h('span', { class: 'zacht' }, ` (${e.catalogus})`)),
    e.families.map((f) => family(f, e.producten.filter((p) => p.familie === f.familie), feiten, name)),
    loose.length ? h('section', { class: 'familie-blok' }, h('div', { class: 'familie' }, h('h3', {}, 'Producten buiten een familie')), loose.map((p) => product(p, feiten, name))) : null,
    e.verwijzingen.length ? h('section', { class: 'verwijzingen' }, h('h3', {}, 'Verwijzingen'), h('ul', {}, e.verwijzingen.map((v) => referral(v, name)))) : null,
  );
}

/** The filled facts as a table (shown on paper next to the result). */
export function renderFacts(profile: Profile, feiten: ReadonlyMap<string, Feit>): HTMLElement {
  const entries = Object.entries(profile);
  if (entries.length === 0) return h('p', {}, 'Nog geen feiten ingevuld: alles is onbekend.');
  const text = (v: Profile[string]) => (Array.isArray(v) ? (v.length ? v.map(words).join(', ') : 'geen') : typeof v === 'boolean' ? (v ? 'ja' : 'nee') : typeof v === 'string' ? words(v) : String(v));
  return h(
    'table',
    { class: 'details' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Feit'), h('th', { scope: 'col' }, 'Waarde'))),
    h(
      'tbody',
      {},
      entries.map(([k, v]) => {
        const feit = feiten.get(k);
        return h('tr', {}, h('td', {}, words(k), feit ? h('div', { class: 'zacht' }, feit.omschrijving) : null), h('td', {}, text(v), feit?.eenheid && typeof v === 'number' ? ` ${feit.eenheid}` : ''));
      }),
    ),
  );
}

/** API errors (WZ7xx for a profile value) with the fact they are about. */
export function renderErrors(fouten: readonly Fout[], feiten: ReadonlyMap<string, Feit>): HTMLElement {
  return h(
    'ul',
    {},
    fouten.map((f) => {
      const fact = f.pad ? decodeURIComponent(f.pad.split('/')[1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~') : '';
      return h('li', {}, h('span', { class: 'code' }, f.code), ' ', fact && feiten.has(fact) ? h('strong', {}, `${words(fact)}: `) : null, f.message, f.hint ? h('span', { class: 'zacht' }, ` ${f.hint}`) : null);
    }),
  );
}
