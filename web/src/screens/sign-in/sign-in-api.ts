import { startAuthentication, startRegistration, WebAuthnError, type PublicKeyCredentialCreationOptionsJSON, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { setAccessToken } from '../../api/access-token';
import { answer, api } from '../../api/client';
import { signInOutcome, type SignInOutcome } from '../../api/session-api';

/*
 * The sign-in family's calls beyond the password and the authenticator code (api/session-api.ts):
 * passkeys, recovery codes, enrolment, single sign-on, setting a password, and step-up. Every answer
 * that hands out tokens goes through signInOutcome, which keeps the access token in memory; the
 * refresh token comes as the HttpOnly cookie (the client asks for cookie transport on /auth/).
 */

/** A passkey's answer as the API's body takes it (the browser's JSON; the API checks its shape). */
type PasskeyAnswerBody = never;

export async function signInWithRecoveryCode(mfaToken: string, code: string): Promise<SignInOutcome> {
  return signInOutcome(await answer(api.POST('/auth/mfa/recovery', { body: { mfaToken, code } })));
}

/** The browser asks the user for one of their passkeys (the API's challenge), and the answer completes the sign-in. */
export async function signInWithPasskey(mfaToken: string): Promise<SignInOutcome> {
  const options = await answer(api.POST('/auth/mfa/passkey/options', { body: { mfaToken } }));
  const response = await startAuthentication({ optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON });
  return signInOutcome(await answer(api.POST('/auth/mfa/passkey', { body: { mfaToken, response: response as PasskeyAnswerBody } })));
}

/** An enrolment that completed the sign-in: the outcome (signed in) and the recovery codes, shown once. */
export interface Enrolled {
  outcome: SignInOutcome;
  recoveryCodes: string[];
}

/** What an enrolment at sign-in answers: the access token (the refresh token came as the cookie) and the recovery codes. */
interface EnrolmentAnswer {
  accessToken?: string;
  recoveryCodes?: string[];
}

export function startTotpEnrolment(mfaToken: string): Promise<{ secret: string; otpauthUrl: string }> {
  return answer(api.POST('/auth/mfa/totp/enrol', { body: { mfaToken } }));
}

export async function confirmTotp(mfaToken: string, code: string): Promise<Enrolled> {
  const body = (await answer(api.POST('/auth/mfa/totp/confirm', { body: { mfaToken, code } }))) as EnrolmentAnswer;
  return { outcome: signInOutcome(body), recoveryCodes: body.recoveryCodes ?? [] };
}

export async function registerPasskey(mfaToken: string, name: string): Promise<Enrolled> {
  const options = await answer(api.POST('/auth/mfa/passkey/register/options', { body: { mfaToken } }));
  const response = await startRegistration({ optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON });
  const body = (await answer(api.POST('/auth/mfa/passkey/register', { body: { mfaToken, name, response: response as PasskeyAnswerBody } }))) as EnrolmentAnswer;
  return { outcome: signInOutcome(body), recoveryCodes: body.recoveryCodes ?? [] };
}

export interface SsoProvider {
  id: string;
  displayName: string;
}

export async function ssoProviders(): Promise<SsoProvider[]> {
  return (await answer(api.GET('/auth/providers'))) as SsoProvider[];
}

/** Where an SSO button sends the browser: the API starts the provider's sign-in and comes back to /log-ind/sso. */
export const ssoLoginUrl = (providerId: string) => `/api/v1/auth/sso/${encodeURIComponent(providerId)}/login`;

/** The one-time code the SSO sign-in came back with (in the address's fragment) for what a password sign-in answers. */
export async function exchangeSsoCode(code: string): Promise<SignInOutcome> {
  return signInOutcome(await answer(api.POST('/auth/exchange', { body: { code } })));
}

/** An invitation's or a reset's link: the new password is set, and the answer says what comes next (enrolment, as a rule). */
export async function setPassword(link: { kind: 'invitation' | 'reset'; token: string }, password: string): Promise<SignInOutcome> {
  const call =
    link.kind === 'invitation'
      ? api.POST('/auth/invitations/accept', { body: { token: link.token, password } })
      : api.POST('/auth/password-resets/complete', { body: { token: link.token, password } });
  return signInOutcome(await answer<unknown>(call));
}

/** Step-up by an authenticator code or a recovery code: the session's new access token replaces the old one in memory. */
export async function stepUpWithCode(code: string): Promise<void> {
  const body = await answer(api.POST('/auth/step-up', { body: { code } }));
  setAccessToken(body.accessToken);
}

export async function stepUpWithPasskey(): Promise<void> {
  const options = await answer(api.POST('/auth/step-up/passkey/options'));
  const passkey = await startAuthentication({ optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON });
  const body = await answer(api.POST('/auth/step-up', { body: { passkey: passkey as PasskeyAnswerBody } }));
  setAccessToken(body.accessToken);
}

/** The browser's own refusal of a passkey ceremony (the user cancelled, no passkey here), as opposed to the API's. */
export const isPasskeyCancelled = (error: unknown) => error instanceof WebAuthnError || (error instanceof Error && error.name === 'NotAllowedError');
