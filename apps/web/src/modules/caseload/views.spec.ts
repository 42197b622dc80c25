import { pageRange } from './views';

describe('pageRange', () => {
  it('says which cases the page shows, of how many', () => {
    expect(pageRange(0, 50, 3327, true)).toBe('Cases 1–50 of 3,327');
    expect(pageRange(100000, 25, 100025, true)).toBe('Cases 100,001–100,025 of 100,025');
    expect(pageRange(0, 0, 0, true)).toBe('No cases');
  });

  it('says "more than" when a search matched more cases than were counted', () => {
    expect(pageRange(0, 50, 1000, false)).toBe('Cases 1–50 of more than 1,000');
    expect(pageRange(1000, 50, 1000, false)).toBe('Cases 1,001–1,050 of more than 1,000');
  });
});
