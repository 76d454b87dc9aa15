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

/**
 * /log-ind: password, then the second step the API asks for; then the page the user came for, or
 * their role's first screen. SSO buttons (GET /auth/providers) belong below the password form.
 */
export function SignInPage() {
  const session = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [step, setStep] = useState<SignInOutcome | null>(null);

  useEffect(() => {
    if (step?.kind !== 'signed-in') return;
    void session.signedIn().then((me) => navigate(from && from !== '/log-ind' ? from : homeOf(me.role), { replace: true }));
  }, [step, session, navigate, from]);

  if (session.status === 'restoring') return <Loading />;
  if (session.status === 'signed-in' && session.me && step === null) return <Navigate to={homeOf(session.me.role)} replace />;

  const secondStep = step && 'mfaToken' in step;
  return (
    <SignInLayout>
      <PageHeading>{secondStep ? signIn.secondFactorTitle : signIn.title}</PageHeading>
      {step === null && <PasswordStep onOutcome={setStep} />}
      {secondStep && <SecondFactorStep outcome={step} onOutcome={setStep} />}
      {step?.kind === 'approval-pending' && <Alert kind="info">{signIn.approvalPending}</Alert>}
      {step?.kind === 'signed-in' && <Loading text={signIn.signingIn} />}
      {step && step.kind !== 'signed-in' && (
        <p>
          <Button variant="tertiary" onClick={() => setStep(null)}>
            {signIn.startOver}
          </Button>
        </p>
      )}
    </SignInLayout>
  );
}
