/**
 * GET /api/diff?a=<id>&b=<id>: the `wijzer-diff/1` report of two served catalogues. Either side
 * may be `<id>@<git-ref>`: that version is read from git history into a temporary folder
 * (src/diff/versions.ts) and removed again; the work tree is never touched.
 */
import { dirname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { diag } from '../../diagnostics/codes.js';
import type { Catalogue } from '../../catalogue/types.js';
import { diffCatalogues } from '../../diff/diff.js';
import { loadVersions } from '../../diff/load-version.js';
import { diffJson } from '../../diff/render.js';
import { parseVersion } from '../../diff/versions.js';
import type { ServerContext } from '../context.js';
import { apiFout, sendFouten, type ApiFout } from './errors.js';
import { queryValue, unknownCatalogue } from './query.js';

const USAGE = 'GET /api/diff?a=<catalogus>[@<git-versie>]&b=<catalogus>[@<git-versie>]';

type Side = { label: string; catalogue: Catalogue };

/** A side as named in the query: a served catalogue as loaded, or a git version of it. */
function resolveSide(context: ServerContext, argument: string): { side?: Side; fouten: ApiFout[]; status: number } {
  const spec = parseVersion(argument);
  const served = context.catalogues.get(spec.path);
  if (!served) return { fouten: [unknownCatalogue(context, spec.path)], status: 404 };
  if (spec.ref === undefined) return { side: { label: argument, catalogue: served.catalogue }, fouten: [], status: 200 };
  // Named by its id (the folder's name) so a diagnostic shows the id, not the server's paths.
  const loaded = loadVersions([{ path: served.id, ref: spec.ref, label: argument }], dirname(served.folder), context.rulesDir);
  // The loaded Catalogue is plain data; its temporary folder is not needed after loading.
  loaded.release();
  const version = loaded.versions?.[0];
  if (!version) return { fouten: loaded.diagnostics.map((d) => apiFout(d)), status: 422 };
  return { side: { label: argument, catalogue: version.catalogue }, fouten: [], status: 200 };
}

export function registerDiffRoutes(api: FastifyInstance, context: ServerContext): void {
  api.get('/diff', async (request, reply) => {
    const a = queryValue(request.query, 'a');
    const b = queryValue(request.query, 'b');
    if (a === undefined || b === undefined) {
      return sendFouten(reply, 400, [apiFout(diag('WZ902', { what: a === undefined ? 'a' : 'b', usage: USAGE }))]);
    }
    const left = resolveSide(context, a);
    if (!left.side) return sendFouten(reply, left.status, left.fouten);
    const right = resolveSide(context, b);
    if (!right.side) return sendFouten(reply, right.status, right.fouten);
    return diffJson(diffCatalogues(left.side, right.side));
  });
}
