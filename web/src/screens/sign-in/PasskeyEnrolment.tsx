import { type FormEvent, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { signIn } from '../../text/sign-in';
import { passkeyProblemText } from './passkey-problem';
import { type Enrolled, registerPasskey } from './sign-in-api';

/** Registering a passkey at sign-in, with a name to tell it from later ones. */
export function PasskeyEnrolment({ mfaToken, onEnrolled }: { mfaToken: string; onEnrolled: (enrolled: Enrolled) => void }) {
  const [name, setName] = useState<string>(signIn.passkeyDefaultName);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      onEnrolled(await registerPasskey(mfaToken, name.trim() || signIn.passkeyDefaultName));
    } catch (error) {
      setProblem(passkeyProblemText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <h2>{signIn.passkeyEnrolTitle}</h2>
      <p>{signIn.passkeyEnrolIntro}</p>
      {problem && <Alert kind="error">{problem}</Alert>}
      <Field id="passkey-name" label={signIn.passkeyName} hint={signIn.passkeyNameHint} maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      <Button type="submit" busy={busy}>
        {signIn.registerPasskey}
      </Button>
    </form>
  );
}
