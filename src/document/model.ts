/**
 * The product description document as data: what the HTML and Markdown renderings both show,
 * built once from a checked catalogue so the two formats cannot drift apart. Every sentence comes
 * from the catalogue (its descriptions, reasons, quotes and criteria) or from the wording the
 * consultant's reports already use (limitText, unitText, productCodesText); this module adds only
 * headings and labels.
 */
import { limitText, amountText } from '../catalogue/limits.js';
import { describeCodes } from '../catalogue/productcode.js';
import type { Catalogue, Clause, Limiet, Product } from '../catalogue/types.js';
import type { Scope } from '../check/typecheck.js';
import { dependenciesOf } from '../check/usage.js';
import { renderExpr } from '../dsl/ast.js';
import { destinationText, productCodesText, unitText } from '../report/explain.js';

/** A link inside the document: to a product's section. */
export interface Link {
  readonly text: string;
  readonly anchor: string;
}

/** One statement with where it comes from: the reason or text, the rule, remarks and the quote. */
export interface Item {
  /** A bold lead-in label ("Niveaukeuze door de toegang"). */
  readonly label?: string;
  /** The statement itself (a reason, a description, a limit in words). */
  readonly text: string;
  /** A product of this catalogue the statement names, shown as a link after the text. */
  readonly link?: Link;
  /** The criterion in the criteria language, when the statement is one. */
  readonly rule?: { readonly label: string; readonly text: string };
  /** Further lines: "Label: value". */
  readonly notes: readonly { readonly label: string; readonly text: string }[];
  /** The quote from the source document. */
  readonly bron?: string;
}

export interface Table {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface Section {
  readonly title: string;
  /** Plain paragraphs (descriptions from the catalogue). */
  readonly paragraphs: readonly string[];
  readonly items: readonly Item[];
  readonly table?: Table;
  /** Quotes belonging to the section as a whole (e.g. the staffing mix). */
  readonly quotes: readonly string[];
  readonly subsections: readonly Section[];
}

export interface ProductDoc {
  readonly id: string;
  readonly anchor: string;
  readonly naam: string;
  /** Label → value rows shown at the top of the product (codes, unit, family and level). */
  readonly details: readonly (readonly [string, string])[];
  readonly sections: readonly Section[];
}

export interface Group {
  readonly anchor: string;
  readonly title: string;
  /** Family-wide agreements from regio.yaml. */
  readonly items: readonly Item[];
  readonly products: readonly ProductDoc[];
}

export interface DefinitionDoc {
  readonly anchor: string;
  readonly name: string;
  readonly omschrijving: string;
  readonly rule: string;
}

export interface DocumentModel {
  readonly title: string;
  readonly region: string;
  readonly organisatie: string;
  /** Label → value rows of the title page. */
  readonly details: readonly (readonly [string, string])[];
  readonly groups: readonly Group[];
  readonly definitions: readonly DefinitionDoc[];
}

/** A fragment identifier that is safe in id="" and href="#…" and the same in both formats. */
export function anchor(kind: string, id: string): string {
  return `${kind}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function section(title: string, parts: Partial<Omit<Section, 'title'>>): Section {
  return { title, paragraphs: parts.paragraphs ?? [], items: parts.items ?? [], quotes: parts.quotes ?? [], subsections: parts.subsections ?? [], ...(parts.table ? { table: parts.table } : {}) };
}

function isEmpty(s: Section): boolean {
  return s.paragraphs.length === 0 && s.items.length === 0 && !s.table && s.quotes.length === 0 && s.subsections.every(isEmpty);
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('nl') + text.slice(1);
}

/** "begeleiding-groep" → "Begeleiding groep". */
export function familyTitle(id: string): string {
  return capitalise(id.replace(/[-_]+/g, ' '));
}

function ruleOf(clause: Clause): string {
  return clause.ast ? renderExpr(clause.ast) : clause.text.trim().replace(/\s+/g, ' ');
}

/** The description fields in the order the source documents have them; others follow by name. */
const DESCRIPTION_ORDER: readonly (readonly [string, string])[] = [
  ['doelgroep', 'Doelgroep'],
  ['problematiek', 'Problematiek'],
  ['doel', 'Doel'],
  ['aanpak', 'Aanpak'],
];
const DESCRIPTION_AFTER: readonly (readonly [string, string])[] = [
  ['kwaliteitseisen', 'Kwaliteitseisen'],
  ['extra', 'Aanvullend'],
];

/** Paragraphs of a free text: blank lines separate them, other white space is one space. */
export function paragraphsOf(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter((p) => p.length > 0);
}

function descriptionSection(product: Product, key: string, title: string): Section {
  return section(title, { paragraphs: paragraphsOf(product.beschrijving?.[key]) });
}

function clauseItem(clause: Clause, name: (id: string) => string): Item {
  const notes: { label: string; text: string }[] = [];
  if (clause.verwijzing) notes.push({ label: 'Verwijzen naar', text: destinationText(clause.verwijzing, name) });
  return { text: clause.reden.trim(), rule: { label: 'Regel', text: ruleOf(clause) }, notes, bron: clause.bron };
}

function limitItem(limiet: Limiet): Item {
  return {
    text: capitalise(limitText(limiet)),
    ...(limiet.alleenAls ? { rule: { label: 'Alleen als', text: ruleOf(limiet.alleenAls) } } : {}),
    notes: [{ label: 'Reden', text: limiet.reden.trim() }],
    bron: limiet.bron,
  };
}

function criteriaSection(product: Product, name: (id: string) => string): Section {
  const combinatie = product.combinatie;
  const subsections = [
    section('Voorwaarden', { items: product.voorwaarden.map((c) => clauseItem(c, name)) }),
    section('Uitsluitingen', { items: product.uitsluitingen.map((c) => clauseItem(c, name)) }),
    section('Kenmerken', { items: product.kenmerken.map((c) => clauseItem(c, name)) }),
    section('Combinatie', {
      items: combinatie
        ? [
            {
              text: `Alleen in combinatie met ${combinatie.vereist_een_van.map(name).join(' of ')}`,
              ...(combinatie.of_als ? { rule: { label: 'Of als', text: ruleOf(combinatie.of_als) } } : {}),
              notes: [{ label: 'Reden', text: combinatie.reden.trim() }, ...(combinatie.of_als ? [{ label: 'Reden (of als)', text: combinatie.of_als.reden.trim() }] : [])],
              bron: combinatie.bron,
            },
          ]
        : [],
    }),
    section('Limieten', { items: product.limieten.map(limitItem) }),
  ];
  return section('Indicatiecriteria', { subsections: subsections.filter((s) => !isEmpty(s)) });
}

function duurSection(product: Product): Section {
  const duur = product.duur;
  if (!duur) return section('Duur', {});
  const notes = [
    ...(duur.minimum ? [{ label: 'Minimaal', text: amountText(duur.minimum) }] : []),
    ...(duur.maximum ? [{ label: 'Maximaal', text: amountText(duur.maximum) }] : []),
  ];
  const text = duur.omschrijving?.trim() ?? '';
  if (text === '' && notes.length === 0) return section('Duur', { quotes: duur.bron ? [duur.bron] : [] });
  return section('Duur', { items: [{ text, notes, ...(duur.bron ? { bron: duur.bron } : {}) }] });
}

function functiemixSection(product: Product): Section {
  const mix = product.functiemix ?? [];
  if (mix.length === 0) return section('Functiemix', {});
  const withDescription = mix.some((f) => f.omschrijving);
  return section('Functiemix', {
    table: {
      head: withDescription ? ['Opleiding', 'Percentage', 'Omschrijving'] : ['Opleiding', 'Percentage'],
      rows: mix.map((f) => [f.opleiding, `${String(f.percentage).replace('.', ',')}%`, ...(withDescription ? [f.omschrijving ?? ''] : [])]),
    },
    quotes: [...new Set(mix.flatMap((f) => (f.bron ? [f.bron] : [])))],
  });
}

function groepSection(product: Product): Section {
  const groep = product.groep;
  if (!groep) return section('Groep', {});
  const notes = [
    ...(groep.inwoners_per_begeleider !== undefined ? [{ label: 'Inwoners per begeleider', text: String(groep.inwoners_per_begeleider) }] : []),
    ...(groep.maximale_groepsgrootte !== undefined ? [{ label: 'Maximale groepsgrootte', text: String(groep.maximale_groepsgrootte) }] : []),
  ];
  return section('Groep', { items: [{ text: '', notes, ...(groep.bron ? { bron: groep.bron } : {}) }] });
}

function number(n: number): string {
  return String(n).replace('.', ',');
}

function normenSection(product: Product): Section {
  const items = (product.normen ?? []).map((n): Item => {
    const unit = `${n.eenheid ? ` ${n.eenheid}` : ''}${n.per ? ` per ${n.per}` : ''}`;
    const values = [
      ...(n.waarde !== undefined ? [`${number(n.waarde)}${unit}`] : []),
      ...(n.minimum !== undefined ? [`minimaal ${number(n.minimum)}${unit}`] : []),
      ...(n.maximum !== undefined ? [`maximaal ${number(n.maximum)}${unit}`] : []),
    ];
    return {
      text: `${n.onderwerp.trim()}${values.length > 0 ? `: ${values.join(', ')}` : ''}`,
      notes: n.omschrijving ? [{ label: 'Omschrijving', text: n.omschrijving.trim() }] : [],
      bron: n.bron,
    };
  });
  return section('Normen', { items });
}

function vervolgSection(product: Product, catalogue: Catalogue): Section {
  const items = product.vervolg.map((v): Item => {
    const target = v.product ? catalogue.products.find((p) => p.id === v.product) : undefined;
    const notes = v.richting ? [{ label: 'Richting', text: v.richting }] : [];
    if (v.product) {
      return target ? { text: '', link: { text: target.naam, anchor: anchor('product', target.id) }, notes, bron: v.bron } : { text: v.product, notes, bron: v.bron };
    }
    return { text: `${v.buiten_catalogus ?? ''} (buiten de catalogus)`, notes, bron: v.bron };
  });
  return section('Mogelijk vervolg', { items });
}

function aanbiederSection(product: Product, name: (id: string) => string): Section {
  const a = product.aanbieder;
  if (!a) return section('Aanbieder', {});
  return section('Aanbieder', {
    items: [{ text: `Biedt ook ${a.ookBieden.map(name).join(', ')}`, notes: a.reden ? [{ label: 'Reden', text: a.reden.trim() }] : [], bron: a.bron }],
  });
}

function productDoc(product: Product, catalogue: Catalogue): ProductDoc {
  const name = (id: string) => catalogue.products.find((p) => p.id === id)?.naam ?? id;
  const codes = describeCodes(product.productcodes);
  const categories = [...new Set(codes.map((c) => c.categorie).filter((c): c is string => c !== null))];
  const details: [string, string][] = [
    ['Productcode', productCodesText(product)],
    ...(categories.length > 0 ? [['Productcategorie', categories.join(', ')] as [string, string]] : []),
    ['Eenheid', unitText(product)],
  ];
  if (product.familie) {
    const level = [familyTitle(product.familie), product.niveau !== undefined ? `niveau ${product.niveau}` : undefined, product.variant].filter((x): x is string => x !== undefined);
    details.push(['Familie', level.join(', ')]);
  }
  const known = new Set([...DESCRIPTION_ORDER, ...DESCRIPTION_AFTER].map(([key]) => key));
  const otherKeys = Object.keys(product.beschrijving ?? {})
    .filter((k) => !known.has(k))
    .sort();
  const sections = [
    ...DESCRIPTION_ORDER.map(([key, title]) => descriptionSection(product, key, title)),
    section('Locatie', { paragraphs: paragraphsOf(product.locatie) }),
    duurSection(product),
    ...DESCRIPTION_AFTER.slice(0, 1).map(([key, title]) => descriptionSection(product, key, title)),
    functiemixSection(product),
    groepSection(product),
    normenSection(product),
    ...DESCRIPTION_AFTER.slice(1).map(([key, title]) => descriptionSection(product, key, title)),
    ...otherKeys.map((key) => descriptionSection(product, key, familyTitle(key))),
    criteriaSection(product, name),
    vervolgSection(product, catalogue),
    aanbiederSection(product, name),
  ];
  return { id: product.id, anchor: anchor('product', product.id), naam: product.naam, details, sections: sections.filter((s) => !isEmpty(s)) };
}

/** Families in the order the catalogue first names them, levels low to high; loose products last. */
function groupsOf(catalogue: Catalogue): Group[] {
  const families: string[] = [];
  for (const p of catalogue.products) if (p.familie && !families.includes(p.familie)) families.push(p.familie);
  const groups: Group[] = families.map((familie) => {
    const members = catalogue.products
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.familie === familie)
      .sort((a, b) => (a.p.niveau ?? 0) - (b.p.niveau ?? 0) || a.i - b.i)
      .map(({ p }) => productDoc(p, catalogue));
    const agreement = catalogue.region.families.find((f) => f.id === familie);
    const items: Item[] = [];
    if (agreement?.niveaukeuze) items.push({ label: 'Niveaukeuze door de toegang', text: agreement.niveaukeuze.regel.trim(), notes: [], bron: agreement.niveaukeuze.bron });
    if (agreement?.aanbiederBiedtAlleNiveaus) items.push({ label: 'Aanbieder', text: 'biedt alle niveaus van deze familie', notes: [], bron: agreement.aanbiederBiedtAlleNiveaus.bron });
    return { anchor: anchor('familie', familie), title: familyTitle(familie), items, products: members };
  });
  const loose = catalogue.products.filter((p) => !p.familie);
  if (loose.length > 0) {
    groups.push({ anchor: 'overige-producten', title: families.length > 0 ? 'Overige producten' : 'Producten', items: [], products: loose.map((p) => productDoc(p, catalogue)) });
  }
  return groups;
}

/** The shared definitions the catalogue's criteria use, by name. */
function definitionsOf(catalogue: Catalogue, scope: Scope | undefined): DefinitionDoc[] {
  if (!scope) return [];
  const used = new Set<string>();
  for (const product of catalogue.products) {
    const clauses = [...product.voorwaarden, ...product.uitsluitingen, ...product.kenmerken, ...(product.combinatie?.of_als ? [product.combinatie.of_als] : []), ...product.limieten.flatMap((l) => (l.alleenAls ? [l.alleenAls] : []))];
    for (const clause of clauses) if (clause.ast) dependenciesOf(clause.ast, scope).definitions.forEach((d) => used.add(d));
  }
  return [...used].sort().flatMap((name) => {
    const d = scope.definitions.get(name);
    return d ? [{ anchor: anchor('begrip', name), name, omschrijving: d.omschrijving.trim(), rule: d.ast ? renderExpr(d.ast) : d.text.trim().replace(/\s+/g, ' ') }] : [];
  });
}

const DOMAIN_NAMES = { wmo: 'Wmo 2015', jeugd: 'Jeugdwet' } as const;

/** The document of one catalogue; with the scope, the shared definitions its criteria use are added. */
export function buildDocument(catalogue: Catalogue, scope?: Scope): DocumentModel {
  const region = catalogue.region;
  const bron = `${region.bron.titel}${region.bron.datum ? ` (${region.bron.datum})` : ''}`;
  return {
    title: region.bron.titel,
    region: region.naam,
    organisatie: region.organisatie,
    details: [
      ['Regio', region.naam],
      ['Organisatie', region.organisatie],
      ['Brondocument', bron],
      ['Bestand', region.bron.document],
      ['Geldig vanaf', region.geldig_vanaf],
      ['Domein', region.domeinen.map((d) => DOMAIN_NAMES[d]).join(', ')],
      ['Catalogus', catalogue.id],
      ['Producten', String(catalogue.products.length)],
    ],
    groups: groupsOf(catalogue),
    definitions: definitionsOf(catalogue, scope),
  };
}
