/**
 * National product codes (iStandaarden iWmo/iJw): two digits for the productcategorie, a
 * letter and two digits. The categories known here are the ones the source documents use.
 */

export type Domain = 'wmo' | 'jeugd';

export const PRODUCT_CATEGORIES: Readonly<Record<Domain, Readonly<Record<string, string>>>> = {
  wmo: {
    '02': 'begeleiding',
    '04': 'kortdurend verblijf',
    '07': 'dagbesteding',
    '08': 'vervoerdiensten',
  },
  jeugd: {
    '41': 'dagbehandeling',
    '45': 'jeugdhulp ambulant',
  },
};

export const PRODUCT_CODE_PATTERN = /^[0-9]{2}[A-Z][0-9]{2}$/;

export function productCategory(domain: Domain, code: string): { code: string; name?: string } {
  const category = code.slice(0, 2);
  const name = PRODUCT_CATEGORIES[domain][category];
  return name ? { code: category, name } : { code: category };
}

/** iWmo/iJw eenheid codes where one exists for the unit. */
export const EENHEID_CODES: Readonly<Record<string, string>> = {
  minuut: '01',
  uur: '04',
  etmaal: '14',
  dagdeel: '16',
};

/** Derived facts about a product's codes and unit, as reports and compiled rules show them. */
export function describeCodes(codes: Readonly<Partial<Record<Domain, readonly string[]>>>): { domein: Domain; code: string; categorie: string | null }[] {
  return (Object.keys(codes) as Domain[]).flatMap((domein) =>
    (codes[domein] ?? []).map((code) => {
      const category = PRODUCT_CODE_PATTERN.test(code) ? productCategory(domein, code) : undefined;
      return { domein, code, categorie: category?.name ? `${category.code} ${category.name}` : null };
    }),
  );
}

export function eenheidCode(eenheid: string): string | null {
  return EENHEID_CODES[eenheid] ?? null;
}
