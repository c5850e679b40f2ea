/**
 * The stable JSON output (format "wijzer-evaluatie/1", documented in docs/json-uitvoer.md).
 * Fields are only ever added, never renamed, within one format version.
 */
import type { Evaluation, LeafOutcome } from '../evaluate/outcome.js';
import type { Vocabulary } from '../vocabulary/types.js';
import { describeCodes, eenheidCode } from '../catalogue/productcode.js';
import { actualText, requiredText, subjectText } from './explain.js';

export const EVALUATION_FORMAT = 'wijzer-evaluatie/1';

function leafJson(leaf: LeafOutcome, vocabulary: Vocabulary): object {
  return {
    feit: leaf.leaf.fact,
    onderwerp: subjectText(leaf.leaf),
    waarde: leaf.actual === undefined ? null : leaf.actual,
    waarde_tekst: actualText(leaf, vocabulary),
    vereist: requiredText(leaf.leaf, vocabulary),
    voldaan: leaf.result,
    via_definities: leaf.leaf.via,
  };
}

export function evaluationJson(evaluation: Evaluation, vocabulary: Vocabulary): object {
  return {
    formaat: EVALUATION_FORMAT,
    catalogus: evaluation.catalogueId,
    regio: evaluation.regionName,
    families: evaluation.families.map((f) => ({
      familie: f.familie,
      status: f.status,
      lichtst_passend: f.lichtstPassend.map((p) => p.product.id),
      open: f.open.map((p) => p.product.id),
    })),
    producten: evaluation.products.map((p) => ({
      id: p.product.id,
      naam: p.product.naam,
      productcodes: p.product.productcodes,
      productcategorieen: describeCodes(p.product.productcodes),
      eenheid: { naam: p.product.eenheid, iwmo_code: eenheidCode(p.product.eenheid), omschrijving: p.product.eenheid_omschrijving ?? null },
      familie: p.product.familie ?? null,
      niveau: p.product.niveau ?? null,
      variant: p.product.variant ?? null,
      status: p.status,
      ontbrekende_feiten: p.missing,
      combinatie: p.combinatie
        ? { vereist_een_van: p.combinatie.required, voldaan_door: p.combinatie.satisfiedBy ?? null, bron: p.combinatie.source ?? null, onbeslist: p.combinatie.undecided }
        : null,
      clausules: p.clauses.map((c) => ({
        id: c.compiled.clause.id,
        rol: c.role,
        uitkomst: c.truth,
        voorwaarde: c.compiled.clause.text.trim(),
        reden: c.compiled.clause.reden,
        bron: c.compiled.clause.bron,
        details: c.leaves.map((l) => leafJson(l, vocabulary)),
      })),
    })),
    vragen: evaluation.questions.map((q) => ({ feit: q.fact, beslist: q.decides, speelt_mee: q.involved })),
  };
}
