/**
 * The access token lives here, in memory only: never in localStorage, sessionStorage, IndexedDB or
 * a readable cookie. A reload forgets it; the HttpOnly refresh cookie brings a new one
 * (restoreSession in session-api.ts).
 */
let accessToken: string | null = null;
const listeners = new Set<(signedIn: boolean) => void>();

export const currentAccessToken = (): string | null => accessToken;

export function setAccessToken(token: string | null): void {
  const changed = (token === null) !== (accessToken === null);
  accessToken = token;
  if (changed) for (const listener of listeners) listener(token !== null);
}

/** Called when the session starts or ends (e.g. a refresh finds it ended): the session context listens. */
export function onSignedInChange(listener: (signedIn: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
