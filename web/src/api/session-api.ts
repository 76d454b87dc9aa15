import { currentAccessToken, setAccessToken } from './access-token';
import { answer, api, refreshAccessToken } from './client';

export type Me = Awaited<ReturnType<typeof loadMe>>;

/** What a sign-in step answered: signed in (the access token is kept), a further step, or waiting for approval. */
export type SignInOutcome =
  | { kind: 'signed-in' }
  | { kind: 'mfa-required'; mfaToken: string; methods: string[] }
  | { kind: 'mfa-enrolment-required'; mfaToken: string }
  | { kind: 'approval-pending' };

/** Reads any sign-in answer (login, second steps, enrolment, SSO exchange, invitation, reset). */
export function signInOutcome(body: unknown): SignInOutcome {
  const answerBody = body as { accessToken?: string; status?: string; mfaToken?: string; methods?: string[] };
  if (answerBody.accessToken) {
    setAccessToken(answerBody.accessToken);
    return { kind: 'signed-in' };
  }
  if (answerBody.status === 'mfa_required') return { kind: 'mfa-required', mfaToken: answerBody.mfaToken ?? '', methods: answerBody.methods ?? [] };
  if (answerBody.status === 'mfa_enrolment_required') return { kind: 'mfa-enrolment-required', mfaToken: answerBody.mfaToken ?? '' };
  return { kind: 'approval-pending' };
}

export async function signInWithPassword(email: string, password: string): Promise<SignInOutcome> {
  return signInOutcome(await answer(api.POST('/auth/login', { body: { email, password } })));
}

export async function signInWithTotp(mfaToken: string, code: string): Promise<SignInOutcome> {
  return signInOutcome(await answer(api.POST('/auth/mfa/totp', { body: { mfaToken, code } })));
}

export function loadMe() {
  return answer(api.GET('/me'));
}

/** At start (a reload): the HttpOnly cookie may still hold a session; quietly get an access token for it. */
export async function restoreSession(): Promise<boolean> {
  if (currentAccessToken()) return true;
  return refreshAccessToken();
}

/** Ends the session at the API and forgets the access token; answers the SSO provider's logout URL if any. */
export async function signOut(): Promise<string | undefined> {
  try {
    const { data } = await api.POST('/auth/session/logout', { params: { header: { 'X-Token-Transport': 'cookie' } } });
    return (data as { providerLogoutUrl?: string } | undefined)?.providerLogoutUrl;
  } finally {
    setAccessToken(null);
  }
}
