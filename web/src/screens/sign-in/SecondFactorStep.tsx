import { useState } from 'react';
import type { SignInOutcome } from '../../api/session-api';
import { Button } from '../../components/Button';
import { signIn } from '../../text/sign-in';
import { EnrolmentStep } from './EnrolmentStep';
import { PasskeySignIn } from './PasskeySignIn';
import { RecoveryCodeStep } from './RecoveryCodeStep';
import { TotpStep } from './TotpStep';

/**
 * The second step of a sign-in, offering what the user has (the API's `methods`): the
 * authenticator app's code, a passkey, or a recovery code; or, for `mfa_enrolment_required`, the
 * enrolment of a first one.
 */
export function SecondFactorStep({ outcome, onOutcome }: { outcome: Extract<SignInOutcome, { mfaToken: string }>; onOutcome: (outcome: SignInOutcome) => void }) {
  const [recovery, setRecovery] = useState(false);
  if (outcome.kind === 'mfa-enrolment-required') return <EnrolmentStep mfaToken={outcome.mfaToken} onOutcome={onOutcome} />;

  const { mfaToken, methods } = outcome;
  const totp = methods.includes('totp');
  const passkey = methods.includes('passkey');
  if (recovery || (!totp && !passkey)) {
    return (
      <>
        <RecoveryCodeStep mfaToken={mfaToken} onOutcome={onOutcome} />
        {(totp || passkey) && (
          <p>
            <Button variant="tertiary" onClick={() => setRecovery(false)}>
              {signIn.otherWay}
            </Button>
          </p>
        )}
      </>
    );
  }
  return (
    <>
      {totp && <TotpStep mfaToken={mfaToken} onOutcome={onOutcome} />}
      {totp && passkey && <p className="or-use">{signIn.orUse}</p>}
      {passkey && <PasskeySignIn mfaToken={mfaToken} onOutcome={onOutcome} variant={totp ? 'secondary' : 'primary'} />}
      {methods.includes('recovery_code') && (
        <p>
          <Button variant="tertiary" onClick={() => setRecovery(true)}>
            {signIn.useRecoveryCode}
          </Button>
        </p>
      )}
    </>
  );
}
