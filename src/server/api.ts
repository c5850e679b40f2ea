/**
 * The JSON API of `wijzer serve`, documented in docs/openapi.json (served at /api/openapi.json).
 * Handlers stay thin: query/body validation → the pipeline (through each catalogue's serial
 * queue) → the existing JSON renderers. Every error is `{ fouten: [...] }` with a diagnostic
 * code; bad input never gets a 500. Nothing is written, stored or logged.
 *
 * The routes live in their own encapsulated fastify context under /api, so the error and
 * not-found handlers here answer in JSON without touching the HTML pages.
 */
import { readFileSync } from 'node:fs';
import type { FastifyError, FastifyInstance } from 'fastify';
import { diag } from '../diagnostics/codes.js';
import { fromRoot } from '../util/files.js';
import { registerCatalogueRoutes } from './api/catalogues.js';
import { registerDiffRoutes } from './api/diff.js';
import { apiFout, errorResponse, sendFouten } from './api/errors.js';
import { registerEvaluateRoutes } from './api/evaluate.js';
import type { ServerContext } from './context.js';

export const OPENAPI_FILE = fromRoot('docs', 'openapi.json');

export async function registerApi(app: FastifyInstance, context: ServerContext): Promise<void> {
  const openapi = readFileSync(OPENAPI_FILE, 'utf8');
  await app.register(
    async (api) => {
      // Only JSON bodies: a text/plain body would otherwise reach the handlers as a string.
      api.removeContentTypeParser('text/plain');
      api.setErrorHandler((error: FastifyError, request, reply) => {
        const { status, fout } = errorResponse(error, request, api.initialConfig.bodyLimit ?? 0);
        return sendFouten(reply, status, [fout]);
      });
      api.setNotFoundHandler((request, reply) => sendFouten(reply, 404, [apiFout(diag('WZ912', { method: request.method, url: request.url.split('?')[0]!.slice(0, 200) }))]));

      api.get('/openapi.json', async (_request, reply) => reply.type('application/json; charset=utf-8').send(openapi));
      registerCatalogueRoutes(api, context);
      registerEvaluateRoutes(api, context);
      registerDiffRoutes(api, context);
    },
    { prefix: '/api' },
  );
}
