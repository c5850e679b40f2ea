/**
 * The catalogue browser: every product with its codes, unit, staffing mix, limits, follow-ups
 * and criteria in the words of the criteria language, each with its kind, reason and quote;
 * the shared definitions it uses and the facts with where they are used.
 */
import type { FastifyInstance } from 'fastify';
import { limitText } from '../../catalogue/limits.js';
import { describeCodes, eenheidCode } from '../../catalogue/productcode.js';
import type { Bestemming, Clause, Limiet, Product } from '../../catalogue/types.js';
import { dependenciesOf, factUsage } from '../../check/usage.js';
import { renderExpr, type Expr } from '../../dsl/ast.js';
import type { Fact } from '../../vocabulary/types.js';
import type { ServedCatalogue, ServerContext } from '../context.js';
import { anchor, esc, html, notFound, page, raw, sendPage, type Html } from './html.js';

/** The criterion as text, with facts and definitions linked to their sections. */
export function criterionHtml(text: string, ast: Expr | undefined, context: ServerContext): Html {
  const source = ast ? renderExpr(ast) : text.trim();
  const { definitions, vocabulary } = context.scope;
  // Names are plain identifiers, so linking them in the escaped text cannot break the markup.
  const linked = esc(source).replace(/\b[a-z][a-z0-9_]*\b/g, (name) => {
    if (definitions.has(name)) return `<a class="definitie" href="#${anchor('definitie', name)}">${name}</a>`;
    if (vocabulary.facts.has(name)) return `<a class="feitnaam" href="#${anchor('feit', name)}">${name}</a>`;
    return name;
  });
  return html`<code class="criterium">${raw(linked)}</code>`;
}

function productLink(served: ServedCatalogue, id: string): Html {
  const target = served.catalogue.products.find((p) => p.id === id);
  return target ? html`<a href="#${anchor('product', id)}">${target.naam}</a>` : html`<code>${id}</code>`;
}

function destinationHtml(served: ServedCatalogue, b: Bestemming): Html {
  switch (b.kind) {
    case 'product':
      return productLink(served, b.product);
    case 'familie':
      return html`familie <a href="#${anchor('familie', b.familie)}">${b.familie}</a>`;
    case 'buiten-catalogus':
      return html`${b.naam} <span class="zacht">(buiten de catalogus)</span>`;
  }
}

function quote(bron: string | undefined): Html {
  return bron ? html`<blockquote class="bron">${bron}</blockquote>` : html``;
}

type Kind = 'voorwaarde' | 'uitsluiting' | 'kenmerk';

function clauseHtml(kind: Kind, clause: Clause, product: Product, served: ServedCatalogue, context: ServerContext): Html {
  return html`<li class="clausule soort-${kind}" id="${anchor('clausule', `${product.id}-${clause.id}`)}">
<span class="soort">${kind}</span> <code class="zacht">${clause.id}</code>
<div>${criterionHtml(clause.text, clause.ast, context)}</div>
<div class="reden">${clause.reden}</div>
${clause.verwijzing ? html`<div>Verwijzing: ${destinationHtml(served, clause.verwijzing)}</div>` : ''}
${clause.keuze ? html`<div class="keuze">Keuze: ${clause.keuze}</div>` : ''}
${quote(clause.bron)}</li>`;
}

function limitHtml(limiet: Limiet, context: ServerContext): Html {
  return html`<li class="clausule soort-limiet"><span class="soort">limiet</span> <code class="zacht">${limiet.id}</code>
<div>${limitText(limiet)} <span class="zacht">(getoetst aan <a class="feitnaam" href="#${anchor('feit', limiet.feit)}">${limiet.feit}</a>)</span></div>
${limiet.alleenAls ? html`<div>alleen als ${criterionHtml(limiet.alleenAls.text, limiet.alleenAls.ast, context)}</div>` : ''}
<div class="reden">${limiet.reden}</div>${quote(limiet.bron)}</li>`;
}

const KIND_TITLES: Record<Kind, string> = { voorwaarde: 'Voorwaarden', uitsluiting: 'Uitsluitingen', kenmerk: 'Kenmerken' };

function criteriaHtml(product: Product, served: ServedCatalogue, context: ServerContext): Html {
  const groups: [Kind, readonly Clause[]][] = [
    ['voorwaarde', product.voorwaarden],
    ['uitsluiting', product.uitsluitingen],
    ['kenmerk', product.kenmerken],
  ];
  return html`${groups
    .filter(([, clauses]) => clauses.length > 0)
    .map(([kind, clauses]) => html`<h4>${KIND_TITLES[kind]}</h4><ul class="criteria">${clauses.map((c) => clauseHtml(kind, c, product, served, context))}</ul>`)}
${product.limieten.length > 0 ? html`<h4>Limieten</h4><ul class="criteria">${product.limieten.map((l) => limitHtml(l, context))}</ul>` : ''}`;
}

/** Definitions and facts a product depends on (through its clauses, limits and combination). */
export function productDependencies(product: Product, context: ServerContext): { facts: Set<string>; definitions: Set<string> } {
  const facts = new Set<string>();
  const definitions = new Set<string>();
  const criteria = [...product.voorwaarden, ...product.uitsluitingen, ...product.kenmerken, ...(product.combinatie?.of_als ? [product.combinatie.of_als] : [])];
  for (const limiet of product.limieten) {
    facts.add(limiet.feit);
    if (limiet.alleenAls) criteria.push(limiet.alleenAls);
  }
  for (const clause of criteria) {
    if (!clause.ast) continue;
    const deps = dependenciesOf(clause.ast, context.scope);
    deps.facts.forEach((f) => facts.add(f));
    deps.definitions.forEach((d) => definitions.add(d));
  }
  return { facts, definitions };
}

function row(label: string, value: Html | string | undefined): Html {
  return value === undefined || value === '' ? html`` : html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
}

function productHtml(product: Product, served: ServedCatalogue, context: ServerContext): Html {
  const codes = describeCodes(product.productcodes);
  const code = eenheidCode(product.eenheid);
  const deps = productDependencies(product, context);
  const combinatie = product.combinatie;
  return html`<section class="catalogusproduct" id="${anchor('product', product.id)}" aria-labelledby="${anchor('titel', product.id)}">
<h3 id="${anchor('titel', product.id)}">${product.naam} <code class="zacht">${product.id}</code></h3>
<table class="details"><tbody>
${row('Productcodes', codes.length === 0 ? 'geen landelijke code' : html`${codes.map((c, i) => html`${i > 0 ? ', ' : ''}${c.domein === 'wmo' ? 'Wmo' : 'Jeugd'} <code>${c.code}</code>`)}`)}
${row('Productcategorie', codes.map((c) => c.categorie ?? 'onbekende categorie').filter((x, i, all) => all.indexOf(x) === i).join(', ') || undefined)}
${row('Eenheid', `${product.eenheid_omschrijving ?? `per ${product.eenheid}`}${code ? ` (eenheid ${code})` : ''}`)}
${row('Familie', product.familie ? html`<a href="#${anchor('familie', product.familie)}">${product.familie}</a>${product.niveau !== undefined ? `, niveau ${product.niveau}` : ''}${product.variant ? `, ${product.variant}` : ''}` : undefined)}
${row('Functiemix', product.functiemix ? product.functiemix.map((f) => `${f.percentage}% ${f.opleiding}${f.omschrijving ? ` (${f.omschrijving})` : ''}`).join(', ') : undefined)}
${row('Groep', product.groep ? [product.groep.inwoners_per_begeleider !== undefined ? `${product.groep.inwoners_per_begeleider} inwoners per begeleider` : '', product.groep.maximale_groepsgrootte !== undefined ? `maximaal ${product.groep.maximale_groepsgrootte} per groep` : ''].filter(Boolean).join(', ') : undefined)}
${row('Duur', product.duur?.omschrijving)}
${row('Locatie', product.locatie)}
${row('Vervolg', product.vervolg.length > 0 ? html`<ul class="kaal">${product.vervolg.map((v) => html`<li>${v.richting ? html`<span class="zacht">${v.richting}:</span> ` : ''}${v.product ? productLink(served, v.product) : html`${v.buiten_catalogus ?? ''} <span class="zacht">(buiten de catalogus)</span>`}</li>`)}</ul>` : undefined)}
${row('Combinatie', combinatie ? html`alleen in combinatie met ${combinatie.vereist_een_van.map((id, i) => html`${i > 0 ? ' of ' : ''}${productLink(served, id)}`)}${combinatie.of_als ? html`, of als ${criterionHtml(combinatie.of_als.text, combinatie.of_als.ast, context)}` : ''}<div class="reden">${combinatie.reden}</div>${quote(combinatie.bron)}` : undefined)}
${row('Aanbieder', product.aanbieder ? html`biedt ook ${product.aanbieder.ookBieden.map((id, i) => html`${i > 0 ? ', ' : ''}${productLink(served, id)}`)}${product.aanbieder.reden ? html`<div class="reden">${product.aanbieder.reden}</div>` : ''}${quote(product.aanbieder.bron)}` : undefined)}
${row('Definities', deps.definitions.size > 0 ? html`${[...deps.definitions].sort().map((d, i) => html`${i > 0 ? ', ' : ''}<a class="definitie" href="#${anchor('definitie', d)}">${d}</a>`)}` : undefined)}
</tbody></table>
${product.beschrijving ? html`<details class="beschrijving"><summary>Beschrijving</summary><dl>${Object.entries(product.beschrijving).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl></details>` : ''}
${criteriaHtml(product, served, context)}
${product.keuzes.length > 0 ? html`<h4>Gedocumenteerde keuzes</h4><ul>${product.keuzes.map((k) => html`<li><b>${k.onderwerp}</b>: ${k.keuze}</li>`)}</ul>` : ''}
</section>`;
}

function factKind(fact: Fact): string {
  switch (fact.kind) {
    case 'ja-nee':
      return 'ja/nee';
    case 'getal':
      return `getal${fact.eenheid ? ` (${fact.eenheid})` : ''}`;
    case 'schaal':
      return `schaal: ${fact.labels.join(' < ')}`;
    case 'keuze':
      return `keuze: ${fact.labels.join(', ')}`;
    case 'lijst':
      return `lijst van: ${fact.labels.join(', ')}`;
  }
}

function cataloguePage(served: ServedCatalogue, context: ServerContext): string {
  const { catalogue } = served;
  const region = catalogue.region;
  const usage = factUsage([...context.catalogues.values()].map((c) => c.catalogue), context.scope);
  const perProduct = new Map(catalogue.products.map((p) => [p.id, productDependencies(p, context)]));
  const factIds = [...new Set([...perProduct.values()].flatMap((d) => [...d.facts]))].filter((f) => context.scope.vocabulary.facts.has(f)).sort();
  const definitionIds = [...new Set([...perProduct.values()].flatMap((d) => [...d.definitions]))].sort();
  const usedBy = (test: (d: { facts: Set<string>; definitions: Set<string> }) => boolean) =>
    catalogue.products.filter((p) => test(perProduct.get(p.id)!)).map((p, i) => html`${i > 0 ? ', ' : ''}<a href="#${anchor('product', p.id)}">${p.naam}</a>`);
  const families = [...new Set(catalogue.products.flatMap((p) => (p.familie ? [p.familie] : [])))];
  const loose = catalogue.products.filter((p) => !p.familie);

  const body = html`<h1>${region.naam}</h1>
<p>${region.organisatie} · ${region.bron.titel}${region.bron.datum ? ` (${region.bron.datum})` : ''} · geldig vanaf ${region.geldig_vanaf} · ${region.domeinen.map((d) => (d === 'wmo' ? 'Wmo' : 'Jeugdwet')).join(', ')}</p>
<p class="werkbalk"><a class="knop secundair" href="/bevindingen/${encodeURIComponent(served.id)}">Bevindingen</a> <a class="knop secundair" href="/?catalogus=${encodeURIComponent(served.id)}">Naar de consulent</a></p>
<nav aria-label="Inhoud van de catalogus" class="inhoudsopgave"><h2>Inhoud</h2><ul>
${families.map((f) => {
  const members = catalogue.products.filter((p) => p.familie === f).sort((a, b) => (a.niveau ?? 0) - (b.niveau ?? 0));
  const agreement = region.families.find((x) => x.id === f);
  return html`<li id="${anchor('familie', f)}">familie <b>${f}</b>${agreement?.niveaukeuze ? html` <span class="zacht">(niveau kiest de toegang: ${agreement.niveaukeuze.regel})</span>` : ''}<ul>${members.map((p) => html`<li><a href="#${anchor('product', p.id)}">${p.naam}</a></li>`)}</ul></li>`;
})}
${loose.map((p) => html`<li><a href="#${anchor('product', p.id)}">${p.naam}</a></li>`)}
<li><a href="#definities">Definities</a></li><li><a href="#feiten">Feiten</a></li></ul></nav>
<h2>Producten</h2>
${catalogue.products.map((p) => productHtml(p, served, context))}
<section id="definities" aria-labelledby="definities-titel"><h2 id="definities-titel">Definities</h2>
${definitionIds.length === 0 ? html`<p>Deze catalogus gebruikt geen gedeelde definities.</p>` : ''}
<dl class="definities">${definitionIds.map((name) => {
  const d = context.scope.definitions.get(name)!;
  return html`<dt id="${anchor('definitie', name)}"><code>${name}</code></dt><dd>${d.omschrijving}<div>${criterionHtml(d.text, d.ast, context)}</div><div class="zacht">gebruikt door: ${usedBy((x) => x.definitions.has(name))}</div></dd>`;
})}</dl></section>
<section id="feiten" aria-labelledby="feiten-titel"><h2 id="feiten-titel">Feiten</h2>
<table class="details feiten"><thead><tr><th scope="col">Feit</th><th scope="col">Soort</th><th scope="col">Omschrijving</th><th scope="col">Gebruikt door</th><th scope="col">Andere catalogi</th></tr></thead><tbody>
${factIds.map((name) => {
  const fact = context.scope.vocabulary.facts.get(name)!;
  const others = (usage.get(name) ?? []).filter((c) => c !== served.id);
  return html`<tr id="${anchor('feit', name)}"><td><code>${name}</code></td><td>${factKind(fact)}</td><td>${fact.omschrijving}</td><td>${usedBy((x) => x.facts.has(name))}</td><td>${others.map((c, i) => html`${i > 0 ? ', ' : ''}<a href="/catalogus/${encodeURIComponent(c)}#${anchor('feit', name)}">${c}</a>`)}</td></tr>`;
})}
</tbody></table></section>`;
  return page(context, { title: region.naam, section: 'catalogus', catalogue: served.id }, body);
}

function indexPage(context: ServerContext): string {
  const body = html`<h1>Catalogi</h1><table class="details"><thead><tr><th scope="col">Regio</th><th scope="col">Organisatie</th><th scope="col">Producten</th><th scope="col">Meer</th></tr></thead><tbody>
${[...context.catalogues.values()].map(
  (c) => html`<tr><td><a href="/catalogus/${encodeURIComponent(c.id)}">${c.catalogue.region.naam}</a> <code class="zacht">${c.id}</code></td><td>${c.catalogue.region.organisatie}</td><td>${c.catalogue.products.length}</td><td><a href="/bevindingen/${encodeURIComponent(c.id)}">bevindingen</a></td></tr>`,
)}</tbody></table>`;
  return page(context, { title: 'Catalogi', section: 'catalogus' }, body);
}

export async function registerCataloguePages(app: FastifyInstance, context: ServerContext): Promise<void> {
  app.get('/catalogus', async (_request, reply) => sendPage(reply, indexPage(context)));
  app.get('/catalogus/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const served = context.catalogues.get(id);
    if (!served) return notFound(reply, context, `Er is geen catalogus '${id}'.`, 'catalogus');
    return sendPage(reply, cataloguePage(served, context));
  });
}
