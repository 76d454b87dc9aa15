import { BACKCHANNEL_LOGOUT_EVENT, logoutTokenClaims, logoutTokenHeader } from './logout-token';

const valid = { iss: 'https://login.example', aud: 'client', iat: 1_700_000_000, jti: 'j-1', sub: 'pairwise-sub', sid: 'session-1', events: { [BACKCHANNEL_LOGOUT_EVENT]: {} } };

describe('what makes a provider\'s signed token a back-channel logout', () => {
  it('names the person, the provider\'s session, or both, and its jti', () => {
    expect(logoutTokenClaims(valid)).toEqual({ jti: 'j-1', sub: 'pairwise-sub', sid: 'session-1' });
    expect(logoutTokenClaims({ ...valid, sub: undefined })).toEqual({ jti: 'j-1', sid: 'session-1' });
    expect(logoutTokenClaims({ ...valid, sid: undefined })).toEqual({ jti: 'j-1', sub: 'pairwise-sub' });
  });

  it('refuses a token without the logout event, so an ID token of the same provider is never a logout', () => {
    expect(() => logoutTokenClaims({ ...valid, events: undefined })).toThrow(/no back-channel logout event/);
    expect(() => logoutTokenClaims({ ...valid, events: { [BACKCHANNEL_LOGOUT_EVENT]: 'yes' } })).toThrow(/no back-channel logout event/);
    expect(() => logoutTokenClaims({ ...valid, events: { 'http://schemas.openid.net/event/other': {} } })).toThrow(/no back-channel logout event/);
  });

  it('refuses a token with a nonce, without sub and sid, without jti or without iat', () => {
    expect(() => logoutTokenClaims({ ...valid, nonce: 'n' })).toThrow(/nonce/);
    expect(() => logoutTokenClaims({ ...valid, sub: undefined, sid: undefined })).toThrow(/neither a subject nor a session/);
    expect(() => logoutTokenClaims({ ...valid, sub: 42 })).toThrow(/not a string/);
    expect(() => logoutTokenClaims({ ...valid, jti: undefined })).toThrow(/jti/);
    expect(() => logoutTokenClaims({ ...valid, iat: undefined })).toThrow(/iat/);
  });

  it('accepts only asymmetric signatures and a logout type', () => {
    expect(logoutTokenHeader({ alg: 'RS256', kid: 'k1', typ: 'logout+jwt' })).toEqual({ alg: 'RS256', kid: 'k1' });
    expect(logoutTokenHeader({ alg: 'ES256' })).toEqual({ alg: 'ES256' });
    for (const alg of ['none', 'HS256', undefined]) expect(() => logoutTokenHeader({ alg })).toThrow(/algorithm/);
    expect(() => logoutTokenHeader({ alg: 'RS256', typ: 'at+jwt' })).toThrow(/type/);
    expect(() => logoutTokenHeader({ alg: 'RS256', crit: ['b64'] })).toThrow(/critical/);
  });
});
