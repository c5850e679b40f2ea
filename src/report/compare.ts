/** Regions side by side for one profile: what each region would offer this client. */
import type { Evaluation, ProductOutcome } from '../evaluate/outcome.js';
import { productCodesText } from './explain.js';

export interface RegionRow {
  readonly region: string;
  readonly catalogue: string;
  /** Lightest fitting product per family, plus fitting products outside any family. */
  readonly offered: readonly ProductOutcome[];
  readonly undecided: number;
  readonly excluded: number;
  readonly questions: readonly string[];
}

export function regionRows(evaluations: readonly Evaluation[]): RegionRow[] {
  return evaluations.map((e) => {
    // Where the toegang chooses the level, every level it may choose is on offer.
    const fromFamilies = e.families.flatMap((f) => (f.status === 'bepaald' ? f.lichtstPassend : f.status === 'keuze-toegang' ? f.keuze!.niveaus : []));
    const loose = e.products.filter((p) => p.status === 'passend' && p.product.familie === undefined);
    return {
      region: e.regionName,
      catalogue: e.catalogueId,
      offered: [...fromFamilies, ...loose],
      undecided: e.products.filter((p) => p.status === 'onbekend').length,
      excluded: e.products.filter((p) => p.status === 'uitgesloten').length,
      questions: e.questions.slice(0, 3).map((q) => q.fact),
    };
  });
}

export function offeredText(row: RegionRow): string {
  return row.offered.length === 0 ? 'geen passend product' : row.offered.map((p) => `${p.product.naam} (${productCodesText(p.product)})`).join('; ');
}
