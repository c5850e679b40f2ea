/**
 * The document as one self-contained, printable HTML file: inline CSS, no scripts, no external
 * assets. Every text from the catalogue is escaped. In print each product starts on a new page
 * and the on-screen navigation ("naar de inhoud") is hidden.
 */
import type { DocumentModel, Group, Item, ProductDoc, Section } from './model.js';

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const e = escapeHtml;

const CSS = `
:root { --tekst: #1b1b1b; --zacht: #5a5a5a; --lijn: #d4d4d4; --accent: #154273; --citaat: #f4f6f9; }
* { box-sizing: border-box; }
html { font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 15px; line-height: 1.5; color: var(--tekst); background: #fff; }
body { margin: 0 auto; max-width: 52rem; padding: 2rem 1.5rem 4rem; }
h1, h2, h3, h4, h5 { color: var(--accent); line-height: 1.25; break-after: avoid; }
h1 { font-size: 2rem; margin: 0 0 1rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 1rem; border-bottom: 2px solid var(--accent); padding-bottom: .25rem; }
h3 { font-size: 1.3rem; margin: 0 0 .75rem; }
h4 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
h5 { font-size: .95rem; margin: 1rem 0 .3rem; text-transform: uppercase; letter-spacing: .03em; color: var(--zacht); }
p { margin: .4rem 0; }
a { color: var(--accent); }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .85em; background: #eef1f5; padding: .05rem .25rem; border-radius: 3px; overflow-wrap: anywhere; }
blockquote.bron { margin: .35rem 0 .2rem; padding: .35rem .75rem; border-left: 3px solid var(--accent); background: var(--citaat); font-style: italic; color: #333; }
blockquote.bron::before { content: "Bron: "; font-style: normal; font-weight: 600; color: var(--zacht); }
.titelpagina { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; }
.titelpagina .regio { font-size: 1.4rem; margin: 0 0 2rem; color: var(--zacht); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .6rem; border-bottom: 1px solid var(--lijn); }
thead th { border-bottom: 2px solid var(--accent); }
table.gegevens th { width: 12rem; color: var(--zacht); font-weight: 600; }
nav.inhoud ol { padding-left: 1.25rem; }
nav.inhoud li { margin: .15rem 0; }
ul.items { list-style: none; padding: 0; margin: .25rem 0 .75rem; }
ul.items > li { padding: .5rem 0; border-bottom: 1px solid var(--lijn); break-inside: avoid; }
ul.items > li:last-child { border-bottom: none; }
.regel, .notitie { margin: .15rem 0; }
.label { font-weight: 600; }
.notitie .label, .regel .label { color: var(--zacht); }
section.product { margin-top: 2.5rem; padding-top: 1rem; border-top: 1px solid var(--lijn); }
.terug { font-size: .85rem; }
dl.begrippen dt { font-weight: 600; margin-top: .75rem; }
dl.begrippen dd { margin: .2rem 0 0 1rem; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  .terug { display: none; }
  a { color: inherit; text-decoration: none; }
  .titelpagina { min-height: 0; height: 240mm; break-after: page; }
  nav.inhoud { break-after: page; }
  /* Every family and every product starts a page; a family's first product shares it with the family heading. */
  section.familie { break-before: page; }
  section.familie > h2 { margin-top: 0; }
  section.product { border-top: none; margin-top: 1.5rem; padding-top: 0; }
  section.product ~ section.product { break-before: page; margin-top: 0; }
  section.begrippen { break-before: page; }
  blockquote.bron { background: none; }
}
`;

function itemHtml(item: Item): string {
  const lead = [
    item.label ? `<span class="label">${e(item.label)}:</span> ` : '',
    item.text ? e(item.text) : '',
    item.link ? `${item.text ? ' ' : ''}<a href="#${e(item.link.anchor)}">${e(item.link.text)}</a>` : '',
  ].join('');
  const parts = [
    lead ? `<p>${lead}</p>` : '',
    item.rule ? `<p class="regel"><span class="label">${e(item.rule.label)}:</span> <code>${e(item.rule.text)}</code></p>` : '',
    ...item.notes.map((n) => `<p class="notitie"><span class="label">${e(n.label)}:</span> ${e(n.text)}</p>`),
    item.bron ? `<blockquote class="bron">${e(item.bron)}</blockquote>` : '',
  ];
  return `<li>${parts.filter(Boolean).join('\n')}</li>`;
}

function sectionHtml(s: Section, depth: number): string {
  const h = `h${Math.min(depth, 6)}`;
  const out = [`<${h}>${e(s.title)}</${h}>`];
  for (const p of s.paragraphs) out.push(`<p>${e(p)}</p>`);
  if (s.table) {
    out.push(
      `<table><thead><tr>${s.table.head.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr></thead><tbody>`,
      ...s.table.rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`),
      '</tbody></table>',
    );
  }
  for (const q of s.quotes) out.push(`<blockquote class="bron">${e(q)}</blockquote>`);
  if (s.items.length > 0) out.push(`<ul class="items">\n${s.items.map(itemHtml).join('\n')}\n</ul>`);
  for (const sub of s.subsections) out.push(sectionHtml(sub, depth + 1));
  return out.join('\n');
}

function productHtml(p: ProductDoc): string {
  return [
    `<section class="product" id="${e(p.anchor)}">`,
    `<h3>${e(p.naam)}</h3>`,
    `<table class="gegevens"><tbody>`,
    ...p.details.map(([label, value]) => `<tr><th scope="row">${e(label)}</th><td>${e(value)}</td></tr>`),
    '</tbody></table>',
    ...p.sections.map((s) => sectionHtml(s, 4)),
    '<p class="terug"><a href="#inhoud">↑ naar de inhoud</a></p>',
    '</section>',
  ].join('\n');
}

function groupHtml(g: Group): string {
  return [
    `<section class="familie" id="${e(g.anchor)}">`,
    `<h2>${e(g.title)}</h2>`,
    ...(g.items.length > 0 ? [`<ul class="items">\n${g.items.map(itemHtml).join('\n')}\n</ul>`] : []),
    ...g.products.map(productHtml),
    '</section>',
  ].join('\n');
}

function tocHtml(doc: DocumentModel): string {
  const groups = doc.groups.map(
    (g) => `<li><a href="#${e(g.anchor)}">${e(g.title)}</a>\n<ol>\n${g.products.map((p) => `<li><a href="#${e(p.anchor)}">${e(p.naam)}</a></li>`).join('\n')}\n</ol></li>`,
  );
  if (doc.definitions.length > 0) groups.push('<li><a href="#begrippen">Begrippen</a></li>');
  return `<nav class="inhoud" id="inhoud" aria-labelledby="inhoud-titel">\n<h2 id="inhoud-titel">Inhoud</h2>\n<ol>\n${groups.join('\n')}\n</ol>\n</nav>`;
}

function definitionsHtml(doc: DocumentModel): string {
  if (doc.definitions.length === 0) return '';
  return [
    '<section class="begrippen" id="begrippen">',
    '<h2>Begrippen</h2>',
    '<dl class="begrippen">',
    ...doc.definitions.map((d) => `<dt id="${e(d.anchor)}"><code>${e(d.name)}</code></dt>\n<dd><p>${e(d.omschrijving)}</p><p class="regel"><span class="label">Regel:</span> <code>${e(d.rule)}</code></p></dd>`),
    '</dl>',
    '<p class="terug"><a href="#inhoud">↑ naar de inhoud</a></p>',
    '</section>',
  ].join('\n');
}

export function renderDocumentHtml(doc: DocumentModel): string {
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="wijzer document">
<title>${e(doc.title)} — ${e(doc.region)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="titelpagina">
<h1>${e(doc.title)}</h1>
<p class="regio">${e(doc.region)} · ${e(doc.organisatie)}</p>
<table class="gegevens"><tbody>
${doc.details.map(([label, value]) => `<tr><th scope="row">${e(label)}</th><td>${e(value)}</td></tr>`).join('\n')}
</tbody></table>
</header>
<main>
${tocHtml(doc)}
${doc.groups.map(groupHtml).join('\n')}
${definitionsHtml(doc)}
</main>
</body>
</html>
`;
}
