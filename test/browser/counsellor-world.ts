import { freshTotpCode, type WebApp } from '../support/browser';
import { Caller } from '../support/fixtures';
import { API } from '../support/test-app';

/**
 * A counsellor of the browser tests' plan speaking to the API directly (second factor required, as
 * in the app): to set the scene (an activity, a resident, a case) the way another colleague would.
 */
export async function apiCounsellor(web: WebApp): Promise<Caller> {
  const user = await web.user('counsellor', { name: 'Kollega Rådgiver' });
  const first = await web.t().http().post(`${API}/auth/login`).send({ email: user.email, password: user.password });
  const tokens = await web.t().http().post(`${API}/auth/mfa/totp`).send({ mfaToken: first.body.mfaToken, code: await freshTotpCode(user) });
  if (tokens.status !== 200) throw new Error(`sign in ${user.email}: ${tokens.status} ${JSON.stringify(tokens.body)}`);
  return new Caller(web.t(), tokens.body.accessToken as string, { id: user.id, email: user.email, role: 'counsellor', organisationId: null });
}
