import { againstPublished } from './components/OutcomesPage';
import { wilson } from './wilson';

describe('outcome rates against the published figures', () => {
  it('gives the Wilson interval, which stays within 0 and 1 at small samples', () => {
    const ci = wilson(42, 153)!;
    expect(ci.low).toBeCloseTo(0.21, 2);
    expect(ci.high).toBeCloseTo(0.35, 2);
    expect(wilson(0, 5)!.low).toBe(0);
    expect(wilson(5, 5)!.high).toBe(1);
    expect(wilson(0, 0)).toBeUndefined();
  });

  it('says a difference is beyond chance only when the published figure lies outside the interval', () => {
    expect(againstPublished(42, 153, 0.148)).toBe('Higher than the published 14.8%, beyond chance');
    expect(againstPublished(3, 20, 0.148)).toBe('In line with the published 14.8%');
    expect(againstPublished(20, 200, 0.374)).toBe('Lower than the published 37.4%, beyond chance');
  });
});
