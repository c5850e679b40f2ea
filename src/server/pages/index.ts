/**
 * The pages: the consultant's page at `/` (consultant.ts) and the advisor's server-rendered
 * pages, one module per page: catalogue browser, findings, differences, impact.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { registerCataloguePages } from './catalogue.js';
import { registerConsultantPage } from './consultant.js';
import { registerDiffPages } from './diff.js';
import { registerFindingsPages } from './findings.js';
import { registerImpactPages } from './impact.js';

export async function registerPages(app: FastifyInstance, context: ServerContext): Promise<void> {
  await registerConsultantPage(app, context);
  await registerCataloguePages(app, context);
  await registerFindingsPages(app, context);
  await registerDiffPages(app, context);
  await registerImpactPages(app, context);
}
