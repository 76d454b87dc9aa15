import { type FormEvent, useState } from 'react';
import type { SignInOutcome } from '../../api/session-api';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { signIn } from '../../text/sign-in';
import { summaryOf } from './problem-summary';
import { signInWithRecoveryCode } from './sign-in-api';

/** A recovery code typed from paper: letters and digits, dashes and spaces as the user likes. */
export const RECOVERY_CODE = /^[0-9A-Za-z\s-]{16,40}$/;

/** The second step with one of the recovery codes (lost phone or key); each works once. */
export function RecoveryCodeStep({ mfaToken, onOutcome }: { mfaToken: string; onOutcome: (outcome: SignInOutcome) => void }) {
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = code.trim();
    if (!RECOVERY_CODE.test(typed)) {
      setErrors([{ fieldId: 'recovery-code', text: signIn.recoveryCodeFormat }]);
      return;
    }
    setBusy(true);
    try {
      onOutcome(await signInWithRecoveryCode(mfaToken, typed));
    } catch (error) {
      setErrors(summaryOf(error, 'recovery-code'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary items={errors} />
      <Field
        id="recovery-code"
        label={signIn.recoveryCode}
        hint={signIn.recoveryCodeHint}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={errors.find((e) => e.fieldId === 'recovery-code')?.text}
      />
      <Button type="submit" busy={busy}>
        {signIn.continue}
      </Button>
    </form>
  );
}
