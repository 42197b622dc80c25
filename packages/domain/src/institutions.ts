/**
 * Whether two institution names mean the same place. Names are typed by people: "Riverside
 * General Hospital", "riverside general", "Riverside General Hosp." all name one hospital.
 */

/** Trailing words that say what kind of place it is, not which place: dropped before comparing. */
const KIND_SUFFIXES = [
  'university hospitals',
  'university hospital',
  'medical centers',
  'medical centres',
  'medical center',
  'medical centre',
  'health system',
  'health care',
  'healthcare',
  'hospitals',
  'hospital',
  'hosp',
  'clinics',
  'clinic',
  'centers',
  'centres',
  'center',
  'centre',
  'health',
  'inc',
  'llc',
  'ltd',
];

/** Case, accents, punctuation and white space ignored; "&" read as "and", "St" as "Saint". */
const plain = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/\bst\b/g, 'saint');

const withoutKind = (name: string): string => {
  let current = name;
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of KIND_SUFFIXES) {
      if (current.endsWith(` ${suffix}`)) {
        current = current.slice(0, -suffix.length - 1);
        changed = true;
      }
    }
  }
  return current;
};

/**
 * The rule by which two names are the same institution, in words a person can check, or
 * undefined when they are not.
 */
export const sameInstitutionRule = (a: string, b: string): string | undefined => {
  const [plainA, plainB] = [plain(a), plain(b)];
  if (plainA === plainB) {
    return `"${a}" and "${b}" are the same name once case and punctuation are ignored`;
  }
  const [keyA, keyB] = [withoutKind(plainA), withoutKind(plainB)];
  if (keyA.length > 0 && keyA === keyB) {
    return `"${a}" and "${b}" are the same institution once words such as "Hospital" or "Medical Center" are ignored`;
  }
  return undefined;
};
