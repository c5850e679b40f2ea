/** Read-only views of the served catalogues and the fact vocabulary, straight from the loaded pipeline data. */
import type { FastifyInstance } from 'fastify';
import { limitText } from '../../catalogue/limits.js';
import { describeCodes, eenheidCode } from '../../catalogue/productcode.js';
import { clausesOf, type Catalogue, type Product } from '../../catalogue/types.js';
import { factUsage } from '../../check/usage.js';
import { diag } from '../../diagnostics/codes.js';
import { destinationJson } from '../../report/json.js';
import { suggest } from '../../util/suggest.js';
import { EXISTING_COMPLETE_KEY, EXISTING_INDICATIONS_KEY } from '../../vocabulary/profile.js';
import type { Fact } from '../../vocabulary/types.js';
import type { ServerContext } from '../context.js';
import { apiFout, sendFouten } from './errors.js';
import { unknownCatalogue } from './query.js';

function catalogueSummary(catalogue: Catalogue): object {
  const r = catalogue.region;
  return { id: catalogue.id, naam: r.naam, organisatie: r.organisatie, domeinen: r.domeinen, producten: catalogue.products.length };
}

function catalogueJson(catalogue: Catalogue): object {
  const r = catalogue.region;
  return {
    id: catalogue.id,
    naam: r.naam,
    organisatie: r.organisatie,
    bron: { titel: r.bron.titel, document: r.bron.document, datum: r.bron.datum ?? null },
    geldig_vanaf: r.geldig_vanaf,
    domeinen: r.domeinen,
    producten: catalogue.products.map((p) => ({ id: p.id, naam: p.naam, productcodes: p.productcodes, familie: p.familie ?? null, niveau: p.niveau ?? null, variant: p.variant ?? null })),
  };
}

export function productJson(p: Product): object {
  return {
    id: p.id,
    naam: p.naam,
    productcodes: p.productcodes,
    productcategorieen: describeCodes(p.productcodes),
    eenheid: { naam: p.eenheid, iwmo_code: eenheidCode(p.eenheid), omschrijving: p.eenheid_omschrijving ?? null },
    familie: p.familie ?? null,
    niveau: p.niveau ?? null,
    variant: p.variant ?? null,
    functiemix: p.functiemix ?? [],
    beschrijving: p.beschrijving ?? {},
    clausules: clausesOf(p).map(({ kind, clause }) => ({
      id: clause.id,
      soort: kind,
      als: clause.text.trim(),
      reden: clause.reden,
      bron: clause.bron,
      verwijzing: clause.verwijzing ? destinationJson(clause.verwijzing) : null,
    })),
    limieten: p.limieten.map((l) => ({ id: l.id, soort: l.kind, tekst: limitText(l), alleen_als: l.alleenAls?.text.trim() ?? null, richtwaarde: l.richtwaarde, reden: l.reden, bron: l.bron })),
    vervolg: p.vervolg.map((v) => ({ product: v.product ?? null, buiten_catalogus: v.buiten_catalogus ?? null, richting: v.richting ?? null, bron: v.bron })),
    combinatie: p.combinatie ? { vereist_een_van: p.combinatie.vereist_een_van, of_als: p.combinatie.of_als?.text.trim() ?? null, reden: p.combinatie.reden, bron: p.combinatie.bron } : null,
    aanbieder: p.aanbieder ? { ook_bieden: p.aanbieder.ookBieden, reden: p.aanbieder.reden ?? null, bron: p.aanbieder.bron } : null,
  };
}

function factJson(fact: Fact, catalogi: readonly string[]): object {
  return {
    naam: fact.name,
    soort: fact.kind,
    omschrijving: fact.omschrijving,
    ...('labels' in fact ? { waarden: fact.labels } : {}),
    ...(fact.toelichting ? { toelichting: fact.toelichting } : {}),
    ...(fact.kind === 'getal' && fact.eenheid !== undefined ? { eenheid: fact.eenheid } : {}),
    ...(fact.kind === 'getal' && fact.minimum !== undefined ? { minimum: fact.minimum } : {}),
    ...(fact.kind === 'getal' && fact.maximum !== undefined ? { maximum: fact.maximum } : {}),
    catalogi,
  };
}

export function registerCatalogueRoutes(api: FastifyInstance, context: ServerContext): void {
  const served = () => [...context.catalogues.values()];
  // The vocabulary and the catalogues do not change while serving: build the answer once.
  const usage = factUsage(served().map((c) => c.catalogue), context.scope);
  const vocabulaire = {
    feiten: [...context.scope.vocabulary.facts.values()].map((f) => factJson(f, usage.get(f.name) ?? [])),
    gereserveerd: [EXISTING_INDICATIONS_KEY, EXISTING_COMPLETE_KEY],
  };

  api.get('/catalogi', async () => served().map((c) => catalogueSummary(c.catalogue)));

  api.get('/catalogi/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const catalogue = context.catalogues.get(id)?.catalogue;
    if (!catalogue) return sendFouten(reply, 404, [unknownCatalogue(context, id)]);
    return catalogueJson(catalogue);
  });

  api.get('/catalogi/:id/producten/:product', async (request, reply) => {
    const { id, product } = request.params as { id: string; product: string };
    const catalogue = context.catalogues.get(id)?.catalogue;
    if (!catalogue) return sendFouten(reply, 404, [unknownCatalogue(context, id)]);
    const found = catalogue.products.find((p) => p.id === product);
    if (!found) {
      const suggestion = suggest(product, catalogue.products.map((p) => p.id));
      return sendFouten(reply, 404, [apiFout(diag('WZ911', { id: product.slice(0, 200), catalogue: id, ...(suggestion ? { suggestion } : {}) }))]);
    }
    return productJson(found);
  });

  api.get('/vocabulaire', async () => vocabulaire);
}
