import { statusAfterAgreement, statusAfterContact } from './employer-status';
import { isMemberOn, networkPeriodProblems, overlappingPeriod, periodsOverlap } from './network-rules';

describe('membership of the employer network', () => {
  it('counts a shared first or last day as an overlap, both ends being included', () => {
    expect(periodsOverlap({ validFrom: '2026-01-01', validTo: '2026-06-30' }, { validFrom: '2026-06-30', validTo: null })).toBe(true);
    expect(periodsOverlap({ validFrom: '2026-01-01', validTo: '2026-06-30' }, { validFrom: '2026-07-01', validTo: null })).toBe(false);
  });

  it('treats a running membership as lasting for ever', () => {
    const running = { validFrom: '2026-01-01', validTo: null };
    expect(periodsOverlap(running, { validFrom: '2030-01-01', validTo: '2030-01-31' })).toBe(true);
    expect(periodsOverlap(running, { validFrom: '2025-01-01', validTo: '2025-12-31' })).toBe(false);
  });

  it('names the membership a new period would overlap', () => {
    const existing = [
      { id: 'a', validFrom: '2025-01-01', validTo: '2025-12-31' },
      { id: 'b', validFrom: '2026-03-01', validTo: null },
    ];
    expect(overlappingPeriod(existing, { validFrom: '2026-01-01', validTo: '2026-02-28' })).toBeUndefined();
    expect(overlappingPeriod(existing, { validFrom: '2026-01-01', validTo: '2026-03-01' })?.id).toBe('b');
  });

  it('is a member from the first day to the last, both included', () => {
    const period = { validFrom: '2026-01-01', validTo: '2026-06-30' };
    expect(['2025-12-31', '2026-01-01', '2026-06-30', '2026-07-01'].map((d) => isMemberOn(period, d))).toEqual([false, true, true, false]);
  });

  it('refuses a period that ends before it starts, but allows a one-day membership', () => {
    expect(networkPeriodProblems({ validFrom: '2026-02-01', validTo: '2026-01-31' })).toEqual([expect.objectContaining({ field: 'to' })]);
    expect(networkPeriodProblems({ validFrom: '2026-02-01', validTo: '2026-02-01' })).toEqual([]);
  });
});

describe("an employer's status", () => {
  it('moves a prospect to contacted when a contact is logged, and leaves the other statuses', () => {
    expect(statusAfterContact('prospect')).toBe('contacted');
    expect(statusAfterContact('cooperating')).toBe('cooperating');
    expect(statusAfterContact('inactive')).toBe('inactive');
  });

  it('makes any employer cooperating when an agreement is signed', () => {
    expect(statusAfterAgreement('inactive')).toBe('cooperating');
  });
});
