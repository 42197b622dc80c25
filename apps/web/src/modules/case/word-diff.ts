import { diffWords } from 'diff';

export type DiffPart = { text: string; change: 'same' | 'added' | 'removed' };

/** Word-level differences of an opinion against the original, case and spacing ignored. */
export const wordDiff = (original: string, other: string): DiffPart[] =>
  diffWords(original, other, { ignoreCase: true }).map((part) => ({
    text: part.value,
    change: part.added ? 'added' : part.removed ? 'removed' : 'same',
  }));
