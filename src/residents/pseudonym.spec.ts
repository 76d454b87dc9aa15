import { generatePseudonym, normalisePseudonym, PSEUDONYM_ALPHABET, PSEUDONYM_LENGTH } from './pseudonym';

describe('pseudonyms for anonymous residents', () => {
  it('are short codes without look-alike characters such as 0/O or 1/I', () => {
    for (let i = 0; i < 2000; i += 1) {
      const code = generatePseudonym();
      expect(code).toHaveLength(PSEUDONYM_LENGTH);
      expect(code).toMatch(new RegExp(`^[${PSEUDONYM_ALPHABET}]+$`));
      expect(code).not.toMatch(/[0O1IL]/);
    }
  });

  it('leave enough room that a plan does not run out (over 100 million codes)', () => {
    expect(PSEUDONYM_ALPHABET.length ** PSEUDONYM_LENGTH).toBeGreaterThan(100_000_000);
  });

  it('are found however the counsellor types them', () => {
    expect(normalisePseudonym('k7m-4px')).toBe('K7M4PX');
    expect(normalisePseudonym(' K7M 4PX ')).toBe('K7M4PX');
  });
});
