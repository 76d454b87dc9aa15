import type { OidcProviderConfig } from '../sso-provider-config';
import { assertionFromClaims, UNKNOWN_AUTHENTICATION_TIME } from './oidc-claims';

const entra: OidcProviderConfig = {
  kind: 'oidc',
  id: 'aab',
  displayName: 'AAB',
  returnUrl: 'https://app.example.dk/signed-in',
  issuer: 'https://login.microsoftonline.com/tenant/v2.0',
  clientId: 'client',
  clientSecretEnv: 'AAB_SECRET',
  subjectClaim: 'oid',
  rolesClaim: 'roles',
  roles: { 'Helhedsplan.Counsellor': 'counsellor', 'Helhedsplan.Leader': 'leader' },
  mfa: { amr: ['mfa'] },
};
const claims = { iss: entra.issuer, sub: 'pairwise-sub', oid: '7f1c2d3e', name: 'Helle Hansen', email: 'helle@aab.dk', roles: ['Helhedsplan.Counsellor', 'Other.App'], amr: ['pwd'] };

describe('what an ID token says about the person', () => {
  it('names the person by the issuer and the configured stable subject claim, not the e-mail', () => {
    expect(assertionFromClaims(entra, claims)).toMatchObject({ issuer: entra.issuer, subject: '7f1c2d3e', email: 'helle@aab.dk', name: 'Helle Hansen' });
  });

  it('maps only the provider values the file lists to roles', () => {
    expect(assertionFromClaims(entra, claims).roles).toEqual(['counsellor']);
    expect(assertionFromClaims(entra, { ...claims, roles: undefined }).roles).toEqual([]);
    expect(assertionFromClaims(entra, { ...claims, roles: ['Helhedsplan.Counsellor', 'Helhedsplan.Leader'] }).roles).toEqual(['counsellor', 'leader']);
  });

  it('counts the sign-in as multi-factor only when the provider asserts it in amr or acr', () => {
    expect(assertionFromClaims(entra, claims).multiFactor).toBe(false);
    expect(assertionFromClaims(entra, { ...claims, amr: ['pwd', 'mfa'] }).multiFactor).toBe(true);
    const byAcr = { ...entra, mfa: { acr: ['urn:example:loa:substantial'] } };
    expect(assertionFromClaims(byAcr, { ...claims, acr: 'urn:example:loa:substantial' }).multiFactor).toBe(true);
    expect(assertionFromClaims(byAcr, { ...claims, acr: 'urn:example:loa:low' }).multiFactor).toBe(false);
  });

  it('counts an Entra ID authentication context the file lists (acrs) as multi-factor', () => {
    const byContext = { ...entra, mfa: { acrs: ['c1'] } };
    expect(assertionFromClaims(byContext, { ...claims, acrs: ['c1'] })).toMatchObject({ multiFactor: true });
    expect(assertionFromClaims(byContext, { ...claims, acrs: ['c2'] }).multiFactor).toBe(false);
    expect(assertionFromClaims(byContext, claims).multiFactor).toBe(false);
  });

  it('takes the tenant\'s MFA policy on the operator\'s word only when the file says so, and marks it as such', () => {
    expect(assertionFromClaims({ ...entra, tenantEnforcesMfa: true }, claims)).toMatchObject({ multiFactor: true, multiFactorByPolicy: true });
    expect(assertionFromClaims({ ...entra, tenantEnforcesMfa: true }, { ...claims, amr: ['pwd', 'mfa'] })).not.toHaveProperty('multiFactorByPolicy');
    expect(assertionFromClaims(entra, claims)).not.toHaveProperty('multiFactorByPolicy');
  });

  it('takes the provider\'s auth_time as the time of authentication, and an unknown one as long ago, never as now', () => {
    expect(assertionFromClaims(entra, { ...claims, auth_time: 1_800_000_000 }).authenticatedAt).toEqual(new Date(1_800_000_000_000));
    expect(assertionFromClaims(entra, claims).authenticatedAt).toBe(UNKNOWN_AUTHENTICATION_TIME);
    expect(UNKNOWN_AUTHENTICATION_TIME.getTime()).toBe(0);
  });

  it('refuses a token without the subject claim', () => {
    expect(() => assertionFromClaims(entra, { ...claims, oid: undefined })).toThrow(expect.objectContaining({ code: 'sso_assertion_invalid' }));
  });
});
