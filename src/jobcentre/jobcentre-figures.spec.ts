import { activationRate, jobcentreFigures } from './jobcentre-figures';
import { suppressedFigures } from './jobcentre-figures.service';

describe("the job centre's figures", () => {
  it('is active ÷ covered, and no rate at all when nobody was covered', () => {
    expect(activationRate(17, 20)).toBe(0.85);
    expect(activationRate(0, 4)).toBe(0);
    expect(activationRate(0, 0)).toBeNull();
  });

  it('names every target group and end reason, with zero where nobody was counted', () => {
    const f = jobcentreFigures({ covered: 3, active: 2, started: 1, byTargetGroup: { '6.3': 2, other: 1 }, endedByReason: { job: 1 } });
    expect(f.byTargetGroup).toEqual({ '6.1': 0, '6.2': 0, '6.3': 2, '6.4': 0, '6.5': 0, '6.6': 0, '6.7': 0, '6.8': 0, other: 1 });
    expect(f.endedByReason).toEqual({ job: 1, education: 0, small_job: 0, flexjob: 0, moved: 0, sick: 0, other: 0 });
    expect(f.activationRate).toBeCloseTo(2 / 3);
  });

  it("hides the leader's small counts and the rate built on them", () => {
    const small = suppressedFigures(jobcentreFigures({ covered: 3, active: 2, started: 3, byTargetGroup: { '6.3': 3 }, endedByReason: {} }), 5);
    expect(small).toMatchObject({ covered: '<5', active: '<5', started: '<5', activationRate: null });
    expect(small.byTargetGroup['6.3']).toBe('<5');
    expect(small.byTargetGroup['6.1']).toBe(0);
  });

  it('shows the leader large counts and the rate, but hides an active count whose inactive rest is small', () => {
    const large = suppressedFigures(jobcentreFigures({ covered: 20, active: 17, started: 6, byTargetGroup: { '6.3': 10, '6.5': 10 }, endedByReason: { job: 5 } }), 5);
    expect(large).toMatchObject({ covered: 20, started: 6, activationRate: null });
    expect(large.active).toBe('skjult');
    const shown = suppressedFigures(jobcentreFigures({ covered: 20, active: 10, started: 6, byTargetGroup: { '6.3': 10, '6.5': 10 }, endedByReason: { job: 5 } }), 5);
    expect(shown).toMatchObject({ covered: 20, active: 10, activationRate: 0.5 });
  });
});
