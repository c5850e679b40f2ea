/**
 * Where every fact, label, definition and product occurs in the workspace: declarations in the
 * vocabulary, definitions and product files, uses in criteria (from the ASTs the loader built,
 * positioned by its own offset mappers), golden cases and example profiles. Definition,
 * references, rename and hover all read this one index.
 */
import { basename, join } from 'node:path';
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Span } from '../diagnostics/diagnostic.js';
import type { Expr, Value } from '../dsl/ast.js';
import { parseCriterion, type OffsetMapper } from '../dsl/parse.js';
import { clausesOf, type Catalogue } from '../catalogue/types.js';
import type { Scope } from '../check/typecheck.js';
import { isDirectory, yamlFilesIn } from '../util/files.js';
import { scalarOffsetMapper } from '../yaml/scalar-offsets.js';
import { nodeAt, parseYaml, spanAt, type YamlSource } from '../yaml/strict.js';
import type { Workspace } from './workspace.js';

export type SymbolRef =
  | { readonly kind: 'fact'; readonly name: string }
  | { readonly kind: 'label'; readonly fact: string; readonly label: string }
  | { readonly kind: 'definition'; readonly name: string }
  | { readonly kind: 'product'; readonly catalogue: string; readonly id: string };

export interface Occurrence {
  readonly symbol: SymbolRef;
  readonly file: string;
  /** 1-based, as in diagnostics. */
  readonly line: number;
  readonly col: number;
  readonly length: number;
  readonly declaration: boolean;
  /** Who uses it, for hover: "samen-doen/ib2-behoudgericht", "definitie volwassene". */
  readonly owner?: string;
}

export function symbolKey(symbol: SymbolRef): string {
  switch (symbol.kind) {
    case 'fact':
      return `feit:${symbol.name}`;
    case 'label':
      return `label:${symbol.fact}:${symbol.label}`;
    case 'definition':
      return `definitie:${symbol.name}`;
    case 'product':
      return `product:${symbol.catalogue}:${symbol.id}`;
  }
}

export class SymbolIndex {
  readonly occurrences: Occurrence[] = [];
  private readonly byKey = new Map<string, Occurrence[]>();
  private readonly byFile = new Map<string, Occurrence[]>();

  add(occurrence: Occurrence): void {
    this.occurrences.push(occurrence);
    const key = symbolKey(occurrence.symbol);
    this.byKey.set(key, [...(this.byKey.get(key) ?? []), occurrence]);
    this.byFile.set(occurrence.file, [...(this.byFile.get(occurrence.file) ?? []), occurrence]);
  }

  of(symbol: SymbolRef): Occurrence[] {
    return this.byKey.get(symbolKey(symbol)) ?? [];
  }

  /** The occurrence covering a 1-based line and column (the column may be just past its end). */
  at(file: string, line: number, col: number): Occurrence | undefined {
    return (this.byFile.get(file) ?? []).find((o) => o.line === line && col >= o.col && col <= o.col + o.length);
  }
}

/** Builds the index; `extras` adds golden cases and example profiles (needed by references and rename). */
export function buildIndex(workspace: Workspace, extras: boolean): SymbolIndex {
  const index = new SymbolIndex();
  const scope = workspace.scope.scope;
  if (!scope) return index;
  const builder = new Builder(workspace, scope, index);
  builder.vocabulary(join(workspace.rulesDir, 'feiten'));
  builder.definitions(join(workspace.rulesDir, 'definities'));
  for (const folder of workspace.catalogueFolders()) {
    const catalogue = workspace.catalogue(folder)?.catalogue;
    if (catalogue) builder.catalogue(catalogue);
    builder.analysis(folder);
  }
  if (extras) {
    if (isDirectory(workspace.goldenRoot)) {
      for (const name of workspace.catalogueFolders().map((f) => basename(f))) {
        for (const file of yamlFilesIn(join(workspace.goldenRoot, name))) builder.goldenCase(file, name);
      }
    }
    for (const file of yamlFilesIn(workspace.profilesRoot)) builder.profile(file);
  }
  return index;
}

class Builder {
  constructor(
    private readonly workspace: Workspace,
    private readonly scope: Scope,
    private readonly index: SymbolIndex,
  ) {}

  private readonly lines = new Map<string, string[] | undefined>();

  private lineOf(file: string, line: number): string | undefined {
    if (!this.lines.has(file)) this.lines.set(file, this.workspace.text(file)?.split('\n'));
    const lines = this.lines.get(file);
    return lines ? (lines[line - 1] ?? '') : undefined;
  }

  private parse(file: string): YamlSource | undefined {
    const text = this.workspace.text(file);
    if (text === undefined) return undefined;
    return parseYaml({ path: file, text }).source;
  }

  /** An occurrence of `name` at a span; a quoted scalar starts one column later. */
  private push(symbol: SymbolRef, span: Span, name: string, declaration: boolean, owner?: string): void {
    const line = this.lineOf(span.file, span.line);
    let col = span.col;
    if (line !== undefined) {
      if (line.slice(col - 1, col - 1 + name.length) !== name && (line[col - 1] === '"' || line[col - 1] === "'")) col++;
      if (line.slice(col - 1, col - 1 + name.length) !== name) return; // not written out as itself (escapes): left out
    }
    this.index.add({ symbol, file: span.file, line: span.line, col, length: name.length, declaration, ...(owner ? { owner } : {}) });
  }

  private nodeSpan(source: YamlSource, node: Node | undefined | null): Span | undefined {
    return node?.range ? spanAt(source, node.range[0]) : undefined;
  }

  vocabulary(folder: string): void {
    for (const file of yamlFilesIn(folder)) {
      const source = this.parse(file);
      const facts = source ? nodeAt(source, ['feiten']).node : undefined;
      if (!source || !isMap(facts)) continue;
      for (const item of facts.items as Pair[]) {
        if (!isScalar(item.key)) continue;
        const name = String(item.key.value);
        const key = this.nodeSpan(source, item.key as Node);
        if (key) this.push({ kind: 'fact', name }, key, name, true);
        if (!isMap(item.value)) continue;
        for (const field of item.value.items as Pair[]) {
          if (!isScalar(field.key)) continue;
          if (field.key.value === 'waarden' && isSeq(field.value)) {
            for (const label of field.value.items) {
              const span = isScalar(label) ? this.nodeSpan(source, label as Node) : undefined;
              if (span) this.push({ kind: 'label', fact: name, label: String((label as { value: unknown }).value) }, span, String((label as { value: unknown }).value), true);
            }
          }
          if (field.key.value === 'toelichting' && isMap(field.value)) {
            for (const entry of field.value.items as Pair[]) {
              const span = isScalar(entry.key) ? this.nodeSpan(source, entry.key as Node) : undefined;
              if (span) this.push({ kind: 'label', fact: name, label: String((entry.key as { value: unknown }).value) }, span, String((entry.key as { value: unknown }).value), false);
            }
          }
        }
      }
    }
  }

  definitions(folder: string): void {
    for (const file of yamlFilesIn(folder)) {
      const source = this.parse(file);
      const map = source ? nodeAt(source, ['definities']).node : undefined;
      if (!source || !isMap(map)) continue;
      for (const item of map.items as Pair[]) {
        if (!isScalar(item.key)) continue;
        const name = String(item.key.value);
        const key = this.nodeSpan(source, item.key as Node);
        if (key) this.push({ kind: 'definition', name }, key, name, true);
      }
    }
    for (const definition of this.scope.definitions.values()) {
      if (definition.ast) this.expr(definition.ast, definition.at, `definitie ${definition.name}`);
    }
  }

  catalogue(catalogue: Catalogue): void {
    const id = catalogue.id;
    const product = (target: string, span: Span, declaration: boolean, owner?: string): void => this.push({ kind: 'product', catalogue: id, id: target }, span, target, declaration, owner);
    for (const p of catalogue.products) {
      const owner = `${id}/${p.id}`;
      product(p.id, p.span, true);
      for (const { clause } of clausesOf(p)) if (clause.ast) this.expr(clause.ast, clause.at, owner);
      for (const limiet of p.limieten) if (limiet.alleenAls?.ast) this.expr(limiet.alleenAls.ast, limiet.alleenAls.at, owner);
      p.vervolg.forEach((step, i) => {
        if (step.product !== undefined) product(step.product, p.locate(['vervolg', i, 'product']), false, owner);
      });
      p.combinatie?.vereist_een_van.forEach((target, i) => product(target, p.locate(['combinatie', 'vereist_een_van', i]), false, owner));
      p.uitsluitingen.forEach((clause, i) => {
        if (clause.verwijzing?.kind === 'product') product(clause.verwijzing.product, p.locate(['indicatie', 'uitsluitingen', i, 'verwijzing', 'product']), false, owner);
      });
      p.aanbieder?.ookBieden.forEach((target, i) => product(target, p.locate(['aanbieder', 'ook_bieden', i]), false, owner));
    }
  }

  /** analyse.yaml: the criteria of families.*.toegang and samenhang[].als. */
  analysis(folder: string): void {
    const file = join(folder, 'analyse.yaml');
    const source = this.parse(file);
    if (!source) return;
    const owner = `${basename(folder)}/analyse.yaml`;
    const criterion = (node: unknown): void => {
      if (!isScalar(node) || typeof node.value !== 'string') return;
      const at = scalarOffsetMapper(source, node as Node);
      const parsed = parseCriterion(node.value, at);
      if (parsed.ast) this.expr(parsed.ast, at, owner);
    };
    const families = nodeAt(source, ['families']).node;
    if (isMap(families)) for (const item of families.items as Pair[]) if (isMap(item.value)) criterion(item.value.items.find((f) => isScalar(f.key) && f.key.value === 'toegang')?.value);
    const rules = nodeAt(source, ['samenhang']).node;
    if (isSeq(rules)) for (const item of rules.items) if (isMap(item)) criterion(item.items.find((f) => isScalar(f.key) && f.key.value === 'als')?.value);
  }

  /** A profile (a map of facts) at a node: keys are facts, label values are labels. */
  private profileMap(source: YamlSource, map: unknown, owner: string): void {
    if (!isMap(map)) return;
    const facts = this.scope.vocabulary.facts;
    for (const item of map.items as Pair[]) {
      if (!isScalar(item.key)) continue;
      const name = String(item.key.value);
      const fact = facts.get(name);
      if (!fact) continue;
      const key = this.nodeSpan(source, item.key as Node);
      if (key) this.push({ kind: 'fact', name }, key, name, false, owner);
      if (!('labels' in fact)) continue;
      const values = isSeq(item.value) ? item.value.items : [item.value];
      for (const value of values) {
        if (!isScalar(value) || typeof value.value !== 'string' || !fact.labels.includes(value.value)) continue;
        const span = this.nodeSpan(source, value as Node);
        if (span) this.push({ kind: 'label', fact: name, label: value.value }, span, value.value, false, owner);
      }
    }
  }

  goldenCase(file: string, catalogue: string): void {
    const source = this.parse(file);
    if (!source) return;
    const owner = `testcasus ${catalogue}/${basename(file)}`;
    this.profileMap(source, nodeAt(source, ['profiel']).node, owner);
    const products = nodeAt(source, ['verwacht', 'producten']);
    if (products.pair && isMap(products.node)) {
      for (const item of products.node.items as Pair[]) {
        const span = isScalar(item.key) ? this.nodeSpan(source, item.key as Node) : undefined;
        if (span) this.push({ kind: 'product', catalogue, id: String((item.key as { value: unknown }).value) }, span, String((item.key as { value: unknown }).value), false, owner);
      }
    }
  }

  profile(file: string): void {
    const source = this.parse(file);
    if (source) this.profileMap(source, source.doc.contents, `profiel ${basename(file)}`);
  }

  private expr(expr: Expr, at: OffsetMapper, owner: string): void {
    const facts = this.scope.vocabulary.facts;
    const fact = (name: string, start: number): void => this.push({ kind: 'fact', name }, at(start), name, false, owner);
    const label = (factName: string, value: Value): void => {
      if (value.kind === 'label') this.push({ kind: 'label', fact: factName, label: value.name }, at(value.range.start), value.name, false, owner);
    };
    switch (expr.kind) {
      case 'and':
      case 'or':
        for (const operand of expr.operands) this.expr(operand, at, owner);
        return;
      case 'not':
        this.expr(expr.operand, at, owner);
        return;
      case 'name':
        if (facts.has(expr.ref.name)) fact(expr.ref.name, expr.ref.range.start);
        else if (this.scope.definitions.has(expr.ref.name)) this.push({ kind: 'definition', name: expr.ref.name }, at(expr.ref.range.start), expr.ref.name, false, owner);
        return;
      case 'compare':
      case 'contains':
        fact(expr.fact.name, expr.fact.range.start);
        label(expr.fact.name, expr.value);
        return;
      case 'member':
        fact(expr.fact.name, expr.fact.range.start);
        for (const value of expr.values) label(expr.fact.name, value);
        return;
      case 'between':
        fact(expr.fact.name, expr.fact.range.start);
        label(expr.fact.name, expr.low);
        label(expr.fact.name, expr.high);
        return;
      case 'count':
        fact(expr.fact.name, expr.fact.range.start);
        return;
    }
  }
}
