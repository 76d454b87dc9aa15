import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { SignInOutcome } from '../../api/session-api';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { problemText } from '../../text/problems';
import { signIn } from '../../text/sign-in';
import { summaryOf } from './problem-summary';
import { exchangeSsoCode } from './sign-in-api';
import { SignInFlow } from './SignInFlow';
import { SignInLayout } from './SignInLayout';

/**
 * /log-ind/sso: where a single sign-on comes back (the provider's returnUrl), with `#code=<one-time
 * code>` or `#error=<problem code>` in the fragment, which never reaches a server log. The code is
 * taken out of the address bar at once and exchanged (POST /auth/exchange, the refresh token as the
 * cookie); the sign-in then goes on as a password's would (second step, enrolment).
 */
export function SsoLandingPage() {
  const [outcome, setOutcome] = useState<SignInOutcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const fragment = new URLSearchParams(window.location.hash.slice(1));
    window.history.replaceState(window.history.state, '', window.location.pathname);
    const code = fragment.get('code');
    const error = fragment.get('error');
    if (error || !code) {
      setProblem(error ? problemText(error) : signIn.ssoNoCode);
      return;
    }
    exchangeSsoCode(code).then(setOutcome, (failure: unknown) => setProblem(summaryOf(failure)[0]?.text ?? signIn.ssoNoCode));
  }, []);

  if (outcome) return <SignInFlow initial={outcome} />;
  return (
    <SignInLayout>
      <PageHeading>{signIn.title}</PageHeading>
      {problem ? (
        <>
          <Alert kind="error">{problem}</Alert>
          <p>
            <Link to="/log-ind">{signIn.backToSignIn}</Link>
          </p>
        </>
      ) : (
        <Loading text={signIn.signingIn} />
      )}
    </SignInLayout>
  );
}
