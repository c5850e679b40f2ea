/**
 * The language features on top of the workspace model: diagnostics in LSP form, completion,
 * hover, definition, references, rename, code lenses and the "Evalueer dit profiel" command.
 * Everything is computed from the pipeline's own results (src/lsp/workspace.ts) and the symbol
 * index built from them (src/lsp/symbols.ts).
 */
import { basename, relative } from 'node:path';
import { isMap, isScalar } from 'yaml';
import {
  CompletionItemKind,
  DiagnosticSeverity,
  MarkupKind,
  type CodeLens,
  type CompletionItem,
  type Diagnostic as LspDiagnostic,
  type Hover,
  type Location,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { RESERVED_WORDS } from '../../grammar/tokens.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { renderDiagnostic } from '../diagnostics/render.js';
import { atDate, dated, peildatumOf, todayIso } from '../catalogue/validity.js';
import { Evaluator } from '../evaluate/evaluate.js';
import type { Evaluation } from '../evaluate/outcome.js';
import { plainStyle } from '../report/style.js';
import { renderComparisonText, renderText } from '../report/text.js';
import { parseProfile, validateProfile } from '../vocabulary/profile.js';
import { describeKind, type Fact, type Profile } from '../vocabulary/types.js';
import { parseYaml } from '../yaml/strict.js';
import { cursorContext, valueOf } from './context.js';
import { buildIndex, type Occurrence, type SymbolIndex, type SymbolRef } from './symbols.js';
import type { Workspace } from './workspace.js';
import { pathToUri } from './uri.js';

export const EVALUATE_COMMAND = 'wijzer.evalueerProfiel';

/** A documented choice: shown, but as a hint, as `wijzer check` hides it unless asked (--keuzes). */
const CHOICE = 'WZ310';

const IDENTIFIER = /^[a-zA-Z_\u00C0-\u024F][a-zA-Z0-9_\u00C0-\u024F]*$/;
const WORD = /[\p{L}\p{N}_-]/u;
const OPERATOR = /[<>=!≥≤≠]/;

/** The range of a diagnostic: from its position over the word (or operator) there, as `wijzer check` points at it. */
export function diagnosticRange(lines: readonly string[], span: NonNullable<Diagnostic['span']>): Range {
  const line = Math.max(0, span.line - 1);
  const text = lines[line] ?? '';
  const start = Math.min(Math.max(0, span.col - 1), text.length);
  if (span.endLine !== undefined && span.endCol !== undefined) return { start: { line, character: start }, end: { line: span.endLine - 1, character: span.endCol - 1 } };
  let end = start;
  const first = text[start];
  const pattern = first === undefined ? undefined : WORD.test(first) ? WORD : OPERATOR.test(first) ? OPERATOR : undefined;
  if (pattern) while (end < text.length && pattern.test(text[end]!)) end++;
  else if (first !== undefined && first !== '\r') end = start + 1;
  return { start: { line, character: start }, end: { line, character: end } };
}

export function toLspDiagnostic(d: Diagnostic, lines: readonly string[]): LspDiagnostic {
  const severity = d.code === CHOICE ? DiagnosticSeverity.Hint : d.severity === 'fout' ? DiagnosticSeverity.Error : d.severity === 'waarschuwing' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
  return {
    range: diagnosticRange(lines, d.span ?? { file: '', line: 1, col: 1 }),
    severity,
    code: d.code,
    source: 'wijzer',
    message: d.hint ? `${d.message}\nhulp: ${d.hint}` : d.message,
    ...(d.hint ? { data: { hint: d.hint } } : {}),
  };
}

export class Features {
  private core?: { version: number; index: SymbolIndex };
  private full?: { version: number; index: SymbolIndex };

  constructor(private readonly workspace: Workspace) {}

  /** The symbol index of the current state; `extras` adds golden cases and profiles. */
  index(extras: boolean): SymbolIndex {
    const workspace = this.workspace;
    if (extras) {
      if (this.full?.version !== workspace.version) {
        const index = buildIndex(workspace, true);
        // building may check catalogues (which bumps the version): the index is of the state after that
        this.full = { version: workspace.version, index };
      }
      return this.full.index;
    }
    if (this.full?.version === workspace.version) return this.full.index;
    if (this.core?.version !== workspace.version) {
      const index = buildIndex(workspace, false);
      this.core = { version: workspace.version, index };
    }
    return this.core.index;
  }

  private facts(): ReadonlyMap<string, Fact> {
    return this.workspace.scope.scope?.vocabulary.facts ?? new Map();
  }

  // --- completion ---------------------------------------------------------------------------

  completion(file: string, text: string, offset: number): CompletionItem[] {
    const context = cursorContext(text, offset);
    if (context.kind === 'product') return this.productItems(file);
    if (context.kind !== 'criterion') return [];
    const facts = this.facts();
    const valueFact = valueOf(context.before);
    if (valueFact !== undefined) {
      const fact = facts.get(valueFact);
      if (!fact) return [];
      if (fact.kind === 'ja-nee') return ['ja', 'nee'].map((label, i) => ({ label, kind: CompletionItemKind.Keyword, sortText: String(i) }));
      if (fact.kind === 'getal') return [];
      return fact.labels.map((label, i) => ({
        label,
        kind: CompletionItemKind.EnumMember,
        detail: `${i + 1}e waarde van ${fact.name} (${describeKind(fact)})`,
        ...(fact.toelichting?.[label] ? { documentation: fact.toelichting[label] } : {}),
        sortText: String(i).padStart(4, '0'),
      }));
    }
    const items: CompletionItem[] = [];
    for (const fact of facts.values()) {
      items.push({ label: fact.name, kind: CompletionItemKind.Field, detail: factDetail(fact), documentation: { kind: MarkupKind.Markdown, value: fact.omschrijving }, sortText: `1${fact.name}` });
    }
    for (const definition of this.workspace.scope.scope?.definitions.values() ?? []) {
      items.push({
        label: definition.name,
        kind: CompletionItemKind.Function,
        detail: `definitie: ${oneLine(definition.text)}`,
        documentation: { kind: MarkupKind.Markdown, value: definition.omschrijving },
        sortText: `2${definition.name}`,
      });
    }
    for (const word of RESERVED_WORDS) items.push({ label: word, kind: CompletionItemKind.Keyword, sortText: `3${word}` });
    return items;
  }

  private productItems(file: string): CompletionItem[] {
    const folder = this.workspace.catalogueOf(file);
    const catalogue = folder ? this.workspace.catalogue(folder)?.catalogue : undefined;
    return (catalogue?.products ?? []).map((p) => ({ label: p.id, kind: CompletionItemKind.Module, detail: p.naam, documentation: productCodes(p.productcodes) }));
  }

  // --- symbols ------------------------------------------------------------------------------

  /** The symbol at a position (0-based line and character), by the index or by the word there. */
  symbolAt(file: string, text: string, line: number, character: number): { symbol: SymbolRef; occurrence?: Occurrence; range: Range } | undefined {
    const kind = this.workspace.kind(file);
    const index = this.index(kind === 'testcasus' || kind === 'profiel');
    const occurrence = index.at(file, line + 1, character + 1);
    if (occurrence) return { symbol: occurrence.symbol, occurrence, range: occurrenceRange(occurrence) };
    const lineText = text.split('\n')[line] ?? '';
    let start = character;
    let end = character;
    while (start > 0 && WORD.test(lineText[start - 1]!)) start--;
    while (end < lineText.length && WORD.test(lineText[end]!)) end++;
    const word = lineText.slice(start, end);
    if (!word) return undefined;
    const range = { start: { line, character: start }, end: { line, character: end } };
    if (this.facts().has(word)) return { symbol: { kind: 'fact', name: word }, range };
    if (this.workspace.scope.scope?.definitions.has(word)) return { symbol: { kind: 'definition', name: word }, range };
    const own = this.workspace.catalogueOf(file);
    for (const folder of own ? [own, ...this.workspace.catalogueFolders()] : this.workspace.catalogueFolders()) {
      const catalogue = this.workspace.catalogue(folder)?.catalogue;
      if (catalogue?.products.some((p) => p.id === word)) return { symbol: { kind: 'product', catalogue: catalogue.id, id: word }, range };
    }
    return undefined;
  }

  hover(file: string, text: string, line: number, character: number): Hover | undefined {
    const found = this.symbolAt(file, text, line, character);
    if (!found) return undefined;
    const value = this.describe(found.symbol);
    return value ? { contents: { kind: MarkupKind.Markdown, value }, range: found.range } : undefined;
  }

  private describe(symbol: SymbolRef): string | undefined {
    switch (symbol.kind) {
      case 'fact': {
        const fact = this.facts().get(symbol.name);
        if (!fact) return undefined;
        const lines = [`**${fact.name}** — feit, ${describeKind(fact)}`, '', fact.omschrijving];
        if (fact.kind === 'getal') {
          const parts = [fact.eenheid ? `eenheid: ${fact.eenheid}` : '', fact.minimum !== undefined ? `minimum ${fact.minimum}` : '', fact.maximum !== undefined ? `maximum ${fact.maximum}` : ''].filter(Boolean);
          if (parts.length > 0) lines.push('', parts.join(', '));
        }
        if ('labels' in fact) {
          lines.push('', fact.kind === 'schaal' ? 'Waarden (van laag naar hoog):' : 'Waarden:');
          for (const label of fact.labels) lines.push(`- \`${label}\`${fact.toelichting?.[label] ? `: ${fact.toelichting[label]}` : ''}`);
        }
        lines.push('', usedIn(this.index(false).of(symbol)));
        return lines.join('\n');
      }
      case 'label': {
        const fact = this.facts().get(symbol.fact);
        if (!fact || !('labels' in fact)) return undefined;
        const position = fact.labels.indexOf(symbol.label);
        const lines = [`**${symbol.label}** — waarde van \`${fact.name}\` (${describeKind(fact)}${fact.kind === 'schaal' && position >= 0 ? `, ${position + 1} van ${fact.labels.length}` : ''})`];
        if (fact.toelichting?.[symbol.label]) lines.push('', fact.toelichting[symbol.label]!);
        if (fact.kind === 'schaal') lines.push('', `Schaal: ${fact.labels.join(' < ')}`);
        return lines.join('\n');
      }
      case 'definition': {
        const definition = this.workspace.scope.scope?.definitions.get(symbol.name);
        if (!definition) return undefined;
        return [`**${definition.name}** — definitie`, '', '```wijzer', oneLine(definition.text), '```', '', definition.omschrijving, '', usedIn(this.index(false).of(symbol))].join('\n');
      }
      case 'product': {
        const folder = this.workspace.catalogueFolders().find((f) => basename(f) === symbol.catalogue);
        const product = folder ? this.workspace.catalogue(folder)?.catalogue?.products.find((p) => p.id === symbol.id) : undefined;
        if (!product) return undefined;
        const family = product.familie ? `familie ${product.familie}${product.niveau !== undefined ? `, niveau ${product.niveau}` : ''}${product.variant ? `, ${product.variant}` : ''}` : 'geen familie';
        return [`**${product.naam}** (\`${product.id}\`, catalogus ${symbol.catalogue})`, '', `Productcodes: ${productCodes(product.productcodes)}`, '', `${family[0]!.toUpperCase()}${family.slice(1)}`].join('\n');
      }
    }
  }

  definition(file: string, text: string, line: number, character: number): Location[] {
    const found = this.symbolAt(file, text, line, character);
    if (!found) return [];
    return this.index(false).of(found.symbol).filter((o) => o.declaration).map(location);
  }

  references(file: string, text: string, line: number, character: number, includeDeclaration: boolean): Location[] {
    const found = this.symbolAt(file, text, line, character);
    if (!found) return [];
    return this.index(true).of(found.symbol).filter((o) => includeDeclaration || !o.declaration).map(location);
  }

  /** The range to rename, or a Dutch reason why this cannot be renamed. */
  prepareRename(file: string, text: string, line: number, character: number): Range | string {
    const found = this.symbolAt(file, text, line, character);
    if (!found) return 'Hier staat geen feit, waarde of definitie om te hernoemen.';
    if (found.symbol.kind === 'product') return 'Een product hernoemen kan niet vanuit de editor: wijzig het id en de verwijzingen (Zoek alle verwijzingen).';
    return found.range;
  }

  rename(file: string, text: string, line: number, character: number, newName: string): WorkspaceEdit | string {
    const found = this.symbolAt(file, text, line, character);
    if (!found || found.symbol.kind === 'product') return 'Alleen een feit, een waarde (label) of een definitie kan hernoemd worden.';
    if (!IDENTIFIER.test(newName)) return `'${newName}' is geen geldige naam: gebruik letters, cijfers en _, en begin met een letter.`;
    if (RESERVED_WORDS.includes(newName)) return `'${newName}' is een sleutelwoord van de criteriataal en kan geen naam zijn.`;
    const symbol = found.symbol;
    const facts = this.facts();
    const definitions = this.workspace.scope.scope?.definitions;
    if ((symbol.kind === 'fact' || symbol.kind === 'definition') && (facts.has(newName) || definitions?.has(newName))) return `Er bestaat al een feit of definitie '${newName}'.`;
    if (symbol.kind === 'label') {
      const fact = facts.get(symbol.fact);
      if (fact && 'labels' in fact && fact.labels.includes(newName)) return `'${symbol.fact}' heeft al een waarde '${newName}'.`;
    }
    const changes: Record<string, TextEdit[]> = {};
    const seen = new Set<string>();
    for (const occurrence of this.index(true).of(symbol)) {
      const key = `${occurrence.file}:${occurrence.line}:${occurrence.col}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const uri = pathToUri(occurrence.file);
      (changes[uri] ??= []).push({ range: occurrenceRange(occurrence), newText: newName });
    }
    return { changes };
  }

  // --- profiles -----------------------------------------------------------------------------

  codeLenses(file: string, text: string): CodeLens[] {
    const kind = this.workspace.kind(file);
    if (kind !== 'testcasus' && kind !== 'profiel') return [];
    const parsed = parseYaml({ path: file, text });
    const contents = parsed.source?.doc.contents;
    if (!isMap(contents)) return [];
    const keys = contents.items.flatMap((item) => (isScalar(item.key) ? [String(item.key.value)] : []));
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const uri = pathToUri(file);
    if (kind === 'testcasus') {
      const folder = this.workspace.catalogueOf(file);
      if (!keys.includes('profiel') || !folder) return [];
      return [{ range, command: { title: 'Evalueer dit profiel', command: EVALUATE_COMMAND, arguments: [uri, folder] } }];
    }
    const facts = this.facts();
    if (!keys.some((key) => facts.has(key))) return [];
    return this.workspace.catalogueFolders().map((folder) => ({ range, command: { title: `Evalueer dit profiel: ${basename(folder)}`, command: EVALUATE_COMMAND, arguments: [uri, folder] } }));
  }

  /** The text `wijzer evaluate <profiel> --catalogue <map>...` prints, or the diagnostics that stop it. */
  evaluate(file: string, folders: readonly string[]): string {
    const text = this.workspace.text(file);
    const name = relative(this.workspace.root, file) || file;
    if (text === undefined) return `Bestand ${name} kan niet gelezen worden.`;
    const scope = this.workspace.scope;
    if (!scope.scope) return problems('De regels (rules/) bevatten fouten', scope.diagnostics);
    const vocabulary = scope.scope.vocabulary;
    let profile: { profile?: Profile; diagnostics: Diagnostic[] };
    if (this.workspace.kind(file) === 'testcasus') {
      const parsed = parseYaml({ path: file, text });
      const value = parsed.value as { profiel?: unknown } | undefined;
      profile = parsed.source && value ? validateProfile(value.profiel ?? {}, parsed.source, vocabulary, ['profiel']) : { diagnostics: parsed.diagnostics };
    } else profile = parseProfile({ path: file, text }, vocabulary);
    if (!profile.profile) return problems(`Profiel ${name} is niet geldig`, profile.diagnostics);
    const targets = folders.length > 0 ? folders : this.workspace.catalogueFolders();
    const evaluations: Evaluation[] = [];
    for (const folder of targets) {
      const prepared = this.workspace.catalogue(folder);
      if (!prepared?.compiled) return problems(`Catalogus ${basename(folder)} bevat fouten`, prepared?.diagnostics.filter((d) => d.severity === 'fout') ?? []);
      // What applies today (or on WIJZER_PEILDATUM), as `wijzer evaluate` does by default.
      const projected = atDate(prepared.compiled, peildatumOf(undefined, process.env).date ?? todayIso());
      evaluations.push(dated(new Evaluator(projected).evaluateSync(profile.profile), projected));
    }
    const summary = evaluations.length > 1 ? [renderComparisonText(evaluations, plainStyle, name)] : [];
    return `${[...summary, ...evaluations.map((e) => renderText(e, vocabulary, plainStyle, name))].join('\n\n')}\n`;
  }
}

function problems(title: string, diagnostics: readonly Diagnostic[]): string {
  return `${title}:\n\n${diagnostics.map((d) => renderDiagnostic(d, plainStyle)).join('\n')}\n`;
}

function occurrenceRange(o: Occurrence): Range {
  return { start: { line: o.line - 1, character: o.col - 1 }, end: { line: o.line - 1, character: o.col - 1 + o.length } };
}

function location(o: Occurrence): Location {
  return { uri: pathToUri(o.file), range: occurrenceRange(o) };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function factDetail(fact: Fact): string {
  if (fact.kind === 'schaal') return `${describeKind(fact)}: ${fact.labels.join(' < ')}`;
  if (fact.kind === 'keuze' || fact.kind === 'lijst') return `${describeKind(fact)}: ${fact.labels.join(', ')}`;
  if (fact.kind === 'getal') return `${describeKind(fact)}${fact.eenheid ? ` (${fact.eenheid})` : ''}`;
  return describeKind(fact);
}

function productCodes(codes: Readonly<Partial<Record<string, readonly string[]>>>): string {
  const parts = Object.entries(codes).map(([domain, list]) => `${domain === 'wmo' ? 'Wmo' : 'Jeugd'} ${(list ?? []).join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : 'geen';
}

/** "Gebruikt in: samen-doen/ib1-…, definitie volwassene (en 3 meer)". */
function usedIn(occurrences: readonly Occurrence[]): string {
  const owners = [...new Set(occurrences.filter((o) => !o.declaration && o.owner).map((o) => o.owner!))];
  if (owners.length === 0) return 'Nergens gebruikt in criteria.';
  const shown = owners.slice(0, 12);
  return `Gebruikt in: ${shown.join(', ')}${owners.length > shown.length ? ` (en ${owners.length - shown.length} meer)` : ''}`;
}

