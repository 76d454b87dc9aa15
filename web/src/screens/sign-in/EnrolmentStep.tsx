import { useEffect, useState } from 'react';
import type { SignInOutcome } from '../../api/session-api';
import { Button } from '../../components/Button';
import { signIn } from '../../text/sign-in';
import { PasskeyEnrolment } from './PasskeyEnrolment';
import { RecoveryCodesShown } from './RecoveryCodesShown';
import type { Enrolled } from './sign-in-api';
import { TotpEnrolment } from './TotpEnrolment';

/**
 * `mfa_enrolment_required`: the role must use a second factor and the user has none. They choose an
 * authenticator app or a passkey; the enrolment signs them in and brings ten recovery codes, shown
 * once before the app goes on.
 */
export function EnrolmentStep({ mfaToken, onOutcome }: { mfaToken: string; onOutcome: (outcome: SignInOutcome) => void }) {
  const [method, setMethod] = useState<'totp' | 'passkey' | null>(null);
  const [enrolled, setEnrolled] = useState<Enrolled | null>(null);

  useEffect(() => {
    // No codes (there were some already): nothing to show before going on.
    if (enrolled && !enrolled.recoveryCodes.length) onOutcome(enrolled.outcome);
  }, [enrolled, onOutcome]);

  if (enrolled) return enrolled.recoveryCodes.length ? <RecoveryCodesShown codes={enrolled.recoveryCodes} onSaved={() => onOutcome(enrolled.outcome)} /> : null;
  if (method === 'totp') return <TotpEnrolment mfaToken={mfaToken} onEnrolled={setEnrolled} />;
  if (method === 'passkey') return <PasskeyEnrolment mfaToken={mfaToken} onEnrolled={setEnrolled} />;
  return (
    <div>
      <p>{signIn.enrolIntro}</p>
      <ul className="nobullet-list enrol-choices">
        <li>
          <Button onClick={() => setMethod('totp')}>{signIn.chooseApp}</Button>
          <p className="form-hint">{signIn.chooseAppHint}</p>
        </li>
        <li>
          <Button variant="secondary" onClick={() => setMethod('passkey')}>
            {signIn.choosePasskey}
          </Button>
          <p className="form-hint">{signIn.choosePasskeyHint}</p>
        </li>
      </ul>
    </div>
  );
}
