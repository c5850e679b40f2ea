/**
 * The Markdown our own report renderers write (src/diff/render.ts, src/diff/matrix.ts) as HTML:
 * headings, pipe tables, bullet lists, code fences, **bold**, `code` and <br> in table cells.
 * Not a general Markdown parser — just that subset. Everything is escaped first, then only
 * those constructs become markup, so a product name or quote can never inject HTML.
 */
import { esc } from './html.js';

function inline(text: string): string {
  return esc(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/&lt;br&gt;/g, '<br>');
}

/** Cells of a pipe-table row; `\|` is a literal bar inside a cell. */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

const isSeparator = (line: string) => /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);

/** @param headingOffset added to each heading level (a page has its own h1). */
export function markdownToHtml(markdown: string, headingOffset = 1): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      i++;
    } else if (line.startsWith('```')) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
      i++;
      out.push(`<pre>${esc(body.join('\n'))}</pre>`);
    } else if (heading) {
      const level = Math.min(6, heading[1]!.length + headingOffset);
      out.push(`<h${level}>${inline(heading[2]!)}</h${level}>`);
      i++;
    } else if (line.startsWith('|') && i + 1 < lines.length && isSeparator(lines[i + 1]!)) {
      const head = cells(line);
      const rows: string[][] = [];
      for (i += 2; i < lines.length && lines[i]!.startsWith('|'); i++) rows.push(cells(lines[i]!));
      out.push(
        `<table class="details"><thead><tr>${head.map((c) => `<th scope="col">${inline(c)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((r) => `<tr>${r.map((c, j) => (j === 0 ? `<th scope="row">${inline(c)}</th>` : `<td>${inline(c)}</td>`)).join('')}</tr>`)
          .join('')}</tbody></table>`,
      );
    } else if (/^[-*] /.test(line)) {
      const items: string[] = [];
      for (; i < lines.length && /^[-*] /.test(lines[i]!); i++) items.push(`<li>${inline(lines[i]!.slice(2))}</li>`);
      out.push(`<ul>${items.join('')}</ul>`);
    } else {
      // The first line always belongs to the paragraph (e.g. a lone '|' line), so the loop advances.
      const paragraph: string[] = [line];
      for (i++; i < lines.length && lines[i]!.trim() !== '' && !/^(#|\||```|[-*] )/.test(lines[i]!); i++) paragraph.push(lines[i]!);
      out.push(`<p>${inline(paragraph.join(' '))}</p>`);
    }
  }
  return out.join('\n');
}
