import { passwordCore, passwordProblems, PUBLISHED_DEMO_PASSWORD } from './password-policy';

const helle = { email: 'helle.jensen@vejleaaparken.dk', name: 'Helle Jensen' };
const ruleOf = (password: string, context = helle) => passwordProblems(password, context)[0]?.rule;

describe('which passwords staff may choose', () => {
  it('refuses common passwords and repeats, even long ones', () => {
    expect(passwordProblems('password1234', helle)[0].rule).toBe('password_guessable');
    expect(passwordProblems('aaaaaaaaaaaa', helle)[0].rule).toBe('password_guessable');
    expect(passwordProblems('qwertyuiop123', helle)[0].rule).toBe('password_guessable');
  });

  it('refuses a password built from the person\'s own name or e-mail, or the service\'s name', () => {
    expect(passwordProblems('Helle-Forår-2026!!', helle)[0].rule).toBe('password_context');
    expect(passwordProblems('vejleaaparken-kaffe-7', helle)[0].rule).toBe('password_context');
    expect(passwordProblems('min-helhedsplan-kode-9', helle)[0].rule).toBe('password_context');
  });

  it('refuses the person\'s name written without æ, ø and å, or with look-alike digits', () => {
    const soeren = { email: 'sbm@ishoej.dk', name: 'Søren Bæk Møller' };
    expect(ruleOf('Soeren-kaffekop-2025', soeren)).toBe('password_context');
    expect(ruleOf('moller-regnorm-fjernsyn', soeren)).toBe('password_context');
    expect(ruleOf('H3lle-Kaffekop-Fjernsyn', helle)).toBe('password_context');
  });

  it('refuses a short password and names the field', () => {
    expect(passwordProblems('Kort-1!', helle, 'newPassword')).toEqual([expect.objectContaining({ field: 'newPassword', rule: 'password_length' })]);
  });

  it('accepts a passphrase of unrelated words without composition rules', () => {
    expect(passwordProblems('fjernsyn blomsterkasse regnvejr', helle)).toEqual([]);
    expect(passwordProblems('Sommerhus-Kaffekop-47', helle)).toEqual([]);
    expect(passwordProblems('Sommerfugl Regnorm Trappesten', helle)).toEqual([]);
  });
});

describe('Danish common passwords and the service\'s own', () => {
  it('refuses "Sommer2025!!", "Velkommen2025" and the demo password', () => {
    expect(ruleOf('Sommer2025!!')).toBe('password_guessable');
    expect(ruleOf('Velkommen2025')).toBe('password_guessable');
    expect(ruleOf('demo-password-2025')).toBe('password_guessable');
    expect(passwordProblems('demo-password-2025', helle)[0].message).toMatch(/demo's published password/);
  });

  it('refuses the demo password however it is written', () => {
    expect(PUBLISHED_DEMO_PASSWORD).toBe('demo-password-2025');
    for (const variant of ['Demo-Password-2026', 'demo_password_2025!', 'DEMO.PASSWORD.2025']) expect([variant, ruleOf(variant)]).toEqual([variant, 'password_guessable']);
  });

  it('refuses a season, month, greeting or place with a year and symbols, in every spelling', () => {
    for (const password of ['Vinter2026#!', 'Efteraar2025!', 'Forår-2025!!', 'forar20252025', 'Januar2026!!', 'Kodeord12345', 'Adgangskode1!', 'Hemmelig2025!', 'Ishøj2025!!!', 'Ishoej-2025!', 'Brøndby1964!!', 'P@ssw0rd2025!', 'Velkommen-Hjem-2025', 'Sommer-Vinter-2025']) {
      expect([password, ruleOf(password)]).toEqual([password, 'password_guessable']);
    }
  });

  it('reads look-alike digits inside a word as letters, and digits around it as decoration', () => {
    expect(passwordCore('S0mmer2025!!')).toBe('sommer');
    expect(passwordCore('P@ssw0rd-1')).toBe('password');
    expect(passwordCore('Velkommen1')).toBe('velkommen');
  });
});
