import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { onSignedInChange } from '../api/access-token';
import { loadMe, type Me, restoreSession, signOut as endSession } from '../api/session-api';

export interface Session {
  /** `restoring` while a reload asks the cookie for the session; then the user or null. */
  status: 'restoring' | 'signed-in' | 'signed-out';
  me: Me | null;
  /** After a sign-in step answered tokens: load the user (GET /me). */
  signedIn: () => Promise<Me>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Session['status']>('restoring');
  const [me, setMe] = useState<Me | null>(null);

  const signedIn = useCallback(async () => {
    const user = await loadMe();
    setMe(user);
    setStatus('signed-in');
    return user;
  }, []);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        if ((await restoreSession()) && !cancelled) {
          await signedIn();
          return;
        }
      } catch {
        // no session to restore: sign in
      }
      if (!cancelled) setStatus('signed-out');
    })();
    // A refresh that finds the session ended (elsewhere, or expired) signs the app out.
    const stop = onSignedInChange((on) => {
      if (!on) {
        setMe(null);
        setStatus('signed-out');
      }
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [signedIn]);

  const signOut = useCallback(async () => {
    let providerLogoutUrl: string | undefined;
    try {
      providerLogoutUrl = await endSession();
    } finally {
      setMe(null);
      setStatus('signed-out');
    }
    if (providerLogoutUrl) window.location.assign(providerLogoutUrl);
  }, []);

  const value = useMemo(() => ({ status, me, signedIn, signOut }), [status, me, signedIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
