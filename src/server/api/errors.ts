/**
 * Errors of the JSON API: always `{ fouten: [{ code, severity, message, hint?, pad? }] }` with
 * the codes of src/diagnostics/codes.ts, so a system gets the same diagnostics as the CLI.
 * `pad` is a JSON pointer (RFC 6901) into the request body.
 */
import type { FastifyReply } from 'fastify';
import { diag } from '../../diagnostics/codes.js';
import type { Diagnostic, Span } from '../../diagnostics/diagnostic.js';
import type { PathSegment } from '../../yaml/strict.js';
import type { ProfileLocator } from '../../vocabulary/profile.js';

export interface ApiFout {
  readonly code: string;
  readonly severity: Diagnostic['severity'];
  readonly message: string;
  readonly hint?: string;
  readonly pad?: string;
}

export function jsonPointer(path: readonly PathSegment[]): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * A profile locator for a request body. checkProfileValue reports positions as spans (made for
 * files); each span it gets from here is remembered with the JSON pointer it stands for, so the
 * diagnostic's span turns back into `pad` without a second validator.
 */
export function bodyLocator(): { locate: ProfileLocator; pointerOf: (span: Span | undefined) => string | undefined } {
  const pointers = new WeakMap<Span, string>();
  // One line per distinct place: checkProfileValue drops a repeated code at the same position.
  const lines = new Map<string, number>();
  const locate: ProfileLocator = (path) => {
    const pointer = jsonPointer(path);
    if (!lines.has(pointer)) lines.set(pointer, lines.size + 1);
    const span: Span = { file: '<aanvraag>', line: lines.get(pointer)!, col: 1 };
    pointers.set(span, pointer);
    return span;
  };
  return { locate, pointerOf: (span) => (span ? pointers.get(span) : undefined) };
}

export function apiFout(d: Diagnostic, pad?: string): ApiFout {
  return { code: d.code, severity: d.severity, message: d.message, ...(d.hint ? { hint: d.hint } : {}), ...(pad !== undefined ? { pad } : {}) };
}

export function sendFouten(reply: FastifyReply, status: number, fouten: readonly ApiFout[]): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ fouten });
}

/** What fastify's own errors (body parsing, limits) and unexpected exceptions become. */
export function errorResponse(error: Error & { code?: string; statusCode?: number }, request: { headers: Record<string, unknown> }, bodyLimit: number): { status: number; fout: ApiFout } {
  const status = error.statusCode ?? 500;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, fout: apiFout(diag('WZ909', { max: bodyLimit })) };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const type = String(request.headers['content-type'] ?? '(geen)').slice(0, 80);
      return { status: 415, fout: apiFout(diag('WZ908', { type })) };
    }
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, fout: apiFout(diag('WZ907')) };
  }
  if (status >= 400 && status < 500) return { status, fout: apiFout(diag('WZ913', { status })) };
  return { status: 500, fout: apiFout(diag('WZ914')) };
}
