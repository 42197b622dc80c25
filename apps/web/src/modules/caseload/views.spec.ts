import { caseloadViews, pageRange, viewCount } from './views';

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

describe('viewCount', () => {
  const counts = {
    __typename: 'CaseloadCounts' as const,
    all: 3327,
    overdue: 781,
    dueWithinWeek: 260,
    openConflicts: 383,
    waitingOnRecords: 1097,
    waitingOnOpinions: 1097,
    exact: true,
  };
  const [all, overdue] = caseloadViews;

  it("shows each view's count, once known", () => {
    expect(viewCount(undefined, all!)).toBe('');
    expect(viewCount(counts, all!)).toBe('3,327');
    expect(viewCount(counts, overdue!)).toBe('781');
  });

  it('shows "1,000+" on All cases and no number elsewhere when a search was too broad to count', () => {
    const broad = { ...counts, all: 1000, overdue: 230, exact: false };
    expect(viewCount(broad, all!)).toBe('1,000+');
    expect(viewCount(broad, overdue!)).toBe('');
  });
});
