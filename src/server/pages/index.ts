/** The advisor's pages (server-rendered HTML) and the consultant's page. Filled in by the pages work. */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

export async function registerPages(app: FastifyInstance, context: ServerContext): Promise<void> {
  app.get('/catalogus/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const served = context.catalogues.get(id);
    if (!served) return reply.code(404).type('text/html; charset=utf-8').send('<!doctype html><title>Niet gevonden</title><p>Onbekende catalogus.</p>');
    return reply.type('text/html; charset=utf-8').send(`<!doctype html><title>${served.catalogue.region.naam}</title>`);
  });
}
