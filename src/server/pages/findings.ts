/**
 * Findings of a catalogue: the warnings of `check` and the findings of `analyse` (gaps,
 * overlaps, dead criteria…), each with its place in the files. A gap or overlap carries a
 * counterexample profile; "open in de evaluatie" hands it to the consultant's page in the URL
 * fragment, so it never travels to the server.
 */
import type { FastifyInstance } from 'fastify';
import { analyseFolder } from '../../analysis/folder.js';
import type { Finding } from '../../analysis/analyse.js';
import { counterexampleYaml, summaryLine } from '../../analysis/render.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../../diagnostics/diagnostic.js';
import type { ServedCatalogue, ServerContext } from '../context.js';
import { diagnosticItem, errorBody, evaluationLink, html, location, notFound, page, sendPage, type Html } from './html.js';

interface Analysis {
  readonly findings?: readonly Finding[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The analysis is exact and takes a moment; catalogues do not change while the server runs,
 * so each is analysed once, on first request.
 */
const cache = new WeakMap<ServedCatalogue, Analysis>();

export function analysisOf(served: ServedCatalogue, context: ServerContext): Analysis {
  let result = cache.get(served);
  if (!result) {
    result = analyseFolder(served.folder, { scope: context.scope, diagnostics: [] });
    cache.set(served, result);
  }
  return result;
}

function findingHtml(f: Finding, served: ServedCatalogue): Html {
  const d = f.diagnostic;
  const kind = f.reproduce?.kind === 'gat' ? 'gat' : f.reproduce?.kind === 'overlap' ? 'overlap' : undefined;
  return html`<li class="bevinding melding-${d.severity}${f.acknowledged ? ' erkend' : ''}" data-sleutel="${f.key}">
<div><span class="code">${d.code}</span> <span class="ernst">${f.acknowledged ? 'erkend' : d.severity}</span>${kind ? html` <span class="soort">${kind}</span>` : ''}
${d.span ? html`<code class="plek">${location(d)}</code>` : ''}</div>
<div class="bericht">${d.message}</div>
${d.hint ? html`<div class="hint">${d.hint}</div>` : ''}
<div class="zacht">sleutel: <code>${f.key}</code></div>
${
  f.counterexample
    ? html`<details class="tegenvoorbeeld"${f.acknowledged ? '' : ' open'}><summary>Tegenvoorbeeld</summary><pre>${counterexampleYaml(f)}</pre></details>
<p><a class="knop secundair open-evaluatie" href="${evaluationLink(served.id, f.counterexample)}">open in de evaluatie</a></p>`
    : ''
}</li>`;
}

function findingsPage(served: ServedCatalogue, context: ServerContext): string {
  const analysis = analysisOf(served, context);
  const checks = sortDiagnostics(served.diagnostics);
  const findings = analysis.findings ?? [];
  const open = findings.filter((f) => !f.acknowledged && f.diagnostic.severity !== 'info');
  const acknowledged = findings.filter((f) => f.acknowledged);
  const info = findings.filter((f) => !f.acknowledged && f.diagnostic.severity === 'info');
  const list = (items: readonly Finding[], empty: string) =>
    items.length === 0 ? html`<p class="zacht">${empty}</p>` : html`<ol class="bevindingen">${items.map((f) => findingHtml(f, served))}</ol>`;
  const body = html`<h1>Bevindingen: ${served.catalogue.region.naam}</h1>
<form class="werkbalk" method="get" action="/bevindingen"><label for="catalogus">Catalogus</label>
<select id="catalogus" name="catalogus">${[...context.catalogues.values()].map((c) => html`<option value="${c.id}"${c.id === served.id ? html` selected` : ''}>${c.catalogue.region.naam}</option>`)}</select>
<button type="submit">Toon</button> <a href="/catalogus/${encodeURIComponent(served.id)}">naar de catalogus</a></form>
${analysis.findings ? html`<p class="samenvatting">${summaryLine(findings)}; ${checks.length} melding${checks.length === 1 ? '' : 'en'} van de controle.</p>` : errorBody('De analyse kon niet draaien', analysis.diagnostics.filter((d) => d.severity === 'fout'))}
<h2>Analyse: open bevindingen</h2>${list(open, 'Geen open bevindingen: elke familie sluit en overlapt niet.')}
<h2>Erkende bevindingen</h2>${list(acknowledged, 'Geen erkende bevindingen (analyse.yaml).')}
<h2>Ter informatie</h2>${list(info, 'Niets ter informatie.')}
<h2>Controle (check)</h2>${checks.length === 0 ? html`<p class="zacht">De controle geeft geen waarschuwingen.</p>` : html`<ul class="meldingen-lijst">${checks.map(diagnosticItem)}</ul>`}`;
  return page(context, { title: `Bevindingen ${served.catalogue.region.naam}`, section: 'bevindingen', catalogue: served.id }, body);
}

export async function registerFindingsPages(app: FastifyInstance, context: ServerContext): Promise<void> {
  // The form on the page submits ?catalogus=<id>; without it, the first catalogue.
  app.get('/bevindingen', async (request, reply) => {
    const { catalogus } = request.query as { catalogus?: unknown };
    const id = typeof catalogus === 'string' && catalogus !== '' ? catalogus : [...context.catalogues.keys()][0];
    if (!id || !context.catalogues.has(id)) return notFound(reply, context, `Er is geen catalogus '${String(catalogus ?? '')}'.`, 'bevindingen');
    return reply.redirect(`/bevindingen/${encodeURIComponent(id)}`, 303);
  });
  app.get('/bevindingen/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const served = context.catalogues.get(id);
    if (!served) return notFound(reply, context, `Er is geen catalogus '${id}'.`, 'bevindingen');
    return sendPage(reply, findingsPage(served, context));
  });
}
