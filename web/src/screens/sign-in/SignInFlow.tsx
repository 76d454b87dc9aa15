import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { SignInOutcome } from '../../api/session-api';
import { homeOf } from '../../app/roles';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { signIn } from '../../text/sign-in';
import { PasswordStep } from './PasswordStep';
import { SecondFactorStep } from './SecondFactorStep';
import { SignInLayout } from './SignInLayout';
import { SsoButtons } from './SsoButtons';
import './sign-in.css';

/**
 * A sign-in from wherever it starts (the password at /log-ind, a single sign-on's return, a new
 * password from an invitation) to its end: the second step the API asks for (or the enrolment of
 * one), then the page the user came for, or their role's first screen.
 */
export function SignInFlow({ initial = null }: { initial?: SignInOutcome | null }) {
  const session = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [step, setStep] = useState<SignInOutcome | null>(initial);

  useEffect(() => {
    if (step?.kind !== 'signed-in') return;
    void session.signedIn().then((me) => navigate(from && !from.startsWith('/log-ind') && from !== '/set-password' ? from : homeOf(me.role), { replace: true }));
  }, [step, session, navigate, from]);

  if (session.status === 'restoring') return <Loading />;
  if (session.status === 'signed-in' && session.me && step === null) return <Navigate to={homeOf(session.me.role)} replace />;

  const secondStep = step && 'mfaToken' in step ? step : null;
  const heading = secondStep?.kind === 'mfa-enrolment-required' ? signIn.enrolTitle : secondStep ? signIn.secondFactorTitle : signIn.title;
  return (
    <SignInLayout>
      <PageHeading>{heading}</PageHeading>
      {step === null && (
        <>
          <PasswordStep onOutcome={setStep} />
          <SsoButtons />
        </>
      )}
      {secondStep && <SecondFactorStep outcome={secondStep} onOutcome={setStep} />}
      {step?.kind === 'approval-pending' && <Alert kind="info">{signIn.approvalPending}</Alert>}
      {step?.kind === 'signed-in' && <Loading text={signIn.signingIn} />}
      {step && step.kind !== 'signed-in' && (
        <p className="start-over">
          <Button variant="tertiary" onClick={() => setStep(null)}>
            {signIn.startOver}
          </Button>
        </p>
      )}
    </SignInLayout>
  );
}
