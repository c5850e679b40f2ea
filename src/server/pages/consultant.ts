/**
 * The consultant's page at `/`: the static web/index.html, with the nav links pointed at the
 * first served catalogue. The page itself talks only to this server's API; the Content Security
 * Policy makes that a property of the page (no other origin can be reached from it), because the
 * profile it holds is health data.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { fromRoot } from '../../util/files.js';
import type { ServerContext } from '../context.js';

/** Same origin only: scripts, styles, API calls; file downloads are blob: URLs made by the page. */
export const CONSULTANT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

function escapePath(id: string): string {
  return encodeURIComponent(id).replace(/'/g, '%27');
}

export async function registerConsultantPage(app: FastifyInstance, context: ServerContext): Promise<void> {
  const template = readFileSync(fromRoot('web', 'index.html'), 'utf8');
  const first = [...context.catalogues.keys()][0] ?? '';
  const html = template.replaceAll('%CATALOGUS%', escapePath(first));
  app.get('/', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', CONSULTANT_CSP)
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(html),
  );
}
