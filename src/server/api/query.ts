/** Query parameters of the API: repeated keys arrive as arrays, and catalogue ids must be served. */
import { diag } from '../../diagnostics/codes.js';
import { suggest } from '../../util/suggest.js';
import type { ServedCatalogue, ServerContext } from '../context.js';
import { apiFout, type ApiFout } from './errors.js';

export type Query = Record<string, string | string[] | undefined>;

/** Every value of a query key, in order, without empty ones and duplicates. */
export function queryValues(query: unknown, key: string): string[] {
  const raw = (query as Query | undefined)?.[key];
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return [...new Set(values.filter((v) => typeof v === 'string' && v !== ''))];
}

/** The last value of a query key (a repeated single-valued key counts as its last occurrence). */
export function queryValue(query: unknown, key: string): string | undefined {
  return queryValues(query, key).at(-1);
}

export function unknownCatalogue(context: ServerContext, id: string): ApiFout {
  const known = [...context.catalogues.keys()];
  const suggestion = suggest(id, known);
  return apiFout(diag('WZ910', { id: id.slice(0, 200), known: known.join(', '), ...(suggestion ? { suggestion } : {}) }));
}

/** The catalogues named by `?catalogus=`, or all served catalogues when none is named. */
export function selectCatalogues(context: ServerContext, query: unknown): { catalogues?: ServedCatalogue[]; fouten: ApiFout[] } {
  const ids = queryValues(query, 'catalogus');
  if (ids.length === 0) return { catalogues: [...context.catalogues.values()], fouten: [] };
  const fouten = ids.filter((id) => !context.catalogues.has(id)).map((id) => unknownCatalogue(context, id));
  if (fouten.length > 0) return { fouten };
  return { catalogues: ids.map((id) => context.catalogues.get(id)!), fouten: [] };
}
