import { useEffect, useState } from 'react';
import { signIn } from '../../text/sign-in';
import { ssoLoginUrl, ssoProviders, type SsoProvider } from './sign-in-api';

/** "Log ind med {displayName}" for each single sign-on provider of GET /auth/providers; nothing when there are none. */
export function SsoButtons() {
  const [providers, setProviders] = useState<SsoProvider[]>([]);

  useEffect(() => {
    let cancelled = false;
    ssoProviders()
      .then((list) => !cancelled && setProviders(list))
      // Without the list the password still works: no buttons, no alarm.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);

  if (!providers.length) return null;
  return (
    <section aria-labelledby="sso-heading" className="sso-buttons">
      <h2 id="sso-heading" className="h4">
        {signIn.ssoHeading}
      </h2>
      <ul className="nobullet-list">
        {providers.map((provider) => (
          <li key={provider.id}>
            <a className="button button-secondary" href={ssoLoginUrl(provider.id)}>
              {signIn.ssoButton(provider.displayName)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
