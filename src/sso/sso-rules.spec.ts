import type { PlanRole } from '../access/roles';
import { chooseRole, joiningRoute, linkedAccountDecision, newAccountProblem, usableEmail } from './sso-rules';

describe('who single sign-on lets in, and as what', () => {
  describe('the role', () => {
    it('gives the one role the provider maps the person to', () => {
      expect(chooseRole(['counsellor'])).toEqual({ role: 'counsellor' });
    });
    it('counts a role mapped from two provider values once', () => {
      expect(chooseRole(['counsellor', 'counsellor'])).toEqual({ role: 'counsellor' });
    });
    it('refuses a person with no mapped role, never giving a default one', () => {
      expect(chooseRole([])).toEqual({ refused: 'sso_no_role' });
    });
    it('refuses a person mapped to two different roles, since a user has one', () => {
      expect(chooseRole(['counsellor', 'leader'])).toEqual({ refused: 'sso_ambiguous_role' });
    });
  });

  describe('a linked account signing in again', () => {
    const as = (role: PlanRole) => ({ role });
    it('keeps an unchanged role', () => {
      expect(linkedAccountDecision({ role: 'counsellor', active: true }, as('counsellor'))).toEqual({ role: 'counsellor', changed: false });
    });
    it('applies a role the provider changed within the plan\'s own staff', () => {
      expect(linkedAccountDecision({ role: 'counsellor', active: true }, as('leader'))).toEqual({ role: 'leader', changed: true });
    });
    it('refuses to turn a caseworker into the plan\'s own staff, or the reverse', () => {
      expect(linkedAccountDecision({ role: 'caseworker', active: true }, as('counsellor'))).toEqual({ refused: 'sso_role_conflict' });
      expect(linkedAccountDecision({ role: 'social_worker', active: true }, as('caseworker'))).toEqual({ refused: 'sso_role_conflict' });
    });
    it('refuses a deactivated account whatever the provider says, before looking at its roles', () => {
      expect(linkedAccountDecision({ role: 'counsellor', active: false }, as('counsellor'))).toEqual({ refused: 'sso_account_inactive' });
      expect(linkedAccountDecision({ role: 'counsellor', active: false }, { refused: 'sso_no_role' })).toEqual({ refused: 'sso_account_inactive' });
    });
    it('refuses a linked person who lost their mapped role', () => {
      expect(linkedAccountDecision({ role: 'counsellor', active: true }, { refused: 'sso_no_role' })).toEqual({ refused: 'sso_no_role' });
    });
    it('never lets a provider sign in the platform admin', () => {
      expect(linkedAccountDecision({ role: 'admin', active: true }, as('leader'))).toEqual({ refused: 'sso_role_conflict' });
    });
  });

  describe('joining a plan', () => {
    const membership = { planId: '00000000-0000-4000-8000-000000000001', organisationId: null };
    it('follows an invitation before the provider\'s mapping', () => {
      expect(joiningRoute({ invited: true, membership })).toEqual({ via: 'invitation' });
    });
    it('joins by the provider\'s mapping without an invitation', () => {
      expect(joiningRoute({ invited: false, membership })).toEqual({ via: 'membership' });
    });
    it('refuses a person with neither', () => {
      expect(joiningRoute({ invited: false })).toEqual({ refused: 'sso_no_plan' });
    });
  });

  describe('a new account', () => {
    const fits = { role: 'counsellor' as const, organisationKind: undefined, email: 'helle@aab.dk', emailTaken: false };
    it('is made when the role fits the organisation and the e-mail is free', () => {
      expect(newAccountProblem(fits)).toBeUndefined();
    });
    it('is refused for an e-mail that already has an account, which is never linked by e-mail', () => {
      expect(newAccountProblem({ ...fits, emailTaken: true })).toBe('sso_account_exists');
    });
    it('is refused when the role does not fit the organisation', () => {
      expect(newAccountProblem({ ...fits, role: 'caseworker' })).toBe('sso_role_conflict');
      expect(newAccountProblem({ ...fits, organisationKind: 'municipal' })).toBe('sso_role_conflict');
    });
    it('is refused without an e-mail address', () => {
      expect(newAccountProblem({ ...fits, email: undefined })).toBe('sso_profile_incomplete');
    });
    it('takes the provider\'s e-mail in lower case, and only when it is one', () => {
      expect(usableEmail(' Helle@AAB.dk ')).toBe('helle@aab.dk');
      expect(usableEmail('helle')).toBeUndefined();
      expect(usableEmail(undefined)).toBeUndefined();
    });
  });
});
