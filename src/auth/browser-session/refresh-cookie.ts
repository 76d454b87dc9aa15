import { API_PREFIX } from '../../common/api-prefix';
import type { AppConfig } from '../../config/app-config';

/** The header by which a browser asks for the refresh token in a cookie; also the session routes' CSRF defence. */
export const TOKEN_TRANSPORT_HEADER = 'x-token-transport';
export const COOKIE_TRANSPORT = 'cookie';
export const REFRESH_COOKIE = 'hp_refresh';
/** Only the session routes get the cookie: no other request of the API (or the app's files) carries it. */
export const REFRESH_COOKIE_PATH = `/${API_PREFIX}/auth/session`;

export const wantsCookieTransport = (headers: Record<string, unknown>): boolean => headers[TOKEN_TRANSPORT_HEADER] === COOKIE_TRANSPORT;

/**
 * Secure everywhere but local development over plain http (http://localhost:3000 of `npm start`),
 * where a browser would not send a Secure cookie back to 127.0.0.1.
 */
export function refreshCookieIsSecure(publicUrl: string): boolean {
  const url = new URL(publicUrl);
  return !(url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname));
}

/** The Set-Cookie header handing the browser its refresh token (HttpOnly: no script of the page can read it). */
export function setRefreshCookie(config: Pick<AppConfig, 'publicUrl' | 'refreshTokenTtlSeconds'>, refreshToken: string): string {
  return cookieHeader(config.publicUrl, refreshToken, config.refreshTokenTtlSeconds);
}

export function clearRefreshCookie(config: Pick<AppConfig, 'publicUrl'>): string {
  return cookieHeader(config.publicUrl, '', 0);
}

function cookieHeader(publicUrl: string, value: string, maxAgeSeconds: number): string {
  return [`${REFRESH_COOKIE}=${value}`, `Path=${REFRESH_COOKIE_PATH}`, `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict', ...(refreshCookieIsSecure(publicUrl) ? ['Secure'] : [])].join('; ');
}
