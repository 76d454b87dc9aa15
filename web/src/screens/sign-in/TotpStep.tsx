import { type FormEvent, useState } from 'react';
import { signInWithTotp, type SignInOutcome } from '../../api/session-api';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { signIn } from '../../text/sign-in';
import { summaryOf } from './problem-summary';

/** The second step with the authenticator app's code. */
export function TotpStep({ mfaToken, onOutcome }: { mfaToken: string; onOutcome: (outcome: SignInOutcome) => void }) {
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setErrors([{ fieldId: 'totp-code', text: signIn.codeFormat }]);
      return;
    }
    setBusy(true);
    try {
      onOutcome(await signInWithTotp(mfaToken, digits));
    } catch (error) {
      setErrors(summaryOf(error, 'totp-code'));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary items={errors} />
      <Field
        id="totp-code"
        label={signIn.totpCode}
        hint={signIn.totpHint}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={errors.find((e) => e.fieldId === 'totp-code')?.text}
      />
      <Button type="submit" busy={busy}>
        {signIn.continue}
      </Button>
    </form>
  );
}
