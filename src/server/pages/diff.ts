/**
 * Differences: two regions, or a region and one of its git versions, through the diff pipeline
 * and its Markdown report; and the purchasing matrix of every served catalogue (`compare`).
 */
import type { FastifyInstance } from 'fastify';
import { diffCatalogues, isEmptyDiff } from '../../diff/diff.js';
import { renderDiffMarkdown } from '../../diff/render.js';
import { buildMatrix, renderMatrixMarkdown } from '../../diff/matrix.js';
import type { ServerContext } from '../context.js';
import { errorBody, html, notFound, page, raw, sendPage, type Html } from './html.js';
import { markdownToHtml } from './markdown.js';
import { loadPageVersion, splitVersion, type PageVersion } from './versions.js';

export const DEFAULT_REF = 'HEAD~1';

interface DiffQuery {
  a?: unknown;
  b?: unknown;
  catalogus?: unknown;
  versie?: unknown;
  vergelijk?: unknown;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function catalogueOptions(context: ServerContext, selected: string | undefined): Html {
  return html`${[...context.catalogues.values()].map((c) => html`<option value="${c.id}"${c.id === selected ? html` selected` : ''}>${c.catalogue.region.naam}</option>`)}`;
}

function forms(context: ServerContext, a: string | undefined, b: string | undefined, ref: string | undefined): Html {
  const ids = [...context.catalogues.keys()];
  const first = a ? splitVersion(a).id : ids[0];
  const second = b ? splitVersion(b).id : (ids[1] ?? ids[0]);
  return html`<div class="keuzeformulieren">
<form method="get" action="/verschillen" class="keuzeformulier"><fieldset><legend>Twee regio's</legend>
<p><label for="a">Van</label> <select id="a" name="a">${catalogueOptions(context, first)}</select>
<label for="b">naar</label> <select id="b" name="b">${catalogueOptions(context, second)}</select></p>
<button type="submit">Vergelijk regio's</button></fieldset></form>
<form method="get" action="/verschillen" class="keuzeformulier"><fieldset><legend>Een regio en een eerdere versie (git)</legend>
<p><label for="catalogus">Regio</label> <select id="catalogus" name="catalogus">${catalogueOptions(context, first)}</select>
<label for="versie">versie</label> <input type="text" id="versie" name="versie" value="${ref ?? DEFAULT_REF}" size="12" spellcheck="false" aria-describedby="versie-uitleg">
<span id="versie-uitleg" class="zacht">een commit, tag of branch, bijvoorbeeld HEAD~1</span></p>
<button type="submit">Vergelijk met die versie</button></fieldset></form>
<p><a href="/verschillen?vergelijk=1">Inkoopvergelijking: soort ondersteuning × regio</a></p></div>`;
}

export async function registerDiffPages(app: FastifyInstance, context: ServerContext): Promise<void> {
  app.get('/verschillen', async (request, reply) => {
    const query = request.query as DiffQuery;
    const frame = (body: Html, status = 200) => sendPage(reply, page(context, { title: 'Verschillen', section: 'verschillen' }, body), status);

    if (text(query.vergelijk)) {
      const matrix = buildMatrix([...context.catalogues.values()].map((c) => c.catalogue));
      return frame(html`<h1>Inkoopvergelijking</h1>${forms(context, undefined, undefined, undefined)}<section class="rapport vergelijking">${raw(markdownToHtml(renderMatrixMarkdown(matrix)))}</section>`);
    }

    // "A region and a version" arrives as catalogus + versie: the old version is the base.
    const catalogus = text(query.catalogus);
    const ref = text(query.versie);
    const a = catalogus ? `${catalogus}@${ref ?? DEFAULT_REF}` : text(query.a);
    const b = catalogus ?? text(query.b);
    const chooser = forms(context, a, b, ref);
    if (!a || !b) return frame(html`<h1>Verschillen</h1>${chooser}`);

    const versions: PageVersion[] = [];
    const releases: (() => void)[] = [];
    try {
      for (const spec of [a, b]) {
        const loaded = loadPageVersion(spec, context);
        if ('unknown' in loaded) return notFound(reply, context, `Er is geen catalogus '${loaded.unknown}'.`, 'verschillen');
        if ('diagnostics' in loaded) return frame(html`<h1>Verschillen</h1>${chooser}${errorBody(`Versie '${spec}' kan niet geladen worden`, loaded.diagnostics)}`, 422);
        versions.push(loaded.version);
        releases.push(loaded.release);
      }
    } finally {
      releases.forEach((release) => release());
    }
    const [before, after] = versions as [PageVersion, PageVersion];
    const diff = diffCatalogues({ label: before.label, catalogue: before.catalogue }, { label: after.label, catalogue: after.catalogue });
    return frame(html`<h1>Verschillen</h1>${chooser}
${isEmptyDiff(diff) ? html`<p class="geen-verschil" role="status">Geen verschillen tussen ${before.label} en ${after.label}.</p>` : ''}
<section class="rapport verschillen">${raw(markdownToHtml(renderDiffMarkdown(diff)))}</section>`);
  });
}
