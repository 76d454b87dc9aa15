import type { Response } from 'supertest';
import { STAFF_PASSWORD } from './fixtures';
import type { AuthenticationAnswer, RegistrationAnswer, SoftwareAuthenticator, Tampering } from './software-authenticator';
import { API, type TestApp } from './test-app';

/** A sign-in with a passkey through the API, step by step, as a web client does it. */
export class PasskeySignIn {
  constructor(private readonly t: TestApp) {}

  post(path: string, body: object, bearer?: string) {
    const req = this.t.http().post(API + path);
    if (bearer) req.set('Authorization', `Bearer ${bearer}`);
    return req.send(body);
  }

  /** The password step: `{status, mfaToken, methods}` for a user with (or who must have) a second factor. */
  async password(email: string): Promise<{ status: string; mfaToken: string; methods?: string[] }> {
    const res = await this.post('/auth/login', { email, password: STAFF_PASSWORD });
    expectOk(res, 'login');
    return res.body;
  }

  /** Registers `key`: at sign-in with an enrol mfaToken, or signed in with a bearer token. */
  async register(key: SoftwareAuthenticator, by: { mfaToken: string } | { bearer: string }, tampering: Tampering = {}, name?: string): Promise<Response> {
    const credentials = 'mfaToken' in by ? { mfaToken: by.mfaToken } : {};
    const bearer = 'bearer' in by ? by.bearer : undefined;
    const options = await this.post('/auth/mfa/passkey/register/options', credentials, bearer);
    expectOk(options, 'registration options');
    const response: RegistrationAnswer = key.register(options.body, tampering);
    return this.post('/auth/mfa/passkey/register', { ...credentials, ...(name ? { name } : {}), response }, bearer);
  }

  /** Enrols `key` at the sign-in of a user who must use a second factor and has none: the enrolment's answer. */
  async enrolAtSignIn(email: string, key: SoftwareAuthenticator): Promise<{ accessToken: string; refreshToken: string; recoveryCodes: string[] }> {
    const step = await this.password(email);
    if (step.status !== 'mfa_enrolment_required') throw new Error(`expected mfa_enrolment_required, got ${JSON.stringify(step)}`);
    const res = await this.register(key, { mfaToken: step.mfaToken });
    expectOk(res, 'register passkey');
    return res.body;
  }

  /** The options for the second step with a passkey. */
  async options(mfaToken: string): Promise<{ challenge: string; rpId?: string; allowCredentials?: { id: string }[] }> {
    const res = await this.post('/auth/mfa/passkey/options', { mfaToken });
    expectOk(res, 'passkey options');
    return res.body;
  }

  answer(mfaToken: string, response: AuthenticationAnswer): Promise<Response> {
    return this.post('/auth/mfa/passkey', { mfaToken, response });
  }

  /** Password, then `key` answers a fresh challenge: the second step's response. */
  async signIn(email: string, key: SoftwareAuthenticator, tampering: Tampering = {}): Promise<Response> {
    const { mfaToken } = await this.password(email);
    return this.answer(mfaToken, key.authenticate(await this.options(mfaToken), tampering));
  }
}

/** What an access token says about its sign-in (its claims, unverified: the API made it). */
export function claimsOf(accessToken: string): { amr: string[]; auth_time: number } {
  return JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString());
}

function expectOk(res: Response, what: string): void {
  if (res.status !== 200) throw new Error(`${what}: expected 200, got ${res.status} ${JSON.stringify(res.body)}`);
}
