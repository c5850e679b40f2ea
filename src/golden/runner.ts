/**
 * Replays golden cases (test/golden/<catalogus>/*.yaml) through json-rules-engine. Shared by
 * vitest (test/golden.test.ts) and `wijzer test`, so both judge a case the same way.
 */
import { basename, join } from 'node:path';
import { readdirSync } from 'node:fs';
import { diag } from '../diagnostics/codes.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FamilyOutcome, LimitOutcome, ProductOutcome, Status } from '../evaluate/outcome.js';
import { checkOfferEntries, type OfferCheck } from '../provider/offer.js';
import { Evaluator } from '../evaluate/evaluate.js';
import type { EngineKind } from '../engine/choice.js';
import { prepareCatalogue, prepareScope } from '../pipeline.js';
import { isDirectory, yamlFilesIn } from '../util/files.js';
import { suggest } from '../util/suggest.js';
import { loadYamlFile } from '../yaml/load.js';
import { spanOfPath } from '../yaml/strict.js';
import { validateProfile } from '../vocabulary/profile.js';
import { loadSourceDocument, quoteFound } from '../check/sources.js';
import { bestemmingKey, clausesOf, type Catalogue } from '../catalogue/types.js';
import type { Profile } from '../vocabulary/types.js';
import type { CompiledCatalogue } from '../compile/rules.js';
import { atDate, isIsoDate, todayIso } from '../catalogue/validity.js';

const NOT_VALID = 'niet geldig op peildatum';

/** A product's status on the case's peildatum, or that the product does not apply then. */
type Expected = Status | typeof NOT_VALID;
type ProductExpectation = Expected | { status: Expected; clausule?: string; ontbreekt?: string[]; code?: string; limieten?: Record<string, LimitOutcome['verdict']> };
/** A family: the lightest fitting product(s), none (null), the levels the toegang chooses from, or the closest level. */
type FamilyExpectation = string | string[] | null | { keuze: string[] } | { dichtstbij: string };

interface RawCase {
  naam: string;
  bron: string;
  toelichting?: string;
  /** The date the case is judged on (JJJJ-MM-DD); without: the run's peildatum. */
  peildatum?: string;
  /** A case is either a client profile or a provider's offer (product ids or codes). */
  profiel?: Record<string, unknown>;
  aanbod?: string[];
  verwacht: {
    producten?: Record<string, ProductExpectation>;
    families?: Record<string, FamilyExpectation>;
    /** Destinations (product id or provision outside the catalogue) the result must refer to. */
    verwijzingen?: string[];
    /** Offer cases: does the offer meet the obligations, and which products does it miss. */
    aanbod?: { voldoet: boolean; ontbreekt?: string[] };
  };
}

export interface CaseResult {
  readonly file: string;
  readonly catalogue: string;
  readonly name: string;
  readonly source: string;
  readonly checks: number;
  readonly failures: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

export function caseFolders(root: string): string[] {
  if (!isDirectory(root)) return [];
  return readdirSync(root).sort().map((name) => join(root, name)).filter(isDirectory);
}

interface CatalogueContext {
  readonly catalogue?: Catalogue;
  /** The catalogue projected onto a date, one evaluator per date (cases share them). */
  readonly evaluatorOn?: (date: string) => Evaluator;
  readonly document?: string;
  readonly diagnostics: Diagnostic[];
}

/**
 * Runs every case under root/<catalogue>/; catalogues are looked up under catalogueRoot. With
 * `only`, just the cases of those catalogues (`wijzer test --catalogue catalogue/samen-doen`).
 */
export async function runGoldenCases(options: {
  root: string;
  catalogueRoot: string;
  sourcesFolder?: string;
  rulesDir?: string;
  only?: readonly string[];
  engine?: EngineKind;
  /** The date of cases without their own peildatum (default: today). */
  peildatum?: string;
}): Promise<CaseResult[]> {
  const peildatum = options.peildatum ?? todayIso();
  const scope = prepareScope(options.rulesDir);
  const results: CaseResult[] = [];
  for (const folder of caseFolders(options.root)) {
    const catalogueId = basename(folder);
    if (options.only && !options.only.includes(catalogueId)) continue;
    const context = loadContext(join(options.catalogueRoot, catalogueId), scope, options.sourcesFolder, options.engine);
    for (const file of yamlFilesIn(folder)) results.push(await runCase(file, catalogueId, context, scope.scope?.vocabulary, peildatum));
  }
  return results;
}

function loadContext(folder: string, scope: ReturnType<typeof prepareScope>, sourcesFolder?: string, engine?: EngineKind): CatalogueContext {
  if (!isDirectory(folder)) return { diagnostics: [] };
  const prepared = prepareCatalogue(folder, scope);
  if (!prepared.compiled || !prepared.catalogue) return { diagnostics: prepared.diagnostics.filter((d) => d.severity === 'fout') };
  const document = sourcesFolder ? loadSourceDocument(prepared.catalogue, sourcesFolder).text : undefined;
  const compiled: CompiledCatalogue = prepared.compiled;
  const evaluators = new Map<string, Evaluator>();
  const evaluatorOn = (date: string): Evaluator => {
    let evaluator = evaluators.get(date);
    if (!evaluator) {
      evaluator = new Evaluator(atDate(compiled, date), engine ? { engine } : {});
      evaluators.set(date, evaluator);
    }
    return evaluator;
  };
  return { catalogue: prepared.catalogue, evaluatorOn, ...(document ? { document } : {}), diagnostics: [] };
}

async function runCase(file: string, catalogueId: string, context: CatalogueContext, vocabulary: Parameters<typeof validateProfile>[2] | undefined, peildatum: string): Promise<CaseResult> {
  const base = { file, catalogue: catalogueId, name: basename(file), source: '', checks: 0, failures: [] as string[] };
  const loaded = loadYamlFile<RawCase>(file, 'golden.schema.json');
  if (!loaded.source || !loaded.value) return { ...base, diagnostics: loaded.diagnostics };
  const source = loaded.source;
  const raw = loaded.value;
  const named = { ...base, name: raw.naam, source: raw.bron };
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const products = raw.verwacht.producten ?? {};
  const families = raw.verwacht.families ?? {};
  const referrals = raw.verwacht.verwijzingen ?? [];
  const checks = Object.keys(products).length + Object.keys(families).length + referrals.length + (raw.verwacht.aanbod ? 1 : 0);
  if (checks === 0) diagnostics.push(diag('WZ801', {}, spanOfPath(source, ['verwacht'], 'key')));
  if ((raw.profiel === undefined) === (raw.aanbod === undefined)) return { ...named, checks, diagnostics: [...diagnostics, diag('WZ807', {}, spanOfPath(source, ['naam'], 'key'))] };
  if (raw.peildatum !== undefined && !isIsoDate(raw.peildatum)) diagnostics.push(diag('WZ340', { value: raw.peildatum, field: 'peildatum' }, spanOfPath(source, ['peildatum'])));
  if (!context.catalogue || !context.evaluatorOn) {
    diagnostics.push(...context.diagnostics);
    if (context.diagnostics.length === 0) diagnostics.push(diag('WZ803', { name: catalogueId }, { file, line: 1, col: 1 }));
    return { ...named, checks, diagnostics };
  }
  if (!vocabulary) return { ...named, checks, diagnostics };
  if (context.document !== undefined && !quoteFound(raw.bron, context.document)) {
    diagnostics.push(diag('WZ804', { document: context.catalogue.region.bron.document, quote: raw.bron }, spanOfPath(source, ['bron'])));
  }
  const productIds = context.catalogue.products.map((p) => p.id);
  const familyIds = [...new Set(context.catalogue.products.flatMap((p) => (p.familie ? [p.familie] : [])))];
  for (const id of Object.keys(products)) {
    const product = context.catalogue.products.find((p) => p.id === id);
    if (!product) {
      const suggestion = suggest(id, productIds);
      diagnostics.push(diag('WZ802', { id, ...(suggestion ? { suggestion } : {}) }, spanOfPath(source, ['verwacht', 'producten', id], 'key')));
      continue;
    }
    const expectation = products[id]!;
    const clause = typeof expectation === 'object' ? expectation.clausule : undefined;
    const known = [...clausesOf(product).filter((c) => c.kind !== 'alternatief').map((c) => c.clause.id), ...product.limieten.map((l) => l.id)];
    if (clause !== undefined && !known.includes(clause)) {
      diagnostics.push(diag('WZ806', { clause, id, known: known.join(', ') }, spanOfPath(source, ['verwacht', 'producten', id, 'clausule'])));
    }
  }
  for (const id of Object.keys(families)) {
    if (!familyIds.includes(id)) {
      const suggestion = suggest(id, familyIds);
      diagnostics.push(diag('WZ802', { id, ...(suggestion ? { suggestion } : {}) }, spanOfPath(source, ['verwacht', 'families', id], 'key')));
    }
  }
  if (raw.aanbod !== undefined) {
    const offer = checkOfferEntries(context.catalogue, raw.aanbod, (i) => spanOfPath(source, ['aanbod', i]));
    diagnostics.push(...offer.diagnostics.filter((d) => d.code === 'WZ332'));
    if (hasErrors(diagnostics)) return { ...named, checks, diagnostics };
    return { ...named, checks, failures: compareOffer(offer, raw.verwacht.aanbod), diagnostics };
  }
  const profile = validateProfile(raw.profiel ?? {}, source, vocabulary, ['profiel']);
  diagnostics.push(...profile.diagnostics);
  if (hasErrors(diagnostics) || !profile.profile) return { ...named, checks, diagnostics };
  const failures = await compare(context.evaluatorOn(raw.peildatum ?? peildatum), profile.profile, products, families, referrals);
  return { ...named, checks, failures, diagnostics };
}

function compareOffer(offer: OfferCheck, expected: NonNullable<RawCase['verwacht']['aanbod']> | undefined): string[] {
  if (!expected) return ['een aanbod-casus verwacht onder verwacht.aanbod: { voldoet, ontbreekt }'];
  const failures: string[] = [];
  const voldoet = offer.violations.length === 0;
  if (voldoet !== expected.voldoet) failures.push(`aanbod: verwacht ${expected.voldoet ? 'voldoet' : 'voldoet niet'}, kreeg ${voldoet ? 'voldoet' : 'voldoet niet'}`);
  const missing = [...new Set(offer.violations.flatMap((v) => v.missing.map((p) => p.id)))].sort();
  const want = [...(expected.ontbreekt ?? [])].sort();
  if (expected.ontbreekt && missing.join(',') !== want.join(',')) failures.push(`aanbod: verwacht ontbrekend ${want.join(', ') || 'niets'}, kreeg ${missing.join(', ') || 'niets'}`);
  return failures;
}

function codeOf(outcome: ProductOutcome): string {
  switch (outcome.code.kind) {
    case 'enig':
    case 'gekozen':
      return outcome.code.codes.join(',');
    case 'onbepaald':
      return 'onbepaald';
    case 'geen':
      return 'geen';
  }
}

function compareFamily(id: string, expected: FamilyExpectation, family: FamilyOutcome | undefined): string | undefined {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if ('keuze' in expected) {
      const got = family?.status === 'keuze-toegang' ? family.keuze!.niveaus.map((p) => p.product.id).sort() : [];
      const want = [...expected.keuze].sort();
      return got.join(',') === want.join(',') ? undefined : `familie ${id}: verwacht keuze door de toegang uit ${want.join(', ')}, kreeg ${family?.status ?? 'geen familie'}${got.length ? ` (${got.join(', ')})` : ''}`;
    }
    const closest = family?.status === 'geen' ? family.dichtstbij[0]?.product.product.id : undefined;
    return closest === expected.dichtstbij ? undefined : `familie ${id}: verwacht dichtstbij ${expected.dichtstbij}, kreeg ${closest ?? family?.status ?? 'geen familie'}`;
  }
  const got = family && family.status === 'bepaald' ? family.lichtstPassend.map((p) => p.product.id).sort() : [];
  const want = expected === null ? [] : (Array.isArray(expected) ? [...expected] : [expected]).sort();
  const undecided = family?.status === 'onbekend' || family?.status === 'keuze-toegang';
  if (!undecided && got.join(',') === want.join(',')) return undefined;
  const shown = family?.status === 'onbekend' ? 'nog niet te bepalen' : family?.status === 'keuze-toegang' ? 'keuze door de toegang' : got.join(' + ') || 'geen passend product';
  return `familie ${id}: verwacht ${want.join(' + ') || 'geen passend product'}, kreeg ${shown}`;
}

async function compare(
  evaluator: Evaluator,
  profile: Profile,
  products: Record<string, ProductExpectation>,
  families: Record<string, FamilyExpectation>,
  referrals: readonly string[],
): Promise<string[]> {
  const evaluation = await evaluator.evaluate(profile);
  const failures: string[] = [];
  for (const [id, expectation] of Object.entries(products)) {
    const found = evaluation.products.find((p) => p.product.id === id);
    const expected = typeof expectation === 'string' ? { status: expectation } : expectation;
    // A product the projection left out does not apply on the case's peildatum.
    if (!found || expected.status === NOT_VALID) {
      const got = found ? found.status : NOT_VALID;
      if (got !== expected.status) failures.push(`${id}: verwacht '${expected.status}', kreeg '${got}'`);
      continue;
    }
    const outcome = found;
    if (outcome.status !== expected.status) {
      const why = outcome.clauses.filter((c) => (c.role === 'voorwaarde' ? c.truth !== 'waar' : c.truth !== 'onwaar')).map((c) => `${c.compiled.clause.id}=${c.truth}`);
      failures.push(`${id}: verwacht '${expected.status}', kreeg '${outcome.status}'${why.length ? ` (${why.join(', ')})` : ''}`);
      continue;
    }
    if ('clausule' in expected && expected.clausule !== undefined) {
      const clause = outcome.clauses.find((c) => c.compiled.clause.id === expected.clausule);
      const limit = outcome.limieten.find((l) => l.compiled.limiet.id === expected.clausule);
      const decisive = limit ? limit.verdict === 'overschreden' : clause && (clause.role === 'voorwaarde' ? clause.truth !== 'waar' : clause.truth === 'waar');
      if (!decisive) failures.push(`${id}: clausule '${expected.clausule}' is niet de reden (uitkomst: ${limit?.verdict ?? clause?.truth ?? 'onbekend'})`);
    }
    for (const [limitId, verdict] of Object.entries(('limieten' in expected && expected.limieten) || {})) {
      const got = outcome.limieten.find((l) => l.compiled.limiet.id === limitId)?.verdict ?? 'geen limiet met dit id';
      if (got !== verdict) failures.push(`${id}: limiet '${limitId}' verwacht '${verdict}', kreeg '${got}'`);
    }
    if ('code' in expected && expected.code !== undefined && codeOf(outcome) !== expected.code) {
      failures.push(`${id}: verwacht code ${expected.code}, kreeg ${codeOf(outcome)}`);
    }
    if ('ontbreekt' in expected && expected.ontbreekt) {
      const absent = expected.ontbreekt.filter((f) => !outcome.missing.includes(f));
      if (absent.length > 0) failures.push(`${id}: ontbrekend feit ${absent.join(', ')} niet gemeld (gemeld: ${outcome.missing.join(', ') || 'geen'})`);
    }
  }
  for (const [id, expected] of Object.entries(families)) {
    const failure = compareFamily(id, expected, evaluation.families.find((f) => f.familie === id));
    if (failure) failures.push(failure);
  }
  const destinations = evaluation.verwijzingen.map((v) => bestemmingKey(v.bestemming).toLowerCase());
  for (const want of referrals) {
    if (!destinations.includes(want.toLowerCase())) failures.push(`verwijzing naar '${want}' ontbreekt (wel: ${[...new Set(destinations)].join(', ') || 'geen'})`);
  }
  return failures;
}

export function casePassed(result: CaseResult): boolean {
  return result.failures.length === 0 && !hasErrors(result.diagnostics) && result.checks > 0;
}
