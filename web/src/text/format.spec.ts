import { formatCalendarDate, formatDate, formatDateTime, formatNumber, formatTime } from './format';

describe('Danish formats in the web app', () => {
  const afternoon = new Date('2026-12-07T13:05:00Z'); // 14.05 in Copenhagen (winter time)

  it('writes a time as "7. dec. 2026 kl. 14.05", in Danish time', () => {
    expect(formatDateTime(afternoon)).toBe('7. dec. 2026 kl. 14.05');
    expect(formatDateTime('2026-06-01T07:30:00Z')).toBe('1. jun. 2026 kl. 09.30');
  });

  it('writes a date alone as "7. dec. 2026"', () => {
    expect(formatDate(afternoon)).toBe('7. dec. 2026');
    expect(formatCalendarDate('2026-12-07')).toBe('7. dec. 2026');
  });

  it('writes a time of day with a dot', () => {
    expect(formatTime(afternoon)).toBe('14.05');
  });

  it('writes numbers with a decimal comma and dots between thousands', () => {
    expect(formatNumber(2.5)).toBe('2,5');
    expect(formatNumber(1234.56)).toBe('1.234,56');
    expect(formatNumber(3, 1)).toBe('3,0');
  });
});
