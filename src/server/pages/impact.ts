/**
 * Impact of a change: a generated population (src/population/) replayed through a git version
 * of a catalogue and the served one (src/impact/), shown as the transition matrix with causes.
 * The population is generated here — the page never reads a file named in the query — and is
 * capped so a run stays short. The page streams: first the form and a progress bar, then the
 * report, so a long run shows how far it is (no JavaScript needed).
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { diag } from '../../diagnostics/codes.js';
import { atDate } from '../../catalogue/validity.js';
import { ImpactRun, runImpact, type ImpactReport } from '../../impact/impact.js';
import type { PopulationProfile } from '../../impact/population.js';
import { renderImpactHtml } from '../../impact/render.js';
import { archetypeProfile, seededRandom } from '../../population/synthetic.js';
import { SerialQueue, type ServedCatalogue, type ServerContext } from '../context.js';
import { DEFAULT_REF } from './diff.js';
import { errorBody, html, notFound, page, raw, sendPage, type Html } from './html.js';
import { loadPageVersion } from './versions.js';

export const DEFAULT_COUNT = 2000;
export const MAX_COUNT = 20_000;
const DEFAULT_SEED = 1;
const MAX_SEED = 2 ** 31;
/** Profiles per step: progress is reported and other requests are served between steps. */
const STEP = 250;

/** One impact run at a time: they are CPU-bound and the machine is shared with evaluations. */
const runs = new SerialQueue();

interface ImpactQuery {
  catalogus?: unknown;
  base?: unknown;
  aantal?: unknown;
  seed?: unknown;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function whole(value: string | undefined, fallback: number, option: string, min: number, max: number): { value?: number; error?: ReturnType<typeof diag> } {
  if (value === undefined) return { value: fallback };
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) return { error: diag('WZ904', { value, option, allowed: `een geheel getal van ${min} tot ${max}` }) };
  return { value: n };
}

export function generatePopulation(served: ServedCatalogue, context: ServerContext, count: number, seed: number): PopulationProfile[] {
  const next = seededRandom(seed);
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => ({
    id: `p${String(i + 1).padStart(width, '0')}`,
    profile: archetypeProfile(served.compiled.products, context.scope.vocabulary, next),
  }));
}

function form(context: ServerContext, id: string | undefined, base: string | undefined, count: string | undefined, seed: string | undefined): Html {
  return html`<form method="get" action="/impact" class="keuzeformulier"><fieldset><legend>Welke verandering?</legend>
<p><label for="catalogus">Catalogus</label> <select id="catalogus" name="catalogus">${[...context.catalogues.values()].map(
    (c) => html`<option value="${c.id}"${c.id === id ? html` selected` : ''}>${c.catalogue.region.naam}</option>`,
  )}</select>
<label for="base">vergeleken met versie</label> <input type="text" id="base" name="base" value="${base ?? DEFAULT_REF}" size="12" spellcheck="false"></p>
<p><label for="aantal">Aantal gegenereerde profielen</label> <input type="number" id="aantal" name="aantal" min="1" max="${MAX_COUNT}" value="${count ?? DEFAULT_COUNT}">
<label for="seed">seed</label> <input type="number" id="seed" name="seed" min="0" value="${seed ?? DEFAULT_SEED}">
<span class="zacht">maximaal ${MAX_COUNT.toLocaleString('nl-NL')}; dezelfde seed geeft dezelfde populatie</span></p>
<button type="submit">Bereken de impact</button></fieldset></form>`;
}

/** The body of the impact renderer's standalone page, with its title one level down. */
export function reportHtml(report: ImpactReport): string {
  const full = renderImpactHtml(report);
  const body = full.slice(full.indexOf('<body>') + '<body>'.length, full.lastIndexOf('</body>'));
  return body.replace(/<(\/?)h2>/g, '<$1h3>').replace(/<(\/?)h1>/g, '<$1h2>');
}

function progress(done: number, total: number): string {
  return `<p class="voortgang-stap"><progress max="${total}" value="${done}">${done}</progress> ${done.toLocaleString('nl-NL')} van ${total.toLocaleString('nl-NL')} profielen</p>\n`;
}

export async function registerImpactPages(app: FastifyInstance, context: ServerContext): Promise<void> {
  app.get('/impact', async (request, reply) => {
    const query = request.query as ImpactQuery;
    const id = text(query.catalogus);
    const base = text(query.base);
    const count = text(query.aantal);
    const seedText = text(query.seed);
    const chooser = form(context, id, base, count, seedText);
    const frame = (body: Html) => page(context, { title: 'Impact', section: 'impact', ...(id && context.catalogues.has(id) ? { catalogue: id } : {}) }, body);
    const intro = html`<h1>Impact van een wijziging</h1><p>Welke cliënten krijgen een andere uitkomst als de catalogus verandert? wijzer genereert een populatie rond de producten van de catalogus en beoordeelt elk profiel met beide versies.</p>`;
    if (id && !context.catalogues.has(id)) return notFound(reply, context, `Er is geen catalogus '${id}'.`, 'impact');
    if (!id || !base) return sendPage(reply, frame(html`${intro}${chooser}`));

    const amount = whole(count, DEFAULT_COUNT, 'aantal', 1, MAX_COUNT);
    const seed = whole(seedText, DEFAULT_SEED, 'seed', 0, MAX_SEED);
    const bad = [amount.error, seed.error].filter((d) => d !== undefined);
    if (bad.length > 0) return sendPage(reply, frame(html`${intro}${chooser}${errorBody('De invoer klopt niet', bad)}`), 422);
    const served = context.catalogues.get(id)!;
    const loaded = loadPageVersion(`${id}@${base}`, context);
    if ('unknown' in loaded) return notFound(reply, context, `Er is geen catalogus '${loaded.unknown}'.`, 'impact');
    if ('diagnostics' in loaded) return sendPage(reply, frame(html`${intro}${chooser}${errorBody(`Versie '${base}' kan niet geladen worden`, loaded.diagnostics)}`), 422);
    loaded.release();
    const baseVersion = loaded.version;

    const total = amount.value!;
    const [head, tail] = frame(html`${intro}${chooser}<section class="impactrapport" aria-live="polite">
<p class="notitie">Impact van <code>${baseVersion.label}</code> naar <code>${id}</code> voor ${total.toLocaleString('nl-NL')} gegenereerde profielen (seed ${seed.value!}).</p>
<div class="voortgang">${raw('<!--rapport-->')}</div></section>`).split('<!--rapport-->') as [string, string];

    const stream = new Readable({ read: () => undefined });
    let closed = false;
    reply.raw.on('close', () => (closed = true));
    stream.push(head);
    void runs
      .run(async () => {
        // Both versions as they apply on the server's peildatum, as `wijzer impact` does.
        const date = context.peildatum();
        const run = new ImpactRun({ label: baseVersion.label, compiled: atDate(baseVersion.compiled, date) }, { label: id, compiled: atDate(served.compiled, date) });
        const population = generatePopulation(served, context, total, seed.value!);
        let seconds = 0;
        stream.push(progress(0, total));
        for (let start = 0; start < total && !closed; start += STEP) {
          await runImpact(run, population.slice(start, start + STEP));
          seconds += run.report.seconds;
          stream.push(progress(Math.min(total, start + STEP), total));
          // Let other requests (and this stream's writes) through between steps.
          await new Promise((resolve) => setImmediate(resolve));
        }
        run.report.seconds = seconds;
        stream.push(`</div><div class="rapport">${reportHtml(run.report)}</div><div>`);
      })
      .catch(() => stream.push('</div><p class="fout" role="alert">De berekening is afgebroken door een interne fout.</p><div>'))
      .finally(() => {
        stream.push(tail);
        stream.push(null);
      });
    return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(stream);
  });
}
