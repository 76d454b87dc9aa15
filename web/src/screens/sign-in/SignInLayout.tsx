import type { ReactNode } from 'react';
import { common } from '../../text/common';

/** The frame of the signed-out pages (sign-in, set-password): skip link, the service's name, <main id="indhold">. */
export function SignInLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skipnav" href="#indhold">
        {common.skipLink}
      </a>
      <header className="header">
        <div className="portal-header">
          <div className="container portal-header-inner">
            <p className="h3 service-name">{common.serviceName}</p>
          </div>
        </div>
      </header>
      <main id="indhold" className="container page-container" tabIndex={-1}>
        <div className="sign-in">{children}</div>
      </main>
    </>
  );
}
