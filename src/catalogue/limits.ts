/**
 * Units of limits and of the requested amounts in a profile. A limit is written in the
 * document's unit ("maximaal twee jaar"); the profile states the request in its fact's unit
 * (gevraagde_indicatieduur_maanden). Durations convert between units, volumes must match.
 */
import type { Frequentie, Hoeveelheid, Limiet } from './types.js';

type Eenheid = Hoeveelheid['eenheid'];

/** Fact units are free text in rules/feiten/ ("maanden", "dagdelen"); this maps them to a limit unit. */
const FACT_UNIT: Readonly<Record<string, Eenheid>> = {
  uur: 'uur', uren: 'uur', minuut: 'minuut', minuten: 'minuut', dag: 'dag', dagen: 'dag', week: 'week', weken: 'week',
  maand: 'maand', maanden: 'maand', jaar: 'jaar', jaren: 'jaar', dagdeel: 'dagdeel', dagdelen: 'dagdeel',
  sessie: 'sessie', sessies: 'sessie', etmaal: 'etmaal', etmalen: 'etmaal', rit: 'rit', ritten: 'rit', km: 'kilometer', kilometer: 'kilometer',
  traject: 'traject', trajecten: 'traject',
};

/** Length of a duration unit in months (the calendar average; only used to compare). */
const IN_MONTHS: Partial<Readonly<Record<Eenheid, number>>> = { dag: 12 / 365, week: 12 / 52, maand: 1, jaar: 12 };

export function factUnit(text: string | undefined): Eenheid | undefined {
  return text === undefined ? undefined : FACT_UNIT[text.trim().toLowerCase()];
}

/** The amount expressed in `unit`, or undefined when the units cannot be converted. */
export function convert(amount: Hoeveelheid, unit: Eenheid): number | undefined {
  if (amount.eenheid === unit) return amount.aantal;
  const from = IN_MONTHS[amount.eenheid];
  const to = IN_MONTHS[unit];
  if (from === undefined || to === undefined) return undefined;
  // Round to whole hundredths so 2 jaar is exactly 24 maanden, not 23.999…
  return Math.round(((amount.aantal * from) / to) * 100) / 100;
}

const UNIT_WORDS: Readonly<Record<Eenheid, readonly [string, string]>> = {
  uur: ['uur', 'uur'], minuut: ['minuut', 'minuten'], dag: ['dag', 'dagen'], week: ['week', 'weken'], maand: ['maand', 'maanden'],
  jaar: ['jaar', 'jaar'], dagdeel: ['dagdeel', 'dagdelen'], sessie: ['sessie', 'sessies'], etmaal: ['etmaal', 'etmalen'],
  rit: ['rit', 'ritten'], kilometer: ['kilometer', 'kilometer'], traject: ['traject', 'trajecten'],
};

export function amountText(amount: Hoeveelheid): string {
  const [one, many] = UNIT_WORDS[amount.eenheid];
  return `${String(amount.aantal).replace('.', ',')} ${amount.aantal === 1 ? one : many}`;
}

const PER_WORDS: Readonly<Record<Extract<Limiet, { kind: 'volume' }>['per'], string>> = {
  dag: 'per dag', week: 'per week', maand: 'per maand', jaar: 'per jaar', traject: 'per traject', indicatie: 'binnen de geldigheidsduur van de indicatie',
};

/**
 * iWmo/iJw frequentie (codelijst WJ756): how often the volume of a toewijzing applies.
 * 1 per dag, 2 per week, 4 per maand, 6 totaal binnen geldigheidsduur toewijzing.
 */
const FREQUENTIE: Readonly<Record<Extract<Limiet, { kind: 'volume' }>['per'], string | undefined>> = {
  dag: '1', week: '2', maand: '4', jaar: undefined, traject: '6', indicatie: '6',
};

export function frequentieCode(limiet: Limiet): string | undefined {
  return limiet.kind === 'volume' ? FREQUENTIE[limiet.per] : undefined;
}

/** The iWmo/iJw names of the frequentie codes above, as the codelijst words them. */
export const FREQUENTIE_NAMEN: Readonly<Record<string, string>> = { '1': 'per dag', '2': 'per week', '4': 'per maand', '6': 'totaal binnen geldigheidsduur toewijzing' };

/** The frequentie of a product (Product.frequentie): its iWmo/iJw code and name. */
export function productFrequentie(per: Frequentie): { code: string; naam: string } | undefined {
  const code = FREQUENTIE[per];
  return code === undefined ? undefined : { code, naam: FREQUENTIE_NAMEN[code]! };
}

/** "indicatie maximaal 24 maanden", "volume maximaal 90 uur per traject (frequentie 6)". */
export function limitText(limiet: Limiet): string {
  const bounds = [limiet.minimum ? `minimaal ${amountText(limiet.minimum)}` : undefined, limiet.maximum ? `maximaal ${amountText(limiet.maximum)}` : undefined]
    .filter((x): x is string => x !== undefined)
    .join(' en ');
  const guide = `${limiet.richtwaarde ? ' (richtwaarde)' : ''}${limiet.alleenAls ? ` (alleen als ${limiet.alleenAls.text.trim()})` : ''}`;
  switch (limiet.kind) {
    case 'indicatieduur':
      return `indicatieduur ${bounds}${guide}`;
    case 'volume': {
      const code = frequentieCode(limiet);
      return `volume ${bounds} ${PER_WORDS[limiet.per]}${guide}${code ? ` (frequentie ${code})` : ''}`;
    }
  }
}
