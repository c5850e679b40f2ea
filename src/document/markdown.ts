/**
 * The document as Markdown with the same content as the HTML. Text from the catalogue is
 * escaped so it can neither start Markdown structure nor become HTML in a Markdown viewer;
 * anchors are explicit (<a id>) so the table of contents links whatever a product is called.
 */
import type { DocumentModel, Group, Item, ProductDoc, Section } from './model.js';

/** Inline text: characters with a Markdown or HTML meaning are backslash-escaped. */
export function escapeMarkdown(text: string): string {
  const escaped = text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|&#~]/g, (c) => `\\${c}`);
  // A line that starts like a list item or a numbered item would become one.
  return escaped.replace(/^([-+])(\s)/, '\\$1$2').replace(/^(\d+)([.)])/, '$1\\$2');
}

const m = escapeMarkdown;

/** A code span that holds any text (a backtick inside gets a longer fence). */
function code(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function itemMarkdown(item: Item): string[] {
  const lead = [item.label ? `**${m(item.label)}:** ` : '', item.text ? m(item.text) : '', item.link ? `${item.text ? ' ' : ''}[${m(item.link.text)}](#${item.link.anchor})` : ''].join('');
  const lines: string[] = [];
  if (lead) lines.push(lead);
  if (item.rule) lines.push(`*${m(item.rule.label)}:* ${code(item.rule.text)}`);
  for (const n of item.notes) lines.push(`*${m(n.label)}:* ${m(n.text)}`);
  // Hard line breaks (two spaces) keep the lines of one item apart; the quote is its own block.
  const out = lines.map((l, i) => `${i === 0 ? '- ' : '  '}${l}${i < lines.length - 1 ? '  ' : ''}`);
  if (out.length === 0) out.push('-');
  if (item.bron) out.push('', `  > **Bron:** ${m(item.bron)}`);
  out.push('');
  return out;
}

function sectionMarkdown(s: Section, depth: number): string[] {
  const out = [`${'#'.repeat(Math.min(depth, 6))} ${m(s.title)}`, ''];
  for (const p of s.paragraphs) out.push(m(p), '');
  if (s.table) {
    const cell = (c: string) => m(c);
    out.push(`| ${s.table.head.map(cell).join(' | ')} |`, `|${s.table.head.map(() => '---').join('|')}|`, ...s.table.rows.map((r) => `| ${r.map(cell).join(' | ')} |`), '');
  }
  for (const q of s.quotes) out.push(`> **Bron:** ${m(q)}`, '');
  for (const item of s.items) out.push(...itemMarkdown(item));
  for (const sub of s.subsections) out.push(...sectionMarkdown(sub, depth + 1));
  return out;
}

function detailsTable(rows: readonly (readonly [string, string])[]): string[] {
  return ['| | |', '|---|---|', ...rows.map(([label, value]) => `| **${m(label)}** | ${m(value)} |`), ''];
}

function productMarkdown(p: ProductDoc): string[] {
  return [`<a id="${p.anchor}"></a>`, '', `### ${m(p.naam)}`, '', ...detailsTable(p.details), ...p.sections.flatMap((s) => sectionMarkdown(s, 4)), '[↑ naar de inhoud](#inhoud)', ''];
}

function groupMarkdown(g: Group): string[] {
  return [`<a id="${g.anchor}"></a>`, '', `## ${m(g.title)}`, '', ...g.items.flatMap(itemMarkdown), ...g.products.flatMap(productMarkdown)];
}

export function renderDocumentMarkdown(doc: DocumentModel): string {
  const out = [`# ${m(doc.title)}`, '', `**${m(doc.region)}** · ${m(doc.organisatie)}`, '', ...detailsTable(doc.details), '<a id="inhoud"></a>', '', '## Inhoud', ''];
  doc.groups.forEach((g, i) => {
    out.push(`${i + 1}. [${m(g.title)}](#${g.anchor})`);
    g.products.forEach((p, j) => out.push(`   ${j + 1}. [${m(p.naam)}](#${p.anchor})`));
  });
  if (doc.definitions.length > 0) out.push(`${doc.groups.length + 1}. [Begrippen](#begrippen)`);
  out.push('');
  for (const g of doc.groups) out.push(...groupMarkdown(g));
  if (doc.definitions.length > 0) {
    out.push('<a id="begrippen"></a>', '', '## Begrippen', '');
    for (const d of doc.definitions) out.push(`<a id="${d.anchor}"></a>`, '', `**${code(d.name)}**: ${m(d.omschrijving)}  `, `*Regel:* ${code(d.rule)}`, '');
  }
  // One blank line at most between blocks, one newline at the end.
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
