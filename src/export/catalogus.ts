/**
 * The catalogue workbook for purchasing teams: products with every attribute, criteria in
 * readable form with their reason and quote, follow-ups, the product code list and — for
 * several regions — the compare matrix. The sheets are built as rows of text (pure, testable);
 * `catalogusWorkbook` turns them into .xlsx bytes.
 */
import { relative } from 'node:path';
import { meaning } from '../catalogue/family.js';
import { amountText, limitText, productFrequentie } from '../catalogue/limits.js';
import { describeCodes, eenheidCode } from '../catalogue/productcode.js';
import { clausesOf, type Catalogue, type Clause, type ClauseKind, type Product } from '../catalogue/types.js';
import { buildMatrix, productSummary } from '../diff/matrix.js';
import { destinationText } from '../report/explain.js';
import { PRODUCTCODE_HEADERS, productcodeCells, productcodeRows, validityOf } from './productcodes.js';
import { addSheet, newWorkbook, workbookBuffer, type SheetSpec } from './xlsx.js';

function num(n: number): string {
  return String(n).replace('.', ',');
}

/** The path of a product file inside its catalogue folder (never an absolute path: same bytes everywhere). */
function fileOf(product: Product, catalogue: Catalogue): string {
  return relative(catalogue.folder, product.file).split('\\').join('/');
}

function nameIn(catalogue: Catalogue): (id: string) => string | undefined {
  return (id) => catalogue.products.find((p) => p.id === id)?.naam;
}

const BESCHRIJVING = ['doelgroep', 'problematiek', 'doel', 'aanpak', 'kwaliteitseisen', 'extra'] as const;

export const PRODUCT_HEADERS = [
  'Catalogus',
  'Regio',
  'Product-id',
  'Naam',
  'Familie',
  'Niveau',
  'Variant',
  'Productcodes Wmo',
  'Productcodes Jeugd',
  'Productcategorie',
  'Eenheid',
  'Eenheid (code)',
  'Eenheid (omschrijving)',
  'Frequentie',
  'Frequentie (code)',
  'Frequentie (bron)',
  'Geldig vanaf',
  'Geldig tot',
  'Functiemix',
  'Groep',
  'Duur',
  'Locatie',
  'Doelgroep',
  'Problematiek',
  'Doel',
  'Aanpak',
  'Kwaliteitseisen',
  'Extra',
  'Normen',
  'Alleen in combinatie met',
  'Aanbieder biedt ook',
  'Limieten',
  'Voorwaarden',
  'Uitsluitingen',
  'Kenmerken',
  'Keuzes',
  'Bestand',
] as const;

function productCells(p: Product, c: Catalogue): string[] {
  const frequentie = p.frequentie ? productFrequentie(p.frequentie.per) : undefined;
  const { vanaf, tot } = validityOf(p, c);
  const duur = p.duur
    ? [p.duur.omschrijving?.trim(), p.duur.minimum ? `minimaal ${amountText(p.duur.minimum)}` : undefined, p.duur.maximum ? `maximaal ${amountText(p.duur.maximum)}` : undefined]
        .filter((x): x is string => !!x)
        .join('; ')
    : '';
  const groep = p.groep
    ? [
        p.groep.inwoners_per_begeleider !== undefined ? `${num(p.groep.inwoners_per_begeleider)} inwoners per begeleider` : undefined,
        p.groep.maximale_groepsgrootte !== undefined ? `maximaal ${p.groep.maximale_groepsgrootte} per groep` : undefined,
      ]
        .filter((x): x is string => !!x)
        .join('; ')
    : '';
  const normen = (p.normen ?? []).map((n) => {
    const amount = [
      n.waarde !== undefined ? num(n.waarde) : undefined,
      n.minimum !== undefined ? `minimaal ${num(n.minimum)}` : undefined,
      n.maximum !== undefined ? `maximaal ${num(n.maximum)}` : undefined,
    ]
      .filter((x): x is string => !!x)
      .join(' ');
    const value = [amount, n.eenheid, n.per ? `per ${n.per}` : undefined].filter((x): x is string => !!x).join(' ');
    return `${n.onderwerp}${value ? `: ${value}` : ''}${n.omschrijving ? ` (${n.omschrijving.trim()})` : ''}`;
  });
  const combinatie = p.combinatie ? p.combinatie.vereist_een_van.map((id) => nameIn(c)(id) ?? id).join(' of ') + (p.combinatie.of_als ? `; of als: ${meaning(p.combinatie.of_als)}` : '') : '';
  return [
    c.id,
    c.region.naam,
    p.id,
    p.naam,
    p.familie ?? '',
    p.niveau !== undefined ? String(p.niveau) : '',
    p.variant ?? '',
    (p.productcodes.wmo ?? []).join(', '),
    (p.productcodes.jeugd ?? []).join(', '),
    [...new Set(describeCodes(p.productcodes).flatMap((d) => (d.categorie ? [d.categorie] : [])))].join(', '),
    p.eenheid,
    eenheidCode(p.eenheid) ?? '',
    p.eenheid_omschrijving ?? '',
    frequentie?.naam ?? '',
    frequentie?.code ?? '',
    p.frequentie?.bron ?? '',
    vanaf,
    tot,
    (p.functiemix ?? []).map((f) => `${num(f.percentage)}% ${f.opleiding}${f.omschrijving ? ` (${f.omschrijving.trim()})` : ''}`).join('\n'),
    groep,
    duur,
    p.locatie?.trim() ?? '',
    ...BESCHRIJVING.map((k) => p.beschrijving?.[k]?.trim() ?? ''),
    normen.join('\n'),
    combinatie,
    (p.aanbieder?.ookBieden ?? []).map((id) => nameIn(c)(id) ?? id).join(', '),
    p.limieten.map(limitText).join('\n'),
    String(p.voorwaarden.length),
    String(p.uitsluitingen.length),
    String(p.kenmerken.length),
    p.keuzes.map((k) => `${k.onderwerp}: ${k.keuze.trim()}`).join('\n'),
    fileOf(p, c),
  ];
}

export const CRITERIA_HEADERS = ['Catalogus', 'Product-id', 'Product', 'Soort', 'Id', 'Regel', 'Reden', 'Bron', 'Verwijzing', 'Keuze', 'Geldig vanaf', 'Geldig tot'] as const;

const KIND_LABEL: Readonly<Record<ClauseKind, string>> = { voorwaarde: 'voorwaarde', uitsluiting: 'uitsluiting', kenmerk: 'kenmerk', alternatief: 'alternatief (combinatie)' };

function clauseDates(clause: Clause): [string, string] {
  const dated = clause as { geldig_vanaf?: unknown; geldig_tot?: unknown };
  return [typeof dated.geldig_vanaf === 'string' ? dated.geldig_vanaf : '', typeof dated.geldig_tot === 'string' ? dated.geldig_tot : ''];
}

function criteriaRows(c: Catalogue): string[][] {
  return c.products.flatMap((p) => [
    ...clausesOf(p).map(({ kind, clause }) => [
      c.id,
      p.id,
      p.naam,
      KIND_LABEL[kind],
      clause.id,
      meaning(clause),
      clause.reden.trim(),
      clause.bron.trim(),
      clause.verwijzing ? destinationText(clause.verwijzing, nameIn(c)) : '',
      clause.keuze?.trim() ?? '',
      ...clauseDates(clause),
    ]),
    ...p.limieten.map((l) => [c.id, p.id, p.naam, 'limiet', l.id, limitText(l), l.reden.trim(), l.bron.trim(), '', '', '', '']),
  ]);
}

export const VERVOLG_HEADERS = ['Catalogus', 'Product-id', 'Product', 'Vervolg', 'Vervolg (product-id)', 'Richting', 'Bron'] as const;

function vervolgRows(c: Catalogue): string[][] {
  return c.products.flatMap((p) =>
    p.vervolg.map((v) => [
      c.id,
      p.id,
      p.naam,
      v.product ? (nameIn(c)(v.product) ?? v.product) : `${v.buiten_catalogus ?? ''} (buiten de catalogus)`,
      v.product ?? '',
      v.richting ?? '',
      v.bron.trim(),
    ]),
  );
}

/** The sheets of the workbook, as rows of text (the order of the catalogues as given). */
export function catalogusSheets(catalogues: readonly Catalogue[]): SheetSpec[] {
  const sheets: SheetSpec[] = [
    { name: 'Producten', headers: PRODUCT_HEADERS, rows: catalogues.flatMap((c) => c.products.map((p) => productCells(p, c))) },
    { name: 'Criteria', headers: CRITERIA_HEADERS, rows: catalogues.flatMap(criteriaRows) },
    { name: 'Vervolg', headers: VERVOLG_HEADERS, rows: catalogues.flatMap(vervolgRows) },
    { name: 'Productcodes', headers: ['Catalogus', ...PRODUCTCODE_HEADERS], rows: catalogues.flatMap((c) => productcodeRows(c).map((r) => [c.id, ...productcodeCells(r)])) },
  ];
  if (catalogues.length > 1) {
    const matrix = buildMatrix(catalogues);
    sheets.push({
      name: 'Vergelijking',
      headers: ['Soort ondersteuning', ...catalogues.map((c) => c.region.naam)],
      rows: matrix.rows.map((row) => [row.kind, ...row.cells.map((products) => (products.length === 0 ? '—' : products.map(productSummary).join('\n')))]),
    });
  }
  return sheets;
}

export async function catalogusWorkbook(catalogues: readonly Catalogue[]): Promise<Buffer> {
  const workbook = await newWorkbook(`Productcatalogus: ${catalogues.map((c) => c.region.naam).join(', ')}`);
  for (const sheet of catalogusSheets(catalogues)) addSheet(workbook, sheet);
  return workbookBuffer(workbook);
}

/** The product code list of one region as a workbook (text cells: codes keep their leading zeros). */
export async function productcodesWorkbook(catalogue: Catalogue): Promise<Buffer> {
  const workbook = await newWorkbook(`Productcodes ${catalogue.region.naam}`);
  addSheet(workbook, { name: 'Productcodes', headers: PRODUCTCODE_HEADERS, rows: productcodeRows(catalogue).map(productcodeCells) });
  return workbookBuffer(workbook);
}
