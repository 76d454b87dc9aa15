import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../../generated/api';
import { currentAccessToken, setAccessToken } from './access-token';
import { NetworkProblem, problemOf } from './problem';
import { stepUp } from './step-up';

export const API_BASE = '/api/v1';

/** The document's paths without the /api/v1 prefix, which is the client's baseUrl: `api.GET('/me')`. */
export type ApiPaths = { [P in keyof paths as P extends `/api/v1${infer Rest}` ? Rest : never]: paths[P] };

/**
 * Sign-in and session routes take the refresh token as the HttpOnly cookie (X-Token-Transport:
 * cookie), which is also the session routes' defence against other sites.
 */
const usesCookieTransport = (pathname: string) => pathname.startsWith(`${API_BASE}/auth/`);
/** The access token is not sent where the route does not want it (sign-in steps use the mfaToken). */
const sendsAccessToken = (pathname: string) => !pathname.startsWith(`${API_BASE}/auth/session/`) && pathname !== `${API_BASE}/auth/login`;
/** 401 codes that a fresh access token cures; others (session_ended, invalid_credentials) it does not. */
const EXPIRED_ACCESS = new Set(['unauthenticated', 'token_invalid']);

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time, shared by every request that found its token expired (single flight). */
export function refreshAccessToken(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const response = await fetch(`${API_BASE}/auth/session/refresh`, { method: 'POST', headers: { 'X-Token-Transport': 'cookie' }, credentials: 'same-origin' });
      if (!response.ok) {
        setAccessToken(null);
        return false;
      }
      setAccessToken(((await response.json()) as { accessToken: string }).accessToken);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

function prepared(request: Request): Request {
  const url = new URL(request.url);
  const headers = new Headers(request.headers);
  if (usesCookieTransport(url.pathname)) headers.set('X-Token-Transport', 'cookie');
  const token = currentAccessToken();
  if (token && sendsAccessToken(url.pathname) && !headers.has('Authorization')) headers.set('Authorization', `Bearer ${token}`);
  return new Request(request, { headers, credentials: 'same-origin' });
}

async function send(request: Request): Promise<Response> {
  try {
    return await fetch(prepared(request));
  } catch (error) {
    throw new NetworkProblem(error);
  }
}

/**
 * Sends with the access token; on an expired one, refreshes once and sends again. On
 * `step_up_required` (a read that needs a recent sign-in), the step-up dialog asks for the second
 * factor (api/step-up.ts) and the request is sent again with the session's new token: every
 * screen gets step-up from here.
 */
async function authenticatedFetch(request: Request): Promise<Response> {
  const original = request.clone();
  let response = await send(request);
  if (response.status !== 401 || !currentAccessToken() || !sendsAccessToken(new URL(request.url).pathname)) return response;
  let problem = await problemOf(response);
  if (EXPIRED_ACCESS.has(problem.code)) {
    if (!(await refreshAccessToken())) return response;
    response = await send(original.clone());
    if (response.status !== 401) return response;
    problem = await problemOf(response);
  }
  if (problem.code === 'step_up_required' && (await stepUp())) return send(original.clone());
  return response;
}

/** problem+json answers become a thrown ApiProblem with its code, so screens catch one kind of error. */
const throwProblems: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await problemOf(response);
    return undefined;
  },
};

export const api = createClient<ApiPaths>({ baseUrl: API_BASE, fetch: authenticatedFetch });
api.use(throwProblems);

/**
 * The body of a successful answer (`await answer(api.GET('/me'))`); refusals were thrown as
 * ApiProblem already, so this only narrows the type.
 */
export async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data } = await call;
  return data as T;
}

/**
 * Headers for a POST that must happen once however often it is sent (a visit, a conversation):
 * `api.POST('/…', { body, headers: idempotent(key) })`. The offline outbox keeps the key with the
 * queued request and sends the same one again.
 */
export function idempotent(key: string = crypto.randomUUID()): { 'Idempotency-Key': string } {
  return { 'Idempotency-Key': key };
}
