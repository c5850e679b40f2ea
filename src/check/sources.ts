/**
 * Citation check: every quote stored in a catalogue must occur in its source document
 * (compared with HTML tags and bullets removed and whitespace normalised).
 */
import { lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { clausesOf, type Catalogue } from '../catalogue/types.js';
import { readTextFile } from '../util/files.js';

export function normaliseForQuotes(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/[•·\u00a0]/g, ' ')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Quote {
  readonly text: string;
  readonly span: Span;
}

export function quotesOf(catalogue: Catalogue): Quote[] {
  const quotes: Quote[] = [];
  for (const k of catalogue.region.keuzes) k.citaten.forEach((text) => quotes.push({ text, span: k.span }));
  for (const f of catalogue.region.families) {
    if (f.niveaukeuze) quotes.push({ text: f.niveaukeuze.bron, span: f.span });
    if (f.aanbiederBiedtAlleNiveaus) quotes.push({ text: f.aanbiederBiedtAlleNiveaus.bron, span: f.span });
  }
  for (const p of catalogue.products) {
    for (const c of clausesOf(p)) if (c.kind !== 'alternatief') quotes.push({ text: c.clause.bron, span: p.locate([...c.path, 'bron']) });
    p.limieten.forEach((l, i) => quotes.push({ text: l.bron, span: p.locate(['limieten', i, 'bron']) }));
    if (p.aanbieder) quotes.push({ text: p.aanbieder.bron, span: p.locate(['aanbieder', 'bron']) });
    p.vervolg.forEach((v, i) => quotes.push({ text: v.bron, span: p.locate(['vervolg', i, 'bron']) }));
    if (p.combinatie) quotes.push({ text: p.combinatie.bron, span: p.locate(['combinatie', 'bron']) });
    p.normen?.forEach((n, i) => quotes.push({ text: n.bron, span: p.locate(['normen', i, 'bron']) }));
    p.functiemix?.forEach((f, i) => {
      if (f.bron) quotes.push({ text: f.bron, span: p.locate(['functiemix', i, 'bron']) });
    });
    if (p.groep?.bron) quotes.push({ text: p.groep.bron, span: p.locate(['groep', 'bron']) });
    if (p.duur?.bron) quotes.push({ text: p.duur.bron, span: p.locate(['duur', 'bron']) });
    if (p.frequentie) quotes.push({ text: p.frequentie.bron, span: p.locate(['frequentie', 'bron']) });
    p.keuzes.forEach((k, i) => k.citaten.forEach((text, j) => quotes.push({ text, span: p.locate(['keuzes', i, 'citaten', j]) })));
  }
  return quotes;
}

/** Loads the source document of a catalogue from a folder, normalised; diagnostics if missing. */
export function loadSourceDocument(catalogue: Catalogue, folder: string): { text?: string; diagnostics: Diagnostic[] } {
  const read = readTextFile(join(folder, catalogue.region.bron.document));
  if (!read.file) {
    return { diagnostics: [diag('WZ805', { document: catalogue.region.bron.document, folder }, { file: catalogue.region.file, line: 1, col: 1 })] };
  }
  return { text: normaliseForQuotes(read.file.text), diagnostics: [] };
}

export function quoteFound(quote: string, normalisedDocument: string): boolean {
  return normalisedDocument.includes(normaliseForQuotes(quote));
}

export function checkQuotes(catalogue: Catalogue, folder: string): Diagnostic[] {
  const source = loadSourceDocument(catalogue, folder);
  if (source.text === undefined) return source.diagnostics;
  const document = source.text;
  return quotesOf(catalogue)
    .filter((q) => !quoteFound(q.text, document))
    .map((q) => diag('WZ804', { document: catalogue.region.bron.document, quote: q.text.length > 120 ? `${q.text.slice(0, 117)}...` : q.text }, q.span));
}

/**
 * The folder of source documents a user gave with --bronnen, checked once up front: a missing
 * folder, a file instead of a folder and a loop of symbolic links each get their own message,
 * rather than one "not found" per quote or a failure deep inside the check.
 */
export function sourcesFolderProblem(folder: string, shown: string): Diagnostic | undefined {
  try {
    if (statSync(folder).isDirectory()) return undefined;
    return diag('WZ920', { path: shown });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return diag('WZ921', { path: shown });
    if (code === 'ENOTDIR') return diag('WZ920', { path: shown });
    if (code === 'ENOENT') {
      // A dangling link exists but points nowhere: say so, it is not a typo in the name.
      const dangling = isSymlink(folder);
      return diag('WZ919', { path: shown, ...(dangling ? { detail: ' (een symbolische koppeling naar een map die niet bestaat)' } : {}) });
    }
    return diag('WZ919', { path: shown, detail: ` (${code ?? 'onleesbaar'})` });
  }
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Said once per run when quotes were not checked, so a clean result is not mistaken for a checked one. */
export function quotesSkipped(reason: string): Diagnostic {
  return diag('WZ922', { reason });
}
