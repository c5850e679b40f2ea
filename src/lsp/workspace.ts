/**
 * The language server's model of one workspace: the rules folder and the catalogue folders, checked
 * by the same pipeline as `wijzer check` (src/pipeline.ts, uncached), with the editor's unsaved
 * texts given to the loader through the read overlay of src/util/files.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { prepareCatalogue, prepareScope, type Prepared } from '../pipeline.js';
import { isDirectory, readTextFile, setReadOverlay } from '../util/files.js';
import { PRODUCTS_FOLDER, REGION_FILE } from '../catalogue/load.js';
import { checkQuotes } from '../check/sources.js';

export type FileKind = 'feiten' | 'definities' | 'product' | 'regio' | 'analyse' | 'testcasus' | 'profiel' | 'anders';

export interface WorkspaceOptions {
  /** The workspace folder (the repository root). */
  readonly root: string;
  /** The rules folder (default: <root>/rules). */
  readonly rulesDir?: string;
  /** The source documents, for the citation check (`wijzer check --bronnen`). */
  readonly sources?: string;
}

export type ScopeResult = ReturnType<typeof prepareScope>;

export class Workspace {
  readonly root: string;
  readonly rulesDir: string;
  readonly sources: string | undefined;
  private readonly open = new Map<string, string>();
  private scopeResult: ScopeResult | undefined;
  private readonly prepared = new Map<string, Prepared & { readonly own: Diagnostic[] }>();
  /** Bumped on every recheck: derived data (the symbol index) is rebuilt when it changed. */
  version = 0;

  constructor(options: WorkspaceOptions) {
    this.root = resolve(options.root);
    this.rulesDir = resolve(options.rulesDir ?? join(this.root, 'rules'));
    this.sources = options.sources ? resolve(options.sources) : undefined;
    setReadOverlay((path) => this.open.get(path));
  }

  get catalogueRoot(): string {
    return join(this.root, 'catalogue');
  }

  get goldenRoot(): string {
    return join(this.root, 'test', 'golden');
  }

  get profilesRoot(): string {
    return join(this.root, 'profielen');
  }

  setText(path: string, text: string): void {
    this.open.set(resolve(path), text);
  }

  close(path: string): void {
    this.open.delete(resolve(path));
  }

  isOpen(path: string): boolean {
    return this.open.has(resolve(path));
  }

  openFiles(): string[] {
    return [...this.open.keys()];
  }

  /** The current text of a file: the editor's when it is open, else the disk's. */
  text(path: string): string | undefined {
    return this.open.get(resolve(path)) ?? readTextFile(path).file?.text;
  }

  kind(path: string): FileKind {
    const file = resolve(path);
    if (!/\.ya?ml$/i.test(file)) return 'anders';
    const folder = dirname(file);
    if (folder === join(this.rulesDir, 'feiten')) return 'feiten';
    if (folder === join(this.rulesDir, 'definities')) return 'definities';
    if (basename(folder) === PRODUCTS_FOLDER && existsSync(join(dirname(folder), REGION_FILE))) return 'product';
    if (basename(file) === REGION_FILE) return 'regio';
    if (basename(file) === 'analyse.yaml' && existsSync(join(folder, REGION_FILE))) return 'analyse';
    if (dirname(folder) === this.goldenRoot) return 'testcasus';
    if (folder === this.profilesRoot || file.startsWith(this.profilesRoot + sep)) return 'profiel';
    return 'anders';
  }

  /** The catalogue folder a file belongs to, if any. */
  catalogueOf(path: string): string | undefined {
    const file = resolve(path);
    switch (this.kind(file)) {
      case 'product':
        return dirname(dirname(file));
      case 'regio':
      case 'analyse':
        return dirname(file);
      case 'testcasus': {
        const folder = join(this.catalogueRoot, basename(dirname(file)));
        return existsSync(join(folder, REGION_FILE)) ? folder : undefined;
      }
      default:
        return undefined;
    }
  }

  /** Every catalogue folder of the workspace (catalogue/<regio>/ with a regio.yaml), plus those of open files. */
  catalogueFolders(): string[] {
    const found = new Set<string>();
    if (isDirectory(this.catalogueRoot)) {
      for (const name of readdirSync(this.catalogueRoot).sort()) {
        const folder = join(this.catalogueRoot, name);
        if (existsSync(join(folder, REGION_FILE))) found.add(folder);
      }
    }
    for (const file of this.open.keys()) {
      const kind = this.kind(file);
      if (kind === 'product' || kind === 'regio') found.add(this.catalogueOf(file)!);
    }
    return [...found];
  }

  get scope(): ScopeResult {
    if (!this.scopeResult) this.refreshScope();
    return this.scopeResult!;
  }

  refreshScope(): void {
    this.scopeResult = prepareScope(this.rulesDir, { cache: false });
    this.prepared.clear();
    this.version++;
  }

  /** Checks one catalogue as `wijzer check` does (with --bronnen when the workspace has sources). */
  refreshCatalogue(folder: string): void {
    const prepared = prepareCatalogue(folder, { ...this.scope, diagnostics: [] }, { cache: false });
    const own = [...prepared.diagnostics];
    if (this.sources && prepared.catalogue) own.push(...checkQuotes(prepared.catalogue, this.sources));
    this.prepared.set(folder, { ...prepared, own });
    this.version++;
  }

  catalogue(folder: string): Prepared | undefined {
    if (!this.prepared.has(folder)) this.refreshCatalogue(folder);
    return this.prepared.get(folder);
  }

  /** Every catalogue checked so far (call catalogue() first for the ones you need). */
  checkedCatalogues(): string[] {
    return [...this.prepared.keys()];
  }

  /** Diagnostics by absolute file: those of the rules and of every checked catalogue. */
  diagnosticsByFile(): Map<string, Diagnostic[]> {
    const out = new Map<string, Diagnostic[]>();
    const add = (d: Diagnostic): void => {
      // a diagnostic about a folder (no products, no regio.yaml) has no document to show it in
      if (!d.span || !/\.ya?ml$/i.test(d.span.file)) return;
      const file = resolve(d.span.file);
      const list = out.get(file) ?? [];
      list.push(d);
      out.set(file, list);
    };
    for (const d of this.scope.diagnostics) add(d);
    for (const prepared of this.prepared.values()) for (const d of prepared.own) add(d);
    return out;
  }
}
