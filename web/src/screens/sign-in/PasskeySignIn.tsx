import { useState } from 'react';
import type { SignInOutcome } from '../../api/session-api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { signIn } from '../../text/sign-in';
import { passkeyProblemText } from './passkey-problem';
import { signInWithPasskey } from './sign-in-api';

/** "Log ind med adgangsnøgle": the browser asks for one of the user's passkeys (a key, the phone, the computer's own). */
export function PasskeySignIn({ mfaToken, onOutcome, variant = 'primary' }: { mfaToken: string; onOutcome: (outcome: SignInOutcome) => void; variant?: 'primary' | 'secondary' }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const signInWithKey = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onOutcome(await signInWithPasskey(mfaToken));
    } catch (error) {
      setProblem(passkeyProblemText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="passkey-sign-in">
      {problem && <Alert kind="error">{problem}</Alert>}
      <Button variant={variant} busy={busy} onClick={() => void signInWithKey()}>
        {signIn.passkeySignIn}
      </Button>
    </div>
  );
}
