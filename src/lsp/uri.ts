/** file: URIs of the editor ↔ absolute paths of the pipeline. */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}
