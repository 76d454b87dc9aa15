import { ageOn, mondayOf, monthsBetween, nowLocal, todayIso } from './dates';

describe("the social worker's date helpers", () => {
  it('finds the Monday a week starts on, across a month', () => {
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2026-12-03')).toBe('2026-11-30');
  });

  it('counts an employment in calendar months, as the plan does', () => {
    expect(monthsBetween('2026-03-01', '2026-07-01')).toBe(4);
    expect(monthsBetween('2026-01-31', '2026-04-30')).toBe(3);
  });

  it("writes today and now in the browser's time, for date fields", () => {
    const at = new Date(2026, 0, 5, 9, 7);
    expect(todayIso(at)).toBe('2026-01-05');
    expect(nowLocal(at)).toBe('2026-01-05T09:07');
  });

  it('counts age in whole years, a birthday counting from its own day', () => {
    expect(ageOn('2012-06-15', '2026-06-14')).toBe(13);
    expect(ageOn('2012-06-15', '2026-06-15')).toBe(14);
    expect(ageOn('2012-12-31', '2026-01-01')).toBe(13);
  });
});
