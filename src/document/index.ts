/**
 * wijzer document: the product description document regenerated from a checked catalogue, as
 * printable HTML or Markdown. Pure: catalogue in, text out; the same input gives the same bytes.
 */
import type { Catalogue } from '../catalogue/types.js';
import type { Scope } from '../check/typecheck.js';
import { renderDocumentHtml } from './html.js';
import { renderDocumentMarkdown } from './markdown.js';
import { buildDocument } from './model.js';

export type DocumentFormat = 'html' | 'md';

export { buildDocument, type DocumentModel } from './model.js';
export { escapeHtml } from './html.js';
export { escapeMarkdown } from './markdown.js';

export function renderDocument(catalogue: Catalogue, format: DocumentFormat, scope?: Scope): string {
  const model = buildDocument(catalogue, scope);
  return format === 'md' ? renderDocumentMarkdown(model) : renderDocumentHtml(model);
}
