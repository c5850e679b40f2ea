/**
 * The stable JSON output (format "wijzer-evaluatie/1", documented in docs/json-uitvoer.md).
 * Fields are only ever added, never renamed, within one format version.
 */
import type { ClosestFit, CodeChoice, Evaluation, LeafOutcome, LimitOutcome, Verwijzing } from '../evaluate/outcome.js';
import type { Bestemming } from '../catalogue/types.js';
import type { Vocabulary } from '../vocabulary/types.js';
import { describeCodes, eenheidCode } from '../catalogue/productcode.js';
import { frequentieCode, limitText } from '../catalogue/limits.js';
import { actualText, afwijkingTexts, limitLine, requiredText, subjectText } from './explain.js';
import type { WithGeldigheid } from '../catalogue/validity.js';

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

function limitJson(limit: LimitOutcome): object {
  const l = limit.compiled.limiet;
  return {
    id: l.id,
    soort: l.kind,
    tekst: limitText(l),
    minimum: l.minimum ?? null,
    maximum: l.maximum ?? null,
    per: l.kind === 'volume' ? l.per : null,
    frequentie: frequentieCode(l) ?? null,
    richtwaarde: l.richtwaarde,
    feit: l.feit,
    gevraagd: limit.requested ?? null,
    uitkomst: limit.verdict,
    uitleg: limitLine(limit),
    reden: l.reden,
    bron: l.bron,
  };
}

function codeJson(choice: CodeChoice): object | null {
  switch (choice.kind) {
    case 'geen':
      return null;
    case 'enig':
      return { soort: 'enig', domein: choice.domain, codes: choice.codes, reden: null };
    case 'gekozen':
      return { soort: 'gekozen', domein: choice.domain, codes: choice.codes, reden: choice.reden };
    case 'onbepaald':
      return { soort: 'onbepaald', domein: null, codes: [], reden: choice.reden };
  }
}

/** A referral destination as the evaluation JSON shows it; the API's product view uses the same shape. */
export function destinationJson(b: Bestemming): object {
  return { product: b.kind === 'product' ? b.product : null, familie: b.kind === 'familie' ? b.familie : null, buiten_catalogus: b.kind === 'buiten-catalogus' ? b.naam : null };
}

function referralJson(v: Verwijzing): object {
  return { soort: v.kind, naar: destinationJson(v.bestemming), vanuit: v.vanuit.map((p) => p.id), richting: v.richting ?? null, reden: v.reden, bron: v.bron };
}

function closestJson(fit: ClosestFit, vocabulary: Vocabulary): object {
  return {
    product: fit.product.product.id,
    aantal_afwijkingen: fit.afwijkingen.length,
    afwijkingen: afwijkingTexts(fit, vocabulary),
    afwijkende_kenmerken: fit.afwijkendeKenmerken.map((c) => c.compiled.clause.id),
    steunende_kenmerken: fit.steunendeKenmerken.map((c) => c.compiled.clause.id),
  };
}

export function evaluationJson(evaluation: Evaluation & WithGeldigheid, vocabulary: Vocabulary): object {
  return {
    formaat: EVALUATION_FORMAT,
    catalogus: evaluation.catalogueId,
    regio: evaluation.regionName,
    peildatum: evaluation.geldigheid?.peildatum ?? null,
    families: evaluation.families.map((f) => ({
      familie: f.familie,
      status: f.status,
      lichtst_passend: f.lichtstPassend.map((p) => p.product.id),
      open: f.open.map((p) => p.product.id),
      niveaukeuze: f.keuze ? { niveaus: f.keuze.niveaus.map((p) => p.product.id), regel: f.keuze.regel, bron: f.keuze.bron } : null,
      dichtstbij: f.dichtstbij.map((fit) => closestJson(fit, vocabulary)),
      niet_voor: (f.nietVoor ?? []).map((c) => c.compiled.clause.id),
      kenmerken_wijzen_op: f.kenmerkenWijzenOp ? closestJson(f.kenmerkenWijzenOp.zwaarder, vocabulary) : null,
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
      open_uitsluitingen: p.openUitsluitingen.map((c) => ({ id: c.compiled.clause.id, reden: c.compiled.clause.reden, ontbrekende_feiten: c.missing })),
      combinatie: p.combinatie
        ? { vereist_een_van: p.combinatie.required, voldaan_door: p.combinatie.satisfiedBy ?? null, bron: p.combinatie.source ?? null, onbeslist: p.combinatie.undecided, uitgesloten: p.combinatie.ruledOut }
        : null,
      code: codeJson(p.code),
      limieten: p.limieten.map(limitJson),
      clausules: p.clauses.map((c) => ({
        id: c.compiled.clause.id,
        rol: c.role,
        verwijzing: c.compiled.clause.verwijzing ? destinationJson(c.compiled.clause.verwijzing) : null,
        keuze: c.compiled.clause.keuze ?? null,
        uitkomst: c.truth,
        voorwaarde: c.compiled.clause.text.trim(),
        reden: c.compiled.clause.reden,
        bron: c.compiled.clause.bron,
        details: c.leaves.map((l) => leafJson(l, vocabulary)),
      })),
    })),
    vragen: evaluation.questions.map((q) => ({ feit: q.fact, beslist: q.decides, speelt_mee: q.involved })),
    verwijzingen: evaluation.verwijzingen.map(referralJson),
    niet_geldig_op_peildatum: (evaluation.geldigheid?.nietGeldig ?? []).map((n) => ({
      id: n.product.id,
      naam: n.product.naam,
      productcodes: n.product.productcodes,
      geldig_vanaf: n.period.vanaf ?? null,
      geldig_tot: n.period.tot ?? null,
    })),
  };
}
