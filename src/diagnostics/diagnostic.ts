/** Diagnostics are data: every stage returns them instead of throwing. */

export type Severity = 'fout' | 'waarschuwing' | 'info';

/** A location in a user's file. Lines and columns are 1-based. */
export interface Span {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly endLine?: number;
  readonly endCol?: number;
}

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly hint?: string;
  readonly span?: Span;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'fout');
}

/** A value together with the diagnostics produced while computing it. */
export interface Result<T> {
  readonly value: T | undefined;
  readonly diagnostics: Diagnostic[];
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const fa = a.span?.file ?? '';
    const fb = b.span?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    const la = a.span?.line ?? 0;
    const lb = b.span?.line ?? 0;
    if (la !== lb) return la - lb;
    return (a.span?.col ?? 0) - (b.span?.col ?? 0);
  });
}
