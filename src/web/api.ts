/**
 * Calls to the same origin's JSON API, nothing else: the profile is health data and only ever
 * travels to the server the page came from (relative URLs; the page's CSP allows nothing else).
 */
import type { CatalogusDetail, CatalogusKort, Evaluatie, Fout, Profile, Vocabulaire, Vraag } from './contract.js';

/** The API answered with coded diagnostics (422, 400, …) or could not be reached. */
export class ApiFout extends Error {
  constructor(readonly fouten: readonly Fout[]) {
    super(fouten.map((f) => f.message).join('; '));
  }
}

async function answer<T>(response: Response): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  let fouten: Fout[] = [{ code: String(response.status), severity: 'fout', message: `De server antwoordde met ${response.status}.` }];
  try {
    const body = (await response.json()) as { fouten?: Fout[] };
    if (Array.isArray(body.fouten) && body.fouten.length > 0) fouten = body.fouten;
  } catch {
    // Not JSON: keep the status line.
  }
  throw new ApiFout(fouten);
}

function catalogueQuery(catalogi: readonly string[], extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const id of catalogi) params.append('catalogus', id);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

function postProfile(path: string, profile: Profile, signal?: AbortSignal): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(profile),
    credentials: 'same-origin',
    cache: 'no-store',
    ...(signal ? { signal } : {}),
  });
}

export async function fetchCatalogi(): Promise<CatalogusKort[]> {
  return answer<CatalogusKort[]>(await fetch('/api/catalogi'));
}

export async function fetchVocabulaire(): Promise<Vocabulaire> {
  return answer<Vocabulaire>(await fetch('/api/vocabulaire'));
}

export async function evaluate(catalogi: readonly string[], profile: Profile, signal?: AbortSignal): Promise<Evaluatie[]> {
  const body = await answer<{ evaluaties: Evaluatie[] }>(await postProfile(`/api/evaluatie?${catalogueQuery(catalogi)}`, profile, signal));
  return body.evaluaties;
}

export async function questions(catalogi: readonly string[], profile: Profile, signal?: AbortSignal): Promise<Vraag[]> {
  const body = await answer<{ vragen: Vraag[] }>(await postProfile(`/api/vragen?${catalogueQuery(catalogi)}`, profile, signal));
  return body.vragen;
}

export async function markdown(catalogi: readonly string[], profile: Profile): Promise<string> {
  const response = await postProfile(`/api/evaluatie?${catalogueQuery(catalogi, { formaat: 'markdown' })}`, profile);
  if (!response.ok) return answer<string>(response);
  return response.text();
}

export async function fetchCatalogus(id: string): Promise<CatalogusDetail> {
  return answer<CatalogusDetail>(await fetch(`/api/catalogi/${encodeURIComponent(id)}`));
}
