/**
 * The HTTP server of `wijzer serve`: the JSON API (api.ts), the advisor's pages (pages/) and the
 * consultant's page (static files in web/ and the browser modules compiled from src/web/).
 * Fastify's logger stays off: a request body may hold a client profile (health data), and
 * nothing about it is stored or logged.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { fromRoot } from '../util/files.js';
import { registerApi } from './api.js';
import { apiFout, sendFouten } from './api/errors.js';
import { diag } from '../diagnostics/codes.js';
import { registerPages } from './pages/index.js';
import type { ServerContext } from './context.js';

/** Request bodies above this are refused with 413 (a profile is a few KB). */
export const BODY_LIMIT = 256 * 1024;

/** Where the browser modules are: dist/ after the build, or compiled next to the sources in dev. */
function browserModules(): string {
  const built = fromRoot('dist', 'src', 'web');
  return existsSync(built) ? built : join(fromRoot(), 'src', 'web');
}

export async function buildApp(context: ServerContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    // A URL that cannot even be decoded fails before any route: answer with a coded error too.
    frameworkErrors: (_error, _request, reply) => {
      void sendFouten(reply as unknown as FastifyReply, 400, [apiFout(diag('WZ913', { status: 400 }))]);
    },
  });
  await app.register(fastifyStatic, { root: fromRoot('web'), prefix: '/static/', decorateReply: false, index: false });
  await app.register(fastifyStatic, { root: browserModules(), prefix: '/js/', decorateReply: false, index: false });
  await registerApi(app, context);
  await registerPages(app, context);
  return app;
}
