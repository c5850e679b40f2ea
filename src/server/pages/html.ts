/**
 * Shared HTML for the advisor's pages: escaping, the page frame with the top navigation, and
 * Dutch error pages. Every text that comes from a catalogue, a query string or a diagnostic goes
 * through `esc` — catalogue files are authored by people and a query string by anyone.
 */
import { relative, sep } from 'node:path';
import type { FastifyReply } from 'fastify';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { fromRoot } from '../../util/files.js';
import type { ServerContext } from '../context.js';

/** Marks a string as already-escaped HTML, so templates can tell markup from text. */
export class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Tagged template: interpolated values are escaped unless they are Html (or arrays of Html). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

function render(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof Html) return value.html;
  if (Array.isArray(value)) return value.map(render).join('');
  return esc(String(value));
}

export const raw = (markup: string): Html => new Html(markup);

/** A fragment identifier that is safe in id="" and href="#…" (ids in catalogues are kebab-case already). */
export function anchor(kind: string, id: string): string {
  return `${kind}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** The consultant's page with a profile preloaded: the fragment never reaches the server. */
export function evaluationLink(catalogue: string, profile: object): string {
  return `/?catalogus=${encodeURIComponent(catalogue)}#profiel=${Buffer.from(JSON.stringify(profile), 'utf8').toString('base64url')}`;
}

/** A path as the advisor knows it (relative to the project), never the server's absolute path. */
export function displayFile(file: string): string {
  const rel = relative(fromRoot(), file);
  if (!rel.startsWith('..')) return rel.split(sep).join('/');
  const parts = file.split(sep);
  return parts.slice(-3).join('/');
}

export function location(d: Diagnostic): string {
  return d.span ? `${displayFile(d.span.file)}:${d.span.line}:${d.span.col}` : '';
}

type Section = 'consulent' | 'catalogus' | 'bevindingen' | 'verschillen' | 'impact';

export interface PageOptions {
  readonly title: string;
  readonly section?: Section;
  /** The catalogue the page is about: the Catalogus and Bevindingen links stay on it. */
  readonly catalogue?: string;
}

function nav(context: ServerContext, options: PageOptions): Html {
  const first = options.catalogue ?? [...context.catalogues.keys()][0];
  const items: [Section, string, string][] = [
    ['consulent', 'Consulent', first ? `/?catalogus=${encodeURIComponent(first)}` : '/'],
    ['catalogus', 'Catalogus', first ? `/catalogus/${encodeURIComponent(first)}` : '/catalogus'],
    ['bevindingen', 'Bevindingen', first ? `/bevindingen/${encodeURIComponent(first)}` : '/bevindingen'],
    ['verschillen', 'Verschillen', '/verschillen'],
    ['impact', 'Impact', first ? `/impact?catalogus=${encodeURIComponent(first)}` : '/impact'],
  ];
  return html`<nav class="hoofdnav" aria-label="Hoofdmenu"><ul>${items.map(
    ([key, label, href]) => html`<li><a href="${href}"${raw(options.section === key ? ' aria-current="page"' : '')}>${label}</a></li>`,
  )}</ul></nav>`;
}

export function page(context: ServerContext, options: PageOptions, body: Html): string {
  return `<!doctype html>
${html`<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · wijzer</title><link rel="stylesheet" href="/static/wijzer.css"></head>
<body class="adviseur"><a class="overslaan" href="#inhoud">Naar de inhoud</a>
${nav(context, options)}
<main id="inhoud" tabindex="-1">
${body}
</main></body></html>`}
`;
}

export function sendPage(reply: FastifyReply, markup: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(markup);
}

export function diagnosticItem(d: Diagnostic): Html {
  return html`<li class="melding melding-${d.severity}"><span class="code">${d.code}</span> <span class="ernst">${d.severity}</span>
${d.span ? html`<code class="plek">${location(d)}</code>` : ''}<div class="bericht">${d.message}</div>${d.hint ? html`<div class="hint">${d.hint}</div>` : ''}</li>`;
}

export function notFound(reply: FastifyReply, context: ServerContext, what: string, section?: Section): FastifyReply {
  const list = [...context.catalogues.values()];
  const body = html`<h1>Niet gevonden</h1><p>${what}</p>
<p>Beschikbare catalogi:</p><ul>${list.map((c) => html`<li><a href="/catalogus/${encodeURIComponent(c.id)}">${c.catalogue.region.naam}</a> <code>${c.id}</code></li>`)}</ul>`;
  return sendPage(reply, page(context, { title: 'Niet gevonden', ...(section ? { section } : {}) }, body), 404);
}

/** A request the page cannot answer (bad ref, bad number): the coded diagnostics, status 422. */
export function errorBody(title: string, diagnostics: readonly Diagnostic[]): Html {
  return html`<div class="foutmelding" role="alert"><h2>${title}</h2><ul class="meldingen">${diagnostics.map(diagnosticItem)}</ul></div>`;
}
