/**
 * A catalogue version named in a query string: `<id>` (the served catalogue) or `<id>@<git-ref>`
 * (that catalogue's folder as it was in git, through src/diff/load-version.ts). Only served
 * catalogue ids are accepted, so a query can never name a file or folder of its own.
 */
import { basename, dirname } from 'node:path';
import type { Catalogue } from '../../catalogue/types.js';
import type { CompiledCatalogue } from '../../compile/rules.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { loadVersions, parseVersion } from '../../diff/load-version.js';
import type { ServedCatalogue, ServerContext } from '../context.js';

export interface PageVersion {
  readonly label: string;
  readonly served: ServedCatalogue;
  readonly catalogue: Catalogue;
  readonly compiled: CompiledCatalogue;
}

export type VersionResult =
  | { readonly version: PageVersion; readonly release: () => void }
  | { readonly unknown: string }
  | { readonly diagnostics: readonly Diagnostic[] };

export function splitVersion(text: string): { id: string; ref?: string } {
  const at = text.lastIndexOf('@');
  return at > 0 ? { id: text.slice(0, at), ref: text.slice(at + 1) } : { id: text };
}

export function loadPageVersion(text: string, context: ServerContext): VersionResult {
  const { id, ref } = splitVersion(text);
  const served = context.catalogues.get(id);
  if (!served) return { unknown: id };
  if (ref === undefined) return { version: { label: id, served, catalogue: served.catalogue, compiled: served.compiled }, release: () => undefined };
  // Resolved from the folder's parent with the folder's own name, so messages name the
  // catalogue (e.g. 'samen-doen'), not the server's absolute path.
  const loaded = loadVersions([parseVersion(`${basename(served.folder)}@${ref}`)], dirname(served.folder));
  const version = loaded.versions?.[0];
  if (!version) return { diagnostics: loaded.diagnostics };
  return { version: { label: `${id}@${ref}`, served, catalogue: version.catalogue, compiled: version.compiled }, release: loaded.release };
}
