/** The JSON API (see docs/openapi.json). Filled in by the API work. */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from './context.js';

export async function registerApi(app: FastifyInstance, context: ServerContext): Promise<void> {
  app.get('/api/catalogi', async () => [...context.catalogues.values()].map((c) => ({ id: c.id, naam: c.catalogue.region.naam })));
}
