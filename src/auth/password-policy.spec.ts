import { passwordProblems } from './password-policy';

const helle = { email: 'helle.jensen@vejleaaparken.dk', name: 'Helle Jensen' };

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

  it('refuses a short password and names the field', () => {
    expect(passwordProblems('Kort-1!', helle, 'newPassword')).toEqual([expect.objectContaining({ field: 'newPassword', rule: 'password_length' })]);
  });

  it('accepts a passphrase of unrelated words without composition rules', () => {
    expect(passwordProblems('fjernsyn blomsterkasse regnvejr', helle)).toEqual([]);
    expect(passwordProblems('Sommerhus-Kaffekop-47', helle)).toEqual([]);
  });
});
