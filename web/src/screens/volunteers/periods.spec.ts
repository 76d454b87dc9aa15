import { periodDays } from './periods';

describe('the periods of the volunteers\' counts', () => {
  it('takes this half-year up to today, and the previous one whole', () => {
    expect(periodDays('half', '2026-12-07')).toEqual({ from: '2026-07-01', to: '2026-12-07' });
    expect(periodDays('previousHalf', '2026-12-07')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(periodDays('previousHalf', '2026-03-01')).toEqual({ from: '2025-07-01', to: '2025-12-31' });
  });

  it('takes the whole month and the whole year', () => {
    expect(periodDays('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodDays('year', '2026-12-07')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});
