/**
 * Validity in time. A region, a product (one version of it) and a clause may carry
 * `geldig_vanaf` / `geldig_tot` (JJJJ-MM-DD, both days included, or 'onbekend'). Absent or
 * 'onbekend' means unbounded on that side (check warns about 'onbekend', WZ342).
 *
 * `atDate` is the one projection of a compiled catalogue onto a peildatum: only the products
 * valid on that date (region and product period), and of those only the clauses valid then. Every
 * caller (evaluate, vraag, test, serve, impact, diff) evaluates or compares that projection; the
 * Evaluator never sees a date. Rule names stay those of the compiled catalogue (a product's rules
 * are its own, `<catalogus>/<product>/…`), so a projection is a subset of the full rule set, except
 * for the passend rule of a product that lost a dated clause, which is rebuilt from what remains.
 */
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { passendRuleOf, type CompiledCatalogue, type CompiledProduct } from '../compile/rules.js';
import type { Clause, Product, Region } from './types.js';

export const UNKNOWN_DATE = 'onbekend';
/** Environment variable that sets the default peildatum (tests, reproducible runs). */
export const PEILDATUM_ENV = 'WIJZER_PEILDATUM';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date that exists in the calendar, written JJJJ-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export interface Dated {
  readonly geldig_vanaf?: string;
  readonly geldig_tot?: string;
}

/** Known bounds only (ISO dates compare as text); undefined is unbounded. */
export interface Period {
  readonly vanaf?: string;
  readonly tot?: string;
}

function known(value: string | undefined): string | undefined {
  return value !== undefined && isIsoDate(value) ? value : undefined;
}

export function periodOf(dated: Dated): Period {
  const vanaf = known(dated.geldig_vanaf);
  const tot = known(dated.geldig_tot);
  return { ...(vanaf ? { vanaf } : {}), ...(tot ? { tot } : {}) };
}

/** Whether something carries a date at all (a version of a product, as opposed to the product). */
export function isDated(dated: Dated): boolean {
  return dated.geldig_vanaf !== undefined || dated.geldig_tot !== undefined;
}

export function inPeriod(period: Period, date: string): boolean {
  return (period.vanaf === undefined || period.vanaf <= date) && (period.tot === undefined || date <= period.tot);
}

export function validOn(dated: Dated, date: string): boolean {
  return inPeriod(periodOf(dated), date);
}

/** The intersection of two periods (a product within its region). */
export function within(outer: Period, inner: Period): Period {
  const vanaf = [outer.vanaf, inner.vanaf].filter((d): d is string => d !== undefined).sort().at(-1);
  const tot = [outer.tot, inner.tot].filter((d): d is string => d !== undefined).sort()[0];
  return { ...(vanaf ? { vanaf } : {}), ...(tot ? { tot } : {}) };
}

export function overlaps(a: Period, b: Period): boolean {
  return (a.vanaf === undefined || b.tot === undefined || a.vanaf <= b.tot) && (b.vanaf === undefined || a.tot === undefined || b.vanaf <= a.tot);
}

/** The day after an ISO date. */
export function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** A period in Dutch: "vanaf 2027-01-01", "tot en met 2026-12-31", "2026-01-01 tot en met 2026-12-31", "altijd". */
export function periodText(period: Period): string {
  if (period.vanaf && period.tot) return `${period.vanaf} tot en met ${period.tot}`;
  if (period.vanaf) return `vanaf ${period.vanaf}`;
  if (period.tot) return `tot en met ${period.tot}`;
  return 'zonder einddatum';
}

/** Today on this machine (local date), as JJJJ-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The peildatum of a run: the option when given, else WIJZER_PEILDATUM, else today. A value that
 * is not a date is a coded error (WZ345), never silently today.
 */
export function peildatumOf(option: unknown, env: Readonly<Record<string, string | undefined>>, optionName = '--peildatum'): { date?: string; error?: Diagnostic } {
  if (typeof option === 'string') return isIsoDate(option) ? { date: option } : { error: diag('WZ345', { value: option, option: optionName }) };
  const fromEnv = env[PEILDATUM_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return isIsoDate(fromEnv) ? { date: fromEnv } : { error: diag('WZ345', { value: fromEnv, option: PEILDATUM_ENV }) };
  return { date: todayIso() };
}

/** A product left out of a projection: not valid on the peildatum, with its (effective) dates. */
export interface NotValid {
  readonly product: Product;
  readonly period: Period;
}

export interface Geldigheid {
  readonly peildatum: string;
  /** Products of the catalogue that do not apply on the peildatum, in catalogue order. */
  readonly nietGeldig: readonly NotValid[];
}

/** A compiled catalogue projected onto a date: usable wherever a CompiledCatalogue is. */
export interface DatedCatalogue extends CompiledCatalogue {
  readonly geldigheid: Geldigheid;
}

/** The period a product applies: its own within its region's. */
export function productPeriod(region: Region, product: Product): Period {
  return within(periodOf(region), periodOf(product));
}

function projectProduct(product: Product, date: string): Product {
  const keep = (clauses: readonly Clause[]) => clauses.filter((c) => validOn(c, date));
  return { ...product, voorwaarden: keep(product.voorwaarden), uitsluitingen: keep(product.uitsluitingen), kenmerken: keep(product.kenmerken) };
}

/** The catalogue as it applies on `date` (JJJJ-MM-DD). */
export function atDate(compiled: CompiledCatalogue, date: string): DatedCatalogue {
  const region = compiled.catalogue.region;
  const products: CompiledProduct[] = [];
  const nietGeldig: NotValid[] = [];
  for (const p of compiled.products) {
    const period = productPeriod(region, p.product);
    if (!inPeriod(period, date)) {
      nietGeldig.push({ product: p.product, period });
      continue;
    }
    const clauses = p.clauses.filter((c) => validOn(c.clause, date));
    if (clauses.length === p.clauses.length) {
      products.push(p);
      continue;
    }
    const product = projectProduct(p.product, date);
    products.push({ product, clauses, limieten: p.limieten, passendRule: passendRuleOf(compiled.catalogue, product, clauses, p.limieten) });
  }
  const catalogue = { ...compiled.catalogue, products: products.map((p) => p.product) };
  return { catalogue, products, geldigheid: { peildatum: date, nietGeldig } };
}

/** The validity part of a dated evaluation, for reports (text, markdown, JSON). */
export interface WithGeldigheid {
  readonly geldigheid?: Geldigheid;
}

/** An evaluation of a projection, with what the projection left out. */
export function dated<T extends object>(evaluation: T, compiled: CompiledCatalogue): T & WithGeldigheid {
  const geldigheid = (compiled as Partial<DatedCatalogue>).geldigheid;
  return geldigheid ? { ...evaluation, geldigheid } : evaluation;
}
