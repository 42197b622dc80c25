/**
 * A search counts this many matches at most: a search for "son" among 100,000 cases would otherwise
 * visit every match to say "3,327", which costs with the table and tells a person only that the
 * search is too broad. Beyond it, the total is this number and says it is not exact.
 */
export const SEARCH_COUNT_LIMIT = 1_000;
