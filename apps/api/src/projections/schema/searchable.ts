/**
 * Text folded for search: no accents, lower case, single spaces. "Nováková" and "NOVAKOVA" both
 * become "novakova". The caseload row keeps it folded, the query folds the term the same way.
 */
export const searchable = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
