import { agreementRuleProblems, isAgreementActive } from './agreement-rules';

describe('samarbejdsaftale rules', () => {
  it('covers every day from its first to its last day, both included', () => {
    const agreement = { validFrom: '2026-01-01', validTo: '2026-06-30' };
    expect(isAgreementActive(agreement, '2025-12-31')).toBe(false);
    expect(isAgreementActive(agreement, '2026-01-01')).toBe(true);
    expect(isAgreementActive(agreement, '2026-06-30')).toBe(true);
    expect(isAgreementActive(agreement, '2026-07-01')).toBe(false);
  });

  it('keeps an agreement without an end date active from its first day on', () => {
    expect(isAgreementActive({ validFrom: '2026-01-01', validTo: null }, '2030-01-01')).toBe(true);
  });

  it('refuses an agreement that ends before it starts', () => {
    const problems = agreementRuleProblems({ signedAt: '2026-01-01', validFrom: '2026-03-01', validTo: '2026-02-28' }, '2026-05-01');
    expect(problems).toEqual([expect.objectContaining({ field: 'validTo', rule: 'agreement_period' })]);
  });

  it('allows a one-day agreement and a signature today, but not a signature tomorrow', () => {
    expect(agreementRuleProblems({ signedAt: '2026-05-01', validFrom: '2026-05-01', validTo: '2026-05-01' }, '2026-05-01')).toEqual([]);
    expect(agreementRuleProblems({ signedAt: '2026-05-02', validFrom: '2026-05-01' }, '2026-05-01')[0].field).toBe('signedAt');
  });
});
